import { describe, expect, it } from 'vitest';
import { httpStatusOf, MlflowError } from '../../src/index.js';

describe('MlflowError', () => {
  it('maps RESOURCE_ALREADY_EXISTS to 400, as MLflow clients expect', () => {
    expect(new MlflowError('dup', 'RESOURCE_ALREADY_EXISTS').httpStatus).toBe(400);
  });

  it('maps unknown codes to 500 and serialises to the REST error body', () => {
    expect(httpStatusOf('SOMETHING_ELSE')).toBe(500);
    expect(JSON.stringify(new MlflowError('gone', 'RESOURCE_DOES_NOT_EXIST'))).toBe(
      '{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"gone"}',
    );
  });

  it('keeps the file, the field and the cause', () => {
    const cause = new Error('yaml');
    const e = new MlflowError('bad', 'INVALID_PARAMETER_VALUE', {
      file: '/m/MLmodel',
      field: 'flavors',
      cause,
    });
    expect([e.file, e.field, e.cause]).toEqual(['/m/MLmodel', 'flavors', cause]);
  });
});

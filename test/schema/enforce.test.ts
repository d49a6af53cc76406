/**
 * Enforcement behaviour the recorded fixtures do not reach: plain JS inputs, JS-only value kinds
 * (Map, Date, PyFloat), DataFrames for tensor models, and the error helpers.
 */
import { describe, expect, it } from 'vitest';
import { MlflowError } from '../../src/core/mlflow-error.js';
import { PyFloat } from '../../src/core/python-json.js';
import { Column } from '../../src/data/column.js';
import { DataFrame } from '../../src/data/data-frame.js';
import { NAT } from '../../src/data/dtype.js';
import { Tensor } from '../../src/data/tensor.js';
import { paramSchemaFromJson, schemaFromJson } from '../../src/schema/codec.js';
import {
  enforceInput,
  enforceParams,
  enforceSignature,
  formatEnforcementError,
  unwrapEnforced,
} from '../../src/schema/enforce.js';
import type { Schema } from '../../src/schema/types.js';
import { render } from '../support/python-values.js';

const columns = (json: string): Schema => schemaFromJson(json);
const twoCols = columns(
  '[{"type": "double", "name": "a", "required": true}, {"type": "long", "name": "b", "required": false}]',
);

function message(schema: Schema, input: unknown): string {
  const r = enforceInput(schema, input);
  if (r.ok) throw new Error('expected a failure');
  return r.issues[0]?.message ?? '';
}

describe('column-based input from plain JS values', () => {
  it('builds a frame from records, in schema order with converted dtypes', () => {
    const r = enforceInput(twoCols, [{ b: 2, a: 1.5 }]);
    expect(r.ok && render(r.value)).toEqual({
      columns: ['a', 'b'],
      dtypes: ['float64', 'int64'],
      data: [[1.5, 2]],
    });
  });

  it('reads an object of arrays column-wise and broadcasts scalars', () => {
    const r = enforceInput(twoCols, { a: [0.5, 2.5], b: 7 });
    expect(r.ok && render(r.value)).toEqual({
      columns: ['a', 'b'],
      dtypes: ['float64', 'int64'],
      data: [
        [0.5, 7],
        [2.5, 7],
      ],
    });
  });

  it('rejects arrays of different lengths with pandas wording', () => {
    expect(message(twoCols, { a: [1.5], b: [1, 2] })).toBe(
      'This model contains a column-based signature, which suggests a DataFrame input. There was an error ' +
        'casting the input data to a DataFrame: All arrays must be of the same length',
    );
  });

  it('treats a PyFloat as a Python float, so 2.0 fits a double column and an int does not', () => {
    const r = enforceInput(twoCols, { a: new PyFloat(2), b: 3 });
    expect(r.ok && render(r.value)).toEqual({
      columns: ['a', 'b'],
      dtypes: ['float64', 'int64'],
      data: [[2, 3]],
    });
    expect(message(twoCols, { a: 2, b: 3 })).toBe(
      'Incompatible input types for column a. Can not safely convert int64 to float64.',
    );
  });

  it('rejects None as input', () => {
    expect(message(twoCols, null)).toBe('Expected input to be DataFrame. Found: NoneType');
  });

  it('checks only the column count for unnamed schemas', () => {
    const unnamed = columns('[{"type": "double", "required": true}, {"type": "double", "required": true}]');
    expect(message(unnamed, [1.5])).toBe(
      'Model inference is missing inputs. The model signature declares 2 inputs  but the provided value only has ' +
        '1 inputs. Note: the inputs were not named in the signature so we can only verify their count.',
    );
  });
});

describe('column dtype conversion', () => {
  const dt = columns('[{"type": "datetime", "name": "t", "required": true}]');

  it('widens int32 to a BigInt64Array for long', () => {
    const long = columns('[{"type": "long", "name": "x", "required": true}]');
    const r = enforceInput(long, new DataFrame([new Column('x', 'int32', Int32Array.of(1, -2))]));
    const x = r.ok && r.value instanceof DataFrame ? r.value.column('x') : undefined;
    expect(x?.dtype).toBe('int64');
    expect(x?.values).toEqual(BigInt64Array.of(1n, -2n));
  });

  it('parses ISO strings (offsets converted to UTC) and Dates into datetime64[ns]', () => {
    const r = enforceInput(dt, [
      { t: '2024-01-02T03:04:05.123456789+01:00' },
      { t: null },
      { t: new Date(0) },
    ]);
    const t = r.ok && r.value instanceof DataFrame ? r.value.column('t') : undefined;
    expect(t?.dtype).toBe('datetime64[ns]');
    expect(t?.values).toEqual(BigInt64Array.of(1704161045123456789n, NAT, 0n));
  });

  it('names the column when a datetime string does not parse', () => {
    expect(message(dt, [{ t: 'soon' }, { t: '2024-01-01' }])).toBe(
      'Failed to convert column t from type object to DataType.datetime.',
    );
  });
});

describe('complex cells', () => {
  const map = columns('[{"type": "map", "values": {"type": "long"}, "name": "m", "required": true}]');
  const obj = columns(
    '[{"type": "object", "properties": {"a": {"type": "long", "required": true}}, "name": "o", "required": false}]',
  );

  it('rejects a JS Map whose keys are not strings', () => {
    expect(message(map, [{ m: new Map([[1, 1]]) }])).toBe(
      'Expected all keys in the map type data are string type.',
    );
  });

  it('points the issue path at the failing cell and key', () => {
    const r = enforceInput(map, [{ m: { k: 1 } }, { m: { k: 'x' } }]);
    expect(!r.ok && r.issues[0]).toEqual({
      path: ['m', 1, 'k'],
      code: 'incompatible_type',
      message: 'Failed to enforce schema of data `x` with dtype `long`',
    });
  });

  it('lets an optional object column hold None', () => {
    const r = enforceInput(obj, [{ o: null }, { o: { a: 1 } }]);
    expect(r.ok && render(r.value)).toEqual({
      columns: ['o'],
      dtypes: ['object'],
      data: [[null], [{ a: 1 }]],
    });
  });
});

describe('tensor-based input', () => {
  const vec = schemaFromJson('[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 2]}}]');

  it('stacks list cells of a single DataFrame column and casts them to the spec dtype', () => {
    const df = new DataFrame([
      new Column('x', 'object', [
        [1, 2],
        [3, 4],
      ]),
    ]);
    const r = enforceInput(vec, df);
    expect(r.ok && render(r.value)).toEqual({
      dtype: 'float32',
      shape: [2, 2],
      data: [
        [1, 2],
        [3, 4],
      ],
    });
  });

  it('reports ragged list cells', () => {
    const df = new DataFrame([new Column('x', 'object', [[1, 2], [3]])]);
    expect(message(vec, df)).toBe(
      "The value in the Input DataFrame column 'None' could not be converted to the expected shape of: '(-1, 2)'. " +
        "Ensure that each of the input list elements are of uniform length and that the data can be coerced to the tensor type 'float32'",
    );
  });

  it('takes named tensors from DataFrame columns', () => {
    const named = schemaFromJson(
      '[{"name": "a", "type": "tensor", "tensor-spec": {"dtype": "float64", "shape": [-1]}}]',
    );
    const r = enforceInput(named, new DataFrame([new Column('a', 'int64', BigInt64Array.of(1n, 2n))]));
    expect(r.ok && render((r.value as Record<string, Tensor>).a)).toEqual({
      dtype: 'float64',
      shape: [2],
      data: [1, 2],
    });
  });
});

describe('params', () => {
  const schema = paramSchemaFromJson(
    '[{"name": "ts", "default": "2024-01-01T00:00:00", "shape": null, "type": "datetime"}, ' +
      '{"name": "ids", "default": [1], "shape": [-1], "type": "long"}]',
  );

  it('gives the model Dates for datetime params, defaults included', () => {
    const r = enforceParams(schema, { ts: '2025-02-03 04:05:06' });
    expect(r.ok && r.value).toEqual({ ts: new Date('2025-02-03T04:05:06Z'), ids: [1] });
  });

  it('turns a 1-D Tensor into a list', () => {
    const r = enforceParams(schema, { ids: new Tensor('int32', [2], Int32Array.of(4, 5)) });
    expect(r.ok && r.value.ids).toEqual([4, 5]);
  });

  it('ignores params without a params schema, with MLflow’s warning', () => {
    const r = enforceParams(null, { k: 1 });
    expect(r).toEqual({
      ok: true,
      value: {},
      warnings: [
        '`params` can only be specified at inference time if the model signature defines a params schema. ' +
          "This model does not define a params schema. Ignoring provided params: ['k']",
      ],
    });
  });
});

describe('errors', () => {
  it('passes input through unchanged when the signature has no input schema', () => {
    const input = { anything: true };
    const r = enforceSignature(null, input);
    expect(r.ok && r.value).toEqual({ input, params: {} });
  });

  it('throws MLflow’s INVALID_PARAMETER_VALUE message from a failed result', () => {
    const r = enforceInput(twoCols, [{ b: 1 }]);
    expect(() => unwrapEnforced(r, twoCols)).toThrow(
      new MlflowError(
        "Failed to enforce schema of data with schema '['a': double (required), 'b': long (optional)]'. " +
          "Error: Model is missing inputs ['a'].",
        'INVALID_PARAMETER_VALUE',
      ),
    );
    expect(() => unwrapEnforced(r, twoCols)).toThrow(
      expect.objectContaining({ errorCode: 'INVALID_PARAMETER_VALUE' }),
    );
  });

  it('hides the details when asked, as MLFLOW_DISABLE_SCHEMA_DETAILS does', () => {
    const r = enforceInput(twoCols, [{ b: 1 }]);
    expect(!r.ok && formatEnforcementError(twoCols, r.issues, { hideDetails: true })).toBe(
      'Failed to enforce model input schema. Please check your input data.',
    );
  });
});

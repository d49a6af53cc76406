import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MlflowError, Model } from '../../src/index.js';

/** Writes `text` as an MLmodel file in a fresh folder and returns the folder. */
function modelDir(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bad-mlmodel-'));
  writeFileSync(join(dir, 'MLmodel'), text);
  return dir;
}

function loadError(dir: string): MlflowError {
  try {
    Model.load(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(MlflowError);
    return error as MlflowError;
  }
  throw new Error('Model.load did not throw');
}

const VALID = 'flavors:\n  python_function:\n    loader_module: mlflow.sklearn\n';

describe('malformed MLmodel files are INVALID_PARAMETER_VALUE naming the file and the field', () => {
  it('broken YAML: the message names the file and the position; the YAML parser error is the cause', () => {
    const dir = modelDir('flavors:\n  sklearn: {a: 1\nrun_id: x\n');
    const error = loadError(dir);
    expect(error.errorCode).toBe('INVALID_PARAMETER_VALUE');
    expect(error.file).toBe(join(dir, 'MLmodel'));
    expect(error.message).toContain(join(dir, 'MLmodel'));
    expect(error.message).toMatch(/line \d+/);
    expect((error.cause as Error).name).toBe('YAMLParseError');
  });

  it('two YAML documents in one file', () => {
    expect(loadError(modelDir(`${VALID}---\nflavors: {}\n`)).errorCode).toBe('INVALID_PARAMETER_VALUE');
  });

  it.each([
    ['a list', '- flavors\n'],
    ['a string', 'just text\n'],
    ['empty', ''],
  ])('a document that is not a mapping (%s)', (_kind, text) => {
    const error = loadError(modelDir(text));
    expect(error.errorCode).toBe('INVALID_PARAMETER_VALUE');
    expect(error.message).toMatch(/must be a mapping/);
  });

  it.each([
    ['no flavors', 'run_id: abc\n', 'flavors'],
    ['flavors not a mapping', 'flavors: [sklearn]\n', 'flavors'],
    ['flavors null', 'flavors: null\n', 'flavors'],
    ['a flavor not a mapping', 'flavors:\n  sklearn: model.pkl\n', 'flavors.sklearn'],
    ['model_size_bytes: abc', `${VALID}model_size_bytes: abc\n`, 'model_size_bytes'],
    ['model_size_bytes: -1', `${VALID}model_size_bytes: -1\n`, 'model_size_bytes'],
    ['model_size_bytes: 1.5', `${VALID}model_size_bytes: 1.5\n`, 'model_size_bytes'],
    ['run_id: [1]', `${VALID}run_id: [1]\n`, 'run_id'],
    ['model_uuid: {a: 1}', `${VALID}model_uuid: {a: 1}\n`, 'model_uuid'],
    ['mlflow_version: 2.0 (a float)', `${VALID}mlflow_version: 2.0\n`, 'mlflow_version'],
    ['utc_time_created: 5', `${VALID}utc_time_created: 5\n`, 'utc_time_created'],
    ['prompts: a string', `${VALID}prompts: p1\n`, 'prompts'],
    ['env_vars with a number', `${VALID}env_vars: [A, 2]\n`, 'env_vars[1]'],
    ['metadata: a list', `${VALID}metadata: [a]\n`, 'metadata'],
    [
      'is_signature_from_type_hint: maybe',
      `${VALID}is_signature_from_type_hint: maybe\n`,
      'is_signature_from_type_hint',
    ],
    ['signature: a string', `${VALID}signature: abc\n`, 'signature'],
    ['signature.inputs: a list', `${VALID}signature:\n  inputs: [1]\n`, 'signature.inputs'],
    [
      'saved_input_example_info.type: csv (MLflow rejects it)',
      `${VALID}saved_input_example_info:\n  artifact_path: input_example.json\n  type: csv\n`,
      'saved_input_example_info.type',
    ],
    [
      'saved_input_example_info without artifact_path',
      `${VALID}saved_input_example_info:\n  type: dataframe\n`,
      'saved_input_example_info.artifact_path',
    ],
  ])('%s', (_case, text, field) => {
    const dir = modelDir(text);
    const error = loadError(dir);
    expect(error.errorCode).toBe('INVALID_PARAMETER_VALUE');
    expect(error.field).toBe(field);
    expect(error.file).toBe(join(dir, 'MLmodel'));
    expect(error.message).toContain(join(dir, 'MLmodel'));
    expect(error.message).toContain(`'${field}'`);
  });

  it('fromYaml without a path names the text as the source', () => {
    expect(() => Model.fromYaml('run_id: x\n')).toThrow(/<MLmodel text>.*'flavors'/);
  });
});

describe('a missing MLmodel file is RESOURCE_DOES_NOT_EXIST naming the path', () => {
  it('a folder without MLmodel', () => {
    const dir = mkdtempSync(join(tmpdir(), 'no-mlmodel-'));
    const error = loadError(dir);
    expect(error.errorCode).toBe('RESOURCE_DOES_NOT_EXIST');
    expect(error.message).toContain(join(dir, 'MLmodel'));
    expect(error.httpStatus).toBe(404);
  });

  it('a path that does not exist', () => {
    const error = loadError('/nonexistent/model/dir');
    expect(error.errorCode).toBe('RESOURCE_DOES_NOT_EXIST');
    expect(error.message).toContain('/nonexistent/model/dir');
  });

  it('an MLmodel path that is a folder is not a crash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'odd-'));
    mkdirSync(join(dir, 'MLmodel'));
    expect(loadError(dir).errorCode).toBe('INVALID_PARAMETER_VALUE');
  });
});

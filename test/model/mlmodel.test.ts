import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Model, MODELDOCK_MLFLOW_VERSION, type ModelSignature } from '../../src/index.js';
import { FIXTURES } from '../support/fixtures.js';
import { pyyamlLoad } from './python.js';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'mlmodel-'));

describe('new Model (as mlflow.models.Model())', () => {
  it('gets a uuid4 hex model_uuid, a Python-style utc_time_created and the 3.6 always-present keys', () => {
    const before = Date.now();
    const model = new Model();
    expect(model.modelUuid).toMatch(/^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$/);
    expect(new Model().modelUuid).not.toBe(model.modelUuid);
    expect(model.utcTimeCreated).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?$/);
    const created = Date.parse(`${model.utcTimeCreated!.replace(' ', 'T')}Z`);
    expect(created).toBeGreaterThanOrEqual(before - 1);
    expect(model.toDict()).toEqual({
      flavors: {},
      mlflow_version: MODELDOCK_MLFLOW_VERSION,
      model_id: null,
      model_uuid: model.modelUuid,
      prompts: null,
      utc_time_created: model.utcTimeCreated,
    });
    expect(MODELDOCK_MLFLOW_VERSION).toBe('3.6.0');
  });

  it('takes given fields, a Date for utc_time_created, and unknown keys', () => {
    const model = new Model({
      runId: 'r1',
      artifactPath: 'model',
      modelId: 'm-1',
      utcTimeCreated: new Date('2025-11-03T10:12:44.123Z'),
      metadata: { 'mlflow.model.isExternal': true },
      extra: { my_key: [1, 2] },
    });
    expect(model.toDict()).toMatchObject({
      run_id: 'r1',
      artifact_path: 'model',
      model_id: 'm-1',
      utc_time_created: '2025-11-03 10:12:44.123000',
      metadata: { 'mlflow.model.isExternal': true },
      my_key: [1, 2],
    });
  });

  it('addFlavor adds a flavor mapping and returns the model', () => {
    const model = new Model().addFlavor('sklearn', { pickled_model: 'model.pkl', code: null });
    expect(model.addFlavor('python_function', { loader_module: 'mlflow.sklearn' })).toBe(model);
    expect(Object.keys(model.flavors)).toEqual(['sklearn', 'python_function']);
    expect(model.toYaml()).toContain(
      'flavors:\n  python_function:\n    loader_module: mlflow.sklearn\n  sklearn:',
    );
  });
});

describe('Model.save / Model.load', () => {
  it('save writes <dir>/MLmodel (creating dir) with no temp file left; load reads it from the dir or the file', () => {
    const dir = join(tempDir(), 'nested', 'model');
    const model = new Model({ runId: 'abc' }).addFlavor('python_function', { loader_module: 'x' });
    const written = model.save(dir);
    expect(written).toBe(join(dir, 'MLmodel'));
    expect(readdirSync(dir)).toEqual(['MLmodel']);
    expect(readFileSync(written, 'utf8')).toBe(model.toYaml());
    expect(Model.load(dir).toDict()).toEqual(model.toDict());
    expect(Model.load(written).toDict()).toEqual(model.toDict());
    expect(Model.load(dir).sourcePath).toBe(written);
  });

  it('save replaces an existing MLmodel atomically', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'MLmodel'), 'old: true\n');
    new Model({ runId: 'new' }).save(dir);
    expect(Model.load(dir).runId).toBe('new');
    expect(readdirSync(dir)).toEqual(['MLmodel']);
  });

  it('a fixture copied through load → save stays data-equal for Python', () => {
    const source = join(FIXTURES, 'models', 'mlflow-3.6', 'custom_pyfunc');
    const dir = tempDir();
    Model.load(source).save(dir);
    const [ours, theirs] = pyyamlLoad([
      readFileSync(join(dir, 'MLmodel'), 'utf8'),
      readFileSync(join(source, 'MLmodel'), 'utf8'),
    ]);
    expect(ours).toEqual(theirs);
  });

  it('unknown top-level keys are kept and written back', () => {
    const model = Model.fromYaml('flavors: {}\nfuture_key:\n  a: [1, yes]\nzz: null\n');
    expect(model.extra).toEqual({ future_key: { a: [1, true] }, zz: null });
    expect(model.toYaml()).toBe('flavors: {}\nfuture_key:\n  a:\n  - 1\n  - true\nzz: null\n');
  });

  it('null-valued keys that were present stay present; absent keys stay absent', () => {
    const model = Model.fromYaml('flavors: {}\nmodel_id: null\nrun_id: null\n');
    expect(model.toDict()).toEqual({ flavors: {}, model_id: null, run_id: null });
  });
});

describe('signature (decoded by the schema codec)', () => {
  const fixture = (name: string): Model => Model.load(join(FIXTURES, 'models', 'mlflow-3.6', name));

  it('decodes the stored JSON strings lazily', () => {
    const signature = fixture('sklearn_logreg').signature;
    expect(signature?.inputs?.kind).toBe('columns');
    expect(signature?.inputs?.specs.map((s) => s.name)).toEqual([
      'sepal_length',
      'sepal_width',
      'petal_length',
      'petal_width',
    ]);
    expect(signature?.outputs).toEqual({
      kind: 'tensors',
      specs: [{ kind: 'tensor', dtype: 'int64', shape: [-1] }],
    });
    expect(signature?.params).toBeNull();
  });

  it('setSignature encodes as MLflow writes it, and sets the type-hint flags to false', () => {
    const source = fixture('custom_pyfunc');
    const model = new Model().setSignature(source.signature as ModelSignature);
    expect(model.signatureDict).toEqual(source.signatureDict);
    expect([model.isSignatureFromTypeHint, model.typeHintFromExample]).toEqual([false, false]);
    expect(model.setSignature(null).toDict()).not.toHaveProperty('signature');
    expect(model.toDict()).not.toHaveProperty('is_signature_from_type_hint');
  });

  it('a signature that does not decode is INVALID_PARAMETER_VALUE naming the file and the field', () => {
    const model = Model.fromYaml('flavors: {}\nsignature:\n  inputs: "[{oops"\n', '/models/bad/MLmodel');
    expect(model.signatureDict).toEqual({ inputs: '[{oops' });
    expect(() => model.signature).toThrow(
      expect.objectContaining({ errorCode: 'INVALID_PARAMETER_VALUE', file: '/models/bad/MLmodel' }),
    );
    expect(() => model.signature).toThrow(/\/models\/bad\/MLmodel.*signature/);
  });
});

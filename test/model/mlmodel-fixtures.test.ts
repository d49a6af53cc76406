import { readFileSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Model } from '../../src/index.js';
import { FIXTURES } from '../support/fixtures.js';
import { fixtureMlmodelFiles, pyyamlLoad } from './python.js';

const files = fixtureMlmodelFiles();
const label = (file: string): string => relative(FIXTURES, file);

/** JSON-normalised data, as Python's json.dumps → JSON.parse shows it. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('MLmodel files written by MLflow round-trip (Model.load → toYaml → PyYAML)', () => {
  let original: unknown[] = [];
  let rewritten: unknown[] = [];

  beforeAll(() => {
    const parsed = pyyamlLoad(files.flatMap((f) => [readFileSync(f, 'utf8'), Model.load(f).toYaml()]));
    original = parsed.filter((_, i) => i % 2 === 0);
    rewritten = parsed.filter((_, i) => i % 2 === 1);
  });

  it('covers every recorded MLmodel (8 + 7 saved folders, 8 logged files)', () => {
    expect(files).toHaveLength(23);
  });

  it.each(files.map((f, i) => [label(f), i] as const))(
    '%s: PyYAML reads our rewrite exactly as it reads the original',
    (_name, i) => {
      expect(rewritten[i]).toEqual(original[i]);
    },
  );

  it.each(files.map((f, i) => [label(f), i] as const))(
    '%s: Modeldock reads the same data PyYAML reads',
    (_name, i) => {
      expect(asJson(Model.load(files[i]!).toDict())).toEqual(original[i]);
    },
  );

  it.each(files.map((f) => [label(f), f] as const))(
    '%s: reads back equal from our own YAML',
    (_name, file) => {
      const model = Model.load(file);
      expect(Model.fromYaml(model.toYaml()).toDict()).toEqual(model.toDict());
    },
  );
});

describe('typed fields of the recorded MLmodel files', () => {
  const load = (...parts: string[]): Model => Model.load(`${FIXTURES}/models/${parts.join('/')}`);

  it('3.6 save_model: model_id and prompts are present as null, type-hint flags false', () => {
    const model = load('mlflow-3.6', 'sklearn_logreg');
    expect([model.modelId, model.prompts, model.isSignatureFromTypeHint, model.typeHintFromExample]).toEqual([
      null,
      null,
      false,
      false,
    ]);
    expect(model.toDict()).toHaveProperty('model_id', null);
    expect(model.toDict()).toHaveProperty('prompts', null);
    expect(model.mlflowVersion).toBe('3.6.1.dev0');
    expect(model.modelSizeBytes).toBe(1483);
    expect(model.utcTimeCreated).toBe('2026-11-21 21:44:37.774159');
    expect(model.flavors.sklearn).toMatchObject({ pickled_model: 'model.pkl', sklearn_version: '1.9.1' });
    expect(model.artifactPath).toBeUndefined();
    expect(model.toDict()).not.toHaveProperty('run_id');
  });

  it('2.12 save_model: the 3.x keys stay absent', () => {
    const dict = load('mlflow-2.12', 'sklearn_logreg').toDict();
    for (const key of ['model_id', 'prompts', 'is_signature_from_type_hint', 'type_hint_from_example'])
      expect(dict).not.toHaveProperty(key);
  });

  it('2.12 ndarray example info keeps its legacy format key', () => {
    expect(load('mlflow-2.12', 'tensor_model').savedInputExampleInfo).toEqual({
      artifact_path: 'input_example.json',
      format: 'tf-serving',
      type: 'ndarray',
    });
  });

  it('3.6 log_model: artifact_path is the artifact URI and model_uuid equals model_id', () => {
    const model = load('logged', 'mlflow-3.6', 'sklearn_log_model.MLmodel');
    expect(model.artifactPath).toBe(
      'mlflow-artifacts:/1/models/m-df4e60a09b7d4546bc5a415b12bc496e/artifacts',
    );
    expect(model.modelId).toBe('m-df4e60a09b7d4546bc5a415b12bc496e');
    expect(model.modelUuid).toBe(model.modelId);
    expect(model.runId).toBe('5589ebdae26244fb8c62336ddeaba0cc');
  });

  it('3.6 log_model without a run: no run_id key and no signature', () => {
    const model = load('logged', 'mlflow-3.6', 'transcript-log_model-no-run.MLmodel');
    expect(model.runId).toBeUndefined();
    expect(model.signatureDict).toBeUndefined();
    expect(model.signature).toBeNull();
    expect(model.toDict()).not.toHaveProperty('run_id');
  });

  it('2.12 log_model: relative artifact_path and a random hex uuid', () => {
    const model = load('logged', 'mlflow-2.12', 'custom_pyfunc_log_model.MLmodel');
    expect(model.artifactPath).toBe('custom_model');
    expect(model.modelUuid).toMatch(/^[0-9a-f]{32}$/);
    expect(model.modelId).toBeUndefined();
  });

  it('keeps the signature JSON strings verbatim, without decoding them', () => {
    const file = `${FIXTURES}/models/mlflow-3.6/onnx/MLmodel`;
    expect(Model.load(file).signatureDict).toEqual({
      inputs: '[{"name": "X", "type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 4]}}]',
      outputs:
        '[{"name": "probabilities", "type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 3]}}]',
      params: null,
    });
    expect(basename(dirname(file))).toBe('onnx');
  });
});

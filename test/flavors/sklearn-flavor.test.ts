import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Tensor } from '../../src/data/tensor.js';
import { loadSklearnModel } from '../../src/model/flavors/sklearn/load-sklearn-model.js';
import { sklearnPredictFn } from '../../src/model/flavors/sklearn/sklearn-predict-fn.js';
import { loadModel } from '../../src/model/load-model.js';
import { fromPython } from '../support/python-values.js';
import { expectPrediction } from './sklearn-support.js';

const CORPUS = join(import.meta.dirname, '../data-files/flavors/sklearn');

/** A minimal mlflow.sklearn folder around one corpus pickle. */
function modelFolder(version: string, name: string, predictFn: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), `sk-${name}-`));
  copyFileSync(join(CORPUS, version, name, 'model.pkl'), join(dir, 'model.pkl'));
  const pyfunc =
    predictFn === null
      ? ''
      : `  python_function:\n    loader_module: mlflow.sklearn\n    model_path: model.pkl\n    predict_fn: ${predictFn}\n`;
  writeFileSync(
    join(dir, 'MLmodel'),
    `flavors:\n${pyfunc}  sklearn:\n    pickled_model: model.pkl\n    serialization_format: cloudpickle\n    sklearn_version: ${version}\n`,
  );
  return dir;
}

function corpusCase(
  version: string,
  name: string,
): { input: unknown; outputs: Record<string, { dtype: string; shape: number[]; data: unknown }> } {
  const c = JSON.parse(readFileSync(join(CORPUS, version, name, 'expected.json'), 'utf8')) as {
    input: unknown;
    outputs: Record<string, { dtype: string; shape: number[]; data: unknown }>;
  };
  return { input: fromPython('pandas.DataFrame', c.input), outputs: c.outputs };
}

describe('mlflow.sklearn folders through loadModel', () => {
  it.each(['predict', 'predict_proba'])('python_function.predict_fn = %s is honoured', async (fn) => {
    const { input, outputs } = corpusCase('1.9', 'random_forest_classifier');
    const model = await loadModel(modelFolder('1.9', 'random_forest_classifier', fn));
    const expected = outputs[fn];
    if (!expected) throw new Error(`corpus has no ${fn}`);
    expectPrediction(await model.predict(input), expected);
  });

  it('string class labels come back with the dtype of classes_', async () => {
    const { input, outputs } = corpusCase('1.9', 'logreg_string_labels');
    const model = await loadModel(modelFolder('1.9', 'logreg_string_labels', null));
    const out = (await model.predict(input)) as Tensor;
    expect(out.dtype).toBe('str');
    expect(out.toNested()).toEqual(outputs.predict?.data);
  });

  it('a transformer is served through predict_fn = transform', async () => {
    const { input, outputs } = corpusCase('1.6', 'one_hot_encoder');
    const model = await loadModel(modelFolder('1.6', 'one_hot_encoder', 'transform'));
    const expected = outputs.transform;
    if (!expected) throw new Error('corpus has no transform');
    expectPrediction(await model.predict(input), expected);
  });

  it('a predict_fn the estimator lacks fails at load time, naming it', async () => {
    await expect(loadModel(modelFolder('1.9', 'linear_regression', 'predict_proba'))).rejects.toThrow(
      'LinearRegression has no predict_proba that Modeldock can run',
    );
  });

  it('a 2D tensor input is accepted as sklearn X', async () => {
    const model = await loadModel(modelFolder('1.9', 'linear_regression', 'predict'));
    const { input, outputs } = corpusCase('1.9', 'linear_regression');
    const frame = input as { columns: { values: Float64Array }[]; length: number };
    const flat = new Float64Array(frame.length * frame.columns.length);
    frame.columns.forEach((c, j) => c.values.forEach((v, i) => (flat[i * frame.columns.length + j] = v)));
    const expected = outputs.predict;
    if (!expected) throw new Error('corpus has no predict');
    expectPrediction(
      await model.predict(new Tensor('float64', [frame.length, frame.columns.length], flat)),
      expected,
    );
  });
});

describe('the benchmark forest', () => {
  it('the 100-tree random forest of bench/flavors-sklearn.bench.ts reproduces predict_proba', () => {
    const dir = join(CORPUS, 'bench');
    const file = join(dir, 'model.pkl');
    const recorded = JSON.parse(readFileSync(join(dir, 'bench.json'), 'utf8')) as {
      input: unknown;
      predict_proba: { dtype: string; shape: number[]; data: unknown };
    };
    const predictProba = sklearnPredictFn(loadSklearnModel(readFileSync(file), file), 'predict_proba', file);
    expectPrediction(predictProba(fromPython('pandas.DataFrame', recorded.input)), recorded.predict_proba);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSklearnModel } from '../../src/model/flavors/sklearn/load-sklearn-model.js';
import { sklearnPredictFn } from '../../src/model/flavors/sklearn/sklearn-predict-fn.js';
import { fromPython } from '../support/python-values.js';
import { expectPrediction } from './sklearn-support.js';

const CORPUS = join(import.meta.dirname, '../data-files/flavors/sklearn');

interface Output {
  dtype: string;
  shape: number[];
  data: unknown;
  error_class?: string;
}
interface CorpusCase {
  estimator: string;
  input: unknown;
  outputs: Record<string, Output>;
}

const versions = readdirSync(CORPUS).filter((v) => /^\d+\.\d+$/.test(v));

describe.each(versions)('scikit-learn %s corpus (scripts/corpus/make_sklearn.py)', (version) => {
  const dir = join(CORPUS, version);
  const names = readdirSync(dir);
  it.each(names)('%s reproduces Python', (name) => {
    const file = join(dir, name, 'model.pkl');
    const expected = JSON.parse(readFileSync(join(dir, name, 'expected.json'), 'utf8')) as CorpusCase;
    const model = loadSklearnModel(readFileSync(file), file);
    const input = fromPython('pandas.DataFrame', expected.input);
    for (const [method, output] of Object.entries(expected.outputs)) {
      if (output.error_class !== undefined) {
        expect(() => sklearnPredictFn(model, method, file)(input), method).toThrow();
        continue;
      }
      const actual = sklearnPredictFn(model, method, file)(input);
      expectPrediction(actual, output, 1e-9);
    }
  });
});

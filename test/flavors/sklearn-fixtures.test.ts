import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load-model.js';
import { FIXTURES, readFixtureJson } from '../support/fixtures.js';
import { fromPython } from '../support/python-values.js';
import { expectPrediction } from './sklearn-support.js';

interface Case {
  label?: string;
  input_python_type: string;
  input_rendered: unknown;
  predictions?: { dtype: string; shape: number[]; data: unknown };
  error_class?: string;
}
interface Expected extends Case {
  more_cases?: Case[];
}

describe.each(['mlflow-3.6', 'mlflow-2.12'])('sklearn fixtures written by %s', (version) => {
  it.each(['sklearn_logreg', 'sklearn_pipeline'])(
    'mlflow.pyfunc.load_model(%s).predict reproduces expected.json',
    async (name) => {
      const dir = join(FIXTURES, 'models', version, name);
      const expected = readFixtureJson<Expected>('models', version, name, 'expected.json');
      const model = await loadModel(dir);
      for (const c of [expected, ...(expected.more_cases ?? [])]) {
        const input = fromPython(c.input_python_type, c.input_rendered);
        if (c.predictions) expectPrediction(await model.predict(input), c.predictions);
        else await expect(model.predict(input), c.label).rejects.toThrow();
      }
    },
  );
});

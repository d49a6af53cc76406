import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { predictionsJson } from '../../src/index.js';
import { FIXTURES, readFixtureJson } from '../support/fixtures.js';
import { fromPython } from '../support/python-values.js';

interface Expected {
  predictions_python_type: string;
  predictions: unknown;
  served_response: { predictions: unknown };
}

const folders = ['mlflow-3.6', 'mlflow-2.12'].flatMap((v) =>
  readdirSync(join(FIXTURES, 'models', v), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `${v}/${d.name}`),
);

describe("predictionsJson (MLflow's predictions_to_json)", () => {
  it.each(folders)('%s: the recorded prediction serialises to the served response', (folder) => {
    const expected = readFixtureJson<Expected>('models', folder, 'expected.json');
    const output = fromPython(expected.predictions_python_type, expected.predictions);
    expect(JSON.parse(JSON.stringify({ predictions: predictionsJson(output) }))).toEqual(
      expected.served_response,
    );
  });
});

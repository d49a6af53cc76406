/**
 * Predict throughput (rows/s) of a 100-tree scikit-learn RandomForestClassifier (max_depth 8,
 * 10 features) loaded from its pickle, at batch sizes 1, 1k and 100k, next to Python's own
 * `predict` throughput recorded by scripts/corpus/make_sklearn.py for the same model.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Column } from '../src/data/column.js';
import { DataFrame } from '../src/data/data-frame.js';
import { loadSklearnModel } from '../src/model/flavors/sklearn/load-sklearn-model.js';
import { sklearnPredictFn } from '../src/model/flavors/sklearn/sklearn-predict-fn.js';
import { measure } from './harness.js';

const DIR = join(import.meta.dirname, '../test/data-files/flavors/sklearn/bench');

function frame(rows: number, names: string[]): DataFrame {
  let seed = 1;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return (seed / 2 ** 31) * 6 - 3;
  };
  return new DataFrame(names.map((n) => new Column(n, 'float64', Float64Array.from({ length: rows }, next))));
}

/** Rows per second over repeated calls; `measure` warms up with 50 calls, too many at 100k rows. */
function rowsPerSecond(batch: number, fn: () => unknown): number {
  if (batch < 10_000) return measure(`batch ${batch}`, fn).opsPerSec * batch;
  fn();
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < 3000 || calls < 2) {
    fn();
    calls++;
  }
  return (calls * batch) / ((performance.now() - start) / 1000);
}

export function run(): void {
  const file = join(DIR, 'model.pkl');
  const recorded = JSON.parse(readFileSync(join(DIR, 'bench.json'), 'utf8')) as {
    sklearn_version: string;
    python_rows_per_second: Record<string, number>;
    input: { columns: string[] };
  };
  const predict = sklearnPredictFn(loadSklearnModel(readFileSync(file), file), 'predict', file);
  console.log(`\n100-tree RandomForestClassifier (scikit-learn ${recorded.sklearn_version} pickle)`);
  console.log(
    '  batch'.padEnd(12) + 'Node rows/s'.padStart(16) + 'Python rows/s'.padStart(16) + '  Node/Python',
  );
  for (const batch of [1, 1000, 100_000]) {
    const input = frame(batch, recorded.input.columns);
    const node = rowsPerSecond(batch, () => predict(input));
    const python = recorded.python_rows_per_second[String(batch)] ?? NaN;
    console.log(
      `  ${batch}`.padEnd(12) +
        node.toFixed(0).padStart(16) +
        python.toFixed(0).padStart(16) +
        `  ${(node / python).toFixed(2)}`,
    );
  }
}

/**
 * Predict throughput (rows/s) of the XGBoost (100 rounds, depth 6) and LightGBM (100 trees, 31
 * leaves) bench models from test/data-files/flavors, at batch sizes 1, 1k and 100k, next to Python's
 * own numbers, which scripts/corpus/make_boosters.py measured once on this machine and stored in
 * test/data-files/flavors/bench/python-throughput.json (see its "how" field for the method).
 *   pyfunc:   LoadedModel.predict(DataFrame): signature enforcement + feature matrix + trees + link
 *   trees:    TreeEnsemble.predictRaw on a ready feature matrix (the evaluator alone)
 * Ratios above 1 mean Modeldock's pyfunc path is faster than Python's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Column } from '../src/data/column.js';
import { DataFrame } from '../src/data/data-frame.js';
import { loadModel } from '../src/index.js';
import type { TreeEnsemble } from '../src/model/flavors/trees/tree-ensemble.js';

const DATA = fileURLToPath(new URL('../test/data-files/flavors/', import.meta.url));
const FEATURES = 20;
const BATCHES = [1, 1000, 100_000];

interface PythonThroughput {
  library: string;
  how: string;
  rows_per_second: Record<string, number>;
}

/** Deterministic rows like the generator's: normal-ish values, 2% missing. */
function frame(rows: number): DataFrame {
  let seed = 12345;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const columns = Array.from({ length: FEATURES }, (_, j) => {
    const values = new Float64Array(rows);
    for (let i = 0; i < rows; i++) values[i] = next() < 0.02 ? NaN : (next() + next() + next() - 1.5) * 2;
    return new Column(`f${j}`, 'float64', values);
  });
  return new DataFrame(columns, rows);
}

function sliceFrame(full: DataFrame, rows: number): DataFrame {
  return new DataFrame(
    full.columns.map((c) => new Column(c.name, c.dtype, (c.values as Float64Array).subarray(0, rows))),
    rows,
  );
}

/** Rows per second of `fn` over `rows` rows: repeated until ~1 s (and at least 3 runs) after a warm-up. */
async function rate(rows: number, fn: () => unknown): Promise<number> {
  const warm = rows >= 100_000 ? 2 : 50;
  for (let i = 0; i < warm; i++) await fn();
  let runs = 0;
  const start = performance.now();
  while (runs < 3 || performance.now() - start < 1000) {
    await fn();
    runs++;
  }
  return (rows * runs) / ((performance.now() - start) / 1000);
}

function ensembleOf(unwrapped: unknown): TreeEnsemble {
  return (unwrapped as { ensemble: TreeEnsemble }).ensemble;
}

async function suite(label: string, dir: string, python: PythonThroughput, float32: boolean): Promise<void> {
  const model = await loadModel(dir);
  const ensemble = ensembleOf(model.unwrap());
  const full = frame(BATCHES[BATCHES.length - 1]!);
  console.log(`\n${label}: ${ensemble.treeCount} trees; Python = ${python.library}`);
  console.log(
    '  batch'.padEnd(10) +
      'pyfunc rows/s'.padStart(16) +
      'trees rows/s'.padStart(16) +
      'Python rows/s'.padStart(16) +
      '  pyfunc/Python',
  );
  for (const n of BATCHES) {
    const input = sliceFrame(full, n);
    const matrix = new (float32 ? Float32Array : Float64Array)(n * FEATURES);
    input.columns.forEach((c, j) =>
      (c.values as Float64Array).forEach((v, i) => (matrix[i * FEATURES + j] = v)),
    );
    const pyfunc = await rate(n, () => model.predict(input));
    const trees = await rate(n, () => ensemble.predictRaw({ values: matrix, rows: n, stride: FEATURES }));
    const py = python.rows_per_second[String(n)] ?? NaN;
    console.log(
      `  ${n}`.padEnd(10) +
        pyfunc.toFixed(0).padStart(16) +
        trees.toFixed(0).padStart(16) +
        py.toFixed(0).padStart(16) +
        `  ${(pyfunc / py).toFixed(2)}×`,
    );
  }
}

export async function run(): Promise<void> {
  const python = JSON.parse(readFileSync(join(DATA, 'bench', 'python-throughput.json'), 'utf8')) as Record<
    string,
    PythonThroughput
  >;
  await suite(
    'XGBoost binary:logistic, 100 rounds, depth 6, 20 features',
    join(DATA, 'xgboost', 'bench-100-rounds'),
    python.xgboost!,
    true,
  );
  await suite(
    'LightGBM binary, 100 trees, 31 leaves, 20 features',
    join(DATA, 'lightgbm', 'bench-100-trees'),
    python.lightgbm!,
    false,
  );
  console.log(`\nPython measured as: ${python.xgboost!.how}\n  and: ${python.lightgbm!.how}`);
}

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Column } from '../../src/data/column.js';
import { DataFrame } from '../../src/data/data-frame.js';
import { Tensor } from '../../src/data/tensor.js';
import { loadModel } from '../../src/model/load-model.js';
import { FIXTURES, readFixtureJson } from '../support/fixtures.js';
import { fromPython, render, type RenderedArray } from '../support/python-values.js';

/** test/data-files/flavors: the corpus written by scripts/corpus/make_boosters.py. */
export const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '../data-files/flavors');

export interface CorpusCase {
  readonly name: string;
  readonly dir: string;
  readonly columns: string[];
  /** Input rows; null stands for NaN (JSON has no NaN). */
  readonly data: (number | null)[][];
  readonly predictions: RenderedArray;
}

export function corpusCases(flavor: string): CorpusCase[] {
  const root = join(CORPUS, flavor);
  return readdirSync(root)
    .sort()
    .map((name) => {
      const dir = join(root, name);
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Omit<
        CorpusCase,
        'name' | 'dir'
      >;
      return { ...expected, name, dir };
    });
}

/** The case's rows as a float64 DataFrame, missing cells as NaN. */
export function corpusFrame(c: Pick<CorpusCase, 'columns' | 'data'>): DataFrame {
  return new DataFrame(
    c.columns.map(
      (name, j) =>
        new Column(
          name,
          'float64',
          Float64Array.from(c.data, (row) => row[j] ?? NaN),
        ),
    ),
  );
}

function flat(v: unknown): number[] {
  return Array.isArray(v) ? v.flatMap(flat) : [v as number];
}

/** Asserts a prediction has Python's dtype and shape, and values within `rel` relative. */
export function expectArrayClose(actual: unknown, expected: RenderedArray, rel: number): void {
  expect(actual).toBeInstanceOf(Tensor);
  const got = render(actual) as RenderedArray;
  expect({ dtype: got.dtype, shape: got.shape }).toEqual({ dtype: expected.dtype, shape: expected.shape });
  const a = flat(got.data);
  const e = flat(expected.data);
  const off = a
    .map((x, i) => ({ i, x, e: e[i]! }))
    .filter(({ x, e: y }) => !(Math.abs(x - y) <= rel * Math.abs(y) + 1e-12));
  expect(off.slice(0, 5)).toEqual([]);
}

interface FixtureCase {
  label?: string;
  input_python_type: string;
  input_rendered: unknown;
  params: Record<string, unknown> | null;
  predictions: RenderedArray;
}
interface ExpectedFixture extends FixtureCase {
  more_cases: FixtureCase[];
}

/**
 * Replays a booster fixture folder written by MLflow 3.6 and 2.12: its input example and every
 * `more_cases` entry must reproduce Python's predictions within `relTol`.
 */
export function describeFixtureReplay(flavor: 'xgboost' | 'lightgbm', relTol: number): void {
  describe.each(['mlflow-3.6', 'mlflow-2.12'])(
    `${flavor} fixture %s (mlflow.pyfunc.load_model(...).predict)`,
    (version) => {
      const expected = readFixtureJson<ExpectedFixture>('models', version, flavor, 'expected.json');
      const cases = [{ ...expected, label: 'input example' }, ...expected.more_cases];
      it.each(cases.map((c) => [c.label ?? '', c] as const))('reproduces Python: %s', async (_label, c) => {
        const model = await loadModel(join(FIXTURES, 'models', version, flavor));
        const out = await model.predict(fromPython(c.input_python_type, c.input_rendered), c.params ?? {});
        expectArrayClose(out, c.predictions, relTol);
      });
    },
  );
}

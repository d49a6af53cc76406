/**
 * Which in-memory form should tabular model input take? This compares three candidates on the
 * scoring server's hot path: parse a `dataframe_split` JSON body, check/convert its double columns,
 * then run a 4×3 logistic regression (argmax of X·W + b).
 *   rows:     an array of per-row objects (what most JS code does)
 *   columnar: Modeldock's DataFrame, one Float64Array per column
 *   arrow:    an Apache Arrow table built from the same columns
 * The baseline, "rows", is measured in the same run; ratios above 1 are faster than it.
 */
import { makeTable, type Table } from 'apache-arrow';
import { Column } from '../src/data/column.js';
import { DataFrame } from '../src/data/data-frame.js';
import { measure, printTable, type Timing } from './harness.js';

const FEATURES = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'];
const W = [
  [-0.42, 0.53, -0.11],
  [0.96, -0.35, -0.61],
  [-2.52, -0.21, 2.73],
  [-1.08, -0.94, 2.02],
];
const B = [9.85, 2.24, -12.09];

function body(rows: number): string {
  const data = Array.from({ length: rows }, (_, i) =>
    FEATURES.map((_, j) => ((i * 7 + j * 13) % 50) / 10 + 0.1),
  );
  return JSON.stringify({ dataframe_split: { columns: FEATURES, data } });
}

interface Split {
  dataframe_split: { columns: string[]; data: unknown[][] };
}

function argmax3(a: number, b: number, c: number): number {
  return a >= b ? (a >= c ? 0 : 2) : b >= c ? 1 : 2;
}

function viaRows(text: string): Int32Array {
  const { columns, data } = (JSON.parse(text) as Split).dataframe_split;
  const rows = data.map((r) => Object.fromEntries(columns.map((c, j) => [c, r[j]])));
  for (const row of rows)
    for (const f of FEATURES) if (typeof row[f] !== 'number') throw new Error(`bad ${f}`);
  const out = new Int32Array(rows.length);
  rows.forEach((row, i) => {
    const z = B.map((b, k) => FEATURES.reduce((s, f, j) => s + (row[f] as number) * W[j]![k]!, b));
    out[i] = argmax3(z[0]!, z[1]!, z[2]!);
  });
  return out;
}

function toFloat64Columns(text: string): Float64Array[] {
  const { columns, data } = (JSON.parse(text) as Split).dataframe_split;
  const cols = columns.map(() => new Float64Array(data.length));
  for (let i = 0; i < data.length; i++) {
    const row = data[i]!;
    for (let j = 0; j < cols.length; j++) {
      const v = row[j];
      if (typeof v !== 'number') throw new Error(`bad ${columns[j]}`);
      cols[j]![i] = v;
    }
  }
  return cols;
}

function predictColumns(x: Float64Array[], n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let z0 = B[0]!,
      z1 = B[1]!,
      z2 = B[2]!;
    for (let j = 0; j < 4; j++) {
      const v = x[j]![i]!;
      z0 += v * W[j]![0]!;
      z1 += v * W[j]![1]!;
      z2 += v * W[j]![2]!;
    }
    out[i] = argmax3(z0, z1, z2);
  }
  return out;
}

function viaColumnar(text: string): Int32Array {
  const cols = toFloat64Columns(text);
  const df = new DataFrame(FEATURES.map((f, j) => new Column(f, 'float64', cols[j]!)));
  return predictColumns(
    FEATURES.map((f) => df.column(f).values as Float64Array),
    df.length,
  );
}

function viaArrow(text: string): Int32Array {
  const cols = toFloat64Columns(text);
  const table: Table = makeTable(Object.fromEntries(FEATURES.map((f, j) => [f, cols[j]!])));
  const x = FEATURES.map((f) => table.getChild(f)!.toArray() as Float64Array);
  return predictColumns(x, table.numRows);
}

export function run(): void {
  for (const rows of [1, 1000, 100_000]) {
    const text = body(rows);
    const budget = rows >= 100_000 ? 3000 : 1000;
    const results: Timing[] = [
      measure('rows (per-row objects)', () => viaRows(text), budget),
      measure('columnar (DataFrame, Float64Array)', () => viaColumnar(text), budget),
      measure('arrow (apache-arrow Table)', () => viaArrow(text), budget),
    ];
    printTable(
      `data model: parse + check + logistic regression, ${rows} row(s)`,
      results,
      'rows (per-row objects)',
    );
  }
}

/**
 * Turns the input of a column-based model into a DataFrame the way MLflow's `_enforce_schema` does
 * before any column is checked: Series, scalars, dicts, lists and 2-D arrays become frames.
 */
import { Column } from '../data/column.js';
import { DataFrame } from '../data/data-frame.js';
import { allocate, type ColumnValues } from '../data/dtype.js';
import { columnFromValues, frameFromRecords } from '../data/from-js.js';
import { Tensor } from '../data/tensor.js';
import { isPyDict, type PyDict, pyDictEntries, pyScalarKind, pyTypeName } from './enforce-python.js';
import { shapeRepr } from './repr.js';
import { fail, ok, type Result } from './result.js';
import type { ColSpec } from './types.js';

const CAST_ERROR =
  'This model contains a column-based signature, which suggests a DataFrame input. ' +
  'There was an error casting the input data to a DataFrame: ';

function invalidInput(message: string): Result<DataFrame> {
  return fail({ path: [], code: 'invalid_input', message });
}

/** Runs a frame builder, turning what it throws into MLflow's message (with `prefix` when MLflow adds one). */
function build(make: () => DataFrame, prefix = ''): Result<DataFrame> {
  try {
    return ok(make());
  } catch (e) {
    return invalidInput(prefix + (e instanceof Error ? e.message : String(e)));
  }
}

function toRecord(d: PyDict): Readonly<Record<string, unknown>> {
  return d instanceof Map
    ? Object.fromEntries(pyDictEntries(d).map(([k, v]) => [String(k), v]))
    : (d as Record<string, unknown>);
}

const isScalarOrNone = (v: unknown): boolean =>
  v === null || v === undefined || pyScalarKind(v) !== undefined;

/** `pd.DataFrame(dict)`: each value a column; scalars are broadcast, 2-D arrays become lists of rows. */
function columnsOf(record: Record<string, unknown>): DataFrame {
  const entries = Object.entries(record).map(([k, v]) => {
    if (v instanceof Tensor && v.rank > 1) return [k, v.toNested()] as const;
    if (v instanceof Tensor && v.rank === 0) return [k, v.toNested()] as const;
    return [k, v] as const;
  });
  const lengths = new Set<number>();
  for (const [, v] of entries) {
    if (Array.isArray(v)) lengths.add(v.length);
    else if (v instanceof Tensor) lengths.add(v.shape[0] ?? 0);
    else if (isPyDict(v)) throw new Error('Mixing dicts with non-Series may lead to ambiguous ordering.');
  }
  if (lengths.size > 1) throw new Error('All arrays must be of the same length');
  const [length] = [...lengths];
  if (length === undefined) throw new Error('If using all scalar values, you must pass an index');
  const columns = entries.map(([k, v]) => {
    if (v instanceof Tensor) return new Column(k, v.dtype, v.data);
    return columnFromValues(k, Array.isArray(v) ? v : new Array<unknown>(length).fill(v));
  });
  return new DataFrame(columns, length);
}

function dictToFrame(d: PyDict, specs: readonly ColSpec[]): Result<DataFrame> {
  const record = toRecord(d);
  const values = Object.values(record);
  const oneRow =
    specs.some(
      (s) => s.type.kind === 'array' || s.type.kind === 'object' || s.type.kind === 'sparkml_vector',
    ) ||
    values.every((v) => isScalarOrNone(v) || (Array.isArray(v) && v.every((x) => typeof x === 'string')));
  if (oneRow) return build(() => frameFromRecords([record]), CAST_ERROR);
  return build(() => columnsOf(record), CAST_ERROR);
}

/** `pd.DataFrame(list)`: records, rows of lists or arrays, or a single column `0` of scalars. */
function listToFrame(list: readonly unknown[]): Result<DataFrame> {
  if (list.length === 0) return ok(new DataFrame([], 0));
  if (list.every(isPyDict)) return build(() => frameFromRecords(list.map(toRecord)));
  if (list.every((r) => Array.isArray(r) || r instanceof Tensor)) {
    const rows = list.map((r) => (r instanceof Tensor ? r.toNested() : r) as unknown[]);
    const width = Math.max(...rows.map((r) => (Array.isArray(r) ? r.length : 1)));
    return build(
      () =>
        new DataFrame(
          Array.from({ length: width }, (_, j) =>
            columnFromValues(
              j,
              rows.map((r) => r[j] ?? null),
            ),
          ),
          rows.length,
        ),
    );
  }
  return build(() => new DataFrame([columnFromValues(0, list)]));
}

/** `pd.DataFrame(ndarray)`: a 1-D array is column `0`, a 2-D array gives columns `0..n-1`. */
function tensorToFrame(t: Tensor): Result<DataFrame> {
  if (t.rank === 0) return invalidInput('DataFrame constructor not properly called!');
  if (t.rank > 2) return invalidInput(`Must pass 2-d input. shape=${shapeRepr(t.shape)}`);
  if (t.rank === 1) return ok(new DataFrame([new Column(0, t.dtype, t.data)]));
  const [rows = 0, width = 0] = t.shape;
  const src = t.data as ArrayLike<unknown>;
  const columns = Array.from({ length: width }, (_, j) => {
    const values = allocate(t.dtype, rows) as unknown[] & ColumnValues;
    for (let i = 0; i < rows; i++) values[i] = src[i * width + j];
    return new Column(j, t.dtype, values);
  });
  return ok(new DataFrame(columns, rows));
}

/**
 * The DataFrame MLflow builds from a column-based model's input, or the error it reports.
 *
 * @example toFrame('hello', specs) // ok: one row, column 0
 */
export function toFrame(input: unknown, specs: readonly ColSpec[]): Result<DataFrame> {
  if (input instanceof DataFrame) return ok(input);
  if (input instanceof Column) return ok(new DataFrame([input]));
  if (pyScalarKind(input) !== undefined) return build(() => new DataFrame([columnFromValues(0, [input])]));
  if (isPyDict(input)) return dictToFrame(input, specs);
  if (input instanceof Tensor) return tensorToFrame(input);
  if (Array.isArray(input)) return listToFrame(input);
  return invalidInput(`Expected input to be DataFrame. Found: ${pyTypeName(input)}`);
}

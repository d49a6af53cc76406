/**
 * Plain JS values → columnar frames, with the dtype pandas would infer for the same Python values
 * (`pandas.DataFrame(records)`, `pandas.Series(values)`).
 */
import { PyFloat } from '../core/python-json.js';
import { Column, type ColumnLabel } from './column.js';
import { DataFrame } from './data-frame.js';
import { type DType, dtypeOfTypedArray, NAT, type TypedArray } from './dtype.js';

const INT64_LIMIT = 2 ** 63;

const isMissing = (v: unknown): boolean => v === null || v === undefined;
const isIntegral = (v: unknown): boolean =>
  typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < INT64_LIMIT);
// A PyFloat marks a number Python holds as a float (1.0), so it is never integral here.
const isNumeric = (v: unknown): boolean =>
  typeof v === 'number' || typeof v === 'bigint' || v instanceof PyFloat;

/** The dtype pandas infers for a list of these values. */
function inferDtype(values: readonly unknown[]): DType {
  const present = values.filter((v) => !isMissing(v));
  if (present.length === 0) return 'object';
  const hasMissing = present.length < values.length;
  if (present.every(isNumeric)) return !hasMissing && present.every(isIntegral) ? 'int64' : 'float64';
  if (present.every((v) => typeof v === 'boolean')) return hasMissing ? 'object' : 'bool';
  if (present.every((v) => v instanceof Date)) return 'datetime64[ns]';
  return 'object';
}

function toNanos(d: unknown): bigint {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) return NAT;
  return BigInt(d.getTime()) * 1_000_000n;
}

function storeAs(dtype: DType, values: readonly unknown[]): Column['values'] {
  switch (dtype) {
    case 'int64':
      return BigInt64Array.from(values, (v) => BigInt(v as number | bigint));
    case 'float64':
      return Float64Array.from(values, (v) =>
        isMissing(v) ? NaN : Number(v instanceof PyFloat ? v.value : v),
      );
    case 'bool':
      return Uint8Array.from(values, (v) => (v ? 1 : 0));
    case 'datetime64[ns]':
      return BigInt64Array.from(values, toNanos);
    default:
      return values.map((v) => (v === undefined ? null : v));
  }
}

/**
 * Builds one column from JS values, inferring its dtype as pandas would: integral numbers → int64,
 * other numbers (or numbers with nulls) → float64 with NaN, booleans → bool (object with nulls),
 * Dates → datetime64[ns], anything else → object. Typed arrays keep their dtype without a copy.
 *
 * @example columnFromValues('x', [1, 2, null]).dtype // 'float64'
 */
export function columnFromValues(name: ColumnLabel, values: readonly unknown[] | TypedArray): Column {
  if (!Array.isArray(values)) {
    const typed = values as TypedArray;
    const dtype = dtypeOfTypedArray(typed);
    return new Column<DType>(name, dtype, typed);
  }
  const dtype = inferDtype(values);
  return new Column(name, dtype, storeAs(dtype, values));
}

/**
 * Builds a frame from row objects, as `pandas.DataFrame(records)` does: columns in first-seen key
 * order, and null where a row lacks a key.
 *
 * @example frameFromRecords([{ a: 1 }, { a: 2, b: 'x' }]).columnNames // ['a', 'b']
 */
export function frameFromRecords(records: readonly Record<string, unknown>[]): DataFrame {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const row of records)
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) names.push(key);
      seen.add(key);
    }
  const columns = names.map((n) =>
    columnFromValues(
      n,
      records.map((row) => (Object.hasOwn(row, n) ? row[n] : null)),
    ),
  );
  return new DataFrame(columns, records.length);
}

/**
 * Builds a frame from an object of columns (arrays or typed arrays), as `pandas.DataFrame(dict)`
 * does; all columns must have the same length.
 *
 * @example frameFromColumns({ x: Float64Array.of(1, 2), s: ['a', 'b'] }).length // 2
 */
export function frameFromColumns(
  columns: Readonly<Record<string, readonly unknown[] | TypedArray>>,
): DataFrame {
  return new DataFrame(Object.entries(columns).map(([n, v]) => columnFromValues(n, v)));
}

/**
 * pandas' view of object columns: `infer_objects` (what dtype a column of JS values really has),
 * and the JS values of a column's cells as Python iteration yields them.
 */
import { PyFloat } from '../core/python-json.js';
import { Column } from '../data/column.js';
import { allocate, type DType, isBigIntStorage, NAT } from '../data/dtype.js';
import { cellToNanos, nanosToDate } from './enforce-datetime.js';
import { asPyFloat, pyNumber } from './enforce-python.js';

/** True for dtypes pandas would hold as `object` (Modeldock's `str` / `bytes` columns included). */
export function isObjectLike(dtype: DType): boolean {
  return dtype === 'object' || dtype === 'str' || dtype === 'bytes';
}

/** The numpy name MLflow's messages print for a column dtype; native string columns read `object`, as in pandas. */
export function dtypeName(dtype: DType): string {
  return isObjectLike(dtype) ? 'object' : dtype;
}

interface Census {
  ints: number;
  floats: number;
  bools: number;
  dates: number;
  nulls: number;
  other: number;
}

function census(values: readonly unknown[]): Census {
  const c: Census = { ints: 0, floats: 0, bools: 0, dates: 0, nulls: 0, other: 0 };
  for (const v of values) {
    if (v === null || v === undefined) c.nulls++;
    else if (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))) c.ints++;
    else if (typeof v === 'number') c.floats++;
    else if (v instanceof PyFloat) c.floats++;
    else if (typeof v === 'boolean') c.bools++;
    else if (v instanceof Date) c.dates++;
    else return { ...c, other: 1 };
  }
  return c;
}

function numericColumn(name: Column['name'], values: readonly unknown[], asFloat: boolean): Column {
  if (asFloat) {
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++)
      out[i] = values[i] === null || values[i] === undefined ? NaN : pyNumber(values[i]);
    return new Column(name, 'float64', out);
  }
  const out = new BigInt64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = typeof v === 'bigint' ? v : BigInt(v as number);
  }
  return new Column(name, 'int64', out);
}

function datetimeColumn(name: Column['name'], values: readonly unknown[]): Column {
  const out = new BigInt64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = cellToNanos(values[i]) ?? NAT;
  return new Column(name, 'datetime64[ns]', out);
}

/**
 * pandas' `infer_objects()` for an `object` column: ints → int64, numbers with None/NaN → float64,
 * all-bool → bool, datetimes (with None) → datetime64[ns]; anything else stays `object`.
 *
 * @example inferObjects(new Column('x', 'object', [1, null])).dtype // 'float64'
 */
export function inferObjects(column: Column): Column {
  if (column.dtype !== 'object') return column;
  const values = column.values as readonly unknown[];
  const c = census(values);
  const n = values.length;
  if (c.other > 0 || c.nulls === n) return column;
  if (c.bools > 0) {
    if (c.bools !== n) return column;
    return new Column(
      column.name,
      'bool',
      Uint8Array.from(values, (v) => (v ? 1 : 0)),
    );
  }
  if (c.dates > 0) return c.dates + c.nulls === n ? datetimeColumn(column.name, values) : column;
  return numericColumn(column.name, values, c.floats > 0 || c.nulls > 0);
}

/**
 * Cell `i` as Python iterating the column would yield it: Python ints (numbers, or bigints beyond
 * 2^53), floats (integral ones marked {@link PyFloat}), booleans, datetimes as Date.
 */
export function cellValue(column: Column, i: number): unknown {
  const v = column.values[i];
  const dtype = column.dtype;
  if (isObjectLike(dtype)) return v;
  if (dtype === 'bool') return v === 1;
  if (dtype === 'datetime64[ns]') return nanosToDate(v as bigint);
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v;
  return dtype.startsWith('float') ? asPyFloat(v as number) : v;
}

/** The cells as plain JS values for a model: numbers (bigints beyond 2^53), booleans, Dates, objects. */
export function columnToJs(column: Column): unknown[] {
  const out = new Array<unknown>(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = cellValue(column, i);
    out[i] = v instanceof PyFloat ? v.value : v;
  }
  return out;
}

/** Copies typed storage into another fixed-width dtype, as numpy's `astype` does for safe casts. */
export function castStorage(column: Column, to: DType): Column['values'] {
  const n = column.length;
  const out = allocate(to, n);
  const src = column.values;
  const srcBig = isBigIntStorage(column.dtype);
  if (isBigIntStorage(to)) {
    const big = out as BigInt64Array;
    if (srcBig) big.set(src as BigInt64Array);
    else for (let i = 0; i < n; i++) big[i] = BigInt(src[i] as number);
  } else if (srcBig) {
    const num = out as Float64Array;
    for (let i = 0; i < n; i++) num[i] = Number(src[i] as bigint);
  } else {
    (out as Float64Array).set(src as Float64Array);
  }
  return out;
}

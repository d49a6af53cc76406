/**
 * numpy's dtype arithmetic that tensor enforcement needs: the common dtype of several arrays
 * (`np.result_type`), and casting plain values or columns to a tensor dtype (`astype`).
 */
import { pythonRepr } from '../core/python-json.js';
import type { Column } from '../data/column.js';
import {
  allocate,
  bitWidth,
  type ColumnValues,
  type DType,
  isBigIntStorage,
  isFixedWidth,
  isFloat,
  isInteger,
  NUMERIC_DTYPES,
  type NumericDType,
} from '../data/dtype.js';
import { castStorage, columnToJs } from './enforce-dtypes.js';
import { pyNumber, pyTypeName } from './enforce-python.js';
import { cellToNanos } from './enforce-datetime.js';

const KNOWN = new Set<string>([...NUMERIC_DTYPES, 'bool', 'object', 'str', 'bytes', 'datetime64[ns]']);

/** True when Modeldock can hold a tensor of this numpy dtype name. */
export function isKnownDType(name: string): name is DType {
  return KNOWN.has(name);
}

const isNumeric = (d: DType): d is NumericDType => isInteger(d) || isFloat(d);

function floatFor(d: NumericDType): number {
  const bits = bitWidth(d);
  return bits <= 8 ? 16 : bits <= 16 ? 32 : 64;
}

function promoteInts(a: NumericDType, b: NumericDType): DType {
  const [ua, ub] = [a.startsWith('u'), b.startsWith('u')];
  const [wa, wb] = [bitWidth(a), bitWidth(b)];
  if (ua === ub) return wa >= wb ? a : b;
  const [unsigned, signed] = ua ? [wa, wb] : [wb, wa];
  if (unsigned < signed) return `int${signed}` as DType;
  return unsigned >= 64 ? 'float64' : (`int${unsigned * 2}` as DType);
}

/**
 * The dtype numpy gives an array built from values of dtypes `a` and `b`.
 *
 * @example promoteDTypes('int64', 'float32') // 'float64'
 */
export function promoteDTypes(a: DType, b: DType): DType {
  if (a === b) return a;
  if (a === 'bool' && isNumeric(b)) return b;
  if (b === 'bool' && isNumeric(a)) return a;
  if (!isNumeric(a) || !isNumeric(b)) return 'object';
  if (isFloat(a) && isFloat(b)) return bitWidth(a) >= bitWidth(b) ? a : b;
  if (isFloat(a) || isFloat(b)) {
    const [f, i] = isFloat(a) ? [a, b] : [b, a];
    return `float${Math.max(bitWidth(f), floatFor(i))}` as DType;
  }
  return promoteInts(a, b);
}

function castValue(v: unknown, dtype: DType): unknown {
  if (dtype === 'object') return v;
  if (dtype === 'str') return typeof v === 'string' ? v : String(v);
  if (dtype === 'bytes') return v;
  if (dtype === 'bool') return v ? 1 : 0;
  if (dtype === 'datetime64[ns]') {
    const ns = cellToNanos(v);
    if (ns === undefined) throw new Error(`Error parsing datetime string ${pythonRepr(v)}`);
    return ns;
  }
  const x = typeof v === 'string' ? Number(v.trim()) : v === null || v === undefined ? NaN : pyNumber(v);
  if (Number.isNaN(x) && !(typeof v === 'string' && v.trim().toLowerCase() === 'nan') && v !== null) {
    if (typeof v === 'string') throw new Error(`could not convert string to float: ${pythonRepr(v)}`);
    if (typeof v !== 'number')
      throw new Error(`float() argument must be a string or a real number, not '${pyTypeName(v)}'`);
  }
  if (isInteger(dtype)) {
    if (!Number.isFinite(x)) throw new Error('cannot convert float NaN to integer');
    return isBigIntStorage(dtype) ? BigInt(Math.trunc(x)) : Math.trunc(x);
  }
  return x;
}

/**
 * Plain values cast to a tensor dtype, as `np.array(values, dtype=...)`; throws numpy's message
 * (as an Error) when a value cannot be converted.
 *
 * @example castValues(['1.5', 2], 'float32') // Float32Array [1.5, 2]
 */
export function castValues(values: readonly unknown[], dtype: DType): ColumnValues {
  const out = allocate(dtype, values.length) as unknown[];
  for (let i = 0; i < values.length; i++) out[i] = castValue(values[i], dtype);
  return out as unknown as ColumnValues;
}

/** A column's values cast to a tensor dtype (typed arrays copied directly). */
export function castColumn(column: Column, dtype: DType): ColumnValues {
  if (column.dtype === dtype) return column.values;
  if (isFixedWidth(column.dtype) && isNumeric(dtype) && column.dtype !== 'datetime64[ns]')
    return castStorage(column, dtype);
  return castValues(columnToJs(column), dtype);
}

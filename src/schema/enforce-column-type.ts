/**
 * MLflow's conversion of one column to a scalar DataType (`_enforce_mlflow_datatype`): which input
 * dtypes are accepted, which are widened, and the exact messages for the rest.
 */
import { PyFloat } from '../core/python-json.js';
import { Column, type ColumnLabel } from '../data/column.js';
import { bitWidth, type DType, isFloat, isInteger, type NumericDType } from '../data/dtype.js';
import { cellToNanos } from './enforce-datetime.js';
import { castStorage, dtypeName, inferObjects, isObjectLike } from './enforce-dtypes.js';
import { isMissing, pyNumber } from './enforce-python.js';
import { dataTypeStr } from './repr.js';
import { fail, ok, type Result } from './result.js';
import type { DataType } from './types.js';

/** The dtype each DataType converts to (`DataType.to_numpy()`); `str` / `bytes` stand for numpy's strings. */
export const TARGET_DTYPE: Readonly<Record<DataType, DType>> = {
  boolean: 'bool',
  integer: 'int32',
  long: 'int64',
  float: 'float32',
  double: 'float64',
  string: 'str',
  binary: 'bytes',
  datetime: 'datetime64[ns]',
};

/** The target dtype as MLflow's messages print it (`np.dtype(str)` is `<U0`). */
const TARGET_NAME: Readonly<Record<DataType, string>> = {
  ...TARGET_DTYPE,
  string: '<U0',
  binary: '|S0',
};

const MISSING_VALUES_HINT =
  ' Hint: the type mismatch is likely caused by missing values. Integer columns in python can not ' +
  'represent missing values and are therefore encoded as floats. The best way to avoid this problem is ' +
  'to infer the model schema based on a realistic data sample (training dataset) that includes missing ' +
  'values. Alternatively, you can declare integer columns as doubles (float64) whenever these columns may ' +
  'have missing values. See `Handling Integers With Missing Values <https://www.mlflow.org/docs/latest/' +
  'models.html#handling-integers-with-missing-values>`_ for more details.';

type Plan = 'keep' | 'cast' | 'cast-if-binary' | 'parse-numeric' | 'parse-datetime' | 'reject';

const isNumeric = (d: DType): d is NumericDType => isInteger(d) || isFloat(d);
const kind = (d: NumericDType): string => (isFloat(d) ? 'f' : d.startsWith('u') ? 'u' : 'i');

function numericPlan(d: DType, to: DType): Plan {
  if (!isNumeric(d) || !isNumeric(to)) return 'reject';
  const [k, tk, size, toSize] = [kind(d), kind(to), bitWidth(d), bitWidth(to)];
  if (k === tk && size <= toSize) return 'cast';
  if (k === 'u' && tk === 'i' && size < toSize) return 'cast';
  // numpy allows (u)int → float64 up to 6 bytes, so int64 and uint64 are not widened.
  if (k !== 'f' && to === 'float64' && size <= 48) return 'cast';
  return d === 'int64' && tk === 'f' ? 'cast-if-binary' : 'reject';
}

/**
 * What MLflow does with a column of dtype `d` (after `infer_objects`) for a DataType `t`.
 *
 * @example planConversion('int32', 'long') // 'cast'
 */
export function planConversion(d: DType, t: DataType): Plan {
  const objectLike = isObjectLike(d);
  if (t === 'string') return objectLike ? 'keep' : 'reject';
  if (d === TARGET_DTYPE[t]) return 'keep';
  if (t === 'binary' || t === 'boolean') return objectLike ? 'keep' : 'reject';
  if (t === 'datetime') return objectLike ? 'parse-datetime' : 'reject';
  // np.dtype(object) == decimal.Decimal in MLflow's check, so any object column reaches pd.to_numeric.
  if (t === 'double' && objectLike) return 'parse-numeric';
  return numericPlan(d, TARGET_DTYPE[t]);
}

function allZeroOrOne(values: BigInt64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== 0n && values[i] !== 1n) return false;
  return true;
}

/** A float64 column whose NaNs are the only reason it is not an integer column. */
function looksLikeIntsWithNaN(column: Column): boolean {
  if (column.dtype !== 'float64') return false;
  const values = column.values as Float64Array;
  let nan = false;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (Number.isNaN(x)) nan = true;
    else if (!Number.isInteger(x)) return false;
  }
  return nan;
}

function incompatible(name: ColumnLabel, column: Column, t: DataType): Result<Column> {
  const toInt = t === 'integer' || t === 'long';
  const hint = toInt && looksLikeIntsWithNaN(column) ? MISSING_VALUES_HINT : '';
  return fail({
    path: [name],
    code: 'incompatible_type',
    message:
      `Incompatible input types for column ${String(name)}. ` +
      `Can not safely convert ${dtypeName(column.dtype)} to ${TARGET_NAME[t]}.${hint}`,
  });
}

function conversionFailed(name: ColumnLabel, column: Column, t: DataType): Result<Column> {
  return fail({
    path: [name],
    code: 'invalid_value',
    message: `Failed to convert column ${String(name)} from type ${dtypeName(column.dtype)} to ${dataTypeStr(t)}.`,
  });
}

const NUMERIC_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** pandas' `to_numeric` for one cell; undefined when it would raise. */
function toNumeric(v: unknown): number | undefined {
  if (isMissing(v)) return NaN;
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof PyFloat) return pyNumber(v);
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  if (NUMERIC_TEXT.test(s)) return Number(s);
  if (s === '' || s === 'nan') return NaN;
  if (/^[+-]?inf(inity)?$/.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  return undefined;
}

function parseNumeric(name: ColumnLabel, column: Column): Result<Column> {
  const values = column.values as readonly unknown[];
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = toNumeric(values[i]);
    if (x === undefined) return conversionFailed(name, column, 'double');
    out[i] = x;
  }
  return ok(new Column(column.name, 'float64', out));
}

function parseDatetime(name: ColumnLabel, column: Column): Result<Column> {
  const values = column.values as readonly unknown[];
  const out = new BigInt64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const ns = cellToNanos(values[i]);
    if (ns === undefined) return conversionFailed(name, column, 'datetime');
    out[i] = ns;
  }
  return ok(new Column(column.name, 'datetime64[ns]', out));
}

/**
 * Converts a column to a scalar DataType as MLflow does, or reports why it cannot; `name` is the
 * label MLflow prints (empty inside arrays, where it reads `column .`).
 *
 * @example enforceColumnType('x', new Column('x', 'int32', Int32Array.of(1)), 'long') // ok: int64 column
 */
export function enforceColumnType(name: ColumnLabel, column: Column, t: DataType): Result<Column> {
  const col = t === 'string' || t === 'binary' ? column : inferObjects(column);
  const target = TARGET_DTYPE[t];
  switch (planConversion(col.dtype, t)) {
    case 'keep':
      return ok(col);
    case 'cast':
      return ok(new Column(col.name, target, castStorage(col, target)));
    case 'cast-if-binary':
      return allZeroOrOne(col.values as BigInt64Array)
        ? ok(new Column(col.name, target, castStorage(col, target)))
        : incompatible(name, col, t);
    case 'parse-numeric':
      return parseNumeric(name, col);
    case 'parse-datetime':
      return parseDatetime(name, col);
    case 'reject':
      return incompatible(name, col, t);
  }
}

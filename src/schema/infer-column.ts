/**
 * The ColSpec of one DataFrame column or Series, as MLflow's `_infer_pandas_column` and
 * `_infer_required`: fixed dtypes map directly, object columns are inferred from their values.
 */
import { MlflowError } from '../core/mlflow-error.js';
import { PyFloat } from '../core/python-json.js';
import type { Column } from '../data/column.js';
import { NAT } from '../data/dtype.js';
import { inferArrayType, isMissing } from './infer-type.js';
import { DATA_TYPE_OF_DTYPE } from './dtype-data-types.js';
import type { ColSpec, ColType, DataType } from './types.js';

/** What `Series.infer_objects()` would turn an object column without missing values into. */
function softConverted(values: readonly unknown[]): DataType | undefined {
  if (values.length === 0 || values.some(isMissing)) return undefined;
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  const numeric = values.every((v) => typeof v === 'number' || typeof v === 'bigint' || v instanceof PyFloat);
  if (numeric) return values.every((v) => typeof v === 'bigint' || Number.isInteger(v)) ? 'long' : 'double';
  if (values.every((v) => v instanceof Date)) return 'datetime';
  return undefined;
}

function objectColumnType(c: Column): ColType {
  const values = c.values as unknown[];
  const converted = softConverted(values);
  if (converted) return { kind: 'scalar', type: converted };
  try {
    const array = inferArrayType(values);
    if (array?.kind !== 'array')
      throw new MlflowError(
        `Numpy array must include at least one non-empty item. Invalid input \`${String(values)}\`.`,
        'INVALID_PARAMETER_VALUE',
      );
    return array.items;
  } catch (e) {
    // pandas still calls a column of strings (and missing values) a string column
    if (values.every((v) => isMissing(v) || typeof v === 'string')) return { kind: 'scalar', type: 'string' };
    throw new MlflowError(
      `Failed to infer schema for pandas.Series ${String(c.name)}. Error: ${(e as Error).message}`,
      'INVALID_PARAMETER_VALUE',
      { cause: e },
    );
  }
}

/** The column type MLflow infers for a column of this dtype and these values. */
export function columnType(c: Column): ColType {
  if (c.dtype === 'object') return objectColumnType(c);
  const type = DATA_TYPE_OF_DTYPE[c.dtype];
  if (type === undefined)
    throw new MlflowError(
      `Unsupported numpy data type '${c.dtype}', kind '${c.dtype === 'uint64' ? 'u' : '?'}'`,
      'INVALID_PARAMETER_VALUE',
    );
  return { kind: 'scalar', type };
}

/** False when the column holds a missing value (None, NaN, NaT). */
export function columnRequired(c: Column): boolean {
  switch (c.dtype) {
    case 'float16':
    case 'float32':
    case 'float64':
      return !(c.values as Float64Array).some(Number.isNaN);
    case 'datetime64[ns]':
      return !(c.values as BigInt64Array).includes(NAT);
    case 'object':
    case 'str':
    case 'bytes':
      return !(c.values as unknown[]).some(isMissing);
    default:
      return true;
  }
}

/**
 * One named ColSpec for a column or Series.
 *
 * @example colSpecOfColumn(new Column('x', 'float64', Float64Array.of(1, NaN))) // double, optional
 */
export function colSpecOfColumn(c: Column): ColSpec {
  return { kind: 'column', name: c.name, type: columnType(c), required: columnRequired(c) };
}

/**
 * Plain JS values → columnar frames, with pandas-like dtype inference (STUB: being implemented).
 */
import { MlflowError } from '../core/mlflow-error.js';
import type { Column, ColumnLabel } from './column.js';
import type { DataFrame } from './data-frame.js';
import type { TypedArray } from './dtype.js';

/** Builds a frame from row objects, as `pandas.DataFrame(records)` does. */
export function frameFromRecords(_records: readonly Record<string, unknown>[]): DataFrame {
  throw new MlflowError('not implemented yet', 'NOT_IMPLEMENTED');
}
/** Builds a frame from an object of columns (arrays or typed arrays), as `pandas.DataFrame(dict)` does. */
export function frameFromColumns(
  _columns: Readonly<Record<string, readonly unknown[] | TypedArray>>,
): DataFrame {
  throw new MlflowError('not implemented yet', 'NOT_IMPLEMENTED');
}
/** Builds one column from JS values, inferring its dtype as pandas would. */
export function columnFromValues(_name: ColumnLabel, _values: readonly unknown[] | TypedArray): Column {
  throw new MlflowError('not implemented yet', 'NOT_IMPLEMENTED');
}

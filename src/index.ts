/**
 * Modeldock's public API: the MLflow Model format, signatures and the in-memory data model.
 * Everything a user may import from `modeldock` is exported here and nowhere else.
 */
export { MlflowError, type MlflowErrorOptions } from './core/mlflow-error.js';
export { type ErrorCode, httpStatusOf } from './core/error-codes.js';
export { Column, type ColumnLabel } from './data/column.js';
export { DataFrame } from './data/data-frame.js';
export { Tensor, type TensorMap } from './data/tensor.js';
export type { DType, NumericDType } from './data/dtype.js';
export type * from './schema/types.js';
export type { Issue, IssueCode, Result } from './schema/result.js';

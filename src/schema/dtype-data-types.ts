import type { DType } from '../data/dtype.js';
import type { DataType } from './types.js';

/** The MLflow data type that numpy infers for each dtype; absent dtypes (object, uint64) need their values. */
export const DATA_TYPE_OF_DTYPE: Partial<Record<DType, DataType>> = {
  bool: 'boolean',
  int8: 'integer',
  int16: 'integer',
  int32: 'integer',
  uint8: 'integer',
  uint16: 'integer',
  int64: 'long',
  uint32: 'long',
  float16: 'float',
  float32: 'float',
  float64: 'double',
  str: 'string',
  bytes: 'binary',
  'datetime64[ns]': 'datetime',
};

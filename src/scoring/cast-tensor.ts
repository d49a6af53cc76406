/**
 * JSON nested lists → a {@link Tensor} of a spec's dtype, as numpy's `np.array(value, dtype=...)`
 * does in MLflow's scoring server: ints cast to floats, floats truncate to ints, bad strings fail.
 */
import { MlflowError } from '../core/mlflow-error.js';
import { allocate, type DType, isBigIntStorage, isFloat, isInteger } from '../data/dtype.js';
import { Tensor } from '../data/tensor.js';
import { CastFailure, toPythonBool, toPythonFloat, toPythonInt, toPythonStr } from './python-casts.js';

const TENSOR_DTYPES = new Set<string>([
  'float64',
  'float32',
  'float16',
  'int64',
  'int32',
  'int16',
  'int8',
  'uint64',
  'uint32',
  'uint16',
  'uint8',
  'bool',
]);

/**
 * The shape of rectangular nested lists, or a CastFailure as numpy reports ragged input.
 *
 * @example nestedShape([[1, 2], [3, 4]]) // [2, 2]
 */
export function nestedShape(value: unknown): number[] {
  const shape: number[] = [];
  for (let v: unknown = value; Array.isArray(v); v = v[0]) shape.push(v.length);
  const check = (v: unknown, dim: number): void => {
    const n = shape[dim];
    if (n === undefined) {
      if (Array.isArray(v)) throw inhomogeneous(dim);
      return;
    }
    if (!Array.isArray(v) || v.length !== n) throw inhomogeneous(dim);
    for (const x of v) check(x, dim + 1);
  };
  check(value, 0);
  return shape;
}

function inhomogeneous(dim: number): CastFailure {
  return new CastFailure(
    'ValueError',
    `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${dim} dimensions.`,
  );
}

function storeFlat(dtype: DType, flat: readonly unknown[]): Tensor['data'] {
  if (dtype === 'bool') return Uint8Array.from(flat, (v) => (toPythonBool(v) ? 1 : 0));
  const out = allocate(dtype, flat.length);
  if (isBigIntStorage(dtype)) flat.forEach((v, i) => ((out as BigInt64Array)[i] = BigInt(toPythonInt(v))));
  else if (isInteger(dtype)) flat.forEach((v, i) => ((out as Int32Array)[i] = toPythonInt(v)));
  else if (isFloat(dtype)) flat.forEach((v, i) => ((out as Float64Array)[i] = toPythonFloat(v)));
  return out;
}

/**
 * Nested JSON lists (or a scalar) as a tensor of `dtype`; `str` gives strings, other non-numeric
 * dtypes keep the values in an `object` tensor. Failures are BAD_REQUEST `Invalid input. <detail>`.
 *
 * @example tensorFromJson([[1, 2]], 'float32').data // Float32Array [1, 2]
 */
export function tensorFromJson(value: unknown, dtype: string): Tensor {
  try {
    const shape = nestedShape(value);
    const flat = Array.isArray(value) ? (value as unknown[]).flat(Infinity) : [value];
    if (TENSOR_DTYPES.has(dtype)) return new Tensor(dtype as DType, shape, storeFlat(dtype as DType, flat));
    if (dtype === 'str') return new Tensor('object', shape, flat.map(toPythonStr));
    return new Tensor('object', shape, flat);
  } catch (error) {
    if (error instanceof CastFailure) throw new MlflowError(`Invalid input. ${error.message}`, 'BAD_REQUEST');
    throw error;
  }
}

/**
 * Nested JSON lists as a tensor with the dtype numpy infers: int64 for ints, float64 for numbers,
 * bool for booleans, object otherwise.
 *
 * @example inferTensor([[1, 2.5]]).dtype // 'float64'
 */
export function inferTensor(value: unknown): Tensor {
  const flat = Array.isArray(value) ? (value as unknown[]).flat(Infinity) : [value];
  const numbers = flat.every((v) => typeof v === 'number');
  if (numbers) return tensorFromJson(value, flat.every((v) => Number.isInteger(v)) ? 'int64' : 'float64');
  return tensorFromJson(value, flat.every((v) => typeof v === 'boolean') ? 'bool' : 'object');
}

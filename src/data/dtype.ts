/**
 * Element types of columns and tensors, named as numpy names them, because MLflow's signatures and
 * enforcement rules are written in numpy dtypes.
 */
export const NUMERIC_DTYPES = [
  'int8',
  'int16',
  'int32',
  'int64',
  'uint8',
  'uint16',
  'uint32',
  'uint64',
  'float16',
  'float32',
  'float64',
] as const;
export type NumericDType = (typeof NUMERIC_DTYPES)[number];

/** A column's dtype: numpy's fixed-width types, `object` for anything else, and nanosecond datetimes. */
export type DType = NumericDType | 'bool' | 'object' | 'datetime64[ns]' | 'str' | 'bytes';

/** The typed-array storage behind each fixed-width dtype. float16 widens to Float32Array (Node 20 has no Float16Array). */
export interface DTypeStorage {
  bool: Uint8Array;
  int8: Int8Array;
  int16: Int16Array;
  int32: Int32Array;
  int64: BigInt64Array;
  uint8: Uint8Array;
  uint16: Uint16Array;
  uint32: Uint32Array;
  uint64: BigUint64Array;
  float16: Float32Array;
  float32: Float32Array;
  float64: Float64Array;
  'datetime64[ns]': BigInt64Array;
  object: unknown[];
  str: (string | null)[];
  bytes: (Uint8Array | null)[];
}

export type TypedArray =
  | Uint8Array
  | Int8Array
  | Int16Array
  | Int32Array
  | BigInt64Array
  | Uint16Array
  | Uint32Array
  | BigUint64Array
  | Float32Array
  | Float64Array;

/** Storage of any dtype. */
export type ColumnValues = DTypeStorage[DType];

/** numpy's NaT: the smallest int64, used as "missing" in datetime64 storage. */
export const NAT = -(2n ** 63n);

const CONSTRUCTORS = {
  bool: Uint8Array,
  int8: Int8Array,
  int16: Int16Array,
  int32: Int32Array,
  int64: BigInt64Array,
  uint8: Uint8Array,
  uint16: Uint16Array,
  uint32: Uint32Array,
  uint64: BigUint64Array,
  float16: Float32Array,
  float32: Float32Array,
  float64: Float64Array,
  'datetime64[ns]': BigInt64Array,
} as const;

export type FixedDType = keyof typeof CONSTRUCTORS;

/** True for dtypes stored in a typed array. */
export function isFixedWidth(dtype: DType): dtype is FixedDType {
  return dtype in CONSTRUCTORS;
}

export function isInteger(dtype: DType): boolean {
  return dtype.startsWith('int') || dtype.startsWith('uint');
}

export function isFloat(dtype: DType): boolean {
  return dtype.startsWith('float');
}

/** True where storage holds bigints (int64, uint64, datetime64[ns]). */
export function isBigIntStorage(dtype: DType): boolean {
  return dtype === 'int64' || dtype === 'uint64' || dtype === 'datetime64[ns]';
}

/** Bit width of a numeric dtype, as numpy's `itemsize * 8`. */
export function bitWidth(dtype: NumericDType): number {
  return Number(/\d+$/.exec(dtype)?.[0]);
}

/**
 * Allocates zeroed storage for `length` elements of `dtype`.
 *
 * @example allocate('float64', 3) // Float64Array [0, 0, 0]
 */
export function allocate<D extends DType>(dtype: D, length: number): DTypeStorage[D] {
  if (isFixedWidth(dtype)) return new CONSTRUCTORS[dtype](length) as DTypeStorage[D];
  return new Array<unknown>(length).fill(null) as DTypeStorage[D];
}

/** Reads element `i` of storage as a JS value: bigint for 64-bit integers, boolean for bool. */
export function elementAt(dtype: DType, values: ColumnValues, i: number): unknown {
  const v = values[i];
  return dtype === 'bool' ? v === 1 : v;
}

const TYPED_ARRAY_DTYPES: readonly (readonly [abstract new (...args: never[]) => TypedArray, FixedDType])[] =
  [
    [Float64Array, 'float64'],
    [Float32Array, 'float32'],
    [Int8Array, 'int8'],
    [Int16Array, 'int16'],
    [Int32Array, 'int32'],
    [BigInt64Array, 'int64'],
    [Uint8Array, 'uint8'],
    [Uint16Array, 'uint16'],
    [Uint32Array, 'uint32'],
    [BigUint64Array, 'uint64'],
  ];

/**
 * The dtype a typed array stands for (a Buffer is uint8).
 *
 * @example dtypeOfTypedArray(Float32Array.of(1)) // 'float32'
 */
export function dtypeOfTypedArray(values: TypedArray): FixedDType {
  return TYPED_ARRAY_DTYPES.find(([ctor]) => values instanceof ctor)?.[1] ?? 'uint8';
}

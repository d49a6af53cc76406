/**
 * Signatures as data. These types mirror MLflow's `ModelSignature`, `Schema`, `ColSpec`,
 * `TensorSpec`, `Array`, `Object`, `Map`, `AnyType`, `ParamSchema` and `ParamSpec`; the JSON codec
 * (`codec.ts`) turns them into the exact strings MLflow writes into an MLmodel file.
 */

/** MLflow's scalar column types (`mlflow.types.DataType`). */
export const DATA_TYPES = [
  'boolean',
  'integer',
  'long',
  'float',
  'double',
  'string',
  'binary',
  'datetime',
] as const;
export type DataType = (typeof DATA_TYPES)[number];

/** A scalar type such as `double`. */
export interface ScalarType {
  readonly kind: 'scalar';
  readonly type: DataType;
}

/** `Array(items)`: a list whose elements all have the `items` type. */
export interface ArrayType {
  readonly kind: 'array';
  readonly items: ColType;
}

/** One property of an {@link ObjectType}. */
export interface Property {
  readonly name: string;
  readonly type: ColType;
  readonly required: boolean;
}

/** `Object(properties)`: a dict with known keys. Properties are kept sorted by name, as MLflow writes them. */
export interface ObjectType {
  readonly kind: 'object';
  readonly properties: readonly Property[];
}

/** `Map(values)`: a dict with string keys and values of one type. */
export interface MapType {
  readonly kind: 'map';
  readonly values: ColType;
}

/** `AnyType()`: no check at all. */
export interface AnyType {
  readonly kind: 'any';
}

/** Spark ML's vector type, an array of doubles. Only read and written; Node never produces it. */
export interface SparkMlVectorType {
  readonly kind: 'sparkml_vector';
}

/** The type of a column: a scalar or one of the complex types. */
export type ColType = ScalarType | ArrayType | ObjectType | MapType | AnyType | SparkMlVectorType;

/** A column of a column-based schema. */
export interface ColSpec {
  readonly kind: 'column';
  readonly type: ColType;
  /** Omitted for unnamed schemas. pandas allows integer labels, and MLflow keeps them as JSON numbers. */
  readonly name?: string | number;
  readonly required: boolean;
}

/** An ndarray of a tensor-based schema. `-1` in `shape` matches any size. */
export interface TensorSpec {
  readonly kind: 'tensor';
  readonly name?: string;
  /** numpy dtype name: `float32`, `int64`, `bool`, `str`, `bytes`, `object`, ... */
  readonly dtype: string;
  readonly shape: readonly number[];
}

/** The inputs or outputs of a model: all column specs, or all tensor specs. */
export type Schema =
  | { readonly kind: 'columns'; readonly specs: readonly ColSpec[] }
  | { readonly kind: 'tensors'; readonly specs: readonly TensorSpec[] };

/** An inference parameter with its default. `shape` is `null` for a scalar, `[-1]` for a 1-D list. */
export interface ParamSpec {
  readonly name: string;
  /** A scalar data type, or an object type for dict params (MLflow 3). */
  readonly type: DataType | ObjectType;
  readonly default: unknown;
  readonly shape: readonly number[] | null;
}

export interface ParamSchema {
  readonly params: readonly ParamSpec[];
}

/** A model signature: what goes in, what comes out, and which params `predict` takes. */
export interface ModelSignature {
  readonly inputs: Schema | null;
  readonly outputs: Schema | null;
  readonly params: ParamSchema | null;
}

/**
 * The MLmodel encoding of a signature: each part a JSON string or null, exactly as MLflow writes it.
 * `is_signature_from_type_hint` and `type_hint_from_example` sit beside it at the MLmodel top level.
 */
export interface SignatureDict {
  inputs: string | null;
  outputs: string | null;
  params: string | null;
}

/**
 * Value → column type, as MLflow's `_infer_datatype`: scalars map to DataTypes, lists to `Array`
 * of their common element type, dicts to `Object`, None / empty containers to `Any`; list items
 * and records are merged with MLflow's (asymmetric) merge rules.
 */
import { MlflowError } from '../core/mlflow-error.js';
import { isPlainObject, PyFloat, pythonStr } from '../core/python-json.js';
import { type DType, dtypeOfTypedArray } from '../data/dtype.js';
import { Tensor } from '../data/tensor.js';
import { sortProperties } from './schema-from-json-value.js';
import type { ColType, DataType, ObjectType, Property } from './types.js';

/** MLflow's message for a list whose items have different types. */
export const MULTIPLE_TYPES_ERROR_MSG =
  'Expected all values in the list to be of the same type. To specify a model signature with a list ' +
  'containing elements of multiple types, define the signature manually using the Array(AnyType()) ' +
  'type from mlflow.models.schema.';

const ANY: ColType = { kind: 'any' };

function fail(message: string): never {
  throw new MlflowError(message, 'INVALID_PARAMETER_VALUE');
}

/** numpy scalar types MLflow maps to a DataType (others, like int8 scalars, are not supported). */
const NUMPY_SCALAR_TYPES: Partial<Record<DType, DataType>> = {
  bool: 'boolean',
  int64: 'long',
  int32: 'integer',
  float64: 'double',
  float32: 'float',
  str: 'string',
  bytes: 'binary',
  'datetime64[ns]': 'datetime',
};

/**
 * True for None, undefined and NaN (what MLflow's `_is_none_or_nan` accepts).
 *
 * @example isMissing(NaN) // true
 */
export function isMissing(v: unknown): boolean {
  const n = v instanceof PyFloat ? v.value : v;
  return n === null || n === undefined || (typeof n === 'number' && Number.isNaN(n));
}

/** A typed array other than Uint8Array (which stands for bytes): a 1-D numeric array. */
export function isNumericVector(v: unknown): v is Exclude<Tensor['data'], unknown[]> {
  return ArrayBuffer.isView(v) && !(v instanceof DataView) && !(v instanceof Uint8Array);
}

function scalarType(v: unknown): ColType {
  if (typeof v === 'boolean') return { kind: 'scalar', type: 'boolean' };
  if (v instanceof PyFloat) return { kind: 'scalar', type: 'double' };
  // A JS number cannot say whether Python would hold an int or a float: integral means int.
  if (typeof v === 'number') return { kind: 'scalar', type: Number.isInteger(v) ? 'long' : 'double' };
  if (typeof v === 'bigint') return { kind: 'scalar', type: 'long' };
  if (typeof v === 'string') return { kind: 'scalar', type: 'string' };
  if (v instanceof Uint8Array) return { kind: 'scalar', type: 'binary' };
  if (v instanceof Date) return { kind: 'scalar', type: 'datetime' };
  return fail(`Data ${pythonStr(v)} is not one of the supported DataType`);
}

/** The type of an ndarray's items along its first axis (undefined for an empty array). */
function tensorItemsType(t: Tensor): ColType | undefined {
  if (t.shape.some((d) => d === 0)) return undefined;
  if (t.dtype === 'object') return inferArrayType(t.toNested() as unknown[]);
  let items: ColType | undefined;
  const scalar = NUMPY_SCALAR_TYPES[t.dtype];
  if (scalar) items = { kind: 'scalar', type: scalar };
  else fail(`Data ${pythonStr(t.data[0])} is not one of the supported DataType`);
  for (let rank = t.shape.length; rank > 1; rank--) items = { kind: 'array', items };
  return items;
}

/**
 * The type of one value: `_infer_datatype`. Undefined means "undetermined" (an empty ndarray).
 *
 * @example inferValueType([{ a: 1 }, { a: 2, b: 'x' }]) // Array({a: long, b: string (optional)})
 */
export function inferValueType(v: unknown): ColType | undefined {
  if (isMissing(v)) return ANY;
  if (Array.isArray(v)) return v.length === 0 ? ANY : inferArrayType(v);
  if (v instanceof Tensor) return arrayOf(tensorItemsType(v));
  if (isNumericVector(v)) return arrayOf(tensorItemsType(new Tensor(dtypeOfVector(v), [v.length], v)));
  if (isPlainObject(v)) return Object.keys(v).length === 0 ? ANY : objectType(v);
  return scalarType(v);
}

function arrayOf(items: ColType | undefined): ColType | undefined {
  return items === undefined ? undefined : { kind: 'array', items };
}

/** The dtype a typed array stands for. */
export function dtypeOfVector(v: Exclude<Tensor['data'], unknown[]>): DType {
  return dtypeOfTypedArray(v);
}

function objectType(v: Record<string, unknown>): ObjectType {
  const properties = Object.entries(v).map(([name, x]): Property => {
    const type = inferValueType(x);
    if (type === undefined) fail('Dictionary value must not be an empty numpy array.');
    return { name, type, required: type.kind !== 'any' };
  });
  return { kind: 'object', properties: sortProperties(properties) };
}

/**
 * `Array(T)` for a list: the common type of its items (None items are skipped; objects merged).
 * Undefined when every item is undetermined.
 */
export function inferArrayType(values: readonly unknown[]): ColType | undefined {
  let items: ColType | undefined;
  for (const v of values) {
    const t = inferValueType(v);
    if (t === undefined) continue;
    if (items === undefined) items = t;
    else if (items.kind === 'scalar') {
      if (t.kind !== 'any' && !sameType(t, items)) fail(MULTIPLE_TYPES_ERROR_MSG);
    } else {
      try {
        items = mergeTypes(items, t);
      } catch (e) {
        if (e instanceof MlflowError) fail(MULTIPLE_TYPES_ERROR_MSG);
        throw e;
      }
    }
  }
  return arrayOf(items);
}

/** Structural equality of two types (property order is always sorted). */
export function sameType(a: ColType, b: ColType): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function withOptional(props: readonly Property[]): ObjectType {
  return { kind: 'object', properties: props.map((p) => ({ ...p, required: false })) };
}

function mergeObjects(a: ObjectType, b: ColType): ObjectType {
  if (b.kind === 'any') return withOptional(a.properties);
  if (b.kind !== 'object') return fail(`Can't merge object with non-object type`);
  if (sameType(a, b)) return a;
  const left = new Map(a.properties.map((p) => [p.name, p]));
  const right = new Map(b.properties.map((p) => [p.name, p]));
  const merged: Property[] = [];
  for (const p of a.properties) {
    const q = right.get(p.name);
    merged.push(q ? mergeProperties(p, q) : { ...p, required: false });
  }
  for (const q of b.properties) if (!left.has(q.name)) merged.push({ ...q, required: false });
  return { kind: 'object', properties: sortProperties(merged) };
}

function mergeProperties(p: Property, q: Property): Property {
  const required = p.required && q.required;
  if (p.type.kind === 'scalar' && q.type.kind === 'scalar') {
    if (p.type.type === q.type.type) return { name: p.name, type: p.type, required };
    return fail(`Properties are incompatible for ${p.type.type} and ${q.type.type}`);
  }
  // MLflow only merges when the first property is complex: long then None fails, None then long works.
  if (p.type.kind === 'scalar') return fail('Properties are incompatible');
  return { name: p.name, type: mergeTypes(p.type, q.type), required };
}

/**
 * MLflow's `_merge` of two inferred types; throws MlflowError when they are incompatible.
 *
 * @example mergeTypes({ kind: 'any' }, { kind: 'scalar', type: 'long' }) // long
 */
export function mergeTypes(a: ColType, b: ColType): ColType {
  switch (a.kind) {
    case 'any':
      if (b.kind === 'any' || b.kind === 'scalar') return b;
      return mergeTypes(b, a);
    case 'object':
      return mergeObjects(a, b);
    case 'array':
    case 'map': {
      if (b.kind === 'any' || sameType(a, b)) return a;
      if (b.kind !== a.kind) return fail(`Can't merge ${a.kind} with non-${a.kind} type`);
      const [x, y] =
        a.kind === 'array' ? [a.items, (b as typeof a).items] : [a.values, (b as typeof a).values];
      if (x.kind === 'scalar') return fail(`${a.kind} types are incompatible`);
      const merged = mergeTypes(x, y);
      return a.kind === 'array' ? { kind: 'array', items: merged } : { kind: 'map', values: merged };
    }
    case 'sparkml_vector':
      return b.kind === 'sparkml_vector'
        ? a
        : fail("SparkML vector type can't be merged with another Array type.");
    case 'scalar':
      return fail('Can not merge a DataType');
  }
}

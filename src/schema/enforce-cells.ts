/**
 * Enforcement of complex column types (Array, Object, Map, Any), cell by cell and recursively, as
 * MLflow's `_enforce_type` does, with its messages.
 */
import { PyFloat } from '../core/python-json.js';
import { Column } from '../data/column.js';
import { Tensor } from '../data/tensor.js';
import { enforceColumnType } from './enforce-column-type.js';
import { cellValue, columnToJs, inferObjects } from './enforce-dtypes.js';
import {
  isMissing,
  isPyDict,
  pyDictEntries,
  pyDictSize,
  pyScalarKind,
  pySetRepr,
  pyStr,
  pyTypeName,
} from './enforce-python.js';
import { colTypeRepr, shapeRepr } from './repr.js';
import { fail, type Issue, type IssueCode, ok, type Result } from './result.js';
import type { ColType, DataType, MapType, ObjectType } from './types.js';

type Path = Issue['path'];

function problem<T>(code: IssueCode, message: string, path: Path = []): Result<T> {
  return fail({ path, code, message });
}

/** Prefixes the path of a failed result, keeping its message. */
export function under<T>(prefix: Path, r: Result<unknown>): Result<T> {
  if (r.ok) return r as Result<T>;
  return fail(...r.issues.map((i) => ({ ...i, path: [...prefix, ...i.path] })));
}

const DOUBLE: ColType = { kind: 'scalar', type: 'double' };
const SAME_KIND: Partial<Record<DataType, string>> = {
  long: 'int',
  double: 'float',
  string: 'str',
  boolean: 'bool',
  binary: 'bytes',
};

function enforceScalar(v: unknown, t: DataType, required: boolean): Result<unknown> {
  if (!required && isMissing(v)) return ok(null);
  const kind = pyScalarKind(v);
  if (kind === undefined)
    return problem('incompatible_type', `Expected data to be scalar, got ${pyTypeName(v)}`);
  // The common exact matches need no one-cell Series.
  if (SAME_KIND[t] === kind) return ok(v instanceof PyFloat ? v.value : v);
  const r = enforceColumnType('', inferObjects(new Column('', 'object', [v])), t);
  if (!r.ok)
    return problem(
      'incompatible_type',
      `Failed to enforce schema of data \`${pyStr(v)}\` with dtype \`${t}\``,
    );
  return ok(columnToJs(r.value)[0]);
}

function enforceScalarItems(data: unknown[] | Tensor, t: DataType): Result<unknown> {
  if (data instanceof Tensor && data.rank !== 1)
    return problem(
      'invalid_shape',
      `Data must be 1-dimensional, got ndarray of shape ${shapeRepr(data.shape)} instead`,
    );
  const column =
    data instanceof Tensor
      ? new Column('', data.dtype, data.data)
      : inferObjects(new Column('', 'object', data));
  const r = enforceColumnType('', column, t);
  if (!r.ok) return r;
  const out = r.value;
  return ok(data instanceof Tensor ? new Tensor(out.dtype, [out.length], out.values) : columnToJs(out));
}

function enforceArray(data: unknown, items: ColType, required: boolean): Result<unknown> {
  const isList = Array.isArray(data) || data instanceof Tensor;
  const length = Array.isArray(data) ? data.length : data instanceof Tensor ? (data.shape[0] ?? 0) : -1;
  if ((!required || items.kind === 'any') && (data === null || data === undefined || length === 0))
    return ok(data);
  if (!isList)
    return problem('incompatible_type', `Expected data to be list or numpy array, got ${pyTypeName(data)}`);
  if (length === 0) return ok(data);
  if (items.kind === 'scalar') return enforceScalarItems(data, items.type);
  const elements = Array.isArray(data) ? data : (data.toNested() as unknown[]);
  const out = new Array<unknown>(elements.length);
  for (let i = 0; i < elements.length; i++) {
    const r = enforceCell(elements[i], items, required);
    if (!r.ok) return under([i], r);
    out[i] = r.value;
  }
  return ok(data instanceof Tensor ? new Tensor('object', [out.length], out) : out);
}

/** The `type` MLflow quotes for a property: the DataType name or the complex kind. */
function typeField(t: ColType): string {
  return t.kind === 'scalar' ? t.type : t.kind;
}

function isEmptyDict(v: unknown): boolean {
  return isPyDict(v) && pyDictSize(v) === 0;
}

function enforceObject(data: unknown, obj: ObjectType, required: boolean): Result<unknown> {
  if (!required && (data === null || data === undefined || isEmptyDict(data))) return ok(data);
  if (!isPyDict(data))
    return problem(
      'incompatible_type',
      `Failed to enforce schema of '${pyStr(data)}' with type '${colTypeRepr(obj)}'. ` +
        `Expected data to be dictionary, got ${pyTypeName(data)}`,
    );
  const entries = pyDictEntries(data);
  const keys = new Set(entries.map(([k]) => k));
  const missing = obj.properties.filter((p) => p.required && !keys.has(p.name)).map((p) => p.name);
  if (missing.length > 0)
    return problem('missing_property', `Missing required properties: ${pySetRepr(missing)}`);
  const props = new Map<unknown, ObjectType['properties'][number]>(obj.properties.map((p) => [p.name, p]));
  const unknown = entries.map(([k]) => k).filter((k) => !props.has(k));
  if (unknown.length > 0)
    return problem(
      'unknown_property',
      `Invalid properties not defined in the schema found: ${pySetRepr(unknown)}`,
    );
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    const prop = props.get(k);
    if (prop === undefined) continue;
    const r = enforceCell(v, prop.type, prop.required);
    if (!r.ok)
      return problem(
        'incompatible_type',
        `Failed to enforce schema for key \`${String(k)}\`. Expected type ${typeField(prop.type)}, ` +
          `received type ${pyTypeName(v)}`,
        [String(k), ...(r.issues[0]?.path ?? [])],
      );
    out[String(k)] = r.value;
  }
  return ok(out);
}

function enforceMap(data: unknown, map: MapType, required: boolean): Result<unknown> {
  const empty = data === null || data === undefined || isEmptyDict(data);
  if ((!required || map.values.kind === 'any') && empty) return ok(data);
  if (!isPyDict(data))
    return problem('incompatible_type', `Expected data to be a dict, got ${pyTypeName(data)}`);
  const entries = pyDictEntries(data);
  if (!entries.every(([k]) => typeof k === 'string'))
    return problem('invalid_value', 'Expected all keys in the map type data are string type.');
  const out: [string, unknown][] = [];
  for (const [k, v] of entries as [string, unknown][]) {
    const r = enforceCell(v, map.values, required);
    if (!r.ok) return under([k], r);
    out.push([k, r.value]);
  }
  return ok(data instanceof Map ? new Map(out) : Object.fromEntries(out));
}

/**
 * Enforces one value against a column type, converting scalars as MLflow does; lists stay lists,
 * arrays stay arrays, dicts come back as new dicts.
 *
 * @example enforceCell([1, 2], { kind: 'array', items: { kind: 'scalar', type: 'long' } }, true) // ok
 */
export function enforceCell(data: unknown, type: ColType, required: boolean): Result<unknown> {
  switch (type.kind) {
    case 'scalar':
      return enforceScalar(data, type.type, required);
    case 'array':
      return enforceArray(data, type.items, required);
    case 'sparkml_vector':
      return enforceArray(data, DOUBLE, required);
    case 'object':
      return enforceObject(data, type, required);
    case 'map':
      return enforceMap(data, type, required);
    case 'any':
      return ok(data);
  }
}

/**
 * Enforces every cell of a column against a complex type; the result is an `object` column (Any
 * keeps the column, with object columns re-inferred as pandas rebuilds them).
 *
 * @example enforceComplexColumn(column, { kind: 'map', values: { kind: 'scalar', type: 'long' } }, true)
 */
export function enforceComplexColumn(column: Column, type: ColType, required: boolean): Result<Column> {
  if (type.kind === 'any') return ok(inferObjects(column));
  const out = new Array<unknown>(column.length);
  for (let i = 0; i < column.length; i++) {
    const r = enforceCell(cellValue(column, i), type, required);
    if (!r.ok) return under([column.name, i], r);
    out[i] = r.value;
  }
  return ok(new Column(column.name, 'object', out));
}

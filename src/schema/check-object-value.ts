/**
 * Checks a JSON-like value against an {@link ObjectType}, as MLflow's `_enforce_object` does for
 * dict params, with its messages. Scalars follow the pandas rules MLflow applies to a one-element
 * Series (a JSON int fits `long`, a float fits `double`, strings fit `string` / `binary` / `boolean`).
 */
import { MlflowError } from '../core/mlflow-error.js';
import { isPlainObject, PyFloat, pythonRepr, pythonStr, pythonTypeName } from '../core/python-json.js';
import { parseNumpyDatetime } from './numpy-datetime.js';
import { colTypeRepr } from './repr.js';
import type { ColType, DataType, ObjectType } from './types.js';

function fail(message: string): never {
  throw new MlflowError(message, 'INVALID_PARAMETER_VALUE');
}

type SeriesDtype = 'bool' | 'int64' | 'float64' | 'datetime' | 'object';

const isInt = (v: unknown): boolean =>
  typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
const isNumber = (v: unknown): boolean =>
  typeof v === 'number' || typeof v === 'bigint' || v instanceof PyFloat;
const isMissing = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));

/** The dtype pandas gives `pd.Series(values)` (after `infer_objects`). */
function seriesDtype(values: readonly unknown[]): SeriesDtype {
  if (values.every((v) => typeof v === 'boolean')) return 'bool';
  if (values.every(isInt)) return 'int64';
  if (values.some(isNumber) && values.every((v) => isNumber(v) || isMissing(v))) return 'float64';
  if (values.some((v) => v instanceof Date) && values.every((v) => v instanceof Date || isMissing(v)))
    return 'datetime';
  return 'object';
}

function zeroOrOne(values: readonly unknown[]): boolean {
  return values.every((v) => {
    const n = Number(v instanceof PyFloat ? v.value : v);
    return isMissing(v) || n === 0 || n === 1;
  });
}

/** Whether a Series of these values passes MLflow's column type check for `target`. */
function seriesFits(values: readonly unknown[], target: DataType): boolean {
  const dtype = seriesDtype(values);
  switch (target) {
    case 'string':
    case 'binary':
      return dtype === 'object';
    case 'boolean':
      return dtype === 'bool' || dtype === 'object';
    case 'long':
      return dtype === 'int64';
    case 'integer':
      return false;
    case 'float':
      return dtype === 'int64' && zeroOrOne(values);
    case 'double':
      return dtype === 'float64' || (dtype === 'int64' && zeroOrOne(values));
    case 'datetime':
      return dtype === 'datetime' || (dtype === 'object' && values.every(parsesAsDatetime));
  }
}

function parsesAsDatetime(v: unknown): boolean {
  if (isMissing(v) || v instanceof Date) return true;
  return typeof v === 'string' && parseNumpyDatetime(v).kind !== 'invalid';
}

function isScalar(v: unknown): boolean {
  return (
    ['string', 'number', 'bigint', 'boolean'].includes(typeof v) ||
    v instanceof PyFloat ||
    v instanceof Uint8Array
  );
}

function checkScalar(data: unknown, type: DataType, required: boolean): void {
  if (!required && isMissing(data)) return;
  if (!isScalar(data)) fail(`Expected data to be scalar, got ${pythonTypeName(data)}`);
  if (!seriesFits([data], type))
    fail(`Failed to enforce schema of data \`${pythonStr(data)}\` with dtype \`${type}\``);
}

function checkArray(data: unknown, items: ColType, required: boolean): void {
  const empty = data === null || data === undefined || (Array.isArray(data) && data.length === 0);
  if ((!required || items.kind === 'any') && empty) return;
  if (!Array.isArray(data)) fail(`Expected data to be list or numpy array, got ${pythonTypeName(data)}`);
  if (items.kind === 'scalar') {
    if (data.length > 0 && !seriesFits(data, items.type))
      fail(
        `Incompatible input types for column . Can not safely convert ${seriesDtype(data)} to ${items.type}.`,
      );
    return;
  }
  for (const x of data) checkValue(x, items, required);
}

function checkMap(data: unknown, values: ColType, required: boolean): void {
  const empty =
    data === null || data === undefined || (isPlainObject(data) && Object.keys(data).length === 0);
  if ((!required || values.kind === 'any') && empty) return;
  if (!isPlainObject(data)) fail(`Expected data to be a dict, got ${pythonTypeName(data)}`);
  for (const x of Object.values(data)) checkValue(x, values, required);
}

function checkValue(data: unknown, type: ColType, required: boolean): void {
  switch (type.kind) {
    case 'scalar':
      return checkScalar(data, type.type, required);
    case 'array':
    case 'sparkml_vector':
      return checkArray(
        data,
        type.kind === 'array' ? type.items : { kind: 'scalar', type: 'double' },
        required,
      );
    case 'object':
      return checkObjectValue(data, type, required);
    case 'map':
      return checkMap(data, type.values, required);
    case 'any':
      return;
  }
}

/** The `type` field MLflow quotes for a property: the DataType name or the complex kind. */
function typeField(t: ColType): string {
  return t.kind === 'scalar' ? t.type : t.kind;
}

function setRepr(names: readonly string[]): string {
  return `{${names.map(pythonRepr).join(', ')}}`;
}

/**
 * Throws MLflow's error when `data` does not fit `obj`: not a dict, missing required properties,
 * unknown properties, or a property of the wrong type.
 *
 * @example checkObjectValue({ a: 'x' }, obj) // throws "Failed to enforce schema for key `a`. ..."
 */
export function checkObjectValue(data: unknown, obj: ObjectType, required = true): void {
  if (
    !required &&
    (data === null || data === undefined || (isPlainObject(data) && Object.keys(data).length === 0))
  )
    return;
  if (!isPlainObject(data))
    fail(
      `Failed to enforce schema of '${pythonStr(data)}' with type '${colTypeRepr(obj)}'. ` +
        `Expected data to be dictionary, got ${pythonTypeName(data)}`,
    );
  const props = new Map(obj.properties.map((p) => [p.name, p]));
  const missing = obj.properties.filter((p) => p.required && !(p.name in data)).map((p) => p.name);
  if (missing.length > 0) fail(`Missing required properties: ${setRepr(missing)}`);
  const unknown = Object.keys(data).filter((k) => !props.has(k));
  if (unknown.length > 0) fail(`Invalid properties not defined in the schema found: ${setRepr(unknown)}`);
  for (const [k, v] of Object.entries(data)) {
    const prop = props.get(k);
    if (!prop) continue;
    try {
      checkValue(v, prop.type, prop.required);
    } catch (e) {
      if (!(e instanceof MlflowError)) throw e;
      fail(
        `Failed to enforce schema for key \`${k}\`. Expected type ${typeField(prop.type)}, ` +
          `received type ${pythonTypeName(v)}`,
      );
    }
  }
}

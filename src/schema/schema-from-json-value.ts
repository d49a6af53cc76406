/**
 * Reads parsed signature JSON into {@link Schema} values, validating as MLflow's `Schema`,
 * `ColSpec`, `TensorSpec`, `Array`, `Object`, `Property` and `Map` constructors do, with their
 * error messages.
 */
import { MlflowError } from '../core/mlflow-error.js';
import { isPlainObject, numberValue, pythonRepr, pythonStr } from '../core/python-json.js';
import { numpyDtypeName } from './numpy-dtype-name.js';
import {
  type ColSpec,
  type ColType,
  DATA_TYPES,
  type DataType,
  type ObjectType,
  type Property,
  type Schema,
  type TensorSpec,
} from './types.js';

type Json = Record<string, unknown>;

/**
 * The error every signature decoding problem becomes (MLflow's INVALID_PARAMETER_VALUE).
 *
 * @example throw invalid('Creating Schema with empty inputs is not allowed.');
 */
export function invalid(message: string): MlflowError {
  return new MlflowError(message, 'INVALID_PARAMETER_VALUE');
}

const TYPE_NAMES = pythonRepr([...DATA_TYPES]);
const COMPLEX_TYPES = new Set(['array', 'object', 'map', 'any', 'sparkml_vector']);
const EXPECTED_TYPE_MESSAGE =
  'Expected mlflow.types.schema.Datatype, mlflow.types.schema.Array, mlflow.types.schema.Object, ' +
  "mlflow.types.schema.Map, mlflow.types.schema.AnyType or str for the '{arg}' argument, but got {got}";

/**
 * True for MLflow's scalar type names.
 *
 * @example isDataType('long') // true
 */
export function isDataType(v: unknown): v is DataType {
  return typeof v === 'string' && (DATA_TYPES as readonly string[]).includes(v);
}

/** Where a scalar type name is read decides MLflow's wording when it is unknown. */
type Place = 'colspec' | 'nested' | 'map';

function scalarType(name: unknown, place: Place): ColType {
  if (isDataType(name)) return { kind: 'scalar', type: name };
  if (typeof name !== 'string') {
    const arg = place === 'colspec' ? 'type' : place === 'map' ? 'value_type' : 'dtype';
    throw invalid(EXPECTED_TYPE_MESSAGE.replace('{arg}', arg).replace('{got}', pythonStr(name)));
  }
  if (place === 'colspec')
    throw invalid(`Unsupported type '${name}', expected instance of DataType or one of ${TYPE_NAMES}`);
  const what = place === 'map' ? 'value type' : 'type';
  throw invalid(
    `Unsupported ${what} '${name}', expected instance of DataType, Array, Object, Map or one of ${TYPE_NAMES}`,
  );
}

/** Reads a type object (`{"type": ..., "items"|"properties"|"values": ...}`). */
export function colTypeFromJson(obj: Json, place: Place): ColType {
  switch (obj.type) {
    case 'array':
      return arrayFromJson(obj);
    case 'object':
      return objectFromJson(obj);
    case 'map':
      return mapFromJson(obj);
    case 'any':
      return { kind: 'any' };
    case 'sparkml_vector':
      return { kind: 'sparkml_vector' };
    default:
      return scalarType(obj.type, place);
  }
}

function arrayFromJson(obj: Json): ColType {
  if (!('items' in obj))
    throw invalid('Missing keys in Array JSON. Expected to find keys `items` and `type`');
  const items = obj.items;
  if (!isPlainObject(items)) throw invalid('Expected items to be a dictionary of Object JSON');
  if (!('type' in items)) throw invalid("Missing keys in Array's items JSON. Expected to find key `type`");
  return { kind: 'array', items: colTypeFromJson(items, 'nested') };
}

function mapFromJson(obj: Json): ColType {
  // MLflow's message for a map without `values` really does talk about an Array and `items`.
  if (!('values' in obj))
    throw invalid('Missing keys in Array JSON. Expected to find keys `items` and `type`');
  const values = obj.values;
  if (!isPlainObject(values)) throw invalid('Expected values to be a dictionary of Object JSON');
  if (!('type' in values)) throw invalid("Missing keys in Map's items JSON. Expected to find key `type`");
  return { kind: 'map', values: colTypeFromJson(values, 'map') };
}

/** Reads `{"type": "object", "properties": {...}}`; properties come out sorted by name. */
export function objectFromJson(obj: Json): ObjectType {
  if (!('properties' in obj))
    throw invalid('Missing keys in Object JSON. Expected to find keys `properties` and `type`');
  const props = obj.properties;
  if (!isPlainObject(props) || Object.values(props).some((p) => !isPlainObject(p)))
    throw invalid('Expected properties to be a dictionary of Property JSON');
  const properties = Object.entries(props as Record<string, Json>).map(([name, p]) =>
    propertyFromJson(name, p),
  );
  if (properties.length === 0) throw invalid('Creating Object with empty properties is not allowed.');
  return { kind: 'object', properties: sortProperties(properties) };
}

function propertyFromJson(name: string, p: Json): Property {
  if (!('type' in p)) throw invalid(`Missing keys in Property \`${name}\`. Expected to find key \`type\``);
  return {
    name,
    type: colTypeFromJson(p, 'nested'),
    required: p.required === undefined ? true : p.required === true,
  };
}

/** Properties in Python's sort order of their names (by code point). */
export function sortProperties(props: readonly Property[]): Property[] {
  return [...props].sort((a, b) => compareCodePoints(a.name, b.name));
}

function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

interface ReadSpec {
  spec: ColSpec | TensorSpec;
  /** MLflow keeps a missing `required` of a complex ColSpec as None, which escapes the "unnamed optional" check. */
  explicitlyOptional: boolean;
}

function nameFromJson(v: unknown): string | number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  const n = numberValue(v);
  if (n !== undefined) return n;
  throw invalid(`Expected name to be a string, got type ${typeof v}`);
}

function colSpecFromJson(obj: Json): ReadSpec {
  if (!('type' in obj)) throw invalid('Missing keys in ColSpec JSON. Expected to find key `type`');
  const isComplex = typeof obj.type === 'string' && COMPLEX_TYPES.has(obj.type);
  if (!isComplex) {
    const extra = Object.keys(obj).find((k) => k !== 'type' && k !== 'name' && k !== 'required');
    if (extra !== undefined)
      throw invalid(`ColSpec.__init__() got an unexpected keyword argument '${extra}'`);
  }
  const type = colTypeFromJson(obj, 'colspec');
  const name = nameFromJson(obj.name);
  // A scalar ColSpec defaults to required; a complex one without `required` reads as None (optional).
  const required = obj.required === undefined ? !isComplex : obj.required === true;
  const spec: ColSpec =
    name === undefined ? { kind: 'column', type, required } : { kind: 'column', type, name, required };
  return { spec, explicitlyOptional: obj.required === false };
}

function tensorSpecFromJson(obj: Json): ReadSpec {
  if (!('tensor-spec' in obj))
    throw invalid('Missing keys in TensorSpec JSON. Expected to find keys `tensor-spec` and `type`');
  const info = obj['tensor-spec'];
  if (!isPlainObject(info) || !('dtype' in info) || !('shape' in info))
    throw invalid('Missing keys in TensorSpec JSON. Expected to find keys `dtype` and `shape`');
  if (typeof info.dtype !== 'string') throw invalid(`data type ${pythonRepr(info.dtype)} not understood`);
  const dtype = numpyDtypeName(info.dtype);
  const shape = Array.isArray(info.shape) ? info.shape.map(numberValue) : [];
  if (!Array.isArray(info.shape) || shape.some((d) => d === undefined || !Number.isInteger(d)))
    throw invalid(
      `Expected \`shape\` to be instance of \`<class 'tuple'>\` or \`<class 'list'>\`, received \`${pythonStr(info.shape)}\``,
    );
  const name = obj.name === undefined || obj.name === null ? undefined : pythonStr(obj.name);
  const spec: TensorSpec = {
    kind: 'tensor',
    dtype,
    shape: shape as number[],
    ...(name === undefined ? {} : { name }),
  };
  return { spec, explicitlyOptional: false };
}

function specFromJson(x: unknown): ReadSpec {
  if (!isPlainObject(x))
    throw invalid(`Expected each schema entry to be a JSON object, got ${pythonRepr(x)}`);
  return x.type === 'tensor' ? tensorSpecFromJson(x) : colSpecFromJson(x);
}

/**
 * Builds a schema from parsed JSON, checking the list-level rules of MLflow's `Schema`.
 *
 * @example schemaFromJsonValue([{ type: 'double', name: 'x', required: true }])
 */
export function schemaFromJsonValue(value: unknown): Schema {
  if (!Array.isArray(value))
    throw invalid(
      `Inputs of Schema must be a list, got type ${isPlainObject(value) ? 'dict' : typeof value}`,
    );
  const read = value.map(specFromJson);
  const specs = read.map((r) => r.spec);
  if (specs.length === 0) throw invalid('Creating Schema with empty inputs is not allowed.');
  const names = specs.map((s) => s.name);
  if (!(names.every((n) => n === undefined) || names.every((n) => n !== undefined)))
    throw invalid(
      `Creating Schema with a combination of named and unnamed inputs is not allowed. Got input names ${pythonRepr(names)}`,
    );
  const tensors = specs.filter((s): s is TensorSpec => s.kind === 'tensor');
  if (tensors.length > 0 && tensors.length < specs.length)
    throw invalid(
      'Creating Schema with a combination of {0} and {1} is not supported. Please choose one of ColSpec or TensorSpec',
    );
  if (tensors.length > 1 && names.some((n) => n === undefined))
    throw invalid(
      'Creating Schema with multiple unnamed TensorSpecs is not supported. Please provide names for each TensorSpec.',
    );
  if (names.every((n) => n === undefined) && read.some((r) => r.explicitlyOptional))
    throw invalid(
      'Creating Schema with unnamed optional inputs is not supported. Please name all inputs or make all inputs required.',
    );
  if (tensors.length > 0) return { kind: 'tensors', specs: tensors };
  return { kind: 'columns', specs: specs as ColSpec[] };
}

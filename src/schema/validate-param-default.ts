/**
 * MLflow's `ParamSpec.validate_type_and_shape`: checks a param value against its type and shape
 * and converts it the way MLflow does (ints widen to floats, datetimes become `date` / `datetime`,
 * kept here as their ISO text). Used when a ParamSpec is read or inferred.
 */
import { MlflowError } from '../core/mlflow-error.js';
import { isPlainObject, PyFloat, pythonRepr, pythonStr, pythonTypeName } from '../core/python-json.js';
import { checkObjectValue } from './check-object-value.js';
import { dateIsoformat, parseNumpyDatetime } from './numpy-datetime.js';
import { dataTypeStr, paramTypeRepr, shapeRepr } from './repr.js';
import type { DataType, ParamSpec } from './types.js';

function invalid(message: string): MlflowError {
  return new MlflowError(message, 'INVALID_PARAMETER_VALUE');
}

const PY_CLASSES: Readonly<Record<string, string>> = { datetime: 'datetime.datetime' };

/** `str(type(v))`, e.g. `<class 'int'>`. */
export function pythonClass(v: unknown): string {
  const name = pythonTypeName(v);
  return `<class '${PY_CLASSES[name] ?? name}'>`;
}

type ScalarKind = 'bool' | 'int' | 'float' | 'str' | 'bytes';

function scalarKind(v: unknown): ScalarKind | undefined {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (v instanceof PyFloat) return 'float';
  if (typeof v === 'string') return 'str';
  if (v instanceof Uint8Array) return 'bytes';
  return undefined;
}

/** The Python scalar kinds each DataType accepts as-is, then those it may be widened from. */
const ACCEPTS: Readonly<Record<Exclude<DataType, 'datetime'>, readonly ScalarKind[]>> = {
  boolean: ['bool'],
  integer: ['int'],
  long: ['int'],
  float: ['float', 'int'],
  double: ['float', 'int'],
  string: ['str'],
  binary: ['bytes'],
};

function toDatetime(value: unknown): string | null {
  const dt = dataTypeStr('datetime');
  if (value instanceof Date && !Number.isNaN(value.getTime())) return dateIsoformat(value);
  if (typeof value === 'string') {
    const parsed = parseNumpyDatetime(value);
    if (parsed.kind === 'value') return parsed.iso;
    if (parsed.kind === 'nat') return null;
    if (parsed.kind === 'int')
      throw invalid(
        `Failed to convert value to \`${dt}\`. It must be convertible to datetime.date/datetime, got \`${value}\``,
      );
  }
  throw invalid(
    `Failed to convert value \`${pythonStr(value)}\` from type \`${pythonClass(value)}\` to \`${dt}\``,
  );
}

/**
 * Checks and converts one scalar param value (MLflow's `_enforce_param_datatype`); datetimes come
 * back as ISO text, floats as plain numbers.
 *
 * @example enforceParamDatatype(1, 'double') // 1 (Python: 1.0)
 */
export function enforceParamDatatype(value: unknown, type: DataType): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'datetime') return toDatetime(value);
  const kind = scalarKind(value);
  if (kind === undefined)
    throw invalid(`Value must be a scalar for type \`${dataTypeStr(type)}\`, got \`${pythonStr(value)}\``);
  if (!ACCEPTS[type].includes(kind))
    throw invalid(
      `Can not safely convert \`${pythonClass(value)}\` to \`${dataTypeStr(type)}\` for value \`${pythonStr(value)}\``,
    );
  if (value instanceof PyFloat) return value.value;
  if ((type === 'float' || type === 'double') && typeof value === 'bigint') return Number(value);
  return value;
}

/** `np.array(value).ndim` for JSON-like values (ragged lists count by their first element). */
function ndim(value: unknown): number {
  if (!Array.isArray(value)) return 0;
  return value.length === 0 || !value.every(Array.isArray) ? 1 : 1 + ndim(value[0]);
}

/** Plain numbers in place of PyFloat wrappers, so object defaults hold ordinary JS values. */
function unwrapFloats(v: unknown): unknown {
  if (v instanceof PyFloat) return v.value;
  if (Array.isArray(v)) return v.map(unwrapFloats);
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrapFloats(x)]));
  return v;
}

/** `'p': long (default: 1)` with the value as given (before conversion), as MLflow's messages show it. */
function rawSpecRepr(p: Pick<ParamSpec, 'name' | 'type' | 'default' | 'shape'>): string {
  const shape = p.shape === null ? '' : ` (shape: ${shapeRepr(p.shape)})`;
  return `${pythonRepr(p.name)}: ${paramTypeRepr(p.type)} (default: ${pythonStr(p.default)})${shape}`;
}

const isVectorShape = (shape: readonly number[] | null): boolean => shape?.length === 1 && shape[0] === -1;

/**
 * Validates a param's default against its type and shape and returns the converted default;
 * throws MlflowError with MLflow's message when it does not fit.
 *
 * @example validateParamDefault({ name: 'k', type: 'long', default: 2.5, shape: null }) // throws
 */
export function validateParamDefault(p: Pick<ParamSpec, 'name' | 'type' | 'default' | 'shape'>): unknown {
  const spec = rawSpecRepr(p);
  const value = p.default;
  if (isVectorShape(p.shape) && !(Array.isArray(value) && ndim(value) === 1))
    throw invalid(
      `Value must be a 1D array with shape (-1,) for param ${spec}, ` +
        `received ${pythonTypeName(value)} with ndim ${ndim(value)}`,
    );
  try {
    if (p.shape === null) {
      if (typeof p.type === 'string') return enforceParamDatatype(value, p.type);
      checkObjectValue(value, p.type);
      return unwrapFloats(value);
    }
    if (isVectorShape(p.shape) && typeof p.type === 'string') {
      const type = p.type;
      return (value as unknown[]).map((v) => enforceParamDatatype(v, type));
    }
  } catch (e) {
    if (!(e instanceof MlflowError)) throw e;
    throw invalid(`Failed to validate type and shape for ${spec}, error: ${e.message}`);
  }
  throw invalid(
    'Shape must be None for scalar or dictionary value, or (-1,) for 1D array value ' +
      `for ParamSpec ${spec}), received ${shapeRepr(p.shape ?? [])}`,
  );
}

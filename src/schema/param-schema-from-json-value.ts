/**
 * Reads parsed `params` JSON into a {@link ParamSchema}, validating as MLflow's `ParamSpec` and
 * `ParamSchema` constructors do: known types, no binary, defaults that fit, unique names.
 */
import { isPlainObject, numberValue, pythonRepr, pythonStr } from '../core/python-json.js';
import { invalid, isDataType, objectFromJson } from './schema-from-json-value.js';
import type { ParamSchema, ParamSpec } from './types.js';
import { DATA_TYPES } from './types.js';
import { validateParamDefault } from './validate-param-default.js';

const PARAM_TYPE_NAMES = pythonRepr(DATA_TYPES.filter((t) => t !== 'binary'));

function shapeFromJson(v: unknown): readonly number[] | null {
  if (v === undefined || v === null) return null;
  const dims = Array.isArray(v) ? v.map(numberValue) : [];
  if (!Array.isArray(v) || dims.some((d) => d === undefined || !Number.isInteger(d)))
    throw invalid(`Expected param shape to be a list of integers or null, got ${pythonStr(v)}`);
  return dims as number[];
}

/**
 * Builds one ParamSpec the way `ParamSpec(**json)` would, returning the converted default.
 *
 * @example paramSpecFromJsonValue({ name: 'k', default: 3, shape: null, type: 'long' })
 */
export function paramSpecFromJsonValue(x: unknown): ParamSpec {
  if (!isPlainObject(x)) throw invalid(`Expected each ParamSpec to be a JSON object, got ${pythonRepr(x)}`);
  const keys = Object.keys(x);
  if (!('name' in x && 'default' in x && ('type' in x || 'dtype' in x)))
    throw invalid(
      'Missing keys in ParamSpec JSON. Expected to find keys `name`, `type`(or `dtype`) and `default`. ' +
        `Received keys: dict_keys(${pythonRepr(keys)})`,
    );
  const name = pythonStr(x.name);
  const typeName = x.type || x.dtype;
  let type: ParamSpec['type'];
  if (typeName === 'object') type = objectFromJson(x);
  else if (isDataType(typeName)) type = typeName;
  else
    throw invalid(
      `Unsupported type '${pythonStr(typeName)}', expected instance of DataType or one of ${PARAM_TYPE_NAMES}`,
    );
  if (type === 'binary')
    throw invalid(`Binary type is not supported for parameters, ParamSpec '${name}'has dtype 'binary'`);
  const shape = shapeFromJson(x.shape);
  return { name, type, shape, default: validateParamDefault({ name, type, shape, default: x.default }) };
}

/**
 * Builds a ParamSchema from parsed JSON; names must be unique.
 *
 * @example paramSchemaFromJsonValue([{ name: 'k', default: 3, shape: null, type: 'long' }])
 */
export function paramSchemaFromJsonValue(value: unknown): ParamSchema {
  if (!Array.isArray(value)) throw invalid(`Expected params to be a JSON list, got ${pythonRepr(value)}`);
  const params = value.map(paramSpecFromJsonValue);
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const p of params) {
    if (seen.has(p.name)) duplicates.push(p.name);
    seen.add(p.name);
  }
  if (duplicates.length > 0)
    throw invalid(`Duplicated parameters found in schema: ${pythonRepr(duplicates)}`);
  return { params };
}

/**
 * The JSON codec for signatures, byte-compatible with MLflow 3.6: reading validates as MLflow's
 * constructors do (with their messages); writing gives exactly the strings MLflow writes into
 * MLmodel (Python `json.dumps` spacing, key order, `ensure_ascii`, float reprs).
 */
import { MlflowError } from '../core/mlflow-error.js';
import { PyFloat, pythonJsonDumps, pythonJsonLoads } from '../core/python-json.js';
import { dateIsoformat } from './numpy-datetime.js';
import { paramSchemaFromJsonValue } from './param-schema-from-json-value.js';
import { schemaFromJsonValue, sortProperties } from './schema-from-json-value.js';
import type {
  ColSpec,
  ColType,
  ModelSignature,
  ParamSchema,
  ParamSpec,
  Schema,
  SignatureDict,
  TensorSpec,
} from './types.js';

type Ordered = Map<string, unknown>;

function parse(json: string | readonly unknown[]): unknown {
  return typeof json === 'string' ? pythonJsonLoads(json) : json;
}

/**
 * Decodes one schema from its JSON string (or the parsed array), with MLflow's validation.
 *
 * @example schemaFromJson('[{"type": "double", "name": "x", "required": true}]')
 */
export function schemaFromJson(json: string | readonly unknown[]): Schema {
  return schemaFromJsonValue(parse(json));
}

/**
 * Decodes a params JSON string (or the parsed array); defaults are validated and converted.
 *
 * @example paramSchemaFromJson('[{"name": "k", "default": 3, "shape": null, "type": "long"}]')
 */
export function paramSchemaFromJson(json: string | readonly unknown[]): ParamSchema {
  return paramSchemaFromJsonValue(parse(json));
}

/**
 * Decodes the `signature` mapping of an MLmodel file; empty or null parts are absent.
 *
 * @example signatureFromDict({ inputs: '[{"type": "string", "required": true}]', outputs: null, params: null })
 */
export function signatureFromDict(dict: SignatureDict): ModelSignature {
  const inputs = dict.inputs ? schemaFromJson(dict.inputs) : null;
  const outputs = dict.outputs ? schemaFromJson(dict.outputs) : null;
  const params = dict.params ? paramSchemaFromJson(dict.params) : null;
  if (inputs === null && outputs === null && params === null)
    throw new MlflowError(
      'At least one of inputs, outputs or params must be provided',
      'INVALID_PARAMETER_VALUE',
    );
  return { inputs, outputs, params };
}

/** The type part of a ColSpec / Property / items / values, in MLflow's key order. */
function colTypeToJson(t: ColType): Ordered {
  switch (t.kind) {
    case 'scalar':
      return new Map([['type', t.type]]);
    case 'array':
      return new Map<string, unknown>([
        ['type', 'array'],
        ['items', colTypeToJson(t.items)],
      ]);
    case 'object': {
      const props = sortProperties(t.properties).map((p) => {
        const entry = colTypeToJson(p.type);
        entry.set('required', p.required);
        return [p.name, entry] as const;
      });
      return new Map<string, unknown>([
        ['type', 'object'],
        ['properties', new Map(props)],
      ]);
    }
    case 'map':
      return new Map<string, unknown>([
        ['type', 'map'],
        ['values', colTypeToJson(t.values)],
      ]);
    case 'any':
    case 'sparkml_vector':
      return new Map([['type', t.kind]]);
  }
}

function colSpecToJson(c: ColSpec): Ordered {
  const out = colTypeToJson(c.type);
  if (c.name !== undefined) out.set('name', c.name);
  out.set('required', c.required);
  return out;
}

function tensorSpecToJson(t: TensorSpec): Ordered {
  const out: Ordered = new Map();
  if (t.name !== undefined) out.set('name', t.name);
  out.set('type', 'tensor');
  out.set(
    'tensor-spec',
    new Map<string, unknown>([
      ['dtype', t.dtype],
      ['shape', [...t.shape]],
    ]),
  );
  return out;
}

/**
 * Encodes one schema as MLflow's JSON string.
 *
 * @example schemaToJson({ kind: 'columns', specs: [{ kind: 'column', type: { kind: 'scalar', type: 'string' }, required: true }] })
 * // '[{"type": "string", "required": true}]'
 */
export function schemaToJson(schema: Schema): string {
  const items =
    schema.kind === 'columns' ? schema.specs.map(colSpecToJson) : schema.specs.map(tensorSpecToJson);
  return pythonJsonDumps(items);
}

/** A default as MLflow writes it: floats as floats, datetimes as ISO text. */
function defaultToJson(p: ParamSpec): unknown {
  const one = (v: unknown): unknown => {
    if (p.type === 'float' || p.type === 'double') return typeof v === 'number' ? new PyFloat(v) : v;
    if (p.type === 'datetime' && v instanceof Date) return dateIsoformat(v);
    return v;
  };
  return Array.isArray(p.default) && p.shape !== null ? p.default.map(one) : one(p.default);
}

function paramSpecToJson(p: ParamSpec): Ordered {
  const out = new Map<string, unknown>([
    ['name', p.name],
    ['default', defaultToJson(p)],
    ['shape', p.shape === null ? null : [...p.shape]],
  ]);
  const type = typeof p.type === 'string' ? new Map([['type', p.type]]) : colTypeToJson(p.type);
  for (const [k, v] of type) out.set(k, v);
  return out;
}

/**
 * Encodes params as MLflow 3.6 does (key order `name, default, shape, type`).
 *
 * @example paramSchemaToJson({ params: [{ name: 'k', type: 'double', default: 1, shape: null }] })
 * // '[{"name": "k", "default": 1.0, "shape": null, "type": "double"}]'
 */
export function paramSchemaToJson(params: ParamSchema): string {
  return pythonJsonDumps(params.params.map(paramSpecToJson));
}

/**
 * Encodes a signature as the `signature` mapping MLflow writes into MLmodel; an empty ParamSchema
 * is written as null, as MLflow does.
 *
 * @example signatureToDict(signature) // { inputs: '[...]', outputs: null, params: null }
 */
export function signatureToDict(signature: ModelSignature): SignatureDict {
  const { inputs, outputs, params } = signature;
  return {
    inputs: inputs ? schemaToJson(inputs) : null,
    outputs: outputs ? schemaToJson(outputs) : null,
    params: params && params.params.length > 0 ? paramSchemaToJson(params) : null,
  };
}

/**
 * JSON Schemas (the OpenAPI 3.1 dialect) for the values a signature describes: column cells, rows,
 * tensors as nested lists, and params.
 */
import type { ColSpec, ColType, DataType, ParamSchema, Schema, TensorSpec } from '../schema/types.js';

/** A JSON Schema object. */
export type JsonSchema = Record<string, unknown>;

const SCALAR: Readonly<Record<DataType, JsonSchema>> = {
  double: { type: 'number', format: 'double' },
  float: { type: 'number', format: 'float' },
  long: { type: 'integer', format: 'int64' },
  integer: { type: 'integer', format: 'int32' },
  boolean: { type: 'boolean' },
  string: { type: 'string' },
  binary: { type: 'string', format: 'byte', description: 'base64' },
  datetime: { type: 'string', format: 'date-time' },
};

/**
 * The JSON Schema of one cell of a column type.
 *
 * @example colTypeJsonSchema({ kind: 'scalar', type: 'long' }) // { type: 'integer', format: 'int64' }
 */
export function colTypeJsonSchema(t: ColType): JsonSchema {
  switch (t.kind) {
    case 'scalar':
      return { ...SCALAR[t.type] };
    case 'array':
      return { type: 'array', items: colTypeJsonSchema(t.items) };
    case 'sparkml_vector':
      return { type: 'array', items: { type: 'number' } };
    case 'map':
      return { type: 'object', additionalProperties: colTypeJsonSchema(t.values) };
    case 'any':
      return {};
    case 'object':
      return {
        type: 'object',
        properties: Object.fromEntries(t.properties.map((p) => [p.name, colTypeJsonSchema(p.type)])),
        required: t.properties.filter((p) => p.required).map((p) => p.name),
        additionalProperties: false,
      };
  }
}

function nullable(schema: JsonSchema, required: boolean): JsonSchema {
  return required ? schema : { anyOf: [schema, { type: 'null' }] };
}

/**
 * The schema of one cell of a column spec (optional columns also accept null).
 *
 * @example cellJsonSchema(spec) // { type: 'number', format: 'double' }
 */
export function cellJsonSchema(spec: ColSpec): JsonSchema {
  return nullable(colTypeJsonSchema(spec.type), spec.required);
}

/**
 * The schema of one row object of a named column schema.
 *
 * @example rowJsonSchema(specs) // { type: 'object', properties: { x: {...} }, required: ['x'] }
 */
export function rowJsonSchema(specs: readonly ColSpec[]): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(specs.map((s) => [String(s.name), cellJsonSchema(s)])),
    required: specs.filter((s) => s.required).map((s) => String(s.name)),
  };
}

function tensorElement(dtype: string): JsonSchema {
  if (dtype.startsWith('float')) return { type: 'number' };
  if (dtype.startsWith('int') || dtype.startsWith('uint')) return { type: 'integer' };
  if (dtype === 'bool') return { type: 'boolean' };
  if (dtype === 'str' || dtype === 'bytes') return { type: 'string' };
  return {};
}

/**
 * A tensor spec as nested lists, fixed dimensions as item counts; `dropBatch` removes the first
 * dimension, for one row of `instances`.
 *
 * @example tensorJsonSchema({ kind: 'tensor', dtype: 'float32', shape: [-1, 4] })
 */
export function tensorJsonSchema(spec: TensorSpec, dropBatch = false): JsonSchema {
  const shape = dropBatch ? spec.shape.slice(1) : spec.shape;
  return shape.reduceRight<JsonSchema>((items, n) => {
    const sized = n >= 0 ? { minItems: n, maxItems: n } : {};
    return { type: 'array', items, ...sized };
  }, tensorElement(spec.dtype));
}

/**
 * The schema of `predictions` for an output schema: records for columns, nested lists (or an
 * object of them) for tensors, anything without a schema.
 *
 * @example predictionsJsonSchema(signature.outputs)
 */
export function predictionsJsonSchema(schema: Schema | null): JsonSchema {
  if (!schema) return {};
  if (schema.kind === 'tensors') {
    const [only, ...rest] = schema.specs;
    if (only && rest.length === 0 && only.name === undefined) return tensorJsonSchema(only);
    return {
      type: 'object',
      properties: Object.fromEntries(schema.specs.map((s) => [s.name ?? '', tensorJsonSchema(s)])),
    };
  }
  if (schema.specs.length === 1 && schema.specs[0]?.type.kind === 'scalar')
    return { type: 'array', items: { anyOf: [cellJsonSchema(schema.specs[0]), { type: 'object' }] } };
  return {
    type: 'array',
    items: rowJsonSchema(schema.specs.map((s, i) => (s.name === undefined ? { ...s, name: i } : s))),
  };
}

/**
 * The schema of the `params` object: each param's type (a list for shape `(-1,)`) with its default.
 *
 * @example paramsJsonSchema(signature.params) // { type: 'object', properties: { threshold: {...} } }
 */
export function paramsJsonSchema(params: ParamSchema): JsonSchema {
  const properties = Object.fromEntries(
    params.params.map((p) => {
      const base =
        typeof p.type === 'string'
          ? colTypeJsonSchema({ kind: 'scalar', type: p.type })
          : colTypeJsonSchema(p.type);
      const typed = p.shape ? { type: 'array', items: base } : base;
      const example = p.default instanceof Date ? p.default.toISOString() : p.default;
      return [p.name, { ...typed, default: example }];
    }),
  );
  return { type: ['object', 'null'], properties };
}

/**
 * The OpenAPI 3.1 document of a scoring server, generated from the model's signature: one request
 * schema per accepted input format, the params, the predictions, MLflow's error body, and the
 * model's serving input example as the example.
 */
import type { LoadedModel } from '../model/loaded-model.js';
import type { ColSpec, Schema } from '../schema/types.js';
import {
  cellJsonSchema,
  type JsonSchema,
  paramsJsonSchema,
  predictionsJsonSchema,
  rowJsonSchema,
  tensorJsonSchema,
} from './signature-json-schema.js';
import { requestPaths } from './openapi-paths.js';

const ANY_ROWS: JsonSchema = { type: 'array', items: { type: 'object' } };

function named(specs: readonly ColSpec[]): ColSpec[] {
  return specs.map((s, i) => (s.name === undefined ? { ...s, name: i } : s));
}

function columnFormats(specs: readonly ColSpec[]): Record<string, JsonSchema> {
  const cols = named(specs);
  const cell = { anyOf: cols.map(cellJsonSchema) };
  const row = rowJsonSchema(cols);
  return {
    dataframe_split: {
      type: 'object',
      required: ['data'],
      properties: {
        columns: { type: 'array', items: { type: ['string', 'integer'] } },
        index: { type: 'array' },
        data: { type: 'array', items: { type: 'array', items: cell } },
      },
      additionalProperties: false,
    },
    dataframe_records: { type: 'array', items: row },
    instances: { type: 'array', items: row },
    inputs: {
      anyOf: [
        {
          type: 'object',
          properties: Object.fromEntries(
            cols.map((s) => [
              String(s.name),
              { anyOf: [{ type: 'array', items: cellJsonSchema(s) }, cellJsonSchema(s)] },
            ]),
          ),
        },
        { type: 'array', items: row },
        { type: 'array', items: cell },
        cell,
      ],
    },
  };
}

function tensorFormats(schema: Schema & { kind: 'tensors' }): Record<string, JsonSchema> {
  const [only, ...rest] = schema.specs;
  if (only && rest.length === 0 && only.name === undefined)
    return { inputs: tensorJsonSchema(only), instances: tensorJsonSchema(only) };
  const props = (dropBatch: boolean): JsonSchema => ({
    type: 'object',
    properties: Object.fromEntries(schema.specs.map((s) => [s.name ?? '', tensorJsonSchema(s, dropBatch)])),
  });
  return { inputs: props(false), instances: { type: 'array', items: props(true) } };
}

function inputFormats(model: LoadedModel): Record<string, JsonSchema> {
  const inputs = model.signature?.inputs ?? null;
  if (model.metadata.isSignatureFromTypeHint || !inputs)
    return {
      dataframe_split: { type: 'object', required: ['data'] },
      dataframe_records: ANY_ROWS,
      instances: {},
      inputs: {},
    };
  return inputs.kind === 'columns' ? columnFormats(inputs.specs) : tensorFormats(inputs);
}

/** One request schema per input key: exactly that key, plus `params` when the model takes params. */
function requestSchemas(model: LoadedModel): Record<string, JsonSchema> {
  const params = model.signature?.params;
  const out: Record<string, JsonSchema> = {};
  for (const [key, schema] of Object.entries(inputFormats(model))) {
    const name = `Request_${key}`;
    const properties: Record<string, JsonSchema> = { [key]: schema };
    if (params) properties.params = { $ref: '#/components/schemas/Params' };
    out[name] = { type: 'object', title: key, required: [key], properties };
  }
  return out;
}

/**
 * The OpenAPI document for a model's scoring server; `example` is the serving input example
 * (`serving_input_example.json`), shown as the `/invocations` request example.
 *
 * @example const doc = openApiDocument(model, 'iris', example); doc.paths['/invocations'];
 */
export function openApiDocument(
  model: LoadedModel,
  name: string,
  example?: unknown,
): Record<string, unknown> {
  const requests = requestSchemas(model);
  const params = model.signature?.params;
  const schemas: Record<string, JsonSchema> = {
    ...requests,
    ...(params ? { Params: paramsJsonSchema(params) } : {}),
    Predictions: predictionsJsonSchema(model.signature?.outputs ?? null),
    ErrorResponse: {
      type: 'object',
      required: ['error_code', 'message'],
      properties: { error_code: { type: 'string' }, message: { type: 'string' } },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: `${name} scoring API`,
      version: model.metadata.modelUuid ?? '1',
      description:
        'MLflow scoring protocol (`mlflow models serve`), served by Modeldock. Generated from the model signature.',
    },
    paths: requestPaths(Object.keys(requests), example),
    components: { schemas },
  };
}

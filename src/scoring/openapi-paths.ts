/**
 * The `paths` of the scoring server's OpenAPI document: the health routes, `/version`, and
 * `/invocations` with its JSON, CSV and Arrow bodies and MLflow's status codes.
 */
import { ARROW_STREAM } from './content-negotiation.js';

const ERROR = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } };
const TEXT = { 'text/plain': { schema: { type: 'string' } } };
const PING = {
  get: {
    summary: 'Health check: 200 once the model is loaded.',
    responses: {
      '200': { description: 'The model is loaded.', content: { 'application/json': { schema: {} } } },
    },
  },
};

function invocations(requestSchemas: readonly string[], example: unknown): Record<string, unknown> {
  const schema = { oneOf: requestSchemas.map((n) => ({ $ref: `#/components/schemas/${n}` })) };
  return {
    post: {
      summary: 'Score the model (MLflow scoring protocol).',
      description:
        'A JSON object with exactly one of dataframe_split, dataframe_records, instances or inputs, and optional params; or CSV with a header row; or an Arrow IPC stream. Send `Accept: text/event-stream` to stream from models that support it.',
      requestBody: {
        required: true,
        content: {
          'application/json': { schema, ...(example === undefined ? {} : { example }) },
          'text/csv': { schema: { type: 'string' } },
          [ARROW_STREAM]: { schema: { type: 'string', format: 'binary' } },
        },
      },
      responses: {
        '200': {
          description: 'Predictions.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['predictions'],
                properties: { predictions: { $ref: '#/components/schemas/Predictions' } },
              },
            },
            'text/event-stream': { schema: { type: 'string' } },
          },
        },
        '400': { description: 'The input does not parse or does not match the signature.', content: ERROR },
        '413': { description: 'The body is larger than the server accepts.', content: ERROR },
        '415': { description: 'Unsupported Content-Type or charset.', content: TEXT },
        '500': { description: 'The model failed.', content: ERROR },
        '504': { description: 'The request took longer than the server timeout.', content: TEXT },
      },
    },
  };
}

/**
 * The document's `paths` object; `requestSchemas` are the component names of the request bodies.
 *
 * @example requestPaths(['Request_inputs'], { inputs: [[1, 2]] })['/invocations']
 */
export function requestPaths(requestSchemas: readonly string[], example: unknown): Record<string, unknown> {
  return {
    '/ping': PING,
    '/health': PING,
    '/version': {
      get: {
        summary: 'The MLflow version the server speaks.',
        responses: {
          '200': {
            description: 'Version text.',
            content: { 'application/json': { schema: { type: 'string' } } },
          },
        },
      },
    },
    '/invocations': invocations(requestSchemas, example),
  };
}

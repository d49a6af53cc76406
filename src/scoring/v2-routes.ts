/**
 * The Open Inference Protocol V2 routes (KServe, Triton, Seldon): health, model metadata,
 * readiness and `infer`, so a Modeldock scoring server plugs into KServe as a V2 runtime.
 */
import { MlflowError } from '../core/mlflow-error.js';
import { isPlainObject } from '../core/python-json.js';
import type { LoadedModel } from '../model/loaded-model.js';
import { readJsonBody } from './read-json-body.js';
import { jsonResponse, mlflowErrorCode, type ScoringResponse } from './scoring-response.js';
import { inputFromV2, outputsToV2, v2SpecMetadata } from './v2-tensors.js';

/** What a V2 route needs from the request. */
export interface V2Request {
  readonly method: string;
  readonly path: string;
  readonly body: Uint8Array | undefined;
}

const MODEL_PATH = /^\/v2\/models\/([^/]+)(?:\/versions\/([^/]+))?(\/ready|\/infer)?$/;

function v2Error(status: number, message: string): ScoringResponse {
  return jsonResponse({ error: message }, status);
}

function metadata(model: LoadedModel, name: string): Record<string, unknown> {
  const inputs = model.signature?.inputs?.specs ?? [];
  const outputs = model.signature?.outputs?.specs ?? [];
  return {
    name,
    versions: [],
    platform: 'modeldock',
    inputs: inputs.map(v2SpecMetadata),
    outputs: outputs.map((s, i) => ({
      ...v2SpecMetadata(s, i),
      name: s.name === undefined ? `output-${i}` : String(s.name),
    })),
  };
}

async function infer(
  model: LoadedModel,
  name: string,
  version: string | undefined,
  body: Uint8Array | undefined,
): Promise<ScoringResponse> {
  let request: unknown;
  try {
    request = readJsonBody(Buffer.from(body ?? new Uint8Array()).toString('utf8'));
    if (!isPlainObject(request)) throw new MlflowError('The request must be a JSON object.', 'BAD_REQUEST');
    const input = inputFromV2(model.signature?.inputs ?? null, request.inputs);
    const params = isPlainObject(request.parameters) ? request.parameters : {};
    const outputs = outputsToV2(await model.predict(input, params));
    const wanted = Array.isArray(request.outputs)
      ? new Set(request.outputs.map((o: unknown) => (isPlainObject(o) ? o.name : o)))
      : null;
    return jsonResponse({
      model_name: name,
      ...(version ? { model_version: version } : {}),
      ...(typeof request.id === 'string' ? { id: request.id } : {}),
      outputs: wanted ? outputs.filter((o) => wanted.has(o.name)) : outputs,
    });
  } catch (error) {
    const code = mlflowErrorCode(error);
    return v2Error(code ? 400 : 500, error instanceof Error ? error.message : String(error));
  }
}

/**
 * Answers a `/v2/...` request for the model served under `name`, or undefined when the path is not a V2 route.
 *
 * @example await v2Route(model, 'iris', { method: 'GET', path: '/v2/health/ready', body: undefined })
 */
export async function v2Route(
  model: LoadedModel,
  name: string,
  request: V2Request,
): Promise<ScoringResponse | undefined> {
  const { method, path } = request;
  if (path === '/v2/health/live') return jsonResponse({ live: true });
  if (path === '/v2/health/ready') return jsonResponse({ ready: true });
  if (path === '/v2') return jsonResponse({ name: 'modeldock', version: '1', extensions: [] });
  const match = MODEL_PATH.exec(path);
  if (!match) return undefined;
  const [, modelName = '', version, action] = match;
  if (decodeURIComponent(modelName) !== name)
    return v2Error(404, `Model ${decodeURIComponent(modelName)} not found`);
  if (action === '/infer')
    return method === 'POST' ? infer(model, name, version, request.body) : v2Error(405, 'Method Not Allowed');
  if (method !== 'GET') return v2Error(405, 'Method Not Allowed');
  return action === '/ready' ? jsonResponse({ name, ready: true }) : jsonResponse(metadata(model, name));
}

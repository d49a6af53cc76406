/**
 * `POST /invocations`: negotiate the body format, parse it schema-first, predict, and answer in
 * MLflow's shapes (`{"predictions": ...}`, unwrapped for LLM-style requests), as JSON, Arrow or SSE.
 */
import { MlflowError } from '../core/mlflow-error.js';
import { frameFromArrowIpc, frameToArrowIpc } from '../data/arrow-ipc.js';
import { DataFrame } from '../data/data-frame.js';
import type { LoadedModel } from '../model/loaded-model.js';
import { predictionsJson } from '../model/predictions-json.js';
import { ARROW_STREAM, type BodyFormat, negotiate } from './content-negotiation.js';
import { parseCsv } from './parse-csv.js';
import { parseJsonRequest, type ScoringCall } from './parse-json-request.js';
import { readJsonBody } from './read-json-body.js';
import {
  jsonResponse,
  jsonText,
  mlflowErrorCode,
  responseForError,
  type ScoringResponse,
} from './scoring-response.js';

/** The request parts `/invocations` reads. */
export interface InvocationRequest {
  readonly contentType: string | undefined;
  readonly accept: string | undefined;
  readonly body: Uint8Array;
}

// MLflow quotes pandas' rendering of the input here; Modeldock cannot reproduce pandas' repr.
const PREDICT_FAILED = 'Failed to predict data. \nError: ';

async function parseBody(model: LoadedModel, format: BodyFormat, body: Uint8Array): Promise<ScoringCall> {
  if (format === 'arrow') {
    let frame: DataFrame;
    try {
      frame = await frameFromArrowIpc(body);
    } catch (error) {
      throw new MlflowError(
        `Invalid input. Not an Arrow IPC stream: ${(error as Error).message}`,
        'BAD_REQUEST',
      );
    }
    return { input: frame, params: {}, wrap: true };
  }
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  if (format === 'csv')
    return { input: parseCsv(text, model.signature?.inputs ?? null), params: {}, wrap: true };
  return parseJsonRequest(model, readJsonBody(text));
}

async function* sseEvents(model: LoadedModel, call: ScoringCall): AsyncIterable<string> {
  try {
    for await (const chunk of model.predictStream(call.input, call.params as Record<string, unknown>))
      yield `data: ${jsonText(predictionsJson(chunk))}\n\n`;
    yield 'data: [DONE]\n\n';
  } catch (error) {
    const failed = responseForError(error, mlflowErrorCode(error) ? PREDICT_FAILED : '');
    yield `event: error\ndata: ${String(failed.body)}\n\n`;
  }
}

async function outputResponse(
  output: unknown,
  call: ScoringCall,
  accept: string | undefined,
): Promise<ScoringResponse> {
  if (accept?.includes(ARROW_STREAM) && output instanceof DataFrame)
    return {
      status: 200,
      headers: { 'content-type': ARROW_STREAM },
      body: await frameToArrowIpc(output),
    };
  const predictions = predictionsJson(output) ?? null;
  return jsonResponse(call.wrap ? { predictions } : predictions);
}

/**
 * Answers one `/invocations` request; client mistakes are 4xx with MLflow's bodies, a failing model
 * is a 500 with its message, and nothing is ever thrown.
 *
 * @example await invoke(model, { contentType: 'application/json', accept: undefined, body })
 */
export async function invoke(model: LoadedModel, request: InvocationRequest): Promise<ScoringResponse> {
  const negotiated = negotiate(request.contentType);
  if ('response' in negotiated) return negotiated.response;
  let call: ScoringCall;
  try {
    call = await parseBody(model, negotiated.format, request.body);
  } catch (error) {
    return responseForError(error);
  }
  const params = (call.params ?? {}) as Record<string, unknown>;
  if (request.accept?.includes('text/event-stream') && model.streamable) {
    try {
      model.prepare(call.input, params);
    } catch (error) {
      return responseForError(error, PREDICT_FAILED);
    }
    return {
      status: 200,
      headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
      body: '',
      stream: sseEvents(model, call),
    };
  }
  try {
    return await outputResponse(await model.predict(call.input, params), call, request.accept);
  } catch (error) {
    return responseForError(error, PREDICT_FAILED);
  }
}

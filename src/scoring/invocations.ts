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
  isJsonReady,
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

const ARROW_TYPE = { 'content-type': ARROW_STREAM };
const SSE_TYPE = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' };
// MLflow quotes pandas' rendering of the input here; Modeldock cannot reproduce pandas' repr.
const PREDICT_FAILED = 'Failed to predict data. \nError: ';

async function parseArrow(body: Uint8Array): Promise<ScoringCall> {
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

function parseText(model: LoadedModel, format: BodyFormat, body: Uint8Array): ScoringCall {
  const text = Buffer.isBuffer(body)
    ? body.toString('utf8')
    : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
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

async function arrowResponse(output: DataFrame): Promise<ScoringResponse> {
  return { status: 200, headers: ARROW_TYPE, body: await frameToArrowIpc(output) };
}

function outputResponse(
  output: unknown,
  call: ScoringCall,
  accept: string | undefined,
): ScoringResponse | Promise<ScoringResponse> {
  if (accept?.includes(ARROW_STREAM) && output instanceof DataFrame) return arrowResponse(output);
  // Most models answer plain JSON values already; rebuilding them would only cost time.
  const predictions = (isJsonReady(output) ? output : predictionsJson(output)) ?? null;
  return jsonResponse(call.wrap ? { predictions } : predictions);
}

async function predicted(
  model: LoadedModel,
  call: ScoringCall,
  accept: string | undefined,
): Promise<ScoringResponse> {
  try {
    const output = await model.predict(call.input, call.params as Record<string, unknown>);
    return await outputResponse(output, call, accept);
  } catch (error) {
    return responseForError(error, PREDICT_FAILED);
  }
}

function streamed(model: LoadedModel, call: ScoringCall): ScoringResponse {
  try {
    model.prepare(call.input, call.params as Record<string, unknown>);
  } catch (error) {
    return responseForError(error, PREDICT_FAILED);
  }
  return { status: 200, headers: SSE_TYPE, body: '', stream: sseEvents(model, call) };
}

function answer(model: LoadedModel, call: ScoringCall, accept: string | undefined) {
  if (accept?.includes('text/event-stream') && model.streamable) return streamed(model, call);
  return predicted(model, call, accept);
}

/**
 * Answers one `/invocations` request; client mistakes are 4xx with MLflow's bodies, a failing model
 * is a 500 with its message, and nothing is ever thrown.
 *
 * @example await invoke(model, { contentType: 'application/json', accept: undefined, body })
 */
export function invoke(
  model: LoadedModel,
  request: InvocationRequest,
): ScoringResponse | Promise<ScoringResponse> {
  const negotiated = negotiate(request.contentType);
  if ('response' in negotiated) return negotiated.response;
  if (negotiated.format === 'arrow')
    return parseArrow(request.body).then(
      (call) => answer(model, call, request.accept),
      (error: unknown) => responseForError(error),
    );
  let call: ScoringCall;
  try {
    call = parseText(model, negotiated.format, request.body);
  } catch (error) {
    return responseForError(error);
  }
  if (call.params === undefined || call.params === null) call = { ...call, params: {} };
  return answer(model, call, request.accept);
}

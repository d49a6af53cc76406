/**
 * The responses the scoring server sends: JSON bodies that keep NaN and Infinity as Python writes
 * them, MLflow's `{"error_code", "message"}` error bodies, and plain-text replies.
 */
import { ERROR_CODE_HTTP_STATUS, type ErrorCode, httpStatusOf } from '../core/error-codes.js';
import { MlflowError } from '../core/mlflow-error.js';
import { pythonJsonDumps } from '../core/python-json.js';

/** One HTTP response of the scoring app; `stream` replaces `body` for Server-Sent Events. */
export interface ScoringResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array;
  readonly stream?: AsyncIterable<string>;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const NON_FINITE = /"\\u0000(NaN|Infinity|-Infinity)\\u0000"/g;

/**
 * JSON text with non-finite numbers written as the bare `NaN` / `Infinity` tokens Python's `json`
 * module writes (so NaN in a prediction reaches the client as NaN, as in MLflow).
 *
 * @example jsonText({ x: NaN }) // '{"x":NaN}'
 */
export function jsonText(value: unknown): string {
  // The replacer costs 4x on the hot path; most bodies have nothing for it to do.
  if (!needsReplacer(value)) return JSON.stringify(value);
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) return `\u0000${String(v)}\u0000`;
    return typeof v === 'bigint' ? Number(v) : v;
  }).replace(NON_FINITE, '$1');
}

/** True when the value holds a non-finite number or a bigint, which plain JSON.stringify cannot write. */
function needsReplacer(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (typeof value === 'bigint') return true;
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) {
    for (const v of value) if (needsReplacer(v)) return true;
    return false;
  }
  for (const key in value) if (needsReplacer((value as Record<string, unknown>)[key])) return true;
  return false;
}

/**
 * True when a value is JSON already (plain arrays and objects of strings, numbers, booleans and
 * null), so a model's output needs no conversion before it is written; bigints, bytes, dates and
 * class instances (frames, tensors, typed arrays) need one.
 *
 * @example isJsonReady([{ label: 'setosa', p: 0.9 }]) // true
 */
export function isJsonReady(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return typeof value !== 'bigint';
  if (Array.isArray(value)) {
    for (const v of value) if (!isJsonReady(v)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in value) if (!isJsonReady((value as Record<string, unknown>)[key])) return false;
  return true;
}

/**
 * A 200 (or other status) response with a JSON body.
 *
 * @example jsonResponse({ predictions: [1] })
 */
export function jsonResponse(value: unknown, status = 200): ScoringResponse {
  return { status, headers: JSON_TYPE, body: jsonText(value) };
}

/**
 * A plain-text response, as MLflow sends for content-type problems and timeouts.
 *
 * @example textResponse(415, 'The scoring server only supports UTF-8')
 */
export function textResponse(status: number, text: string): ScoringResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text };
}

/**
 * MLflow's JSON error body for an error code; never a stack trace.
 *
 * @example errorResponse('BAD_REQUEST', 'Invalid input.') // 400
 */
export function errorResponse(
  errorCode: string,
  message: string,
  status = httpStatusOf(errorCode),
): ScoringResponse {
  return { status, headers: JSON_TYPE, body: pythonJsonDumps({ error_code: errorCode, message }) };
}

/**
 * The MLflow error code of an MlflowError, including one thrown by a model's own bundled copy of
 * Modeldock (a different class object, so `instanceof` cannot see it).
 *
 * @example mlflowErrorCode(new MlflowError('x', 'BAD_REQUEST')) // 'BAD_REQUEST'
 */
export function mlflowErrorCode(error: unknown): ErrorCode | undefined {
  if (error instanceof MlflowError) return error.errorCode;
  if (!(error instanceof Error) || error.name !== 'MlflowError') return undefined;
  const code = (error as { errorCode?: unknown }).errorCode;
  return typeof code === 'string' && code in ERROR_CODE_HTTP_STATUS ? (code as ErrorCode) : undefined;
}

/**
 * The error response for anything thrown while answering: an MlflowError keeps its code and status;
 * anything else is a 500 with its message (the model failed, not the client).
 *
 * @example responseForError(new MlflowError('bad', 'BAD_REQUEST')).status // 400
 */
export function responseForError(error: unknown, prefix = ''): ScoringResponse {
  const code = mlflowErrorCode(error);
  if (code) return errorResponse(code, `${prefix}${(error as Error).message}`);
  const message = error instanceof Error ? error.message : String(error);
  return errorResponse('INTERNAL_ERROR', message, 500);
}

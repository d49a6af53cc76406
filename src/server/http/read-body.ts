import { parsePythonJson } from '../../core/python-json-parse.js';
import { HttpStatusError } from './http-status-error.js';
import type { HttpLimits, HttpRequest } from './http-types.js';
import { RequestFields } from './request-fields.js';

function tooLarge(limit: number): HttpStatusError {
  return new HttpStatusError(413, `Request body is larger than the limit of ${limit} bytes.`, 'BAD_REQUEST');
}

/**
 * Passes a body through while counting it, failing with 413 as soon as it exceeds `limit` bytes
 * (or at once, when the declared Content-Length already does).
 *
 * @example await repo.write(path, limitBody(request, limits.maxUploadBytes));
 */
export async function* limitBody(request: HttpRequest, limit: number): AsyncGenerator<Uint8Array> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (declared > limit) throw tooLarge(limit);
  let total = 0;
  for await (const chunk of request.body) {
    total += chunk.byteLength;
    if (total > limit) throw tooLarge(limit);
    yield chunk;
  }
}

/**
 * Reads a whole (size-limited) body as text.
 *
 * @example const text = await readBodyText(request, limits.maxJsonBodyBytes);
 */
export async function readBodyText(request: HttpRequest, limit: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of limitBody(request, limit)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Parses a JSON body the way MLflow's Flask handlers do: garbage reads as `{}`, a JSON string is decoded again.
 *
 * @example parseLenientJson('"{\\"name\\": \\"a\\"}"') // { name: 'a' }
 */
export function parseLenientJson(text: string): unknown {
  let value: unknown = parseOrUndefined(text);
  // Old clients double-encoded the body: a JSON string holding the JSON message.
  if (typeof value === 'string') value = parseOrUndefined(value);
  return value ?? {};
}

function parseOrUndefined(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    try {
      // Python's json.dumps writes bare NaN / Infinity, which JSON.parse rejects.
      return parsePythonJson(text, Number);
    } catch {
      return undefined;
    }
  }
}

function checkJsonContentType(request: HttpRequest): void {
  const contentType = request.headers['content-type'];
  if (contentType === undefined) {
    throw new HttpStatusError(400, 'Bad Request. Content-Type header is missing.', 'INVALID_PARAMETER_VALUE');
  }
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new HttpStatusError(
      400,
      "Bad Request. Content-Type must be one of ['application/json'].",
      'INVALID_PARAMETER_VALUE',
    );
  }
}

/**
 * Reads a request message per rest-api.md §1.2: GET from the query string (or, with no query
 * string, a JSON body); POST/PUT from a JSON body with a checked Content-Type; PATCH/DELETE from a
 * leniently parsed body, falling back to the query string.
 *
 * @example const fields = await readRequestFields(request, limits); fields.requiredString('run_id');
 */
export async function readRequestFields(request: HttpRequest, limits: HttpLimits): Promise<RequestFields> {
  if (request.method === 'GET' && request.hasQueryString) return RequestFields.fromQuery(request.query);
  if (request.method === 'POST' || request.method === 'PUT') checkJsonContentType(request);
  const body = parseLenientJson(await readBodyText(request, limits.maxJsonBodyBytes));
  const isEmpty = typeof body !== 'object' || body === null || Object.keys(body).length === 0;
  if (isEmpty && request.hasQueryString && (request.method === 'PATCH' || request.method === 'DELETE')) {
    return RequestFields.fromQuery(request.query);
  }
  return RequestFields.fromJson(body);
}

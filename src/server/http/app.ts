import { Readable } from 'node:stream';
import { MlflowError } from '../../core/mlflow-error.js';
import { errorResponse, type UnexpectedErrorListener } from './error-response.js';
import { HttpStatusError } from './http-status-error.js';
import {
  type HttpLimits,
  type HttpRequest,
  type HttpResponse,
  isHttpResponse,
  respond,
  type Route,
  type RouteHandler,
} from './http-types.js';
import { encodeProtoJson } from './proto-json.js';
import { Router } from './router.js';

/** How to build an {@link App}. */
export interface AppOptions {
  readonly routes: readonly Route[];
  readonly limits?: Partial<HttpLimits>;
  readonly onUnexpectedError?: UnexpectedErrorListener;
}

/**
 * Default body limits: 16 MiB of JSON, unlimited artifact uploads (they stream to disk).
 *
 * @example createApp({ routes, limits: { ...DEFAULT_LIMITS, maxUploadBytes: 1e9 } });
 */
export const DEFAULT_LIMITS: HttpLimits = { maxJsonBodyBytes: 16 * 1024 * 1024, maxUploadBytes: Infinity };

/** A request for {@link App.request}: Hono's `app.request()` for in-process tests. */
export interface InProcessRequestInit {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Uint8Array;
  /** Shorthand: JSON-encode this as the body and set `Content-Type: application/json`. */
  readonly json?: unknown;
}

/** The tracking server's HTTP application, independent of any socket. */
export interface App {
  /** Answers one request; never throws. */
  handle(request: HttpRequest): Promise<HttpResponse>;
  /** Runs a request in-process and returns a Web `Response`, for tests. */
  request(url: string, init?: InProcessRequestInit): Promise<Response>;
}

function mountPaths(route: Route): string[] {
  if (route.raw) return [route.path];
  const version = `${route.apiVersion ?? 2}.0`;
  const prefixes = route.ajaxOnly ? ['/ajax-api'] : ['/api', '/ajax-api'];
  return prefixes.map((prefix) => `${prefix}/${version}${route.path}`);
}

/**
 * Builds the app from route definitions: one router, one error mapping, proto-JSON responses.
 *
 * @example
 * const app = createApp({ routes: metaRoutes() });
 * const response = await app.request('/health'); // 200 "OK"
 */
export function createApp(options: AppOptions): App {
  const router = new Router<RouteHandler>();
  for (const route of options.routes)
    for (const path of mountPaths(route)) router.add(route.method, path, route.handler);
  const limits: HttpLimits = { ...DEFAULT_LIMITS, ...options.limits };

  async function dispatch(request: HttpRequest): Promise<HttpResponse> {
    // HEAD is answered as GET; node:http leaves the body out.
    const match = router.match(request.method === 'HEAD' ? 'GET' : request.method, request.path);
    if (match.kind === 'not-found') {
      throw new MlflowError(`No API endpoint for ${request.method} ${request.path}`, 'ENDPOINT_NOT_FOUND');
    }
    if (match.kind === 'method-not-allowed') {
      throw new HttpStatusError(
        405,
        `The method ${request.method} is not allowed for ${request.path}; allowed: ${match.allowed.join(', ')}`,
        'BAD_REQUEST',
        { allow: match.allowed.join(', ') },
      );
    }
    const result = await match.value({ request, params: match.params, limits });
    return isHttpResponse(result) ? result : respond({ status: 200, json: result });
  }

  const handle = async (request: HttpRequest): Promise<HttpResponse> => {
    try {
      return await dispatch(request);
    } catch (error) {
      return errorResponse(error, options.onUnexpectedError);
    }
  };
  return { handle, request: (url, init) => requestInProcess(handle, url, init) };
}

/**
 * The headers and body (text or stream) of a response, as sent on the wire.
 *
 * @example wireResponse(respond({ status: 200, json: {} })).body // '{}'
 */
export function wireResponse(response: HttpResponse): {
  headers: Record<string, string>;
  body: string | Readable | undefined;
} {
  const headers: Record<string, string> = { 'x-content-type-options': 'nosniff' };
  let body: string | Readable | undefined;
  if (response.stream !== undefined) body = response.stream;
  else if (response.text !== undefined) {
    headers['content-type'] = 'text/plain; charset=utf-8';
    body = response.text;
  } else {
    headers['content-type'] = 'application/json';
    body = encodeProtoJson(response.json ?? {});
  }
  return { headers: { ...headers, ...lowerCaseKeys(response.headers ?? {}) }, body };
}

function lowerCaseKeys(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

async function requestInProcess(
  handle: (request: HttpRequest) => Promise<HttpResponse>,
  url: string,
  init: InProcessRequestInit = {},
): Promise<Response> {
  const parsed = new URL(url, 'http://localhost');
  const headers = lowerCaseKeys(init.headers ?? {});
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers['content-type'] ??= 'application/json';
  }
  const bytes = typeof body === 'string' ? Buffer.from(body) : (body ?? new Uint8Array());
  if (body !== undefined) headers['content-length'] = String(bytes.byteLength);
  const rawQuery = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  const response = await handle({
    method: (init.method ?? 'GET').toUpperCase(),
    path: url.startsWith('/') ? (url.split(/[?#]/)[0] ?? '/') : parsed.pathname,
    query: parsed.searchParams,
    hasQueryString: rawQuery !== '',
    headers,
    body: Readable.from(bytes.byteLength > 0 ? [bytes] : []),
  });
  const wire = wireResponse(response);
  const webBody = wire.body instanceof Readable ? (Readable.toWeb(wire.body) as ReadableStream) : wire.body;
  return new Response(response.status === 204 ? null : webBody, {
    status: response.status,
    headers: wire.headers,
  });
}

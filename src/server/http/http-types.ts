import type { Readable } from 'node:stream';

/** A request as route handlers see it: framework-free, so the app runs on node:http and in-process. */
export interface HttpRequest {
  /** Upper-case method. */
  readonly method: string;
  /** The raw URL path without the query string; the router percent-decodes parameters. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Whether the URL had a `?` with anything after it. */
  readonly hasQueryString: boolean;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The raw body; read it once, through the helpers in read-body.ts. */
  readonly body: AsyncIterable<Uint8Array>;
}

/** What a handler returns for anything but a plain proto-JSON 200. */
export interface HttpResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** A JSON value (encoded as proto-JSON), text, or a stream of bytes. */
  readonly json?: unknown;
  readonly text?: string;
  readonly stream?: Readable;
}

/** The context a route handler receives. */
export interface RouteContext {
  readonly request: HttpRequest;
  /** Path parameters by name (`{model_id}` → `params.model_id`; a `<path>` tail → `params.path`). */
  readonly params: Readonly<Record<string, string>>;
  /** Limits the app was configured with. */
  readonly limits: HttpLimits;
}

/** A handler either returns a message (sent as proto-JSON with status 200) or a full response. */
export type RouteHandler = (context: RouteContext) => Promise<HttpResponse | object> | HttpResponse | object;

/** One endpoint: `path` is the proto path (`/mlflow/runs/get`) or, with `raw`, the full URL path. */
export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly handler: RouteHandler;
  /** REST major version of a proto path (2 unless the spec marks 3.0). */
  readonly apiVersion?: 2 | 3;
  /** Serve `path` as it is, with no `/api/...` or `/ajax-api/...` prefix. */
  readonly raw?: boolean;
  /** Serve only under `/ajax-api/...` (UI helpers). */
  readonly ajaxOnly?: boolean;
}

/** Size limits for request bodies. */
export interface HttpLimits {
  /** JSON request bodies larger than this are refused with 413. */
  readonly maxJsonBodyBytes: number;
  /** Artifact uploads larger than this are refused with 413 (Infinity = no limit). */
  readonly maxUploadBytes: number;
}

/**
 * Whether a handler's result is a full {@link HttpResponse} rather than a plain message.
 *
 * @example isHttpResponse(respond({ status: 204 })) // true
 */
export function isHttpResponse(value: unknown): value is HttpResponse {
  return typeof value === 'object' && value !== null && HTTP_RESPONSE in value;
}

/** A unique key that only responses built by {@link respond} carry. */
const HTTP_RESPONSE = Symbol('HttpResponse');

/**
 * Builds a full response (status, headers, body) for a handler to return.
 *
 * @example return respond({ status: 200, text: 'OK', headers: { 'content-type': 'text/plain' } });
 */
export function respond(response: HttpResponse): HttpResponse {
  return Object.assign({ [HTTP_RESPONSE]: true }, response);
}

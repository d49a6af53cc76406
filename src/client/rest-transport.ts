import { ERROR_CODE_HTTP_STATUS, type ErrorCode } from '../core/error-codes.js';
import { MlflowError } from '../core/mlflow-error.js';

/** How the SDK retries transient failures: 408, 429 and 5xx answers, and dropped connections. */
export interface RetryPolicy {
  /** Extra attempts after the first one (default 3). */
  readonly maxRetries: number;
  /** The first wait; each later wait doubles (default 200 ms). */
  readonly baseDelayMs: number;
  /** No wait exceeds this (default 5 s). */
  readonly maxDelayMs: number;
}

/** Where the tracking server is and how to talk to it. */
export interface RestTransportOptions {
  /** The tracking server's base URL, such as `http://127.0.0.1:5000`. */
  readonly trackingUri: string;
  readonly retry?: Partial<RetryPolicy>;
  /** Extra headers on every request, such as `Authorization`. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** One HTTP request; `body` is a factory so that a retry can send a fresh stream. */
export interface RestRequest {
  readonly method: string;
  /** A path below the tracking URI, such as `/api/2.0/mlflow/runs/get`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;
  readonly json?: unknown;
  readonly body?: () => ReadableStream<Uint8Array>;
  readonly headers?: Readonly<Record<string, string>>;
}

// A plain timer rather than node:timers/promises: the web UI bundles this transport for the browser.
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const RETRIED_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const DEFAULT_RETRY: RetryPolicy = { maxRetries: 3, baseDelayMs: 200, maxDelayMs: 5000 };

// The Python client derives a code from the status when the body is not MLflow's JSON error.
function codeFromStatus(status: number): ErrorCode {
  if (status === 400) return 'BAD_REQUEST';
  if (status === 404) return 'ENDPOINT_NOT_FOUND';
  const match = Object.entries(ERROR_CODE_HTTP_STATUS).find(([, s]) => s === status);
  return (match?.[0] as ErrorCode | undefined) ?? 'INTERNAL_ERROR';
}

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CODE_HTTP_STATUS, code);
}

/**
 * Turns a non-2xx response into an {@link MlflowError} carrying the server's `error_code` and message.
 *
 * @example throw await errorFromResponse(response, 'GET /api/2.0/mlflow/runs/get');
 */
export async function errorFromResponse(response: Response, what: string): Promise<MlflowError> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const code = isErrorCode(fields.error_code) ? fields.error_code : codeFromStatus(response.status);
  const message =
    typeof fields.message === 'string'
      ? fields.message
      : `${what} failed with HTTP ${response.status}${text ? `: ${text.slice(0, 500)}` : ''}`;
  return new MlflowError(message, code);
}

function buildUrl(base: string, request: RestRequest): string {
  const url = new URL(base.replace(/\/+$/, '') + request.path);
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? (value as readonly string[]) : [String(value)];
    for (const v of values) url.searchParams.append(key, v);
  }
  return url.toString();
}

/**
 * The SDK's HTTP layer over global `fetch`: JSON calls, streamed bodies, MLflow errors, and bounded
 * retries with exponential backoff (4xx answers are never retried).
 *
 * @example const body = await new RestTransport({ trackingUri: 'http://127.0.0.1:5000' }).json({ method: 'GET', path: '/api/2.0/mlflow/experiments/get', query: { experiment_id: '0' } });
 */
export class RestTransport {
  readonly trackingUri: string;
  private readonly retry: RetryPolicy;
  private readonly headers: Readonly<Record<string, string>>;

  constructor(options: RestTransportOptions) {
    this.trackingUri = options.trackingUri.replace(/\/+$/, '');
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.headers = options.headers ?? {};
  }

  /** Sends a request and returns the 2xx response; throws {@link MlflowError} otherwise. */
  async send(request: RestRequest): Promise<Response> {
    const url = buildUrl(this.trackingUri, request);
    const what = `${request.method} ${request.path}`;
    for (let attempt = 0; ; attempt += 1) {
      const last = attempt >= this.retry.maxRetries;
      let response: Response;
      try {
        response = await fetch(url, this.init(request));
      } catch (error) {
        if (last)
          throw new MlflowError(`${what} failed: ${(error as Error).message}`, 'TEMPORARILY_UNAVAILABLE', {
            cause: error,
          });
        await this.backoff(attempt);
        continue;
      }
      if (response.ok) return response;
      if (last || !RETRIED_STATUSES.has(response.status)) throw await errorFromResponse(response, what);
      await response.body?.cancel();
      await this.backoff(attempt);
    }
  }

  /** Sends a request and parses its JSON answer (an empty body is `{}`). */
  async json<T = Record<string, unknown>>(request: RestRequest): Promise<T> {
    const response = await this.send(request);
    const text = await response.text();
    return (text.trim() === '' ? {} : JSON.parse(text)) as T;
  }

  private init(request: RestRequest): RequestInit {
    const headers: Record<string, string> = { ...this.headers, ...request.headers };
    if (request.json !== undefined) {
      headers['content-type'] = 'application/json';
      return { method: request.method, headers, body: JSON.stringify(request.json) };
    }
    if (request.body) {
      // Node's fetch needs duplex 'half' to stream a request body.
      return { method: request.method, headers, body: request.body(), duplex: 'half' } as RequestInit;
    }
    return { method: request.method, headers };
  }

  private async backoff(attempt: number): Promise<void> {
    const delay = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** attempt);
    await sleep(delay * (0.5 + Math.random() / 2));
  }
}

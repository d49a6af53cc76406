/**
 * The scoring app: MLflow's routes (`/ping`, `/health`, `/version`, `/invocations`) plus
 * Modeldock's `/openapi.json`, `/docs` and `/metrics`, as one function from request to response,
 * so tests can call it in-process and the node:http server stays a thin adapter.
 */
import { MODELDOCK_MLFLOW_VERSION } from '../model/mlmodel.js';
import type { LoadedModel } from '../model/loaded-model.js';
import { invoke } from './invocations.js';
import { ScoringMetrics } from './scoring-metrics.js';
import { openApiDocument } from './openapi-document.js';
import { swaggerUiResponse } from './swagger-ui.js';
import { v2Route } from './v2-routes.js';
import { errorResponse, jsonResponse, type ScoringResponse, textResponse } from './scoring-response.js';

/** Options of the scoring app and server. */
export interface ScoringOptions {
  /** Largest accepted request body, in bytes (default 100 MiB); larger bodies get a 413. */
  readonly maxBodyBytes?: number;
  /** Per-request time limit in ms (default 60 000, MLflow's); slower requests get a 504. */
  readonly timeoutMs?: number;
  /** The text `/version` answers (default: the MLflow version Modeldock writes). */
  readonly version?: string;
  /** The model's name in `/openapi.json` and the V2 routes (default `model`). */
  readonly modelName?: string;
  /** The serving input example (a ready `/invocations` body), shown in `/openapi.json` and `/docs`. */
  readonly servingExample?: unknown;
}

/** One request to the scoring app: header names are lower-case. */
export interface ScoringRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body?: Uint8Array;
}

/** Defaults of {@link ScoringOptions}. */
export const SCORING_DEFAULTS = { maxBodyBytes: 100 * 1024 * 1024, timeoutMs: 60_000 } as const;

const PING: ScoringResponse = { status: 200, headers: { 'content-type': 'application/json' }, body: '\n' };
// FastAPI's bodies for unknown routes and methods, which MLflow 3.6 clients see.
const NOT_FOUND: ScoringResponse = {
  status: 404,
  headers: { 'content-type': 'application/json' },
  body: '{"detail":"Not Found"}',
};
const NOT_ALLOWED: ScoringResponse = {
  status: 405,
  headers: { 'content-type': 'application/json' },
  body: '{"detail":"Method Not Allowed"}',
};
const TIMED_OUT = textResponse(504, 'Request processing time exceeded limit');

/**
 * MLflow's scoring protocol over one loaded model, as a request → response function.
 *
 * @example
 * const app = new ScoringApp(await loadModel('models/iris'));
 * const res = await app.handle({ method: 'GET', path: '/ping', headers: {} }); // 200 "\n"
 */
export class ScoringApp {
  readonly metrics = new ScoringMetrics();
  private readonly options: Required<Omit<ScoringOptions, 'servingExample'>>;
  private readonly example: unknown;

  constructor(
    readonly model: LoadedModel,
    options: ScoringOptions = {},
  ) {
    this.options = {
      maxBodyBytes: options.maxBodyBytes ?? SCORING_DEFAULTS.maxBodyBytes,
      timeoutMs: options.timeoutMs ?? SCORING_DEFAULTS.timeoutMs,
      version: options.version ?? MODELDOCK_MLFLOW_VERSION,
      modelName: options.modelName ?? 'model',
    };
    this.example = options.servingExample;
  }

  /** The largest body the app accepts, for the HTTP layer to stop reading early. */
  get maxBodyBytes(): number {
    return this.options.maxBodyBytes;
  }

  /** Answers one request, within the time limit; never throws. */
  async handle(request: ScoringRequest): Promise<ScoringResponse> {
    const started = performance.now();
    const response = await new Promise<ScoringResponse>((resolve) => {
      // The model keeps running after a timeout (JS cannot cancel it); the client gets its 504 now.
      const timer = setTimeout(() => resolve(TIMED_OUT), this.options.timeoutMs);
      const settle = (r: ScoringResponse): void => {
        clearTimeout(timer);
        resolve(r);
      };
      this.route(request).then(settle, (e: unknown) => settle(errorFor(e)));
    });
    this.metrics.record(request.path, response, performance.now() - started);
    return response;
  }

  private async route(request: ScoringRequest): Promise<ScoringResponse> {
    const path = request.path.split('?')[0] ?? '';
    const get = request.method === 'GET' || request.method === 'HEAD';
    if (path === '/invocations') {
      if (request.method !== 'POST') return NOT_ALLOWED;
      const body = request.body ?? new Uint8Array();
      if (body.byteLength > this.options.maxBodyBytes) return tooLarge(this.options.maxBodyBytes);
      return invoke(this.model, {
        contentType: request.headers['content-type'],
        accept: request.headers.accept,
        body,
      });
    }
    if (path.startsWith('/v2')) {
      const v2 = await v2Route(this.model, this.options.modelName, {
        method: request.method,
        path,
        body: request.body,
      });
      if (v2) return v2;
    }
    const answer = this.getRoute(path);
    if (!answer) return NOT_FOUND;
    return get ? answer() : NOT_ALLOWED;
  }

  private getRoute(path: string): (() => ScoringResponse | Promise<ScoringResponse>) | undefined {
    if (path === '/ping' || path === '/health') return () => PING;
    if (path === '/version') return () => ({ ...PING, body: this.options.version });
    if (path === '/openapi.json')
      return () => jsonResponse(openApiDocument(this.model, this.options.modelName, this.example));
    if (path === '/metrics') return () => textResponse(200, this.metrics.text());
    if (path === '/docs' || path.startsWith('/docs/')) return () => swaggerUiResponse(path);
    return undefined;
  }
}

function tooLarge(limit: number): ScoringResponse {
  return errorResponse('BAD_REQUEST', `Request body is larger than the limit of ${limit} bytes.`, 413);
}

function errorFor(error: unknown): ScoringResponse {
  return errorResponse('INTERNAL_ERROR', error instanceof Error ? error.message : String(error), 500);
}

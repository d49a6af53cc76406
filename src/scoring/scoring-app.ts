/**
 * The scoring app: MLflow's routes (`/ping`, `/health`, `/version`, `/invocations`) plus
 * Modeldock's `/openapi.json`, `/docs` and `/metrics`, as one function from request to response,
 * so tests can call it in-process and the node:http server stays a thin adapter.
 */
import { MODELDOCK_MLFLOW_VERSION } from '../model/mlmodel.js';
import type { LoadedModel } from '../model/loaded-model.js';
import { invoke } from './invocations.js';
import { ModelHolder, type ServedModel } from './model-holder.js';
import { openApiDocument } from './openapi-document.js';
import { RequestDeadlines } from './request-deadlines.js';
import { ScoringMetrics } from './scoring-metrics.js';
import { errorResponse, jsonResponse, type ScoringResponse, textResponse } from './scoring-response.js';
import { swaggerUiResponse } from './swagger-ui.js';
import { v2Route } from './v2-routes.js';

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
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body?: Uint8Array;
}

/** Defaults of {@link ScoringOptions}. */
export const SCORING_DEFAULTS = { maxBodyBytes: 100 * 1024 * 1024, timeoutMs: 60_000 } as const;

const JSON_TYPE = { 'content-type': 'application/json' };
const PING: ScoringResponse = { status: 200, headers: JSON_TYPE, body: '\n' };
// FastAPI's bodies for unknown routes and methods, which MLflow 3.6 clients see.
const NOT_FOUND: ScoringResponse = { status: 404, headers: JSON_TYPE, body: '{"detail":"Not Found"}' };
const NOT_ALLOWED: ScoringResponse = {
  status: 405,
  headers: JSON_TYPE,
  body: '{"detail":"Method Not Allowed"}',
};
const TIMED_OUT = textResponse(504, 'Request processing time exceeded limit');
const EMPTY = new Uint8Array();

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * MLflow's scoring protocol over one loaded model (or a {@link ModelHolder} whose model can be
 * swapped while serving), as a request → response function.
 *
 * @example
 * const app = new ScoringApp(await loadModel('models/iris'));
 * const res = await app.handle({ method: 'GET', path: '/ping', headers: {} }); // 200 "\n"
 */
export class ScoringApp {
  readonly metrics = new ScoringMetrics();
  /** The served model; swap it through the holder. */
  readonly holder: ModelHolder;
  private readonly options: Required<Omit<ScoringOptions, 'servingExample'>>;
  private readonly deadlines: RequestDeadlines<ScoringResponse>;
  private readonly versionResponse: ScoringResponse;
  private readonly documents = new WeakMap<ServedModel, ScoringResponse>();

  constructor(model: LoadedModel | ModelHolder, options: ScoringOptions = {}) {
    this.holder =
      model instanceof ModelHolder
        ? model
        : new ModelHolder({ model, servingExample: options.servingExample });
    this.options = {
      maxBodyBytes: options.maxBodyBytes ?? SCORING_DEFAULTS.maxBodyBytes,
      timeoutMs: options.timeoutMs ?? SCORING_DEFAULTS.timeoutMs,
      version: options.version ?? MODELDOCK_MLFLOW_VERSION,
      modelName: options.modelName ?? 'model',
    };
    this.deadlines = new RequestDeadlines(this.options.timeoutMs, TIMED_OUT, errorFor);
    this.versionResponse = { ...PING, body: this.options.version };
  }

  /** The model new requests are answered with. */
  get model(): LoadedModel {
    return this.holder.current.model;
  }

  /** The largest body the app accepts, for the HTTP layer to stop reading early. */
  get maxBodyBytes(): number {
    return this.options.maxBodyBytes;
  }

  /** Answers one request, within the time limit; never throws. */
  handle(request: ScoringRequest): Promise<ScoringResponse> {
    const started = performance.now();
    let routed: ScoringResponse | Promise<ScoringResponse>;
    try {
      routed = this.route(request, this.holder.current);
    } catch (error) {
      routed = errorFor(error);
    }
    // The model keeps running after a timeout (JS cannot cancel it); the client gets its 504 now.
    // Answers ready without waiting (/ping, a 415) skip the deadline bookkeeping.
    const response = routed instanceof Promise ? this.deadlines.race(routed) : Promise.resolve(routed);
    return response.then((r) => {
      this.metrics.record(request.path, r, performance.now() - started);
      return r;
    });
  }

  private route(request: ScoringRequest, served: ServedModel): ScoringResponse | Promise<ScoringResponse> {
    const query = request.path.indexOf('?');
    const path = query < 0 ? request.path : request.path.slice(0, query);
    if (path === '/invocations') return this.invocations(request, served.model);
    if (path.startsWith('/v2')) return this.v2(request, path, served);
    return this.getRoute(request.method, path, served);
  }

  private async v2(request: ScoringRequest, path: string, served: ServedModel): Promise<ScoringResponse> {
    const v2 = await v2Route(served.model, this.options.modelName, {
      method: request.method,
      path,
      body: request.body,
    });
    return v2 ?? this.getRoute(request.method, path, served);
  }

  private invocations(
    request: ScoringRequest,
    model: LoadedModel,
  ): Promise<ScoringResponse> | ScoringResponse {
    if (request.method !== 'POST') return NOT_ALLOWED;
    const body = request.body ?? EMPTY;
    if (body.byteLength > this.options.maxBodyBytes) return tooLarge(this.options.maxBodyBytes);
    return invoke(model, {
      contentType: header(request.headers['content-type']),
      accept: header(request.headers.accept),
      body,
    });
  }

  private getRoute(
    method: string,
    path: string,
    served: ServedModel,
  ): ScoringResponse | Promise<ScoringResponse> {
    const answer = this.getAnswer(path, served);
    if (!answer) return NOT_FOUND;
    return method === 'GET' || method === 'HEAD' ? answer() : NOT_ALLOWED;
  }

  private getAnswer(
    path: string,
    served: ServedModel,
  ): (() => ScoringResponse | Promise<ScoringResponse>) | undefined {
    if (path === '/ping' || path === '/health') return () => PING;
    if (path === '/version') return () => this.versionResponse;
    if (path === '/openapi.json') return () => this.openApi(served);
    if (path === '/metrics') return () => textResponse(200, this.metrics.text());
    if (path === '/docs' || path.startsWith('/docs/')) return () => swaggerUiResponse(path);
    return undefined;
  }

  private openApi(served: ServedModel): ScoringResponse {
    let document = this.documents.get(served);
    if (!document) {
      document = jsonResponse(openApiDocument(served.model, this.options.modelName, served.servingExample));
      this.documents.set(served, document);
    }
    return document;
  }
}

function tooLarge(limit: number): ScoringResponse {
  return errorResponse('BAD_REQUEST', `Request body is larger than the limit of ${limit} bytes.`, 413);
}

function errorFor(error: unknown): ScoringResponse {
  return errorResponse('INTERNAL_ERROR', error instanceof Error ? error.message : String(error), 500);
}

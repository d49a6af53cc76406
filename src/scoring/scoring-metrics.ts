/**
 * Prometheus metrics of the scoring server: requests by path and status, a latency histogram,
 * and errors by MLflow error code, in the text exposition format.
 */
import type { ScoringResponse } from './scoring-response.js';

const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const KNOWN_PATHS = new Set([
  '/invocations',
  '/ping',
  '/health',
  '/version',
  '/openapi.json',
  '/metrics',
  '/docs',
]);

function routeOf(path: string): string {
  const query = path.indexOf('?');
  const bare = query < 0 ? path : path.slice(0, query);
  if (KNOWN_PATHS.has(bare)) return bare;
  return bare.startsWith('/v2') ? '/v2' : 'other';
}

function errorCodeOf(response: ScoringResponse): string | undefined {
  if (response.status < 400) return undefined;
  const match = typeof response.body === 'string' ? /"error_code": "([A-Z_]+)"/.exec(response.body) : null;
  return match?.[1] ?? `HTTP_${response.status}`;
}

/**
 * Counters and a histogram, filled by the app and read by `GET /metrics`.
 *
 * @example metrics.record('/invocations', response, 1.2); metrics.text();
 */
export class ScoringMetrics {
  private readonly requests = new Map<string, Map<number, number>>();
  private readonly errors = new Map<string, number>();
  private readonly buckets = new Array<number>(BUCKETS.length).fill(0);
  private count = 0;
  private sum = 0;

  /** Records one answered request; `ms` is its latency. */
  record(path: string, response: ScoringResponse, ms: number): void {
    const route = routeOf(path);
    let byStatus = this.requests.get(route);
    if (!byStatus) this.requests.set(route, (byStatus = new Map()));
    byStatus.set(response.status, (byStatus.get(response.status) ?? 0) + 1);
    const code = errorCodeOf(response);
    if (code) this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
    if (route !== '/invocations') return;
    const seconds = ms / 1000;
    this.count++;
    this.sum += seconds;
    // Buckets are cumulative and ascending: every bucket from the first that holds `seconds` counts it.
    for (let i = BUCKETS.length - 1; i >= 0 && seconds <= (BUCKETS[i] as number); i--)
      this.buckets[i] = (this.buckets[i] ?? 0) + 1;
  }

  /** The metrics in Prometheus' text format. */
  text(): string {
    const lines = [
      '# HELP modeldock_requests_total Requests answered, by path and status.',
      '# TYPE modeldock_requests_total counter',
      ...[...this.requests].flatMap(([route, byStatus]) =>
        [...byStatus].map(
          ([status, n]) => `modeldock_requests_total{path="${route}",status="${status}"} ${n}`,
        ),
      ),
      '# HELP modeldock_errors_total Error responses, by MLflow error code.',
      '# TYPE modeldock_errors_total counter',
      ...[...this.errors].map(([k, v]) => `modeldock_errors_total{error_code="${k}"} ${v}`),
      '# HELP modeldock_invocation_seconds Latency of /invocations.',
      '# TYPE modeldock_invocation_seconds histogram',
      ...BUCKETS.map((b, i) => `modeldock_invocation_seconds_bucket{le="${b}"} ${this.buckets[i] ?? 0}`),
      `modeldock_invocation_seconds_bucket{le="+Inf"} ${this.count}`,
      `modeldock_invocation_seconds_sum ${this.sum}`,
      `modeldock_invocation_seconds_count ${this.count}`,
    ];
    return `${lines.join('\n')}\n`;
  }
}

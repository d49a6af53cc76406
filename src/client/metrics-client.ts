import type { Metric } from './entities.js';
import type { RestTransport } from './rest-transport.js';

/** A metric point to log; `timestamp` defaults to now and `step` to 0. */
export interface MetricInput {
  readonly key: string;
  readonly value: number;
  readonly timestamp?: number;
  readonly step?: number;
  readonly modelId?: string;
  readonly datasetName?: string;
  readonly datasetDigest?: string;
}

// JSON has no NaN or infinities; MLflow's wire format spells them as strings.
function wireDouble(value: number): number | string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  return value;
}

/** The most points per run that `get-history-bulk` returns (MLflow's cap too). */
export const BULK_HISTORY_MAX_POINTS = 25_000;

function readDouble(value: number | string): number {
  return typeof value === 'number' ? value : Number(value);
}

/**
 * The wire JSON of one metric point.
 *
 * @example metricJson({ key: 'loss', value: NaN }, Date.now()) // { key: 'loss', value: 'NaN', ... }
 */
export function metricJson(metric: MetricInput, now: number): Record<string, unknown> {
  return {
    key: metric.key,
    value: wireDouble(metric.value),
    timestamp: metric.timestamp ?? now,
    step: metric.step ?? 0,
    model_id: metric.modelId,
    dataset_name: metric.datasetName,
    dataset_digest: metric.datasetDigest,
  };
}

/**
 * Metrics: log one point and read a metric's full history, of one run or of several at once.
 *
 * @example await new MetricsClient(transport).logMetric(runId, 'loss', 0.25, { step: 3 });
 */
export class MetricsClient {
  constructor(private readonly transport: RestTransport) {}

  /** Logs one metric point (`POST runs/log-metric`). */
  async logMetric(
    runId: string,
    key: string,
    value: number,
    options: Omit<MetricInput, 'key' | 'value'> = {},
  ): Promise<void> {
    const json = { run_id: runId, ...metricJson({ ...options, key, value }, Date.now()) };
    await this.transport.json({ method: 'POST', path: '/api/2.0/mlflow/runs/log-metric', json });
  }

  /** Every point of a metric, oldest first, across all pages (`GET metrics/get-history`). */
  async getMetricHistory(runId: string, key: string): Promise<Metric[]> {
    const points: Metric[] = [];
    let pageToken: string | undefined;
    do {
      const query = { run_id: runId, metric_key: key, max_results: 25_000, page_token: pageToken };
      const body = await this.transport.json<{ metrics?: Metric[]; next_page_token?: string }>({
        method: 'GET',
        path: '/api/2.0/mlflow/metrics/get-history',
        query,
      });
      for (const m of body.metrics ?? [])
        points.push({ ...m, value: readDouble(m.value as number | string) });
      pageToken = body.next_page_token || undefined;
    } while (pageToken !== undefined);
    return points;
  }

  /**
   * One metric's full history for several runs in one request, each point carrying its `run_id`
   * (`GET ajax-api/2.0/mlflow/metrics/get-history-bulk`, the call MLflow's metric page makes). The
   * server returns at most {@link BULK_HISTORY_MAX_POINTS} points per run and 100 runs a request.
   *
   * @example await web.metrics.getMetricHistoryBulk([runA, runB], 'loss');
   */
  async getMetricHistoryBulk(runIds: readonly string[], key: string): Promise<Metric[]> {
    const body = await this.transport.json<{ metrics?: Metric[] }>({
      method: 'GET',
      path: '/ajax-api/2.0/mlflow/metrics/get-history-bulk',
      query: { run_id: runIds, metric_key: key, max_results: BULK_HISTORY_MAX_POINTS },
    });
    return (body.metrics ?? []).map((m) => ({ ...m, value: readDouble(m.value as number | string) }));
  }
}

import { MlflowError } from '../../core/mlflow-error.js';
import type { MetricWithRunId, TrackingStore } from '../../store/tracking-store.js';
import type { Route } from '../http/http-types.js';
import type { RequestFields } from '../http/request-fields.js';
import { defined, endpoint, runIdOf } from './route-helpers.js';

const BULK_MAX_RUNS = 100;
const BULK_MAX_POINTS = 25_000;

function requiredList(f: RequestFields, name: string): string[] {
  const values = f.strings(name);
  if (values.length === 0) f.requiredString(name); // throws MLflow's "Missing value" message
  return values;
}

/** The UI's `get-history-bulk`: each run's full history (capped), concatenated in the order given. */
async function historyBulk(store: TrackingStore, f: RequestFields): Promise<object> {
  const runIds = requiredList(f, 'run_id');
  const metricKey = f.requiredString('metric_key');
  if (runIds.length > BULK_MAX_RUNS) {
    throw new MlflowError(
      `GetMetricHistoryBulk request may not contain more than ${BULK_MAX_RUNS} run_ids. Received ${runIds.length} run_ids.`,
      'INVALID_PARAMETER_VALUE',
    );
  }
  const cap = Math.min(f.int('max_results') ?? BULK_MAX_POINTS, BULK_MAX_POINTS);
  const metrics: MetricWithRunId[] = [];
  for (const runId of runIds) {
    const page = await store.getMetricHistory(runId, metricKey);
    for (const m of page.items.slice(0, cap))
      metrics.push({ key: m.key, value: m.value, timestamp: m.timestamp, step: m.step, run_id: runId });
  }
  return { metrics };
}

/**
 * The metric-history endpoints of rest-api.md §3 and the UI's bulk history.
 *
 * @example createApp({ routes: metricRoutes(store) });
 */
export function metricRoutes(store: TrackingStore): Route[] {
  return [
    endpoint('GET', '/mlflow/metrics/get-history', async (f) => {
      const input = defined({ maxResults: f.int('max_results'), pageToken: f.string('page_token') });
      const page = await store.getMetricHistory(runIdOf(f), f.requiredString('metric_key'), input);
      return { metrics: page.items, next_page_token: page.nextPageToken };
    }),
    endpoint('GET', '/mlflow/metrics/get-history-bulk-interval', async (f) => {
      const input = {
        runIds: requiredList(f, 'run_ids'),
        metricKey: f.requiredString('metric_key'),
        ...defined({
          startStep: f.int('start_step'),
          endStep: f.int('end_step'),
          maxResults: f.int('max_results'),
        }),
      };
      return { metrics: await store.getMetricHistoryBulkInterval(input) };
    }),
    endpoint('GET', '/mlflow/metrics/get-history-bulk', (f) => historyBulk(store, f), { ajaxOnly: true }),
  ];
}

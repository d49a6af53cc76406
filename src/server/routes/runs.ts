import type { DatasetInput, Metric, TrackingStore } from '../../store/tracking-store.js';
import type { Route } from '../http/http-types.js';
import type { RequestFields } from '../http/request-fields.js';
import { logModelHistory } from './log-model-history.js';
import { defined, endpoint, keyValues, RUN_STATUS, runIdOf, VIEW_TYPE } from './route-helpers.js';

const DEFAULT_MAX_RESULTS = 1000;

/**
 * Reads a Metric message: key, value and timestamp are required, step defaults to 0.
 *
 * @example metricOf(RequestFields.fromJson({ key: 'acc', value: 'NaN', timestamp: 1 })) // { key: 'acc', value: NaN, timestamp: 1, step: 0 }
 */
export function metricOf(f: RequestFields): Metric {
  return {
    key: f.requiredString('key'),
    value: f.requiredDouble('value'),
    timestamp: f.requiredInt('timestamp'),
    step: f.int('step') ?? 0,
    ...defined({
      model_id: f.string('model_id'),
      dataset_name: f.string('dataset_name'),
      dataset_digest: f.string('dataset_digest'),
    }),
  };
}

function datasetInputOf(f: RequestFields): DatasetInput {
  const d = f.message('dataset');
  return {
    tags: keyValues(f, 'tags'),
    dataset: {
      name: d?.string('name') ?? '',
      digest: d?.string('digest') ?? '',
      source_type: d?.string('source_type') ?? '',
      source: d?.string('source') ?? '',
      ...defined({ schema: d?.string('schema'), profile: d?.string('profile') }),
    },
  };
}

async function search(store: TrackingStore, f: RequestFields): Promise<object> {
  const page = await store.searchRuns({
    experimentIds: f.strings('experiment_ids'),
    maxResults: f.int('max_results') ?? DEFAULT_MAX_RESULTS,
    orderBy: f.strings('order_by'),
    ...defined({
      filter: f.string('filter'),
      pageToken: f.string('page_token'),
      runViewType: f.enumName('run_view_type', VIEW_TYPE),
    }),
  });
  return { runs: page.items, next_page_token: page.nextPageToken };
}

function lifecycleRoutes(store: TrackingStore): Route[] {
  return [
    endpoint('POST', '/mlflow/runs/create', async (f) => {
      const run = await store.createRun({
        tags: keyValues(f, 'tags'),
        ...defined({
          experimentId: f.string('experiment_id'),
          userId: f.string('user_id'),
          runName: f.string('run_name'),
          startTime: f.int('start_time'),
        }),
      });
      // MLflow's create-run answer carries no `outputs` (a new run has none).
      return { run: { ...run, outputs: undefined } };
    }),
    endpoint('POST', '/mlflow/runs/update', async (f) => {
      const input = defined({
        status: f.enumName('status', RUN_STATUS),
        endTime: f.int('end_time'),
        runName: f.string('run_name'),
      });
      return { run_info: await store.updateRun(runIdOf(f), input) };
    }),
    endpoint('POST', '/mlflow/runs/delete', async (f) => {
      await store.deleteRun(runIdOf(f));
      return {};
    }),
    endpoint('POST', '/mlflow/runs/restore', async (f) => {
      await store.restoreRun(runIdOf(f));
      return {};
    }),
    endpoint('GET', '/mlflow/runs/get', async (f) => ({ run: await store.getRun(runIdOf(f)) })),
    endpoint('POST', '/mlflow/runs/search', (f) => search(store, f)),
    endpoint('GET', '/mlflow/runs/search', (f) => search(store, f)),
  ];
}

function loggingRoutes(store: TrackingStore): Route[] {
  return [
    endpoint('POST', '/mlflow/runs/log-metric', async (f) => {
      await store.logMetric(runIdOf(f), metricOf(f));
      return {};
    }),
    endpoint('POST', '/mlflow/runs/log-parameter', async (f) => {
      await store.logParam(runIdOf(f), { key: f.requiredString('key'), value: f.string('value') ?? '' });
      return {};
    }),
    endpoint('POST', '/mlflow/runs/set-tag', async (f) => {
      await store.setTag(runIdOf(f), { key: f.requiredString('key'), value: f.string('value') ?? '' });
      return {};
    }),
    endpoint('POST', '/mlflow/runs/delete-tag', async (f) => {
      await store.deleteTag(runIdOf(f), f.requiredString('key'));
      return {};
    }),
    endpoint('POST', '/mlflow/runs/log-batch', async (f) => {
      const input = {
        metrics: f.messages('metrics').map(metricOf),
        params: keyValues(f, 'params'),
        tags: keyValues(f, 'tags'),
      };
      await store.logBatch(f.requiredString('run_id'), input);
      return {};
    }),
    endpoint('POST', '/mlflow/runs/log-inputs', async (f) => {
      const models = f.messages('models').map((m) => ({ model_id: m.requiredString('model_id') }));
      await store.logInputs(f.requiredString('run_id'), {
        datasets: f.messages('datasets').map(datasetInputOf),
        models,
      });
      return {};
    }),
    endpoint('POST', '/mlflow/runs/outputs', async (f) => {
      const runId = f.requiredString('run_id');
      if (!f.has('models')) f.requiredString('models');
      const models = f
        .messages('models')
        .map((m) => ({ model_id: m.requiredString('model_id'), step: m.int('step') ?? 0 }));
      await store.logOutputs(runId, models);
      return {};
    }),
    endpoint('POST', '/mlflow/runs/log-model', async (f) => {
      await logModelHistory(store, f.requiredString('run_id'), f.requiredString('model_json'));
      return {};
    }),
  ];
}

/**
 * The run endpoints of rest-api.md §3: lifecycle, search and logging.
 *
 * @example createApp({ routes: runRoutes(store) });
 */
export function runRoutes(store: TrackingStore): Route[] {
  return [...lifecycleRoutes(store), ...loggingRoutes(store)];
}

import type { TrackingStore } from '../../store/tracking-store.js';
import type { Route } from '../http/http-types.js';
import type { RequestFields } from '../http/request-fields.js';
import { defined, endpoint, keyValues, VIEW_TYPE } from './route-helpers.js';

const DEFAULT_MAX_RESULTS = 1000;

async function search(store: TrackingStore, f: RequestFields): Promise<object> {
  const page = await store.searchExperiments({
    maxResults: f.int('max_results') ?? DEFAULT_MAX_RESULTS,
    ...defined({
      filter: f.string('filter'),
      pageToken: f.string('page_token'),
      viewType: f.enumName('view_type', VIEW_TYPE),
    }),
    orderBy: f.strings('order_by'),
  });
  return { experiments: page.items, next_page_token: page.nextPageToken };
}

/**
 * The experiment endpoints of rest-api.md §2.
 *
 * @example createApp({ routes: experimentRoutes(store) });
 */
export function experimentRoutes(store: TrackingStore): Route[] {
  const id = (f: RequestFields) => f.requiredString('experiment_id');
  return [
    endpoint('POST', '/mlflow/experiments/create', async (f) => {
      const name = f.requiredString('name');
      const input = {
        name,
        tags: keyValues(f, 'tags'),
        ...defined({ artifactLocation: f.string('artifact_location') }),
      };
      return { experiment_id: await store.createExperiment(input) };
    }),
    endpoint('GET', '/mlflow/experiments/search', (f) => search(store, f)),
    endpoint('POST', '/mlflow/experiments/search', (f) => search(store, f)),
    endpoint('GET', '/mlflow/experiments/get', async (f) => ({
      experiment: await store.getExperiment(id(f)),
    })),
    endpoint('GET', '/mlflow/experiments/get-by-name', async (f) => ({
      experiment: await store.getExperimentByName(f.requiredString('experiment_name')),
    })),
    endpoint('POST', '/mlflow/experiments/delete', async (f) => {
      await store.deleteExperiment(id(f));
      return {};
    }),
    endpoint('POST', '/mlflow/experiments/restore', async (f) => {
      await store.restoreExperiment(id(f));
      return {};
    }),
    endpoint('POST', '/mlflow/experiments/update', async (f) => {
      await store.renameExperiment(id(f), f.requiredString('new_name'));
      return {};
    }),
    endpoint('POST', '/mlflow/experiments/set-experiment-tag', async (f) => {
      await store.setExperimentTag(id(f), { key: f.requiredString('key'), value: f.string('value') ?? '' });
      return {};
    }),
    endpoint('POST', '/mlflow/experiments/delete-experiment-tag', async (f) => {
      await store.deleteExperimentTag(id(f), f.requiredString('key'));
      return {};
    }),
  ];
}

import { MlflowError } from '../../core/mlflow-error.js';
import type { LoggedModel, LoggedModelOrderBy, TrackingStore } from '../../store/tracking-store.js';
import type { ArtifactLocations } from '../artifact-locations.js';
import type { Route, RouteContext } from '../http/http-types.js';
import { RequestFields } from '../http/request-fields.js';
import { listArtifactFiles } from './artifacts.js';
import { downloadResponse } from './mlflow-artifacts.js';
import { defined, endpoint, keyValues, LOGGED_MODEL_STATUS } from './route-helpers.js';

const BASE = '/mlflow/logged-models';

/** MLflow always sends `model_type` and `source_run_id`, as "" when unset (seen in the 3.6 transcripts). */
function wire(model: LoggedModel): LoggedModel {
  return {
    ...model,
    info: {
      ...model.info,
      model_type: model.info.model_type ?? '',
      source_run_id: model.info.source_run_id ?? '',
    },
  };
}

function skipMissing(error: unknown): undefined {
  if (error instanceof MlflowError && error.errorCode === 'RESOURCE_DOES_NOT_EXIST') return undefined;
  throw error;
}

function modelIdOf(context: RouteContext): string {
  return context.params.model_id ?? '';
}

function orderByOf(f: RequestFields): LoggedModelOrderBy {
  return {
    field_name: f.requiredString('field_name'),
    ...defined({
      ascending: f.bool('ascending'),
      dataset_name: f.string('dataset_name'),
      dataset_digest: f.string('dataset_digest'),
    }),
  };
}

async function search(store: TrackingStore, f: RequestFields): Promise<object> {
  const page = await store.searchLoggedModels({
    experimentIds: f.strings('experiment_ids'),
    datasets: f.messages('datasets').map((d) => ({
      dataset_name: d.requiredString('dataset_name'),
      ...defined({ dataset_digest: d.string('dataset_digest') }),
    })),
    orderBy: f.messages('order_by').map(orderByOf),
    ...defined({
      filter: f.string('filter'),
      maxResults: f.int('max_results'),
      pageToken: f.string('page_token'),
    }),
  });
  return { models: page.items.map(wire), next_page_token: page.nextPageToken };
}

function modelRoutes(store: TrackingStore): Route[] {
  return [
    endpoint('POST', BASE, async (f) => {
      const model = await store.createLoggedModel({
        experimentId: f.requiredString('experiment_id'),
        params: keyValues(f, 'params'),
        tags: keyValues(f, 'tags'),
        ...defined({
          name: f.string('name'),
          modelType: f.string('model_type'),
          sourceRunId: f.string('source_run_id'),
        }),
      });
      return { model: wire(model) };
    }),
    endpoint('POST', `${BASE}/search`, (f) => search(store, f)),
    // The UI's batch read (OSS MLflow 3.6 lacks it); unknown ids are skipped.
    endpoint('GET', `${BASE}:batchGet`, async (f) => {
      const found = await Promise.all(
        f.strings('model_ids').map((id) => store.getLoggedModel(id).catch(skipMissing)),
      );
      return { models: found.filter((m): m is LoggedModel => m !== undefined).map(wire) };
    }),
    endpoint('GET', `${BASE}/{model_id}`, async (_f, ctx) => ({
      model: wire(await store.getLoggedModel(modelIdOf(ctx))),
    })),
    endpoint('PATCH', `${BASE}/{model_id}`, async (f, ctx) => {
      const status = f.enumName('status', LOGGED_MODEL_STATUS);
      if (status === undefined) f.requiredString('status');
      return {
        model: wire(
          await store.finalizeLoggedModel(modelIdOf(ctx), status ?? 'LOGGED_MODEL_STATUS_UNSPECIFIED'),
        ),
      };
    }),
    endpoint('DELETE', `${BASE}/{model_id}`, async (_f, ctx) => {
      await store.deleteLoggedModel(modelIdOf(ctx));
      return {};
    }),
  ];
}

function detailRoutes(store: TrackingStore): Route[] {
  return [
    endpoint('PATCH', `${BASE}/{model_id}/tags`, async (f, ctx) => {
      await store.setLoggedModelTags(modelIdOf(ctx), keyValues(f, 'tags'));
      return {};
    }),
    // The client puts the raw tag key in the path, so a key may span several segments.
    endpoint('DELETE', `${BASE}/{model_id}/tags/<tag_key>`, async (_f, ctx) => {
      await store.deleteLoggedModelTag(modelIdOf(ctx), ctx.params.tag_key ?? '');
      return {};
    }),
    endpoint('POST', `${BASE}/{model_id}/params`, async (f, ctx) => {
      await store.logLoggedModelParams(modelIdOf(ctx), keyValues(f, 'params'));
      return {};
    }),
  ];
}

function artifactRoutes(store: TrackingStore, locations: ArtifactLocations): Route[] {
  return [
    endpoint('GET', `${BASE}/{model_id}/artifacts/directories`, async (f, ctx) => {
      const rootUri = (await store.getLoggedModel(modelIdOf(ctx))).info.artifact_uri;
      return {
        root_uri: rootUri,
        files: await listArtifactFiles(locations, rootUri, f.string('artifact_directory_path') ?? ''),
      };
    }),
    {
      method: 'GET',
      path: `${BASE}/{model_id}/artifacts/files`,
      ajaxOnly: true,
      handler: async (ctx) => {
        const path = RequestFields.fromQuery(ctx.request.query).string('artifact_file_path');
        if (!path) throw new MlflowError("Request must specify 'artifact_file_path'.", 'BAD_REQUEST');
        const rootUri = (await store.getLoggedModel(modelIdOf(ctx))).info.artifact_uri;
        const { repository, path: full } = locations.resolve(rootUri, path);
        return downloadResponse(repository, full);
      },
    },
  ];
}

/**
 * The MLflow 3 logged-model endpoints of rest-api.md §4, including their artifact listings.
 *
 * @example createApp({ routes: loggedModelRoutes(store, locations) });
 */
export function loggedModelRoutes(store: TrackingStore, locations: ArtifactLocations): Route[] {
  return [...modelRoutes(store), ...detailRoutes(store), ...artifactRoutes(store, locations)];
}

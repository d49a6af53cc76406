import type { RegistryStore } from '../../store/registry-store.js';
import type { Route } from '../http/http-types.js';
import type { RequestFields } from '../http/request-fields.js';
import { validateModelVersionSource } from '../model-version-source.js';
import { versionOf } from './registered-models.js';
import { defined, endpoint, keyValues } from './route-helpers.js';

async function create(
  registry: RegistryStore,
  f: RequestFields,
  artifactsRoot: string | undefined,
): Promise<object> {
  const name = f.requiredString('name');
  const source = f.requiredString('source');
  validateModelVersionSource(source, artifactsRoot);
  const version = await registry.createModelVersion({
    name,
    source,
    tags: keyValues(f, 'tags'),
    ...defined({
      runId: f.string('run_id') || undefined,
      runLink: f.string('run_link'),
      description: f.string('description'),
      modelId: f.string('model_id') || undefined,
    }),
  });
  return { model_version: version };
}

async function search(registry: RegistryStore, f: RequestFields): Promise<object> {
  const page = await registry.searchModelVersions({
    ...defined({
      filter: f.string('filter'),
      maxResults: f.int('max_results'),
      pageToken: f.string('page_token'),
    }),
    orderBy: f.strings('order_by'),
  });
  return { model_versions: page.items, next_page_token: page.nextPageToken };
}

/**
 * The model-version endpoints of rest-api.md §5; `artifactsRoot` bounds local `source` paths.
 *
 * @example createApp({ routes: modelVersionRoutes(registry, '/srv/mlartifacts') });
 */
export function modelVersionRoutes(registry: RegistryStore, artifactsRoot: string | undefined): Route[] {
  const name = (f: RequestFields) => f.requiredString('name');
  return [
    endpoint('POST', '/mlflow/model-versions/create', (f) => create(registry, f, artifactsRoot)),
    endpoint('GET', '/mlflow/model-versions/get', async (f) => ({
      model_version: await registry.getModelVersion(name(f), versionOf(f)),
    })),
    endpoint('PATCH', '/mlflow/model-versions/update', async (f) => ({
      model_version: await registry.updateModelVersion(name(f), versionOf(f), f.string('description')),
    })),
    endpoint('POST', '/mlflow/model-versions/transition-stage', async (f) => ({
      model_version: await registry.transitionModelVersionStage(
        name(f),
        versionOf(f),
        f.requiredString('stage'),
        f.bool('archive_existing_versions') ?? false,
      ),
    })),
    endpoint('DELETE', '/mlflow/model-versions/delete', async (f) => {
      await registry.deleteModelVersion(name(f), versionOf(f));
      return {};
    }),
    endpoint('GET', '/mlflow/model-versions/search', (f) => search(registry, f)),
    endpoint('GET', '/mlflow/model-versions/get-download-uri', async (f) => ({
      artifact_uri: await registry.getModelVersionDownloadUri(name(f), versionOf(f)),
    })),
    endpoint('POST', '/mlflow/model-versions/set-tag', async (f) => {
      const tag = { key: f.requiredString('key'), value: f.string('value') ?? '' };
      await registry.setModelVersionTag(name(f), versionOf(f), tag);
      return {};
    }),
    endpoint('DELETE', '/mlflow/model-versions/delete-tag', async (f) => {
      await registry.deleteModelVersionTag(name(f), versionOf(f), f.requiredString('key'));
      return {};
    }),
  ];
}

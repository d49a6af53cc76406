import type { RegistryStore } from '../../store/registry-store.js';
import type { Route } from '../http/http-types.js';
import type { RequestFields } from '../http/request-fields.js';
import { defined, endpoint, keyValues } from './route-helpers.js';

/**
 * A model version number given as a string (the proto type) or, leniently, as a JSON number.
 *
 * @example versionOf(RequestFields.fromJson({ version: 3 })) // '3'
 */
export function versionOf(f: RequestFields, field = 'version'): string {
  try {
    return f.requiredString(field);
  } catch (error) {
    const number = f.has(field) ? f.int(field) : undefined;
    if (number === undefined) throw error;
    return String(number);
  }
}

async function search(registry: RegistryStore, f: RequestFields): Promise<object> {
  const page = await registry.searchRegisteredModels({
    ...defined({
      filter: f.string('filter'),
      maxResults: f.int('max_results'),
      pageToken: f.string('page_token'),
    }),
    orderBy: f.strings('order_by'),
  });
  return { registered_models: page.items, next_page_token: page.nextPageToken };
}

async function latestVersions(registry: RegistryStore, f: RequestFields): Promise<object> {
  return { model_versions: await registry.getLatestVersions(f.requiredString('name'), f.strings('stages')) };
}

function aliasRoutes(registry: RegistryStore): Route[] {
  const path = '/mlflow/registered-models/alias';
  return [
    endpoint('POST', path, async (f) => {
      await registry.setRegisteredModelAlias(
        f.requiredString('name'),
        f.requiredString('alias'),
        versionOf(f),
      );
      return {};
    }),
    endpoint('DELETE', path, async (f) => {
      await registry.deleteRegisteredModelAlias(f.requiredString('name'), f.requiredString('alias'));
      return {};
    }),
    endpoint('GET', path, async (f) => ({
      model_version: await registry.getModelVersionByAlias(
        f.requiredString('name'),
        f.requiredString('alias'),
      ),
    })),
  ];
}

/**
 * The registered-model endpoints of rest-api.md §5 (including aliases and get-latest-versions).
 *
 * @example createApp({ routes: registeredModelRoutes(registry) });
 */
export function registeredModelRoutes(registry: RegistryStore): Route[] {
  const name = (f: RequestFields) => f.requiredString('name');
  return [
    endpoint('POST', '/mlflow/registered-models/create', async (f) => ({
      registered_model: await registry.createRegisteredModel({
        name: name(f),
        tags: keyValues(f, 'tags'),
        ...defined({ description: f.string('description') }),
      }),
    })),
    endpoint('GET', '/mlflow/registered-models/get', async (f) => ({
      registered_model: await registry.getRegisteredModel(name(f)),
    })),
    endpoint('POST', '/mlflow/registered-models/rename', async (f) => ({
      registered_model: await registry.renameRegisteredModel(name(f), f.requiredString('new_name')),
    })),
    endpoint('PATCH', '/mlflow/registered-models/update', async (f) => ({
      registered_model: await registry.updateRegisteredModel(name(f), f.string('description')),
    })),
    endpoint('DELETE', '/mlflow/registered-models/delete', async (f) => {
      await registry.deleteRegisteredModel(name(f));
      return {};
    }),
    endpoint('GET', '/mlflow/registered-models/search', (f) => search(registry, f)),
    endpoint('POST', '/mlflow/registered-models/get-latest-versions', (f) => latestVersions(registry, f)),
    endpoint('GET', '/mlflow/registered-models/get-latest-versions', (f) => latestVersions(registry, f)),
    endpoint('POST', '/mlflow/registered-models/set-tag', async (f) => {
      await registry.setRegisteredModelTag(name(f), {
        key: f.requiredString('key'),
        value: f.string('value') ?? '',
      });
      return {};
    }),
    endpoint('DELETE', '/mlflow/registered-models/delete-tag', async (f) => {
      await registry.deleteRegisteredModelTag(name(f), f.requiredString('key'));
      return {};
    }),
    ...aliasRoutes(registry),
  ];
}

import { MlflowError } from '../../core/mlflow-error.js';
import { pythonJsonDumps, pythonJsonLoads } from '../../core/python-json.js';
import type { Kysely } from 'kysely';
import type { RegistryDatabase, SqlRegistryContext } from './sql-registry-database.js';
import { DELETED_STAGE } from './sql-registry-rows.js';

const MODEL_VERSIONS_TAG = 'mlflow.modelVersions';
const LOGGED_MODEL_SOURCE = /^models:\/(m-[0-9a-f]{32})\/?$/;
const VERSION_SOURCE = /^models:\/([^/@]+)\/(\d+)\/?$/;
const ALIAS_SOURCE = /^models:\/([^/]+)@([^/@]+)\/?$/;

function unresolvable(source: string, detail: string): MlflowError {
  return new MlflowError(
    `Unable to fetch model from model URI source artifact location '${source}'. Error: ${detail}`,
    'INVALID_PARAMETER_VALUE',
  );
}

/** Where a new version's files are, and the run it came from when the request did not say. */
export interface ResolvedSource {
  storageLocation: string;
  runId: string | undefined;
}

async function loggedModel(ctx: SqlRegistryContext, modelId: string) {
  return ctx.db
    .selectFrom('logged_models')
    .select(['artifact_location', 'source_run_id'])
    .where('model_id', '=', modelId)
    .executeTakeFirst();
}

async function versionLocation(
  ctx: SqlRegistryContext,
  name: string,
  version: number | undefined,
  alias?: string,
) {
  let number = version;
  if (alias !== undefined) {
    const row = await ctx.db
      .selectFrom('registered_model_aliases')
      .select('version')
      .where('name', '=', name)
      .where('alias', '=', alias)
      .executeTakeFirst();
    number = row?.version;
  }
  if (number === undefined) return undefined;
  const row = await ctx.db
    .selectFrom('model_versions')
    .select('storage_location')
    .where('name', '=', name)
    .where('version', '=', number)
    .where('current_stage', '!=', DELETED_STAGE)
    .executeTakeFirst();
  return row?.storage_location;
}

/**
 * Resolves a version source to its storage location: a logged model's artifact URI for
 * `models:/m-…`, the source version's location for `models:/<name>/<v>` or `@alias` (copies), else the source.
 *
 * @example await resolveSource(ctx, 'models:/churn/3', undefined)
 */
export async function resolveSource(
  ctx: SqlRegistryContext,
  source: string,
  modelId: string | undefined,
): Promise<ResolvedSource> {
  const loggedId = LOGGED_MODEL_SOURCE.exec(source)?.[1] ?? modelId;
  if (loggedId !== undefined) {
    const model = await loggedModel(ctx, loggedId);
    if (model === undefined) {
      throw new MlflowError(`Logged model with ID '${loggedId}' not found.`, 'RESOURCE_DOES_NOT_EXIST');
    }
    const fromModel = LOGGED_MODEL_SOURCE.test(source) ? model.artifact_location : source;
    return { storageLocation: fromModel, runId: model.source_run_id ?? undefined };
  }
  const byVersion = VERSION_SOURCE.exec(source);
  const byAlias = byVersion ? null : ALIAS_SOURCE.exec(source);
  if (byVersion?.[1] !== undefined || byAlias?.[1] !== undefined) {
    const name = byVersion?.[1] ?? byAlias?.[1] ?? '';
    const location = await versionLocation(
      ctx,
      name,
      byVersion ? Number(byVersion[2]) : undefined,
      byAlias?.[2],
    );
    if (location === undefined) throw unresolvable(source, 'the source model version does not exist');
    return { storageLocation: location, runId: undefined };
  }
  if (source.startsWith('models:/')) throw unresolvable(source, 'not a proper models:/ URI');
  return { storageLocation: source, runId: undefined };
}

/**
 * Appends `{"name": N, "version": V}` to the logged model's `mlflow.modelVersions` tag, as MLflow does.
 *
 * @example await recordVersionOnLoggedModel(db, 'm-…', 'churn', 3);
 */
export async function recordVersionOnLoggedModel(
  db: Kysely<RegistryDatabase>,
  modelId: string,
  name: string,
  version: number,
): Promise<void> {
  const current = await db
    .selectFrom('logged_model_tags')
    .select('value')
    .where('model_id', '=', modelId)
    .where('key', '=', MODEL_VERSIONS_TAG)
    .executeTakeFirst();
  let list: unknown[] = [];
  try {
    const parsed = current === undefined ? [] : pythonJsonLoads(current.value);
    if (Array.isArray(parsed)) list = parsed;
  } catch {
    list = [];
  }
  const value = pythonJsonDumps([...list, { name, version }]);
  await db
    .insertInto('logged_model_tags')
    .values({ model_id: modelId, key: MODEL_VERSIONS_TAG, value })
    .onConflict((oc) => oc.columns(['model_id', 'key']).doUpdateSet({ value }))
    .execute();
}

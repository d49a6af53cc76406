import type {
  ModelVersion,
  ModelVersionStage,
  ModelVersionStatus,
  RegisteredModel,
} from '../registry-store.js';
import type { KeyValue } from '../tracking-store.js';
import type {
  ModelVersionsTable,
  RegisteredModelsTable,
  SqlRegistryContext,
} from './sql-registry-database.js';

/** The stage a soft-deleted version keeps internally; never shown. */
export const DELETED_STAGE = 'Deleted_Internal';

const byKey = (a: KeyValue, b: KeyValue) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Tags and aliases to attach while turning version rows into entities. */
export interface VersionExtras {
  tags: boolean;
  aliases: boolean;
}

function versionKey(name: string, version: number): string {
  return `${version}\u0000${name}`;
}

// Tag lookups bind two parameters per version; chunks keep a 200k-row search under every bind limit.
const TAG_LOOKUP_CHUNK = 5000;

async function versionTags(
  ctx: SqlRegistryContext,
  rows: readonly ModelVersionsTable[],
): Promise<Map<string, KeyValue[]>> {
  const tags = new Map<string, KeyValue[]>();
  for (let i = 0; i < rows.length; i += TAG_LOOKUP_CHUNK) {
    const chunk = rows.slice(i, i + TAG_LOOKUP_CHUNK);
    const found = await ctx.db
      .selectFrom('model_version_tags')
      .selectAll()
      .where('name', 'in', [...new Set(chunk.map((r) => r.name))])
      .where('version', 'in', [...new Set(chunk.map((r) => r.version))])
      .execute();
    const wanted = new Set(chunk.map((r) => versionKey(r.name, r.version)));
    for (const t of found) {
      const key = versionKey(t.name, t.version);
      if (!wanted.has(key)) continue;
      const list = tags.get(key) ?? [];
      list.push({ key: t.key, value: t.value });
      tags.set(key, list);
    }
  }
  return tags;
}

async function versionAliases(
  ctx: SqlRegistryContext,
  rows: readonly ModelVersionsTable[],
): Promise<Map<string, string[]>> {
  const aliases = new Map<string, string[]>();
  if (rows.length === 0) return aliases;
  const found = await ctx.db
    .selectFrom('registered_model_aliases')
    .selectAll()
    .where('name', 'in', [...new Set(rows.map((r) => r.name))])
    .orderBy('alias')
    .execute();
  for (const a of found) {
    const key = versionKey(a.name, a.version);
    aliases.set(key, [...(aliases.get(key) ?? []), a.alias]);
  }
  return aliases;
}

function toModelVersion(row: ModelVersionsTable, tags: KeyValue[], aliases: string[]): ModelVersion {
  return {
    name: row.name,
    version: String(row.version),
    creation_timestamp: row.creation_time,
    last_updated_timestamp: row.last_updated_time,
    current_stage: row.current_stage as ModelVersionStage,
    description: row.description ?? '',
    source: row.source,
    ...(row.run_id === null || row.run_id === '' ? {} : { run_id: row.run_id }),
    status: row.status as ModelVersionStatus,
    run_link: row.run_link ?? '',
    tags: [...tags].sort(byKey),
    aliases,
  };
}

/**
 * Turns version rows into entities, loading their tags (and aliases when asked) in two queries.
 *
 * @example const versions = await toModelVersions(ctx, rows, { tags: true, aliases: true });
 */
export async function toModelVersions(
  ctx: SqlRegistryContext,
  rows: readonly ModelVersionsTable[],
  extras: VersionExtras,
): Promise<ModelVersion[]> {
  const [tags, aliases] = await Promise.all([
    extras.tags ? versionTags(ctx, rows) : new Map<string, KeyValue[]>(),
    extras.aliases ? versionAliases(ctx, rows) : new Map<string, string[]>(),
  ]);
  return rows.map((row) => {
    const key = versionKey(row.name, row.version);
    return toModelVersion(row, tags.get(key) ?? [], aliases.get(key) ?? []);
  });
}

/**
 * The highest non-deleted version in each stage, for many models at once (≤ 4 rows per model), with
 * stages in the order MLflow lists them: by the lowest version number found in each stage.
 *
 * @example const rows = await latestVersionRows(ctx, ['churn'], ['Production']);
 */
export async function latestVersionRows(
  ctx: SqlRegistryContext,
  names: readonly string[],
  stages: readonly string[],
): Promise<ModelVersionsTable[]> {
  if (names.length === 0 || stages.length === 0) return [];
  const groups = await ctx.db
    .selectFrom('model_versions')
    .select((eb) => ['name', eb.fn.min('version').as('first'), eb.fn.max('version').as('last')])
    .where('name', 'in', [...names])
    .where('current_stage', 'in', [...stages])
    .groupBy(['name', 'current_stage'])
    .execute();
  if (groups.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('model_versions')
    .selectAll()
    .where('name', 'in', [...names])
    .where('version', 'in', [...new Set(groups.map((g) => Number(g.last)))])
    .execute();
  const found = new Map(rows.map((r) => [versionKey(r.name, r.version), r]));
  return groups
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : Number(a.first) - Number(b.first)))
    .flatMap((g) => found.get(versionKey(g.name, Number(g.last))) ?? []);
}

/**
 * Turns registered-model rows into entities with tags, aliases and latest versions per stage.
 *
 * @example const models = await toRegisteredModels(ctx, rows);
 */
export async function toRegisteredModels(
  ctx: SqlRegistryContext,
  rows: readonly RegisteredModelsTable[],
): Promise<RegisteredModel[]> {
  if (rows.length === 0) return [];
  const names = rows.map((r) => r.name);
  const [tags, aliases, latestRows] = await Promise.all([
    ctx.db.selectFrom('registered_model_tags').selectAll().where('name', 'in', names).execute(),
    ctx.db
      .selectFrom('registered_model_aliases')
      .selectAll()
      .where('name', 'in', names)
      .orderBy('alias')
      .execute(),
    latestVersionRows(ctx, names, ['None', 'Staging', 'Production', 'Archived']),
  ]);
  const latest = await toModelVersions(ctx, latestRows, { tags: true, aliases: false });
  return rows.map((row) => ({
    name: row.name,
    creation_timestamp: row.creation_time,
    last_updated_timestamp: row.last_updated_time,
    ...(row.description === null || row.description === '' ? {} : { description: row.description }),
    latest_versions: latest.filter((v) => v.name === row.name),
    tags: tags
      .filter((t) => t.name === row.name)
      .map((t) => ({ key: t.key, value: t.value }))
      .sort(byKey),
    aliases: aliases
      .filter((a) => a.name === row.name)
      .map((a) => ({ alias: a.alias, version: String(a.version) })),
  }));
}

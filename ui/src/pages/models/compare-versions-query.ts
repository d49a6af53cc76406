import type { Run } from '../../../../src/client/entities.js';
import type { ModelVersion } from '../../../../src/client/registry-client.js';
import { api, errorCode } from '../../api.js';
import { quoteLiteral, versionsOfModelFilter } from './registry-filters.js';
import { getRunIfExists, searchRunsByIds } from '../../run-links.js';
import { MAX_COMPARED_VERSIONS } from './version-selection.js';

// The page's URL is MLflow's: `/compare-model-versions?name="<model>"&runs={"<run id>":"<version>"}`
// (name is a JSON string, runs a JSON object mapping each version's run id to its number).

export interface CompareVersionsRequest {
  readonly name: string;
  /** The versions to compare, lowest number first. */
  readonly versions: readonly string[];
  /** The run ids the link gives for those versions (a version without a run has none). */
  readonly runIds: readonly string[];
  /** How many more versions the link lists than are compared. */
  readonly dropped: number;
}

export type ParsedCompareVersions =
  { ok: true; request: CompareVersionsRequest } | { ok: false; message: string };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const VERSION = /^[1-9][0-9]*$/;
// Run ids are hex (MLflow) or similar; MLflow writes a version without a run as "null" or "".
const RUN_ID = /^[A-Za-z0-9_-]+$/;
const isRunId = (key: string): boolean => RUN_ID.test(key) && key !== 'null' && key !== 'undefined';

/** The model name and version numbers of the link, or what is wrong with it in plain words. */
export function parseCompareVersionsQuery(params: URLSearchParams): ParsedCompareVersions {
  const rawName = params.get('name');
  const name = rawName === null ? undefined : parseJson(rawName);
  if (typeof name !== 'string' || name === '')
    return { ok: false, message: 'The link does not name a model (expected ?name="<model name>").' };
  const rawRuns = params.get('runs');
  const runs = rawRuns === null ? undefined : parseJson(rawRuns);
  if (typeof runs !== 'object' || runs === null || Array.isArray(runs))
    return {
      ok: false,
      message: 'The link has no versions to compare (expected &runs={"<run id>": "<version>", ...}).',
    };
  const listed = Object.entries(runs as Record<string, unknown>).map(
    ([runId, v]) => [runId, typeof v === 'number' ? String(v) : v] as const,
  );
  const valid = listed.filter(
    (e): e is readonly [string, string] => typeof e[1] === 'string' && VERSION.test(e[1]),
  );
  const versions = [...new Set(valid.map(([, v]) => v))];
  if (versions.length === 0)
    return {
      ok: false,
      message:
        listed.length === 0
          ? 'The link lists no versions to compare.'
          : 'The link holds no valid version numbers.',
    };
  versions.sort((a, b) => Number(a) - Number(b));
  const kept = versions.slice(0, MAX_COMPARED_VERSIONS);
  return {
    ok: true,
    request: {
      name,
      versions: kept,
      runIds: valid.filter(([runId, v]) => kept.includes(v) && isRunId(runId)).map(([runId]) => runId),
      dropped: Math.max(0, versions.length - MAX_COMPARED_VERSIONS),
    },
  };
}

/** The versions found, in the request's order, and the numbers that were not. */
export interface ComparedVersions {
  readonly versions: readonly ModelVersion[];
  readonly missing: readonly string[];
}

/** A filter literal for a run id; run ids never hold both quote kinds, but be safe. */
const runLiteral = (runId: string): string => quoteLiteral(runId) ?? `'${runId.replace(/['"]/g, '')}'`;

/**
 * The requested versions: one `model-versions/search` by the link's run ids, and a
 * `model-versions/get` only for a listed version that search did not find (one with no run, or a
 * hand-edited link) — at most {@link MAX_COMPARED_VERSIONS} in all.
 */
export async function fetchComparedVersions(request: CompareVersionsRequest): Promise<ComparedVersions> {
  const { name, runIds } = request;
  const found = new Map<string, ModelVersion>();
  if (runIds.length > 0) {
    const { filter, exact } = versionsOfModelFilter(name);
    const page = await api.registry.searchModelVersions({
      filter: `${filter} AND run_id IN (${runIds.map(runLiteral).join(', ')})`,
      maxResults: 1000,
    });
    for (const v of page.items) if (exact || v.name === name) found.set(v.version, v);
  }
  const rest = request.versions.filter((v) => !found.has(v));
  const fetched = await Promise.all(rest.map((v) => getVersionIfExists(name, v)));
  for (const v of fetched) if (v) found.set(v.version, v);
  return {
    versions: request.versions.flatMap((v) => found.get(v) ?? []),
    missing: request.versions.filter((v) => !found.has(v)),
  };
}

async function getVersionIfExists(name: string, version: string): Promise<ModelVersion | undefined> {
  try {
    return await api.registry.getModelVersion(name, version);
  } catch (error) {
    if (errorCode(error) === 'RESOURCE_DOES_NOT_EXIST') return undefined;
    throw error;
  }
}

/** How many experiments one search may list; past that, runs not found are fetched one by one. */
const EXPERIMENT_PAGE = 1000;

/**
 * The versions' runs with their params and latest metrics. `runs/search` needs experiment ids and
 * a version does not say its run's experiment, so one `experiments/search` lists them first; then
 * one `runs/search` with `attributes.run_id IN (...)` finds every run. Only when there are more
 * experiments than one page holds are the runs still missing fetched one by one (capped).
 */
export async function fetchVersionRuns(runIds: readonly string[]): Promise<Map<string, Run>> {
  const byId = new Map<string, Run>();
  if (runIds.length === 0) return byId;
  const experiments = await api.experiments.searchExperiments({
    viewType: 'ALL',
    maxResults: EXPERIMENT_PAGE,
    orderBy: ['last_update_time DESC'],
  });
  const experimentIds = experiments.items.map((e) => e.experiment_id);
  if (experimentIds.length > 0)
    for (const run of await searchRunsByIds(experimentIds, runIds)) byId.set(run.info.run_id, run);
  if (experiments.nextPageToken) {
    const missing = runIds.filter((id) => !byId.has(id)).slice(0, MAX_COMPARED_VERSIONS);
    for (const run of await Promise.all(missing.map(getRunIfExists))) if (run) byId.set(run.info.run_id, run);
  }
  return byId;
}

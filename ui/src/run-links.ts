import type { Run } from '../../src/client/entities.js';
import { api, errorCode } from './api.js';
import { jsonList } from './json.js';

// MLflow's pages that show several runs (compare runs, the metric page) carry them in the URL as
// JSON lists: `?runs=["id1","id2"]&experiments=["1"]`. Reading that link and fetching its runs is
// shared here.

// Run ids are hex; anything with quotes or spaces could not be a run and would break the filter.
const RUN_ID = /^[A-Za-z0-9_-]+$/;

export type RunList =
  { ok: true; runIds: string[]; experimentIds: string[] } | { ok: false; message: string };

/**
 * The distinct valid run ids of `runs` and the ids of `experiments`, or a friendly message;
 * `emptyMessage` is what to say for a link whose list is empty.
 */
export function readRunList(params: URLSearchParams, emptyMessage: string): RunList {
  const runs = jsonList(params.get('runs'));
  if (!runs)
    return { ok: false, message: 'The link has no list of runs (expected ?runs=["<run id>", ...]).' };
  const runIds = [...new Set(runs.filter((r): r is string => typeof r === 'string' && RUN_ID.test(r)))];
  if (runIds.length === 0)
    return { ok: false, message: runs.length === 0 ? emptyMessage : 'The link holds no valid run ids.' };
  const experimentIds = (jsonList(params.get('experiments')) ?? [])
    .filter((e) => typeof e === 'string' || typeof e === 'number')
    .map(String);
  return { ok: true, runIds, experimentIds };
}

/** One `runs/search` for the given run ids (deleted runs included) in the given experiments. */
export async function searchRunsByIds(
  experimentIds: readonly string[],
  runIds: readonly string[],
): Promise<Run[]> {
  // Run ids hold no quotes (MLflow's are hex); dropping any keeps a stray one from breaking the filter.
  const literals = runIds.map((id) => `'${id.replace(/['"]/g, '')}'`);
  const page = await api.runs.searchRuns({
    experimentIds,
    filter: `attributes.run_id IN (${literals.join(', ')})`,
    maxResults: runIds.length,
    runViewType: 'ALL',
  });
  return page.items;
}

/** `runs/get`, with a run that does not exist as `undefined` rather than an error. */
export async function getRunIfExists(runId: string): Promise<Run | undefined> {
  try {
    return await api.runs.getRun(runId);
  } catch (error) {
    if (errorCode(error) === 'RESOURCE_DOES_NOT_EXIST') return undefined;
    throw error;
  }
}

/** The runs of a link that were found, in the link's order, and the ids that were not. */
export interface LinkedRuns {
  readonly runs: readonly Run[];
  readonly missing: readonly string[];
}

/**
 * One `runs/search` over the link's experiments. MLflow's links always carry them; a hand-made
 * link without them falls back to one `runs/get` per run (callers cap how many).
 */
export async function fetchLinkedRuns(
  runIds: readonly string[],
  experimentIds: readonly string[],
): Promise<LinkedRuns> {
  const found =
    experimentIds.length > 0
      ? await searchRunsByIds(experimentIds, runIds)
      : (await Promise.all(runIds.map(getRunIfExists))).filter((r): r is Run => r !== undefined);
  const byId = new Map(found.map((r) => [r.info.run_id, r]));
  return {
    runs: runIds.flatMap((id) => byId.get(id) ?? []),
    missing: runIds.filter((id) => !byId.has(id)),
  };
}

import type { Run } from '../../../../src/client/entities.js';
import { api, errorCode } from '../../api.js';
import { quoteValue } from './search-strings.js';

// The compare page's URL is MLflow's: `/compare-runs?runs=["id1","id2"]&experiments=["0"]`.

/** At most this many runs are compared: one `runs/search` page, and a table still readable. */
export const MAX_COMPARED = 100;
/** Without `experiments` the runs are fetched one by one, so fewer of them. */
const MAX_FETCHED_ONE_BY_ONE = 20;

export interface CompareRequest {
  readonly runIds: readonly string[];
  readonly experimentIds: readonly string[];
  /** How many requested runs were left out by the cap. */
  readonly dropped: number;
}

export type ParsedCompare = { ok: true; request: CompareRequest } | { ok: false; message: string };

function jsonList(text: string | null): unknown[] | undefined {
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

// Run ids are hex; anything with quotes or spaces could not be a run and would break the filter.
const RUN_ID = /^[A-Za-z0-9_-]+$/;

/** Reads `runs` and `experiments` from the hash query; a friendly message when `runs` is unusable. */
export function parseCompareQuery(params: URLSearchParams): ParsedCompare {
  const runs = jsonList(params.get('runs'));
  if (!runs)
    return { ok: false, message: 'The link has no list of runs (expected ?runs=["<run id>", ...]).' };
  const ids = [...new Set(runs.filter((r): r is string => typeof r === 'string' && RUN_ID.test(r)))];
  if (ids.length === 0)
    return {
      ok: false,
      message: runs.length === 0 ? 'The link lists no runs to compare.' : 'The link holds no valid run ids.',
    };
  const experiments = (jsonList(params.get('experiments')) ?? [])
    .filter((e) => typeof e === 'string' || typeof e === 'number')
    .map(String);
  const cap = experiments.length > 0 ? MAX_COMPARED : MAX_FETCHED_ONE_BY_ONE;
  return {
    ok: true,
    request: {
      runIds: ids.slice(0, cap),
      experimentIds: experiments,
      dropped: Math.max(0, ids.length - cap),
    },
  };
}

/** The runs found, in the link's order, and the ids that were not. */
export interface CompareRuns {
  readonly runs: readonly Run[];
  readonly missing: readonly string[];
}

/**
 * One `runs/search` with `attributes.run_id IN (...)` over the link's experiments. MLflow's links
 * always carry them; a hand-made link without them falls back to one `runs/get` per run (capped).
 */
export async function fetchCompareRuns(request: CompareRequest): Promise<CompareRuns> {
  const found =
    request.experimentIds.length > 0
      ? (
          await api.runs.searchRuns({
            experimentIds: request.experimentIds,
            filter: `attributes.run_id IN (${request.runIds.map(quoteValue).join(', ')})`,
            maxResults: request.runIds.length,
            runViewType: 'ALL',
          })
        ).items
      : (await Promise.all(request.runIds.map(getRunIfExists))).filter((r): r is Run => r !== undefined);
  const byId = new Map(found.map((r) => [r.info.run_id, r]));
  return {
    runs: request.runIds.flatMap((id) => byId.get(id) ?? []),
    missing: request.runIds.filter((id) => !byId.has(id)),
  };
}

async function getRunIfExists(runId: string): Promise<Run | undefined> {
  try {
    return await api.runs.getRun(runId);
  } catch (error) {
    if (errorCode(error) === 'RESOURCE_DOES_NOT_EXIST') return undefined;
    throw error;
  }
}

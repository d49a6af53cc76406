import { fetchLinkedRuns, type LinkedRuns, readRunList } from '../../run-links.js';

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

/** Reads `runs` and `experiments` from the hash query; a friendly message when `runs` is unusable. */
export function parseCompareQuery(params: URLSearchParams): ParsedCompare {
  const list = readRunList(params, 'The link lists no runs to compare.');
  if (!list.ok) return list;
  const cap = list.experimentIds.length > 0 ? MAX_COMPARED : MAX_FETCHED_ONE_BY_ONE;
  return {
    ok: true,
    request: {
      runIds: list.runIds.slice(0, cap),
      experimentIds: list.experimentIds,
      dropped: Math.max(0, list.runIds.length - cap),
    },
  };
}

/** The runs found, in the link's order, and the ids that were not. */
export type CompareRuns = LinkedRuns;

/** The link's runs (see {@link fetchLinkedRuns}). */
export function fetchCompareRuns(request: CompareRequest): Promise<CompareRuns> {
  return fetchLinkedRuns(request.runIds, request.experimentIds);
}

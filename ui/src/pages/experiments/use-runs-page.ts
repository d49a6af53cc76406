import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api.js';
import { type RunsView, orderByClause, runViewType } from './runs-view.js';

/**
 * One page of an experiment's runs: exactly one `runs/search`, sorted and filtered by the server,
 * so the order is right across pages and 10k runs cost no more than 100.
 */
export function useRunsPage(experimentId: string, view: RunsView, pageToken: string | undefined) {
  const orderBy = orderByClause(view);
  const viewType = runViewType(view);
  return useQuery({
    queryKey: [
      'runs',
      experimentId,
      { filter: view.filter, orderBy, pageSize: view.pageSize, viewType, pageToken },
    ],
    queryFn: () =>
      api.runs.searchRuns({
        experimentIds: [experimentId],
        maxResults: view.pageSize,
        orderBy: [orderBy],
        runViewType: viewType,
        ...(view.filter ? { filter: view.filter } : {}),
        ...(pageToken ? { pageToken } : {}),
      }),
    // The current rows stay (marked busy) while the next page or order loads: no flash, no jump.
    placeholderData: keepPreviousData,
  });
}

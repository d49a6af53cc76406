import type { ModelVersion } from '../../../../src/client/registry-client.js';
import { api } from '../../api.js';
import { versionsOfModelFilter } from './registry-filters.js';
import { isActiveStage } from './registry-model.js';
import type { Sort } from './sort-header.js';

/** The version orders the versions table offers (`order_by` keys of `model-versions/search`). */
export type VersionsSortKey = 'version_number' | 'creation_timestamp';
export type VersionsSort = Sort<VersionsSortKey>;
export const NEWEST_FIRST: VersionsSort = { key: 'version_number', descending: true };

export const VERSIONS_PAGE_SIZE = 25;
/**
 * The search has no stage filter, so Active versions are picked out of one page this big. Models
 * with more versions than this are rare; the view says when it did not see them all.
 */
export const ACTIVE_SCAN_LIMIT = 1000;

/** One page of a model's versions in `orderBy` order. */
export async function searchVersions(
  name: string,
  { orderBy, maxResults, pageToken }: { orderBy: string; maxResults: number; pageToken: string | undefined },
) {
  const { filter, exact } = versionsOfModelFilter(name);
  const page = await api.registry.searchModelVersions({
    filter,
    orderBy: [orderBy],
    maxResults,
    ...(pageToken !== undefined ? { pageToken } : {}),
  });
  return exact ? page : { ...page, items: page.items.filter((v) => v.name === name) };
}

/** The Staging and Production versions, and whether every version was looked at. */
export interface ActiveVersions {
  readonly items: readonly ModelVersion[];
  readonly complete: boolean;
}

export const activeOf = (items: readonly ModelVersion[], complete: boolean): ActiveVersions => ({
  items: items.filter((v) => isActiveStage(v.current_stage)),
  complete,
});

/** The model's active versions, from one search of up to {@link ACTIVE_SCAN_LIMIT} versions. */
export async function searchActiveVersions(name: string, orderBy: string): Promise<ActiveVersions> {
  const page = await searchVersions(name, { orderBy, maxResults: ACTIVE_SCAN_LIMIT, pageToken: undefined });
  return activeOf(page.items, !page.nextPageToken);
}

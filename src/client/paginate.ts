import type { Page } from './entities.js';

/**
 * Iterates every item of a paged search, following `next_page_token` until the server stops sending one.
 *
 * @example for await (const run of paginate((token) => client.searchRuns({ experimentIds: ['0'], pageToken: token }))) console.log(run.info.run_id);
 */
export async function* paginate<T>(
  fetchPage: (pageToken: string | undefined) => Promise<Page<T>>,
): AsyncGenerator<T> {
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    yield* page.items;
    token = page.nextPageToken;
  } while (token !== undefined && token !== '');
}

/** Builds a {@link Page} from a search answer's list and `next_page_token`. */
export function toPage<T>(items: readonly T[] | undefined, token: unknown): Page<T> {
  return typeof token === 'string' && token !== ''
    ? { items: [...(items ?? [])], nextPageToken: token }
    : { items: [...(items ?? [])] };
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { RegistrySearchOptions } from '../../../../src/client/registry-client.js';
import { api } from '../../api.js';
import { PageHeader } from '../../components/page-header.js';
import { usePageTitle } from '../../components/page-title.js';
import { Pager, usePageTokens } from '../../components/pager.js';
import { Empty, ErrorState, InlineError, Loading } from '../../components/states.js';
import { CreateModelDialog } from './create-model-dialog.js';
import { ModelsSearch } from './models-search.js';
import { type ModelsSort, type ModelsSortKey, ModelsTable } from './models-table.js';
import { PageSizeSelect, useStoredPageSize } from './page-size.js';
import { modelsSearchFilter } from './registry-filters.js';
import { nextSort, orderByOf } from './sort-header.js';
import './models.css';

function searchOptions(
  filter: string | undefined,
  sort: ModelsSort,
  pageSize: number,
  token: string | undefined,
) {
  const options: { -readonly [K in keyof RegistrySearchOptions]: RegistrySearchOptions[K] } = {
    maxResults: pageSize,
    orderBy: [orderByOf(sort)],
  };
  if (filter !== undefined) options.filter = filter;
  if (token !== undefined) options.pageToken = token;
  return options;
}

/** The Model Registry's models: search, sort, page through, create. */
export function ModelsListPage() {
  usePageTitle('Models');
  const [filter, setFilter] = useState<string | undefined>(undefined);
  const [sort, setSort] = useState<ModelsSort>({ key: 'name', descending: false });
  const [creating, setCreating] = useState(false);
  const [pageSize, setPageSize] = useStoredPageSize();
  const pages = usePageTokens();
  // One search request per view: the rows carry latest versions, aliases and tags themselves.
  const query = useQuery({
    queryKey: ['registered-models', { filter, orderBy: orderByOf(sort), pageSize, token: pages.token }],
    queryFn: () => api.registry.searchRegisteredModels(searchOptions(filter, sort, pageSize, pages.token)),
    placeholderData: keepPreviousData,
  });

  const search = (text: string) => {
    const next = modelsSearchFilter(text);
    if (next === filter) return;
    setFilter(next);
    pages.reset();
  };
  const changeSort = (key: ModelsSortKey) => {
    // Names read A→Z first; the newest change first.
    setSort((s) => nextSort(s, key, (k) => k !== 'name'));
    pages.reset();
  };
  const changePageSize = (size: number) => {
    setPageSize(size);
    pages.reset();
  };

  return (
    <section className="page registry-page">
      <PageHeader
        title="Models"
        actions={
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            Create model
          </button>
        }
      />
      <ModelsSearch onSearch={search} />
      {query.isPending ? (
        <Loading what="models" />
      ) : query.isError ? (
        // A filter the server rejects is the user's typo: say why next to the box, no retry.
        filter !== undefined ? (
          <InlineError error={query.error} />
        ) : (
          <ErrorState error={query.error} what="models" onRetry={() => void query.refetch()} />
        )
      ) : query.data.items.length === 0 ? (
        <NoModels filtered={filter !== undefined} onCreate={() => setCreating(true)} />
      ) : (
        <>
          <ModelsTable models={query.data.items} sort={sort} onSort={changeSort} />
          <div className="row wrap models-list-foot">
            <PageSizeSelect label="Models per page" size={pageSize} onChange={changePageSize} />
            <Pager
              label="Models"
              page={pages.page}
              nextToken={query.data.nextPageToken}
              onNext={pages.next}
              onPrevious={pages.previous}
            />
          </div>
        </>
      )}
      {creating && <CreateModelDialog onClose={() => setCreating(false)} />}
    </section>
  );
}

function NoModels({ filtered, onCreate }: { filtered: boolean; onCreate: () => void }) {
  if (filtered) return <Empty>No models match this search.</Empty>;
  return (
    <Empty>
      <p>
        <strong>No registered models yet.</strong>
      </p>
      <p>
        A model lands here when a run&apos;s model is registered, from the run&apos;s page or in code with{' '}
        <code>mlflow.register_model(&quot;runs:/&lt;run_id&gt;/model&quot;, &quot;name&quot;)</code>, or when
        you create an empty one to register versions into.
      </p>
      <button type="button" className="primary" onClick={onCreate}>
        Create a model
      </button>
    </Empty>
  );
}

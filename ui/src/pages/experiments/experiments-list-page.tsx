import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.js';
import { PageHeader } from '../../components/page-header.js';
import { usePageTitle } from '../../components/page-title.js';
import { Pager } from '../../components/pager.js';
import { Empty, ErrorState, InlineError, Loading } from '../../components/states.js';
import { CreateExperimentDialog } from './create-experiment-dialog.js';
import { useRestoreExperiment } from './experiment-actions.js';
import { type ExperimentSort, type ExperimentSortKey, ExperimentsTable } from './experiments-table.js';
import { experimentNameFilter } from './search-strings.js';
import { usePagingFor } from './use-paging-for.js';
import { useDebounced } from './use-debounced.js';
import { useDialogState } from './use-dialog-state.js';
import './experiments.css';

const PAGE_SIZE = 50;
const DEFAULT_SORT: ExperimentSort = { key: 'creation_time', ascending: false };

/**
 * `/experiments`: every active experiment (deleted ones too, with Restore, when asked), searchable
 * by name, sortable, paged by the server.
 */
export function ExperimentsListPage() {
  usePageTitle('Experiments');
  const dialog = useDialogState<'create'>();
  const [text, setText] = useState('');
  const [sort, setSort] = useState(DEFAULT_SORT);
  const [showDeleted, setShowDeleted] = useState(false);
  const viewType = showDeleted ? 'ALL' : 'ACTIVE_ONLY';
  const restore = useRestoreExperiment();
  const filter = experimentNameFilter(useDebounced(text, 250));
  const orderBy = `${sort.key} ${sort.ascending ? 'ASC' : 'DESC'}`;
  const paging = usePagingFor(`${filter ?? ''}\n${orderBy}\n${viewType}`);
  const query = useQuery({
    queryKey: ['experiments', { filter, orderBy, viewType, token: paging.token }],
    queryFn: () =>
      api.experiments.searchExperiments({
        maxResults: PAGE_SIZE,
        orderBy: [orderBy],
        viewType,
        ...(filter ? { filter } : {}),
        ...(paging.token ? { pageToken: paging.token } : {}),
      }),
    // The old page stays on screen while the next one loads, instead of flashing a spinner.
    placeholderData: keepPreviousData,
  });
  const onSort = (key: ExperimentSortKey) =>
    // A new column starts A→Z for names and newest-first for times; the same column flips.
    setSort((s) => (s.key === key ? { key, ascending: !s.ascending } : { key, ascending: key === 'name' }));

  return (
    <div className="page">
      <PageHeader
        title="Experiments"
        actions={
          <button type="button" className="primary" onClick={() => dialog.show('create')}>
            Create experiment
          </button>
        }
      />
      <div className="row wrap">
        <input
          type="search"
          className="search"
          aria-label="Search experiments by name"
          placeholder="Search experiments by name"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <label className="row">
          <input type="checkbox" checked={showDeleted} onChange={(e) => setShowDeleted(e.target.checked)} />
          Show deleted
        </label>
      </div>
      <InlineError error={restore.error} />
      {query.isPending ? (
        <Loading what="experiments" />
      ) : query.isError ? (
        <ErrorState error={query.error} what="experiments" onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Empty>{filter ? `No experiments match “${text.trim()}”.` : 'No experiments yet.'}</Empty>
      ) : (
        <>
          <ExperimentsTable
            experiments={query.data.items}
            sort={sort}
            onSort={onSort}
            busy={query.isPlaceholderData}
            restoring={restore.isPending ? restore.variables : undefined}
            onRestore={(id) => restore.mutate(id)}
          />
          <Pager
            label="Experiments"
            page={paging.page}
            nextToken={query.data.nextPageToken}
            onNext={paging.next}
            onPrevious={paging.previous}
          />
        </>
      )}
      {dialog.open === 'create' && <CreateExperimentDialog onClose={dialog.close} />}
    </div>
  );
}

import { useId, useState } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { errorCode } from '../../api.js';
import { Pager } from '../../components/pager.js';
import { Empty, ErrorState, InlineError, Loading } from '../../components/states.js';
import { links } from '../../links.js';
import { ColumnChooser } from './column-chooser.js';
import { FilterBox } from './filter-box.js';
import { useRunLifecycle } from './run-lifecycle.js';
import { DeleteRunsDialog, StateToggle } from './run-state-controls.js';
import { type ColumnChoices, collectColumnKeys, visibleColumns } from './run-columns.js';
import { RunsTable } from './runs-table.js';
import {
  PAGE_SIZES,
  type PageSize,
  type RunsView,
  normalizeOrderKey,
  orderByClause,
  readRunsView,
  writeRunsView,
} from './runs-view.js';
import { useLastDefined } from './use-last-defined.js';
import { usePagingFor } from './use-paging-for.js';
import { useRunsPage } from './use-runs-page.js';
import { useDialogState } from './use-dialog-state.js';
import { useSelection } from './use-selection.js';

/**
 * The experiment's runs: filter box, Active/Deleted state, column chooser, page size, the table of
 * one page, the pager, and the Compare / Delete / Restore actions on the selection. Filter, order,
 * page size and state live in the hash query (see runs-view.ts); column choices and the selection
 * are kept while paging (the selection starts over when the state flips).
 */
export function RunsSection({ experimentId }: { experimentId: string }) {
  const [params, setParams] = useSearchParams();
  const view = readRunsView(params);
  const setView = (patch: Partial<RunsView>) =>
    setParams(writeRunsView(params, { ...view, ...patch }), { replace: true });
  const paging = usePagingFor(`${view.filter}\n${orderByClause(view)}\n${view.pageSize}\n${view.lifecycle}`);
  const query = useRunsPage(experimentId, view, paging.token);
  // A rejected filter or order must not blank the table: the last good page stays, marked stale.
  const shown = useLastDefined(query.data);
  const rejected = query.isError && errorCode(query.error) === 'INVALID_PARAMETER_VALUE';
  const [choices, setChoices] = useState<ColumnChoices>({});
  const { selected, select: onSelect, clear: clearSelection } = useSelection(view.lifecycle);
  const lifecycle = useRunLifecycle(experimentId, (done) => onSelect(done, false));
  const dialog = useDialogState<'delete'>();
  const confirmingDelete = dialog.open === 'delete';
  const [restored, setRestored] = useState<number | undefined>(undefined);
  const [, navigate] = useLocation();
  const pageSizeId = useId();

  const sortKey = normalizeOrderKey(view.orderByKey);
  const keys = collectColumnKeys(shown?.items ?? []);
  const columns = visibleColumns(keys, choices, sortKey);
  const deleting = view.lifecycle === 'Active';
  const onRestore = () => {
    setRestored(undefined);
    lifecycle.mutate({ action: 'restore', runIds: [...selected] }, { onSuccess: (n) => setRestored(n) });
  };
  const onConfirmDelete = () =>
    lifecycle.mutate({ action: 'delete', runIds: [...selected] }, { onSuccess: dialog.close });
  const onSort = (orderByKey: string, firstAscending: boolean) =>
    setView({
      orderByKey,
      orderByAsc: normalizeOrderKey(orderByKey) === sortKey ? !view.orderByAsc : firstAscending,
    });

  let body;
  if (query.isError && !rejected) {
    body = <ErrorState error={query.error} what="runs" onRetry={() => void query.refetch()} />;
  } else if (!shown) {
    body = rejected ? <Empty>Fix the filter above to see runs.</Empty> : <Loading what="runs" />;
  } else if (shown.items.length === 0) {
    body = view.filter ? (
      <Empty>
        No runs match this filter.{' '}
        <button type="button" className="link-button" onClick={() => setView({ filter: '' })}>
          Clear filter
        </button>
      </Empty>
    ) : deleting ? (
      <Empty>This experiment has no runs yet. Runs logged with an MLflow client appear here.</Empty>
    ) : (
      <Empty>No deleted runs in this experiment.</Empty>
    );
  } else {
    const first = (paging.page - 1) * view.pageSize + 1;
    body = (
      <>
        {rejected && <p className="muted stale-note">Showing the last results until the filter is fixed.</p>}
        <RunsTable
          experimentId={experimentId}
          runs={shown.items}
          columns={columns}
          sort={{ key: sortKey, ascending: view.orderByAsc }}
          onSort={onSort}
          selected={selected}
          onSelect={onSelect}
          busy={query.isFetching}
        />
        <div className="runs-footer row wrap">
          <span className="muted" aria-live="polite">
            Runs {first}–{first + shown.items.length - 1}
          </span>
          <span className="spacer" />
          <Pager
            label="Runs"
            page={paging.page}
            nextToken={rejected ? undefined : shown.nextPageToken}
            onNext={paging.next}
            onPrevious={paging.previous}
          />
        </div>
      </>
    );
  }

  return (
    <section className="section runs-section" aria-labelledby="runs-heading">
      <div className="section-head">
        <h2 id="runs-heading">Runs</h2>
        <div className="row wrap">
          {selected.size > 0 && (
            <button type="button" className="link-button" onClick={clearSelection}>
              Clear selection
            </button>
          )}
          {deleting ? (
            <button
              type="button"
              className="danger"
              disabled={selected.size === 0}
              onClick={() => {
                lifecycle.reset();
                dialog.show('delete');
              }}
            >
              Delete ({selected.size})
            </button>
          ) : (
            <button type="button" disabled={selected.size === 0 || lifecycle.isPending} onClick={onRestore}>
              {lifecycle.isPending ? 'Restoring…' : `Restore (${selected.size})`}
            </button>
          )}
          <button
            type="button"
            className="primary"
            disabled={selected.size < 2}
            title={selected.size < 2 ? 'Select two or more runs to compare them' : undefined}
            onClick={() => navigate(links.compareRuns(experimentId, [...selected]))}
          >
            Compare ({selected.size})
          </button>
        </div>
      </div>
      <div className="stack">
        <FilterBox
          applied={view.filter}
          error={rejected ? query.error : undefined}
          onApply={(filter) => setView({ filter })}
        />
        <div className="row wrap runs-toolbar">
          <ColumnChooser
            keys={keys}
            choices={choices}
            sortedKey={sortKey}
            onChange={(changes) => setChoices((c) => ({ ...c, ...changes }))}
          />
          {/* After the chooser: its panel hangs from the toolbar's left edge, which keeps it on a phone screen. */}
          <StateToggle
            value={view.lifecycle}
            onChange={(state) => {
              lifecycle.reset();
              setRestored(undefined);
              setView({ lifecycle: state });
            }}
          />
          <div className="row">
            <label htmlFor={pageSizeId}>Rows per page</label>
            <select
              id={pageSizeId}
              value={view.pageSize}
              onChange={(e) => setView({ pageSize: Number(e.target.value) as PageSize })}
            >
              {PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </div>
        </div>
        {!confirmingDelete && <InlineError error={lifecycle.error} />}
        <p className="action-note" role="status">
          {restored !== undefined && `Restored ${restored === 1 ? '1 run' : `${restored} runs`}.`}
        </p>
        {body}
      </div>
      {confirmingDelete && (
        <DeleteRunsDialog
          runIds={[...selected]}
          pageRuns={shown?.items ?? []}
          busy={lifecycle.isPending}
          error={lifecycle.error}
          onConfirm={onConfirmDelete}
          onClose={dialog.close}
        />
      )}
    </section>
  );
}

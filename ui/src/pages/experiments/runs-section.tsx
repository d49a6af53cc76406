import { useId, useState } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { errorCode } from '../../api.js';
import { Pager } from '../../components/pager.js';
import { Empty, ErrorState, Loading } from '../../components/states.js';
import { links } from '../../links.js';
import { ColumnChooser } from './column-chooser.js';
import { FilterBox } from './filter-box.js';
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

/**
 * The experiment's runs: filter box, column chooser, page size, the table of one page, the pager
 * and the Compare action. Filter, order and page size live in the hash query (see runs-view.ts);
 * column choices and the selection are kept while paging.
 */
export function RunsSection({ experimentId }: { experimentId: string }) {
  const [params, setParams] = useSearchParams();
  const view = readRunsView(params);
  const setView = (patch: Partial<RunsView>) =>
    setParams(writeRunsView(params, { ...view, ...patch }), { replace: true });
  const paging = usePagingFor(`${view.filter}\n${orderByClause(view)}\n${view.pageSize}`);
  const query = useRunsPage(experimentId, view, paging.token);
  // A rejected filter or order must not blank the table: the last good page stays, marked stale.
  const shown = useLastDefined(query.data);
  const rejected = query.isError && errorCode(query.error) === 'INVALID_PARAMETER_VALUE';
  const [choices, setChoices] = useState<ColumnChoices>({});
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [, navigate] = useLocation();
  const pageSizeId = useId();

  const sortKey = normalizeOrderKey(view.orderByKey);
  const keys = collectColumnKeys(shown?.items ?? []);
  const columns = visibleColumns(keys, choices, sortKey);
  const onSelect = (runIds: readonly string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of runIds) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
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
    ) : (
      <Empty>This experiment has no runs yet. Runs logged with an MLflow client appear here.</Empty>
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
            <button type="button" className="link-button" onClick={() => setSelected(new Set())}>
              Clear selection
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
        {body}
      </div>
    </section>
  );
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useId, useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { ModelVersion, RegisteredModel } from '../../../../src/client/registry-client.js';
import { formatTime } from '../../components/format.js';
import { Pager, usePageTokens } from '../../components/pager.js';
import { Empty, ErrorState, Loading } from '../../components/states.js';
import { links } from '../../links.js';
import { shortRunId } from './model-route.js';
import { activeVersionsKey, versionsKey } from './query-keys.js';
import { AliasChips, StageChip } from './registry-chips.js';
import { aliasesByVersion, stageOf } from './registry-model.js';
import { nextSort, orderByOf, SortHeader } from './sort-header.js';
import { useLastDefined } from './use-last-defined.js';
import { compareTarget, type Selection, useVersionSelection } from './version-selection.js';
import {
  ACTIVE_SCAN_LIMIT,
  type ActiveVersions,
  activeOf,
  NEWEST_FIRST,
  searchActiveVersions,
  searchVersions,
  VERSIONS_PAGE_SIZE,
  type VersionsSort,
  type VersionsSortKey,
} from './versions-query.js';

type Filter = 'all' | 'active';

/** The first line of a description, as plain text for a table cell (the page renders it fully). */
const firstLine = (text: string | undefined): string => (text ?? '').trim().split('\n')[0] ?? '';

function SourceRun({ runId }: { runId: string | undefined }) {
  if (!runId) return <span className="muted">—</span>;
  return (
    <Link href={links.runById(runId)} className="mono" title={runId} aria-label={`Run ${runId}`}>
      {shortRunId(runId)}
    </Link>
  );
}

function VersionRow({
  version,
  aliases,
  checked,
  onCheck,
}: {
  version: ModelVersion;
  aliases: readonly string[];
  checked: boolean;
  onCheck: (on: boolean) => void;
}) {
  return (
    <tr className={checked ? 'version-selected' : undefined}>
      <td className="check-cell">
        <input
          type="checkbox"
          aria-label={`Select version ${version.version}`}
          checked={checked}
          onChange={(event) => onCheck(event.target.checked)}
        />
      </td>
      <td className="nowrap">
        <Link href={links.modelVersion(version.name, version.version)}>Version {version.version}</Link>
      </td>
      <td className="nowrap">{formatTime(version.creation_timestamp)}</td>
      <td>
        <StageChip stage={stageOf(version)} />
      </td>
      <td className="chips-cell">
        <AliasChips aliases={aliases} />
      </td>
      <td>
        <SourceRun runId={version.run_id} />
      </td>
      <td className="description-cell" title={version.description}>
        {firstLine(version.description) || <span className="muted">—</span>}
      </td>
    </tr>
  );
}

/** The header checkbox: checks or clears every row shown; mixed while only some are checked. */
function CheckAll({
  versions,
  selected,
  onCheck,
}: {
  versions: readonly ModelVersion[];
  selected: Selection;
  onCheck: (on: boolean) => void;
}) {
  const count = versions.filter((v) => selected.has(v.version)).length;
  return (
    <th scope="col" className="check-cell">
      <input
        type="checkbox"
        aria-label="Select all versions shown"
        checked={count > 0 && count === versions.length}
        ref={(el) => {
          if (el) el.indeterminate = count > 0 && count < versions.length;
        }}
        onChange={(event) => onCheck(event.target.checked)}
      />
    </th>
  );
}

function VersionsTable({
  versions,
  model,
  sort,
  onSort,
  selected,
  onCheck,
}: {
  versions: readonly ModelVersion[];
  model: RegisteredModel;
  sort: VersionsSort;
  onSort: (key: VersionsSortKey) => void;
  selected: Selection;
  onCheck: (versions: readonly ModelVersion[], on: boolean) => void;
}) {
  const aliases = aliasesByVersion(model);
  return (
    <div className="table-wrap">
      <table className="table versions-table" aria-label="Versions">
        <thead>
          <tr>
            <CheckAll versions={versions} selected={selected} onCheck={(on) => onCheck(versions, on)} />
            <SortHeader label="Version" sortKey="version_number" sort={sort} onSort={onSort} />
            <SortHeader label="Registered at" sortKey="creation_timestamp" sort={sort} onSort={onSort} />
            <th scope="col">Stage</th>
            <th scope="col">Aliases</th>
            <th scope="col">Source run</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <VersionRow
              key={v.version}
              version={v}
              aliases={aliases.get(v.version) ?? []}
              checked={selected.has(v.version)}
              onCheck={(on) => onCheck([v], on)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Show: All / Active (n)" as a radio pair; n is unknown (left out) until it has been counted. */
function FilterChoice({
  filter,
  onChange,
  activeCount,
}: {
  filter: Filter;
  onChange: (f: Filter) => void;
  activeCount: number | undefined;
}) {
  const name = useId();
  const option = (value: Filter, label: string) => (
    <label className="segment">
      <input
        type="radio"
        name={name}
        value={value}
        checked={filter === value}
        onChange={() => onChange(value)}
      />
      {label}
    </label>
  );
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">Show versions</legend>
      {option('all', 'All')}
      {option('active', activeCount === undefined ? 'Active' : `Active (${activeCount})`)}
    </fieldset>
  );
}

function CompareButton({ name, selected }: { name: string; selected: Selection }) {
  const [, navigate] = useLocation();
  const hintId = useId();
  const target = compareTarget(name, selected);
  return (
    <div className="row wrap compare-action">
      <button
        type="button"
        className="primary"
        disabled={target.href === undefined}
        aria-describedby={target.blocked !== undefined ? hintId : undefined}
        onClick={() => target.href !== undefined && navigate(target.href)}
      >
        Compare ({selected.size})
      </button>
      {target.blocked !== undefined && (
        <span id={hintId} className="muted action-note">
          {target.blocked}
        </span>
      )}
    </div>
  );
}

/**
 * The model's versions: a page of 25 per request in the chosen order, or only those in Staging or
 * Production. Rows can be checked to compare them.
 */
export function VersionsSection({ model }: { model: RegisteredModel }) {
  const { name } = model;
  const [sort, setSort] = useState<VersionsSort>(NEWEST_FIRST);
  const [filter, setFilter] = useState<Filter>('all');
  const { selected, toggle } = useVersionSelection();
  const pages = usePageTokens();
  const orderBy = orderByOf(sort);
  const all = useQuery({
    queryKey: versionsKey(name, orderBy, pages.token),
    queryFn: () => searchVersions(name, { orderBy, maxResults: VERSIONS_PAGE_SIZE, pageToken: pages.token }),
    placeholderData: keepPreviousData,
  });
  // When every version fits on page 1, Active is a filter of it; otherwise one bigger search
  // counts and lists them (the search has no stage filter).
  const settled = all.data !== undefined && !all.isPlaceholderData;
  const whole = settled && pages.page === 1 && !all.data.nextPageToken ? all.data.items : undefined;
  const scan = useQuery({
    queryKey: activeVersionsKey(name, orderBy),
    queryFn: () => searchActiveVersions(name, orderBy),
    enabled: settled && whole === undefined,
  });
  const derived = useMemo(() => (whole ? activeOf(whole, true) : undefined), [whole]);
  const active = useLastDefined<ActiveVersions>(derived ?? scan.data);

  const changeSort = (key: VersionsSortKey) => {
    // Newest first is what people look for on a first click, for both columns.
    setSort((s) => nextSort(s, key, () => true));
    pages.reset();
  };
  const changeFilter = (next: Filter) => {
    setFilter(next);
    pages.reset();
  };
  return (
    <section className="section" aria-labelledby="versions-heading">
      <div className="section-head wrap versions-head">
        <h2 id="versions-heading">Versions</h2>
        <FilterChoice filter={filter} onChange={changeFilter} activeCount={active?.items.length} />
        <span className="spacer" />
        <CompareButton name={name} selected={selected} />
      </div>
      {all.isPending ? (
        <Loading what="versions" />
      ) : all.isError ? (
        <ErrorState error={all.error} what="versions" onRetry={() => void all.refetch()} />
      ) : all.data.items.length === 0 && pages.page === 1 ? (
        <Empty>
          No versions yet. Register a run&apos;s model into <strong>{name}</strong> to create version 1.
        </Empty>
      ) : filter === 'active' ? (
        <ActiveView
          active={active}
          scanError={scan.error}
          onRetry={() => void scan.refetch()}
          table={(versions) => (
            <VersionsTable
              versions={versions}
              model={model}
              sort={sort}
              onSort={changeSort}
              selected={selected}
              onCheck={toggle}
            />
          )}
        />
      ) : (
        <>
          <VersionsTable
            versions={all.data.items}
            model={model}
            sort={sort}
            onSort={changeSort}
            selected={selected}
            onCheck={toggle}
          />
          <Pager
            label="Versions"
            page={pages.page}
            nextToken={all.data.nextPageToken}
            onNext={pages.next}
            onPrevious={pages.previous}
          />
        </>
      )}
    </section>
  );
}

function ActiveView({
  active,
  scanError,
  onRetry,
  table,
}: {
  active: ActiveVersions | undefined;
  scanError: unknown;
  onRetry: () => void;
  table: (versions: readonly ModelVersion[]) => ReactNode;
}) {
  if (active === undefined)
    return scanError ? (
      <ErrorState error={scanError} what="active versions" onRetry={onRetry} />
    ) : (
      <Loading what="active versions" />
    );
  return (
    <>
      {active.items.length === 0 ? (
        <Empty>No version is in Staging or Production.</Empty>
      ) : (
        table(active.items)
      )}
      {!active.complete && (
        <p className="muted" role="note">
          Active versions among the first {ACTIVE_SCAN_LIMIT} versions in this order.
        </p>
      )}
    </>
  );
}

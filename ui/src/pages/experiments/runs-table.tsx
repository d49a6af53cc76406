import { useState } from 'react';
import type { Run } from '../../../../src/client/entities.js';
import { Link } from 'wouter';
import { formatDuration, formatMetric, formatTime } from '../../components/format.js';
import { links } from '../../links.js';
import { ModelLinksCell } from './model-links-cell.js';
import { type DataColumn, columnId, columnOrderKey } from './run-columns.js';
import { metricMap, paramMap, runName, runUser, statusLabel, tagMap } from './run-fields.js';
import { type RunTreeRow, runTreeRows } from './run-tree.js';
import { normalizeOrderKey } from './runs-view.js';
import { SortableHeader, type SortDirection } from './sortable-header.js';

/** The table's current order, with the key normalized (see normalizeOrderKey). */
export interface RunsSort {
  readonly key: string;
  readonly ascending: boolean;
}

/** Asks to sort by an `order_by` key (quoted, ready to send); `firstAscending` is where a fresh column starts. */
export type OnSort = (orderKey: string, firstAscending: boolean) => void;

const GROUP_LABEL: Record<DataColumn['kind'], string> = { metric: 'Metrics', param: 'Params', tag: 'Tags' };
/** Selection, Run name, Created, Duration, Status, User, Models. */
const FIXED_COLUMNS = 7;

/**
 * One page of runs. Every cell comes from the page's single `runs/search` answer (each run carries
 * its latest metrics, params, tags and outputs), so rendering never asks the server for more.
 * Child runs whose parent is on the page sit under it, collapsed until the parent is expanded.
 */
export function RunsTable({
  experimentId,
  runs,
  columns,
  sort,
  onSort,
  selected,
  onSelect,
  busy,
}: {
  experimentId: string;
  runs: readonly Run[];
  columns: readonly DataColumn[];
  sort: RunsSort;
  onSort: OnSort;
  selected: ReadonlySet<string>;
  onSelect: (runIds: readonly string[], selected: boolean) => void;
  busy: boolean;
}) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const rows = runTreeRows(runs, expanded);
  const toggle = (runId: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(runId)) next.add(runId);
      return next;
    });
  const direction = (orderKey: string): SortDirection | undefined =>
    sort.key === normalizeOrderKey(orderKey) ? (sort.ascending ? 'ascending' : 'descending') : undefined;
  const header = (label: string, orderKey: string, firstAscending: boolean, className?: string) => (
    <SortableHeader
      key={orderKey}
      label={label}
      className={className}
      direction={direction(orderKey)}
      onSort={() => onSort(orderKey, firstAscending)}
    />
  );
  return (
    <div className="table-wrap">
      <table className="table compact runs-table" aria-label="Runs" aria-busy={busy}>
        <thead>
          <GroupRow columns={columns} />
          <tr>
            <th scope="col" className="select-cell">
              <SelectPage runs={rows.map((r) => r.run)} selected={selected} onSelect={onSelect} />
            </th>
            {header('Run name', 'attributes.run_name', true)}
            {header('Created', 'attributes.start_time', false)}
            <th scope="col">Duration</th>
            <th scope="col">Status</th>
            <th scope="col">User</th>
            <th scope="col">Models</th>
            {columns.map((c) =>
              // Metrics start high-to-low, so the first click puts the best f1 on top; params and
              // tags start A→Z.
              c.kind === 'metric'
                ? header(c.key, columnOrderKey(c, true), false, 'num')
                : header(c.key, columnOrderKey(c, true), true),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <RunRow
              key={row.run.info.run_id}
              experimentId={experimentId}
              row={row}
              columns={columns}
              selected={selected.has(row.run.info.run_id)}
              onSelect={onSelect}
              onToggle={toggle}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A header row naming the Metrics / Params / Tags groups above their columns. */
function GroupRow({ columns }: { columns: readonly DataColumn[] }) {
  if (columns.length === 0) return null;
  const groups: { kind: DataColumn['kind']; span: number }[] = [];
  for (const c of columns) {
    const last = groups[groups.length - 1];
    if (last?.kind === c.kind) last.span += 1;
    else groups.push({ kind: c.kind, span: 1 });
  }
  return (
    <tr className="group-row">
      <td colSpan={FIXED_COLUMNS} />
      {groups.map((g) => (
        <th key={g.kind} scope="colgroup" colSpan={g.span} className={`group-${g.kind}`}>
          {GROUP_LABEL[g.kind]}
        </th>
      ))}
    </tr>
  );
}

function SelectPage({
  runs,
  selected,
  onSelect,
}: {
  runs: readonly Run[];
  selected: ReadonlySet<string>;
  onSelect: (runIds: readonly string[], selected: boolean) => void;
}) {
  const ids = runs.map((r) => r.info.run_id);
  const count = ids.filter((id) => selected.has(id)).length;
  const all = count > 0 && count === ids.length;
  return (
    <input
      type="checkbox"
      aria-label="Select all runs on this page"
      checked={all}
      ref={(el) => {
        if (el) el.indeterminate = count > 0 && !all;
      }}
      onChange={() => onSelect(ids, !all)}
    />
  );
}

/** The run name cell: indented by depth, with the expand/collapse toggle on a parent. */
function RunNameCell({
  experimentId,
  row,
  name,
  onToggle,
}: {
  experimentId: string;
  row: RunTreeRow;
  name: string;
  onToggle: (runId: string) => void;
}) {
  const id = row.run.info.run_id;
  return (
    <td className={row.depth > 0 ? 'run-name child-run' : 'run-name'}>
      <span className="run-name-inner" style={{ paddingLeft: `${row.depth * 1.25}rem` }}>
        {row.childCount > 0 && (
          // The arrow is drawn by CSS, so the cell's text stays the run's name.
          <button
            type="button"
            className="tree-toggle"
            aria-expanded={row.expanded}
            aria-label={`Child runs of ${name} (${row.childCount})`}
            title={`${row.expanded ? 'Hide' : 'Show'} ${row.childCount} child runs`}
            onClick={() => onToggle(id)}
          />
        )}
        <Link href={links.run(experimentId, id)}>{name}</Link>
        {row.childCount > 0 && !row.expanded && (
          <span className="child-count" aria-hidden="true" data-count={row.childCount} />
        )}
      </span>
    </td>
  );
}

function RunRow({
  experimentId,
  row,
  columns,
  selected,
  onSelect,
  onToggle,
}: {
  experimentId: string;
  row: RunTreeRow;
  columns: readonly DataColumn[];
  selected: boolean;
  onSelect: (runIds: readonly string[], selected: boolean) => void;
  onToggle: (runId: string) => void;
}) {
  const { run } = row;
  const { info } = run;
  const name = runName(run);
  const metrics = metricMap(run);
  const params = paramMap(run);
  const tags = tagMap(run);
  return (
    <tr aria-selected={selected}>
      <td className="select-cell">
        <input
          type="checkbox"
          aria-label={`Select ${name}`}
          checked={selected}
          onChange={(e) => onSelect([info.run_id], e.target.checked)}
        />
      </td>
      <RunNameCell experimentId={experimentId} row={row} name={name} onToggle={onToggle} />
      <td className="nowrap">{formatTime(info.start_time)}</td>
      <td className="nowrap">
        {info.status === 'RUNNING' ? '…' : formatDuration(info.start_time, info.end_time)}
      </td>
      <td>
        <span className={`run-status status-${info.status}`}>{statusLabel(info.status)}</span>
      </td>
      <td className="truncate">{runUser(run) ?? <span className="muted">—</span>}</td>
      <td className="models-cell">
        <ModelLinksCell experimentId={experimentId} run={run} />
      </td>
      {columns.map((c) => {
        if (c.kind === 'metric')
          return (
            <td key={columnId(c)} className="num">
              {formatMetric(metrics.get(c.key))}
            </td>
          );
        const value = (c.kind === 'param' ? params : tags).get(c.key);
        return (
          <td key={columnId(c)} className="truncate mono" title={value}>
            {value ?? <span className="muted">—</span>}
          </td>
        );
      })}
    </tr>
  );
}

import type { Run } from '../../../../src/client/entities.js';
import { Link } from 'wouter';
import { formatDuration, formatMetric, formatTime } from '../../components/format.js';
import { links } from '../../links.js';
import { type DataColumn, columnId, columnOrderKey } from './run-columns.js';
import { metricMap, paramMap, runName, runUser, statusLabel, tagMap } from './run-fields.js';
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
/** Selection, Run name, Created, Duration, Status, User. */
const FIXED_COLUMNS = 6;

/**
 * One page of runs. Every cell comes from the page's single `runs/search` answer (each run carries
 * its latest metrics, params and tags), so rendering never asks the server for more.
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
              <SelectPage runs={runs} selected={selected} onSelect={onSelect} />
            </th>
            {header('Run name', 'attributes.run_name', true)}
            {header('Created', 'attributes.start_time', false)}
            <th scope="col">Duration</th>
            <th scope="col">Status</th>
            <th scope="col">User</th>
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
          {runs.map((run) => (
            <RunRow
              key={run.info.run_id}
              experimentId={experimentId}
              run={run}
              columns={columns}
              selected={selected.has(run.info.run_id)}
              onSelect={onSelect}
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

function RunRow({
  experimentId,
  run,
  columns,
  selected,
  onSelect,
}: {
  experimentId: string;
  run: Run;
  columns: readonly DataColumn[];
  selected: boolean;
  onSelect: (runIds: readonly string[], selected: boolean) => void;
}) {
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
      <td className="run-name">
        <Link href={links.run(experimentId, info.run_id)}>{name}</Link>
      </td>
      <td className="nowrap">{formatTime(info.start_time)}</td>
      <td className="nowrap">
        {info.status === 'RUNNING' ? '…' : formatDuration(info.start_time, info.end_time)}
      </td>
      <td>
        <span className={`run-status status-${info.status}`}>{statusLabel(info.status)}</span>
      </td>
      <td className="truncate">{runUser(run) ?? <span className="muted">—</span>}</td>
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

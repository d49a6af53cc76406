import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { ModelVersion } from '../../../../src/client/registry-client.js';
import { links } from '../../links.js';
import type { DiffRow } from './compare-versions-model.js';

/** A table with one column per version; its rows come as children (tbody groups). */
export function CompareGrid({
  label,
  versions,
  children,
}: {
  label: string;
  versions: readonly ModelVersion[];
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className="table compact mv-compare-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Field</span>
            </th>
            {versions.map((v) => (
              <th scope="col" key={v.version}>
                <Link href={links.modelVersion(v.name, v.version)}>Version {v.version}</Link>
              </th>
            ))}
          </tr>
        </thead>
        {children}
      </table>
    </div>
  );
}

/** A row of facts, one cell per version. */
export function FactRow<T>({
  label,
  items,
  cell,
}: {
  label: string;
  items: readonly T[];
  cell: (item: T, index: number) => ReactNode;
}) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {items.map((item, i) => (
        <td key={i}>{cell(item, i)}</td>
      ))}
    </tr>
  );
}

/** A group heading across the table, e.g. "Parameters (3)". */
export function GroupRow({ label, span }: { label: string; span: number }) {
  return (
    <tr className="mv-group-row">
      <th scope="colgroup" colSpan={span}>
        {label}
      </th>
    </tr>
  );
}

/** A full-width note row inside a group (nothing to show, loading, an error). */
export function NoteRow({ span, children }: { span: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={span} className="muted">
        {children}
      </td>
    </tr>
  );
}

/** A row whose values may differ; a differing row is tinted and says so to screen readers. */
export function DiffRowView<T>({
  row,
  format,
  mono = true,
}: {
  row: DiffRow<T>;
  format: (value: T) => string;
  mono?: boolean;
}) {
  return (
    <tr className={row.differs ? 'mv-differs' : undefined}>
      <th scope="row" className="mono">
        {row.key}
        {row.differs && (
          <span className="mv-diff-mark" title="Values differ">
            {' '}
            ≠<span className="visually-hidden"> values differ</span>
          </span>
        )}
      </th>
      {row.values.map((v, i) => (
        <td key={i} className={mono ? 'mono' : undefined}>
          {v === undefined ? (
            <span className="muted" title="Not in this version">
              —
            </span>
          ) : (
            format(v)
          )}
        </td>
      ))}
    </tr>
  );
}

/** A group of diff rows: all of them, or only those that differ; a note when none are left. */
export function DiffGroup<T>({
  title,
  rows,
  diffOnly,
  span,
  format,
}: {
  title: string;
  rows: readonly DiffRow<T>[];
  diffOnly: boolean;
  span: number;
  format: (value: T) => string;
}) {
  const shown = diffOnly ? rows.filter((r) => r.differs) : rows;
  const what = title.toLowerCase();
  return (
    <tbody>
      <GroupRow label={`${title} (${rows.length})`} span={span} />
      {shown.length === 0 && (
        <NoteRow span={span}>{rows.length === 0 ? `No ${what}.` : `No ${what} differ.`}</NoteRow>
      )}
      {shown.map((row) => (
        <DiffRowView key={row.key} row={row} format={format} />
      ))}
    </tbody>
  );
}

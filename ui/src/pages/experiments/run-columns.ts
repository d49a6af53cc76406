import type { Run } from '../../../../src/client/entities.js';
import { quoteKey } from './search-strings.js';

/** The kinds of per-run data a column can show. */
export type ColumnKind = 'metric' | 'param' | 'tag';

/** A metric, param or tag column of the runs table. */
export interface DataColumn {
  readonly kind: ColumnKind;
  readonly key: string;
}

/** The keys found on a page of runs, sorted, by kind. */
export type ColumnKeys = Readonly<Record<ColumnKind, readonly string[]>>;

/** Params shown before the user picks: enough to tell runs apart without flooding the table. */
export const DEFAULT_PARAM_COLUMNS = 3;

export const COLUMN_GROUPS: readonly { kind: ColumnKind; label: string }[] = [
  { kind: 'metric', label: 'Metrics' },
  { kind: 'param', label: 'Params' },
  { kind: 'tag', label: 'Tags' },
];

/** A stable id for a column, used as the key of the user's show/hide choices. */
export function columnId(column: DataColumn): string {
  return `${column.kind}:${column.key}`;
}

/** The `order_by` key that sorts by a column, in its normalized spelling (see normalizeOrderKey). */
export function columnOrderKey(column: DataColumn, quoted = false): string {
  const entity = column.kind === 'metric' ? 'metrics' : column.kind === 'param' ? 'params' : 'tags';
  return `${entity}.${quoted ? quoteKey(column.key) : column.key}`;
}

/**
 * Metric, param and tag keys of the loaded runs. Tags under `mlflow.` are MLflow's bookkeeping
 * (run name, user, source) and already have columns of their own, so they are left out.
 */
export function collectColumnKeys(runs: readonly Run[]): ColumnKeys {
  const metrics = new Set<string>();
  const params = new Set<string>();
  const tags = new Set<string>();
  for (const run of runs) {
    for (const m of run.data.metrics ?? []) metrics.add(m.key);
    for (const p of run.data.params ?? []) params.add(p.key);
    for (const t of run.data.tags ?? []) if (!t.key.startsWith('mlflow.')) tags.add(t.key);
  }
  const sorted = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b));
  return { metric: sorted(metrics), param: sorted(params), tag: sorted(tags) };
}

/** The user's explicit show/hide choices by column id; anything absent follows the defaults. */
export type ColumnChoices = Readonly<Record<string, boolean>>;

/**
 * Whether a column shows: the user's choice, else all metrics, the first few params, no tags —
 * plus the column the table is sorted by (say, from a deep link), so the order is visible.
 */
export function isColumnVisible(
  column: DataColumn,
  keys: ColumnKeys,
  choices: ColumnChoices,
  sortedKey: string,
): boolean {
  const chosen = choices[columnId(column)];
  if (chosen !== undefined) return chosen;
  if (column.kind === 'metric' || columnOrderKey(column) === sortedKey) return true;
  if (column.kind === 'param') return keys.param.indexOf(column.key) < DEFAULT_PARAM_COLUMNS;
  return false;
}

/** The visible columns in table order: metrics, then params, then tags. */
export function visibleColumns(keys: ColumnKeys, choices: ColumnChoices, sortedKey: string): DataColumn[] {
  return COLUMN_GROUPS.flatMap(({ kind }) =>
    keys[kind].map((key) => ({ kind, key })).filter((c) => isColumnVisible(c, keys, choices, sortedKey)),
  );
}

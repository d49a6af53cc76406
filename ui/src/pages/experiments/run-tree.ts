import type { Run } from '../../../../src/client/entities.js';
import { runTag } from './run-fields.js';

const PARENT_TAG = 'mlflow.parentRunId';

/** A row of the runs table: a run, how deep it is nested, and how many children it has on the page. */
export interface RunTreeRow {
  readonly run: Run;
  readonly depth: number;
  readonly childCount: number;
  readonly expanded: boolean;
}

/**
 * The page's runs as a tree: a run whose `mlflow.parentRunId` is another run on the same page goes
 * under it (children keep the server's order). A parent on another page is not fetched, so such a
 * child is a top-level row here. `expanded` holds the parents whose children are shown.
 */
export function runTreeRows(runs: readonly Run[], expanded: ReadonlySet<string>): RunTreeRow[] {
  const ids = new Set(runs.map((r) => r.info.run_id));
  const children = new Map<string, Run[]>();
  const roots: Run[] = [];
  for (const run of runs) {
    const parent = runTag(run, PARENT_TAG);
    if (parent !== undefined && parent !== run.info.run_id && ids.has(parent)) {
      const siblings = children.get(parent) ?? [];
      siblings.push(run);
      children.set(parent, siblings);
    } else roots.push(run);
  }
  const rows: RunTreeRow[] = [];
  const placed = new Set<string>();
  const visit = (run: Run, depth: number, shown: boolean) => {
    const id = run.info.run_id;
    if (placed.has(id)) return;
    placed.add(id);
    const kids = children.get(id) ?? [];
    const open = expanded.has(id);
    if (shown) rows.push({ run, depth, childCount: kids.length, expanded: open });
    for (const kid of kids) visit(kid, depth + 1, shown && open);
  };
  for (const run of roots) visit(run, 0, true);
  // Runs in a parent loop (hand-set tags) are reachable from no root: they stay top-level.
  for (const run of runs) visit(run, 0, true);
  return rows;
}

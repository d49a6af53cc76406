import type { Run } from '../../../../src/client/entities.js';
import { api, errorCode } from '../../api.js';

/** The runs of the link that were found, in the link's order, and the ids that were not. */
export interface MetricRuns {
  readonly runs: readonly Run[];
  readonly missing: readonly string[];
}

/** A filter string literal; run ids are checked to hold no quotes before they get here. */
const quoted = (id: string) => `'${id}'`;

/**
 * The link's runs with their names and latest metrics: one `runs/search` with
 * `attributes.run_id IN (...)` over the link's experiments. A hand-made link without experiments
 * falls back to one `runs/get` per run (the route caps the runs at 10).
 */
export async function fetchMetricRuns(runIds: readonly string[], experimentIds: readonly string[]) {
  const found =
    experimentIds.length > 0
      ? (
          await api.runs.searchRuns({
            experimentIds,
            filter: `attributes.run_id IN (${runIds.map(quoted).join(', ')})`,
            maxResults: runIds.length,
            runViewType: 'ALL',
          })
        ).items
      : (await Promise.all(runIds.map(getRunIfExists))).filter((r): r is Run => r !== undefined);
  const byId = new Map(found.map((r) => [r.info.run_id, r]));
  return {
    runs: runIds.flatMap((id) => byId.get(id) ?? []),
    missing: runIds.filter((id) => !byId.has(id)),
  } satisfies MetricRuns;
}

async function getRunIfExists(runId: string): Promise<Run | undefined> {
  try {
    return await api.runs.getRun(runId);
  } catch (error) {
    if (errorCode(error) === 'RESOURCE_DOES_NOT_EXIST') return undefined;
    throw error;
  }
}

/** A run's name as the runs table shows it: its name, the `mlflow.runName` tag, or a short id. */
export function runLabel(run: Run): string {
  const tag = run.data.tags?.find((t) => t.key === 'mlflow.runName')?.value;
  return run.info.run_name || tag || run.info.run_id.slice(0, 8);
}

/** Whether the run logged this metric (its latest value is in the run's data). */
export function hasMetric(run: Run, key: string): boolean {
  return (run.data.metrics ?? []).some((m) => m.key === key);
}

/** Every metric key any of the runs logged, sorted. */
export function metricKeysOf(runs: readonly Run[]): string[] {
  const keys = new Set(runs.flatMap((r) => (r.data.metrics ?? []).map((m) => m.key)));
  return [...keys].sort((a, b) => a.localeCompare(b));
}

import type { Run } from '../../../../src/client/entities.js';
import { fetchLinkedRuns, type LinkedRuns } from '../../run-links.js';

/** The runs of the link that were found, in the link's order, and the ids that were not. */
export type MetricRuns = LinkedRuns;

/**
 * The link's runs with their names and latest metrics (see {@link fetchLinkedRuns}; the route
 * caps the runs at 10).
 */
export function fetchMetricRuns(
  runIds: readonly string[],
  experimentIds: readonly string[],
): Promise<MetricRuns> {
  return fetchLinkedRuns(runIds, experimentIds);
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

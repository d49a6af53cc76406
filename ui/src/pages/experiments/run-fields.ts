import type { Run } from '../../../../src/client/entities.js';

/** The value of a run tag, if set. */
export function runTag(run: Run, key: string): string | undefined {
  return run.data.tags?.find((t) => t.key === key)?.value;
}

/** What a run is called: its name, else the start of its id (as MLflow shows unnamed runs). */
export function runName(run: Run): string {
  return run.info.run_name || runTag(run, 'mlflow.runName') || run.info.run_id.slice(0, 8);
}

/** Who started a run: `user_id`, else the `mlflow.user` tag that MLflow's clients set. */
export function runUser(run: Run): string | undefined {
  return run.info.user_id || runTag(run, 'mlflow.user') || undefined;
}

/** Status as a word: `Finished`, `Running`, ... */
export function statusLabel(status: string): string {
  return status.charAt(0) + status.slice(1).toLowerCase();
}

/** A run's latest metric values by key; built once per run, so cells are O(1) lookups. */
export function metricMap(run: Run): Map<string, number> {
  return new Map((run.data.metrics ?? []).map((m) => [m.key, m.value]));
}

/** A run's params by key. */
export function paramMap(run: Run): Map<string, string> {
  return new Map((run.data.params ?? []).map((p) => [p.key, p.value]));
}

/** A run's tags by key. */
export function tagMap(run: Run): Map<string, string> {
  return new Map((run.data.tags ?? []).map((t) => [t.key, t.value]));
}

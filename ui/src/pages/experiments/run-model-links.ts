import type { Run } from '../../../../src/client/entities.js';
import { runTag } from './run-fields.js';

/** A model a run produced, as the runs table links to it. */
export type RunModelLink =
  /** MLflow 2.x: a folder among the run's artifacts, from the `mlflow.log-model.history` tag. */
  | { readonly kind: 'artifact'; readonly path: string }
  /** MLflow 3: a logged model (`m-…`) among the run's outputs. */
  | { readonly kind: 'logged'; readonly modelId: string };

const HISTORY_TAG = 'mlflow.log-model.history';

function artifactPathOf(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null || !('artifact_path' in entry)) return undefined;
  const path = entry.artifact_path;
  if (typeof path !== 'string') return undefined;
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  // A URI (`s3://…`) is not a folder of this run, so there is no artifact page to link to.
  return trimmed.includes(':') ? undefined : trimmed;
}

/** The artifact paths the history tag records, each once, in logging order; [] for a bad tag. */
function historyPaths(tagValue: string | undefined): string[] {
  if (!tagValue) return [];
  let entries: unknown;
  try {
    entries = JSON.parse(tagValue);
  } catch {
    return [];
  }
  if (!Array.isArray(entries)) return [];
  return [...new Set(entries.map(artifactPathOf).filter((p): p is string => p !== undefined))];
}

/**
 * Every model a run produced, read from the run itself (its tags and outputs come with the
 * `runs/search` answer), so the Models column costs no request of its own.
 */
export function runModelLinks(run: Run): RunModelLink[] {
  const artifacts = historyPaths(runTag(run, HISTORY_TAG)).map((path): RunModelLink => ({
    kind: 'artifact',
    path,
  }));
  const ids = new Set((run.outputs?.model_outputs ?? []).map((o) => o.model_id));
  const logged = [...ids].map((modelId): RunModelLink => ({ kind: 'logged', modelId }));
  return [...artifacts, ...logged];
}

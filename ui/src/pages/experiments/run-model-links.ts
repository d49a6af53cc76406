import type { Run } from '../../../../src/client/entities.js';
import { modelsFromHistoryTag } from '../runs/run-models.js';
import { runTag } from './run-fields.js';

/** A model a run produced, as the runs table links to it. */
export type RunModelLink =
  /** MLflow 2.x: a folder among the run's artifacts, from the `mlflow.log-model.history` tag. */
  | { readonly kind: 'artifact'; readonly path: string }
  /** MLflow 3: a logged model (`m-…`) among the run's outputs. */
  | { readonly kind: 'logged'; readonly modelId: string };

const HISTORY_TAG = 'mlflow.log-model.history';

/**
 * Every model a run produced, read from the run itself (its tags and outputs come with the
 * `runs/search` answer), so the Models column costs no request of its own.
 */
export function runModelLinks(run: Run): RunModelLink[] {
  // Read as the run page reads it, so both pages agree on which folders are models.
  const artifacts = modelsFromHistoryTag(run.info.run_id, runTag(run, HISTORY_TAG)).map(
    (model): RunModelLink => ({ kind: 'artifact', path: model.artifactPath ?? '' }),
  );
  const ids = new Set((run.outputs?.model_outputs ?? []).map((o) => o.model_id));
  const logged = [...ids].map((modelId): RunModelLink => ({ kind: 'logged', modelId }));
  return [...artifacts, ...logged];
}

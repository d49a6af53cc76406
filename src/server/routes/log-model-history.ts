import { MlflowError } from '../../core/mlflow-error.js';
import { isPlainObject, pythonJsonDumps } from '../../core/python-json.js';
import type { TrackingStore } from '../../store/tracking-store.js';

const HISTORY_TAG = 'mlflow.log-model.history';
const REQUIRED_KEYS = ['artifact_path', 'flavors', 'utc_time_created', 'run_id'];
const HISTORY_KEYS = new Set(['run_id', 'artifact_path', 'utc_time_created', 'model_uuid']);

function parseModel(modelJson: string): Record<string, unknown> {
  let model: unknown;
  try {
    model = JSON.parse(modelJson);
  } catch (cause) {
    throw new MlflowError(
      `Malformed model info. \n ${modelJson} \n is not a valid JSON.`,
      'INVALID_PARAMETER_VALUE',
      { cause },
    );
  }
  if (!isPlainObject(model))
    throw new MlflowError(
      'Malformed model info: model_json must be a JSON object.',
      'INVALID_PARAMETER_VALUE',
    );
  const missing = REQUIRED_KEYS.filter((key) => !(key in model));
  if (missing.length > 0) {
    throw new MlflowError(
      `Model json is missing mandatory fields: ${missing.join(', ')}`,
      'INVALID_PARAMETER_VALUE',
    );
  }
  return model;
}

/**
 * The short form MLflow records in the history tag: the identifying keys in their request order,
 * then the flavors without their (possibly large) `config` entries.
 */
function historyEntry(model: Record<string, unknown>): Record<string, unknown> {
  const entry: Record<string, unknown> = Object.fromEntries(
    Object.entries(model).filter(([key]) => HISTORY_KEYS.has(key)),
  );
  const flavors = isPlainObject(model.flavors) ? model.flavors : {};
  entry.flavors = Object.fromEntries(
    Object.entries(flavors).map(([name, conf]) => [
      name,
      isPlainObject(conf)
        ? Object.fromEntries(Object.entries(conf).filter(([key]) => key !== 'config'))
        : conf,
    ]),
  );
  return entry;
}

/**
 * `runs/log-model` (MLflow 2.x clients): appends the model's short form to the run's JSON-list tag
 * `mlflow.log-model.history`, written as Python's `json.dumps` writes it.
 *
 * @example await logModelHistory(store, runId, JSON.stringify(mlmodelDict));
 */
export async function logModelHistory(store: TrackingStore, runId: string, modelJson: string): Promise<void> {
  const model = parseModel(modelJson);
  const run = await store.getRun(runId);
  const previous = run.data.tags.find((t) => t.key === HISTORY_TAG)?.value;
  let history: unknown[] = [];
  try {
    const parsed: unknown = previous === undefined ? [] : JSON.parse(previous);
    if (Array.isArray(parsed)) history = parsed;
  } catch {
    history = []; // a hand-edited tag that is not JSON is replaced, as MLflow would fail to read it too
  }
  await store.setTag(runId, { key: HISTORY_TAG, value: pythonJsonDumps([...history, historyEntry(model)]) });
}

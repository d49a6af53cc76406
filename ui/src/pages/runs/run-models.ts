import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { FileInfo, LoggedModel, Run } from '../../../../src/client/entities.js';
import type { ModelVersion } from '../../../../src/client/registry-client.js';
import { api } from '../../api.js';
import { isRecord, jsonList } from '../../json.js';

/** A model a run produced, in the shape the Register dialog and the model panel need. */
export interface RunModel {
  /** What `model-versions/create` receives: `runs:/<run>/<path>` (2.x) or `models:/<id>` (3.x). */
  readonly source: string;
  /** How pickers and lists name the model. */
  readonly label: string;
  /** The model's folder among the run's artifacts (2.x and detected models). */
  readonly artifactPath?: string;
  /** The MLflow 3 logged model (`m-…`). */
  readonly modelId?: string;
  readonly flavors: readonly string[];
}

export const HISTORY_TAG = 'mlflow.log-model.history';
// Each output costs a `logged-models/get`; a run that logged more than this many models (a sweep)
// would otherwise fire a request storm on every view.
export const MAX_LOGGED_MODELS = 10;

/** The `runs:/` URI of a folder among a run's artifacts. */
export function runModelSource(runId: string, artifactPath: string): string {
  return artifactPath ? `runs:/${runId}/${artifactPath}` : `runs:/${runId}`;
}

/** A model at a folder of the run's artifacts, named after the folder. */
export function artifactModel(
  runId: string,
  artifactPath: string,
  flavors: readonly string[] = [],
): RunModel {
  return {
    source: runModelSource(runId, artifactPath),
    label: artifactPath || '(root)',
    artifactPath,
    flavors,
  };
}

/**
 * The models an MLflow 2.x client recorded in the `mlflow.log-model.history` tag (a JSON list of
 * MLmodel dicts). A model logged twice to one path appears once; entries whose `artifact_path` is
 * a URI (not a run folder) cannot become a `runs:/` source and are skipped.
 */
export function modelsFromHistoryTag(runId: string, tagValue: string | undefined): RunModel[] {
  const byPath = new Map<string, RunModel>();
  for (const entry of jsonList(tagValue) ?? []) {
    if (!isRecord(entry) || typeof entry.artifact_path !== 'string') continue;
    const path = entry.artifact_path.replace(/^\/+|\/+$/g, '');
    if (path.includes(':')) continue;
    const flavors = isRecord(entry.flavors) ? Object.keys(entry.flavors) : [];
    byPath.set(path, artifactModel(runId, path, flavors));
  }
  return [...byPath.values()];
}

/** An MLflow 3 logged model as a registrable model (its details may have failed to load). */
export function loggedModelEntry(
  modelId: string,
  model: LoggedModel | undefined,
): RunModel & { modelId: string } {
  const name = model?.info.name;
  return {
    source: `models:/${modelId}`,
    label: name ? `${name} (${modelId})` : modelId,
    modelId,
    flavors: model?.info.model_type ? [model.info.model_type] : [],
  };
}

/** The distinct logged-model ids of a run's outputs, at most {@link MAX_LOGGED_MODELS}. */
export function outputModelIds(run: Run | undefined): string[] {
  const ids = (run?.outputs?.model_outputs ?? []).map((o) => o.model_id);
  return [...new Set(ids)].slice(0, MAX_LOGGED_MODELS);
}

/**
 * Top-level folders holding an MLmodel, read from the artifact listings already in the query cache
 * (the Artifacts tab fills it). Listing every folder just to look would cost one request each.
 */
function cachedModelDirs(
  listings: readonly (readonly [readonly unknown[], FileInfo[] | undefined])[],
): string[] {
  const dirs: string[] = [];
  for (const [key, files] of listings) {
    const path = key[2];
    if (typeof path !== 'string' || path.includes('/') || !files) continue;
    const mlmodel = path ? `${path}/MLmodel` : 'MLmodel';
    if (files.some((f) => !f.is_dir && f.path === mlmodel)) dirs.push(path);
  }
  return dirs.sort();
}

function useCachedModelDirs(runId: string): string[] {
  const client = useQueryClient();
  const subscribe = useCallback(
    (onChange: () => void) => client.getQueryCache().subscribe(onChange),
    [client],
  );
  // A string snapshot: useSyncExternalStore needs a value that stays equal while nothing changed.
  const snapshot = useCallback(
    () => cachedModelDirs(client.getQueriesData<FileInfo[]>({ queryKey: ['artifacts', runId] })).join('\n'),
    [client, runId],
  );
  const joined = useSyncExternalStore(subscribe, snapshot);
  return useMemo(() => (joined ? joined.split('\n') : []), [joined]);
}

/**
 * Every model of a run: 2.x models from the history tag, 3.x logged models from the run's outputs
 * (one `logged-models/get` each, capped), and model folders the artifact listings revealed.
 */
export function useRunModels(run: Run | undefined): { models: RunModel[]; loading: boolean } {
  const runId = run?.info.run_id ?? '';
  const ids = outputModelIds(run);
  const logged = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['logged-model', id],
      queryFn: () => api.loggedModels.getLoggedModel(id),
    })),
  });
  const dirs = useCachedModelDirs(runId);
  const historyTag = run?.data.tags?.find((t) => t.key === HISTORY_TAG)?.value;
  if (!runId) return { models: [], loading: false };
  const all = [
    ...modelsFromHistoryTag(runId, historyTag),
    ...ids.map((id, i) => loggedModelEntry(id, logged[i]?.data)),
    ...dirs.map((dir) => artifactModel(runId, dir)),
  ];
  // One entry per source: a folder named in the history tag is also found by its listing.
  const bySource = new Map<string, RunModel>();
  for (const model of all) if (!bySource.has(model.source)) bySource.set(model.source, model);
  const models = [...bySource.values()];
  const loading = logged.some((q) => q.isPending);
  return { models, loading };
}

/** The registered versions made from a model: the registry keeps the source it was given. */
export function versionsOf(model: RunModel, versions: readonly ModelVersion[] | undefined): ModelVersion[] {
  return (versions ?? []).filter((v) => v.source === model.source);
}

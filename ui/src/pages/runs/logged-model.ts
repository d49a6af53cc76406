import type { LoggedModel, LoggedModelStatus } from '../../../../src/client/entities.js';
import { links } from '../../links.js';
import type { VersionRef } from './model-panel.js';
import { isRecord, jsonList } from '../../json.js';

/** The tag where the registry records the versions made from a logged model (as MLflow does). */
export const MODEL_VERSIONS_TAG = 'mlflow.modelVersions';

export type LoggedModelTab = 'overview' | 'artifacts';

/** A logged model's tag value, if set. */
export function loggedModelTag(model: LoggedModel, key: string): string | undefined {
  return model.info.tags?.find((t) => t.key === key)?.value;
}

/**
 * The versions registered from a logged model, from its `mlflow.modelVersions` tag: a JSON list of
 * `{"name": …, "version": …}`. Unreadable entries are skipped; a version listed twice shows once.
 *
 * @example versionsFromTag('[{"name": "churn", "version": 3}]') // [{ name: 'churn', version: '3' }]
 */
export function versionsFromTag(value: string | undefined): VersionRef[] {
  const byKey = new Map<string, VersionRef>();
  for (const entry of jsonList(value) ?? []) {
    if (!isRecord(entry) || typeof entry.name !== 'string') continue;
    if (typeof entry.version !== 'string' && typeof entry.version !== 'number') continue;
    const ref = { name: entry.name, version: String(entry.version) };
    byKey.set(`${ref.name}\n${ref.version}`, ref);
  }
  return [...byKey.values()];
}

const STATUS_LABELS: Record<LoggedModelStatus, string> = {
  LOGGED_MODEL_STATUS_UNSPECIFIED: 'Unknown',
  LOGGED_MODEL_PENDING: 'Pending',
  LOGGED_MODEL_READY: 'Ready',
  LOGGED_MODEL_UPLOAD_FAILED: 'Upload failed',
};

/** A logged model's status in words. */
export const statusLabel = (status: LoggedModelStatus): string => STATUS_LABELS[status] ?? status;

/**
 * A tab of the logged model page. The Artifacts tab keeps the selected file in `?path=` (the route
 * `/experiments/:e/models/:m/:tab` has no room for a path), so a selection is a shareable link.
 */
export function loggedModelTabHref(
  experimentId: string,
  modelId: string,
  tab: LoggedModelTab,
  path?: string,
): string {
  const base = links.loggedModel(experimentId, modelId);
  if (tab === 'overview') return base;
  return path ? `${base}/artifacts?path=${encodeURIComponent(path)}` : `${base}/artifacts`;
}

// Readers for the JSON that MLflow keeps in tags and URLs (`mlflow.log-model.history`,
// `mlflow.modelVersions`, `?runs=[...]`): written by other clients, so read defensively.

/** A JSON list from `text`, or `undefined` when it is absent, not JSON, or not a list. */
export function jsonList(text: string | null | undefined): unknown[] | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a parsed JSON value is an object (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { WebClient } from '../../src/client/web-client.js';
import { MlflowError } from '../../src/core/mlflow-error.js';

/**
 * The one client the UI talks through: Modeldock's SDK over the public REST API of the server that
 * served this page (resolved against the page URL, so a path prefix in front of the server works).
 */
export const api = new WebClient({
  trackingUri: new URL('.', window.location.href).href.replace(/\/+$/, ''),
  // The UI shows errors at once and offers a retry; one quick retry covers a dropped connection.
  retry: { maxRetries: 1, baseDelayMs: 100 },
});

/** A one-line message for an error from the API or the browser. */
export function errorMessage(error: unknown): string {
  if (error instanceof MlflowError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The MLflow `error_code` of an API error, if it is one. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof MlflowError ? error.errorCode : undefined;
}

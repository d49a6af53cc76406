/**
 * The tracking URI from an environment, as MLflow reads `MLFLOW_TRACKING_URI`; callers pass
 * `process.env` so that only their config code reads the environment.
 *
 * @example new MlflowClient({ trackingUri: trackingUriFromEnv(process.env) ?? 'http://127.0.0.1:5000' });
 */
export function trackingUriFromEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const uri = env.MLFLOW_TRACKING_URI?.trim();
  return uri === undefined || uri === '' ? undefined : uri;
}

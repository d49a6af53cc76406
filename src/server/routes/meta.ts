import { respond, type Route } from '../http/http-types.js';

/**
 * The MLflow version Modeldock's REST API matches; clients gate features on it (spans need ≥ 3.4).
 *
 * @example await (await app.request('/version')).text() // MLFLOW_COMPATIBLE_VERSION
 */
export const MLFLOW_COMPATIBLE_VERSION = '3.6.1';

/**
 * `/health`, `/version` and the server-features probe.
 *
 * @example createApp({ routes: metaRoutes() });
 */
export function metaRoutes(): Route[] {
  const text = (body: string) => () => respond({ status: 200, text: body });
  return [
    { method: 'GET', path: '/health', raw: true, handler: text('OK') },
    { method: 'GET', path: '/version', raw: true, handler: text(MLFLOW_COMPATIBLE_VERSION) },
    { method: 'GET', path: '/mlflow/server-features', handler: () => ({ workspaces_enabled: false }) },
  ];
}

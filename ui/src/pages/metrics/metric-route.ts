import { jsonList } from '../../json.js';
import { readRunList } from '../../run-links.js';

// The metric page's URL is MLflow's: `/metric/<key>?runs=["id",...]&experiments=["1"]`, plus
// `plot_metric_keys=["k",...]` for more charts, and MLflow's `x_axis` / `y_axis_scale` for the view.

/** Runs drawn at most: each is a line per chart, and more than this cannot be told apart. */
export const MAX_RUNS = 10;

export type XAxis = 'step' | 'relative' | 'wall';
export type YScale = 'linear' | 'log';

export interface MetricRequest {
  /** The page's metric, decoded from the path. */
  readonly key: string;
  /** Every chart's metric: `key` first, then `plot_metric_keys` in order, without repeats. */
  readonly keys: readonly string[];
  readonly runIds: readonly string[];
  readonly experimentIds: readonly string[];
  /** How many runs in the link are not drawn because of {@link MAX_RUNS}. */
  readonly dropped: number;
  readonly xAxis: XAxis;
  readonly yScale: YScale;
}

export type ParsedMetricRoute = { ok: true; request: MetricRequest } | { ok: false; message: string };

const PREFIX = '/metric/';
/**
 * The metric key from the raw (still percent-encoded) hash path. wouter hands pages its params
 * decoded with `decodeURI`, which leaves `%2F`, `%3F`, `%23`… encoded; the raw path decoded once
 * with `decodeURIComponent` gives the key back exactly.
 */
export function keyFromPath(rawPath: string): string | undefined {
  if (!rawPath.startsWith(PREFIX)) return undefined;
  try {
    return decodeURIComponent(rawPath.slice(PREFIX.length));
  } catch {
    return undefined;
  }
}

const X_AXES: readonly XAxis[] = ['step', 'relative', 'wall'];

/** Reads the page's request from the raw hash path and query; a friendly message when unusable. */
export function parseMetricRoute(rawPath: string, rawSearch: string): ParsedMetricRoute {
  const key = keyFromPath(rawPath);
  if (key === undefined) return { ok: false, message: 'The metric name in this link is not valid.' };
  if (key === '') return { ok: false, message: 'The link names no metric (expected /metric/<key>).' };
  const params = new URLSearchParams(rawSearch);
  const list = readRunList(params, 'The link lists no runs.');
  if (!list.ok) return list;
  const { runIds: ids, experimentIds } = list;
  const extra = (jsonList(params.get('plot_metric_keys')) ?? []).filter(
    (k): k is string => typeof k === 'string' && k !== '',
  );
  const xAxis = X_AXES.find((x) => x === params.get('x_axis')) ?? 'step';
  return {
    ok: true,
    request: {
      key,
      keys: [...new Set([key, ...extra])],
      runIds: ids.slice(0, MAX_RUNS),
      experimentIds,
      dropped: Math.max(0, ids.length - MAX_RUNS),
      xAxis,
      yScale: params.get('y_axis_scale') === 'log' ? 'log' : 'linear',
    },
  };
}

/**
 * The page's URL for a changed view, keeping every other query parameter of the current one (so
 * a link copied from MLflow keeps what this page does not read). `keys[0]` stays in the path.
 */
export function metricRouteWith(
  rawSearch: string,
  request: MetricRequest,
  change: { keys?: readonly string[]; xAxis?: XAxis; yScale?: YScale },
): string {
  const params = new URLSearchParams(rawSearch);
  const keys = change.keys ?? request.keys;
  const extra = keys.filter((k) => k !== request.key);
  if (extra.length > 0) params.set('plot_metric_keys', JSON.stringify([request.key, ...extra]));
  else params.delete('plot_metric_keys');
  setOrDrop(params, 'x_axis', change.xAxis ?? request.xAxis, 'step');
  setOrDrop(params, 'y_axis_scale', change.yScale ?? request.yScale, 'linear');
  // URLSearchParams writes spaces as `+`; `%20` reads the same everywhere, MLflow's parser included.
  const query = params.toString().replaceAll('+', '%20');
  return `${PREFIX}${encodeURIComponent(request.key)}${query ? `?${query}` : ''}`;
}

function setOrDrop(params: URLSearchParams, name: string, value: string, fallback: string): void {
  if (value === fallback) params.delete(name);
  else params.set(name, value);
}

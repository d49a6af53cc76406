import type { Metric } from '../../../../src/client/entities.js';
import type { XAxis } from './metric-route.js';

/** A point as drawn: its x on the chosen axis, and what its tooltip tells. */
export interface DrawnPoint {
  readonly x: number;
  readonly step: number;
  readonly value: number;
  readonly timestamp: number;
}

/** What the table says about one run's history: from every point, not the drawn sample. */
export interface SeriesStats {
  readonly count: number;
  /** The point at the highest step (latest timestamp among equal steps), as MLflow's "latest". */
  readonly last: Metric | undefined;
  /** Over the values that are not NaN; undefined when there are none. */
  readonly min: number | undefined;
  readonly max: number | undefined;
  /** NaN and ±∞ values, which the chart cannot draw. */
  readonly nonFinite: number;
}

/** Lines are drawn from at most this many points each, however long the history. */
export const MAX_DRAWN = 1000;

/** Groups the bulk answer's points by run. */
export function pointsByRun(points: readonly Metric[]): Map<string, Metric[]> {
  const byRun = new Map<string, Metric[]>();
  for (const p of points) {
    const id = p.run_id ?? '';
    const list = byRun.get(id);
    if (list) list.push(p);
    else byRun.set(id, [p]);
  }
  return byRun;
}

export function statsOf(points: readonly Metric[]): SeriesStats {
  let last: Metric | undefined;
  let min: number | undefined;
  let max: number | undefined;
  let nonFinite = 0;
  for (const p of points) {
    if (!last || p.step > last.step || (p.step === last.step && p.timestamp >= last.timestamp)) last = p;
    if (!Number.isFinite(p.value)) nonFinite += 1;
    if (Number.isNaN(p.value)) continue;
    if (min === undefined || p.value < min) min = p.value;
    if (max === undefined || p.value > max) max = p.value;
  }
  return { count: points.length, last, min, max, nonFinite };
}

/**
 * The drawable points of a history on the chosen x axis, in x order: step, seconds since the run's
 * first point, or wall-clock milliseconds. Non-finite values are left out (the table counts them).
 */
export function drawable(points: readonly Metric[], xAxis: XAxis): DrawnPoint[] {
  const finite = points.filter((p) => Number.isFinite(p.value));
  const t0 = finite.reduce((t, p) => Math.min(t, p.timestamp), Infinity);
  const xOf = (p: Metric) =>
    xAxis === 'step' ? p.step : xAxis === 'relative' ? (p.timestamp - t0) / 1000 : p.timestamp;
  return finite
    .map((p) => ({ x: xOf(p), step: p.step, value: p.value, timestamp: p.timestamp }))
    .sort((a, b) => a.x - b.x || a.step - b.step || a.timestamp - b.timestamp);
}

/**
 * At most `max` points of a line that look like the whole line: the points are cut into buckets
 * along x, and each bucket keeps its lowest and its highest value, in x order, so a one-step spike
 * still shows. The first and last points are always kept.
 */
export function downsample(points: readonly DrawnPoint[], max = MAX_DRAWN): DrawnPoint[] {
  if (points.length <= max) return [...points];
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return [];
  const inner = points.slice(1, -1);
  // Two points a bucket, leaving room for the first and the last.
  const buckets = Math.floor((max - 2) / 2);
  const size = Math.ceil(inner.length / buckets);
  const kept: DrawnPoint[] = [first];
  for (let start = 0; start < inner.length; start += size) {
    const bucket = inner.slice(start, start + size);
    let lo = 0;
    let hi = 0;
    bucket.forEach((p, i) => {
      if (p.value < (bucket[lo]?.value ?? p.value)) lo = i;
      if (p.value > (bucket[hi]?.value ?? p.value)) hi = i;
    });
    for (const i of lo === hi ? [lo] : [Math.min(lo, hi), Math.max(lo, hi)]) {
      const p = bucket[i];
      if (p) kept.push(p);
    }
  }
  kept.push(last);
  return kept;
}

import { formatMetric } from '../../components/format.js';
import type { XAxis } from './metric-route.js';

/** A value range mapped onto a pixel range, linear or base-10 logarithmic. */
export interface Scale {
  readonly min: number;
  readonly max: number;
  readonly log: boolean;
}

/** The range of the values, widened a little when they are all equal so a flat line sits mid-chart. */
export function extentOf(values: Iterable<number>, log: boolean): Scale {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return { min: 0, max: 1, log: false };
  if (min === max) {
    if (log) return { min: min / 2, max: max * 2, log };
    const pad = Math.abs(min) * 0.1 || 1;
    return { min: min - pad, max: max + pad, log };
  }
  return { min, max, log };
}

const t = (v: number, log: boolean) => (log ? Math.log10(v) : v);

/** Where `v` lands between the pixel positions `from` (at min) and `to` (at max). */
export function project(v: number, s: Scale, from: number, to: number): number {
  const lo = t(s.min, s.log);
  const hi = t(s.max, s.log);
  return from + ((t(v, s.log) - lo) / (hi - lo)) * (to - from);
}

/** About `count` round numbers (1, 2 or 5 × 10ⁿ apart) inside the range. */
export function niceTicks(min: number, max: number, count: number): number[] {
  const raw = (max - min) / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  // The round step whose tick count comes closest to the one asked for.
  const step = [1, 2, 5, 10]
    .map((m) => m * power)
    .reduce((best, s) => (Math.abs(raw / s - 1) < Math.abs(raw / best - 1) ? s : best));
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step)
    ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** Ticks of a scale: powers of ten on a log scale that spans them, else round numbers. */
export function ticksOf(s: Scale, count: number): number[] {
  if (s.log) {
    const powers: number[] = [];
    for (let e = Math.ceil(Math.log10(s.min)); e <= Math.floor(Math.log10(s.max)); e += 1)
      powers.push(10 ** e);
    if (powers.length >= 2) return powers.length > count * 2 ? powers.filter((_, i) => i % 2 === 0) : powers;
  }
  return niceTicks(s.min, s.max, count);
}

/** A tick label on the x axis. */
export function formatX(v: number, xAxis: XAxis, spanMs: number): string {
  if (xAxis === 'step') return formatMetric(v);
  if (xAxis === 'relative') return `${formatMetric(v)}s`;
  const date = new Date(v);
  return spanMs < 86_400_000
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })
    : date.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Ticks on the x axis; on wall time they are round seconds, on the step axis whole steps. */
export function xTicksOf(s: Scale, xAxis: XAxis, count: number): number[] {
  if (xAxis === 'wall') {
    const seconds = niceTicks(s.min / 1000, s.max / 1000, count).map((v) => v * 1000);
    return seconds.length >= 2 ? seconds : [s.min, s.max];
  }
  const ticks = niceTicks(s.min, s.max, count);
  return xAxis === 'step' ? ticks.filter(Number.isInteger) : ticks;
}

export const X_AXIS_LABEL: Readonly<Record<XAxis, string>> = {
  step: 'Step',
  relative: 'Relative time (seconds)',
  wall: 'Wall time',
};

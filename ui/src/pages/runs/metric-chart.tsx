import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Metric } from '../../../../src/client/entities.js';
import { api } from '../../api.js';
import { formatMetric } from '../../components/format.js';
import { QueryView } from '../../components/states.js';

/** The drawing's own coordinates (CSS scales the whole SVG to its box) and its tick count. */
export interface Frame {
  readonly w: number;
  readonly h: number;
  readonly ticks: number;
}
const CARD: Frame = { w: 360, h: 210, ticks: 3 };
/** The full-width view of one metric: wider, not taller, so it fits a laptop screen. */
export const WIDE: Frame = { w: 880, h: 320, ticks: 5 };
const PAD = { left: 52, right: 12, top: 10, bottom: 38 };
// Past this many points, per-point markers (each with a tooltip) would only be noise.
const MAX_MARKERS = 120;

/** A metric's full history (`metrics/get-history`), one request per metric. */
export function useMetricHistory(runId: string, key: string) {
  return useQuery({
    queryKey: ['metric-history', runId, key],
    queryFn: () => api.metrics.getMetricHistory(runId, key),
  });
}

/**
 * A card with the line chart of one metric's history. `action` sits beside the name (a link to the
 * full-width view, or back from it); `wide` draws that full-width view.
 */
export function MetricChartCard({
  runId,
  metricKey,
  action,
  wide = false,
}: {
  runId: string;
  metricKey: string;
  action?: ReactNode;
  wide?: boolean;
}) {
  const history = useMetricHistory(runId, metricKey);
  return (
    <figure className={wide ? 'metric-card metric-card-wide' : 'metric-card'}>
      <figcaption>
        <span className="mono">{metricKey}</span>
        {action}
      </figcaption>
      <QueryView query={history} what={`${metricKey} history`}>
        {(points) => <MetricChart metricKey={metricKey} points={points} {...(wide ? { frame: WIDE } : {})} />}
      </QueryView>
    </figure>
  );
}

interface Scale {
  readonly min: number;
  readonly max: number;
}

function extent(values: readonly number[]): Scale {
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) {
    // A flat line still needs a range to sit in the middle of.
    const pad = Math.abs(min) * 0.1 || 1;
    min -= pad;
    max += pad;
  }
  return { min, max };
}

const project = (v: number, s: Scale, from: number, to: number) =>
  from + ((v - s.min) / (s.max - s.min)) * (to - from);

/**
 * An inline SVG line chart: step on x, value on y, min/mid/max ticks, and a tooltip per point.
 * Non-finite values (NaN, ±∞) cannot be drawn and are counted below the chart instead.
 */
export function MetricChart({
  metricKey,
  points,
  frame = CARD,
}: {
  metricKey: string;
  points: readonly Metric[];
  frame?: Frame;
}) {
  const { w: W, h: H } = frame;
  const finite = [...points]
    .filter((p) => Number.isFinite(p.value))
    .sort((a, b) => a.step - b.step || a.timestamp - b.timestamp);
  const skipped = points.length - finite.length;
  if (finite.length === 0)
    return <p className="muted">No drawable values{skipped ? ` (${skipped} not finite)` : ''}.</p>;
  const only = finite[0];
  if (finite.length === 1 && only)
    return (
      <p className="metric-single">
        <strong>{formatMetric(only.value)}</strong> <span className="muted">at step {only.step}</span>
      </p>
    );
  const xs = extent(finite.map((p) => p.step));
  const ys = extent(finite.map((p) => p.value));
  const x = (step: number) => project(step, xs, PAD.left, W - PAD.right);
  const y = (value: number) => project(value, ys, H - PAD.bottom, PAD.top);
  const line = finite.map((p) => `${x(p.step).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return (
    <>
      <svg
        className="metric-chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${metricKey} by step, ${finite.length} points`}
      >
        <Axes xs={xs} ys={ys} x={x} y={y} metricKey={metricKey} frame={frame} />
        <polyline className="metric-line" points={line} fill="none" />
        {finite.length <= MAX_MARKERS &&
          finite.map((p, i) => (
            <circle key={i} className="metric-point" cx={x(p.step)} cy={y(p.value)} r={3}>
              <title>{`step ${p.step}: ${formatMetric(p.value)}`}</title>
            </circle>
          ))}
      </svg>
      {skipped > 0 && <p className="muted">{skipped} non-finite values are not drawn.</p>}
    </>
  );
}

/** `count` values spread evenly from the scale's min to its max. */
const evenly = (s: Scale, count: number): number[] =>
  Array.from({ length: count }, (_, i) => s.min + ((s.max - s.min) * i) / (count - 1));

function Axes({
  xs,
  ys,
  x,
  y,
  metricKey,
  frame,
}: {
  xs: Scale;
  ys: Scale;
  x: (v: number) => number;
  y: (v: number) => number;
  metricKey: string;
  frame: Frame;
}) {
  const { w: W, h: H } = frame;
  const yTicks = evenly(ys, frame.ticks);
  // Steps are integers: label whole steps only, without repeats on short ranges.
  const xTicks = [...new Set(evenly(xs, frame.ticks).map(Math.round))].filter(
    (s) => s >= xs.min && s <= xs.max,
  );
  return (
    <g className="metric-axes">
      <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} />
      <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} />
      {yTicks.map((v, i) => (
        <g key={`y${i}`}>
          <line className="metric-grid" x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
          <text x={PAD.left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle">
            {formatMetric(Number(v.toPrecision(4)))}
          </text>
        </g>
      ))}
      {xTicks.map((s) => (
        <text key={`x${s}`} x={x(s)} y={H - PAD.bottom + 16} textAnchor="middle">
          {s}
        </text>
      ))}
      <text className="metric-axis-label" x={(PAD.left + W - PAD.right) / 2} y={H - 4} textAnchor="middle">
        step
      </text>
      <text
        className="metric-axis-label"
        transform={`translate(12 ${(PAD.top + H - PAD.bottom) / 2}) rotate(-90)`}
        textAnchor="middle"
      >
        {metricKey}
      </text>
    </g>
  );
}

import { useState } from 'react';
import { Link } from 'wouter';
import { formatMetric, formatTime } from '../../components/format.js';
import type { XAxis } from './metric-route.js';
import { extentOf, formatX, project, type Scale, ticksOf, X_AXIS_LABEL, xTicksOf } from './scale.js';
import type { DrawnPoint } from './series.js';

/** One run's line: already downsampled, in x order. */
export interface Line {
  readonly runId: string;
  readonly name: string;
  readonly href: string;
  readonly color: string;
  readonly dash: string | undefined;
  readonly points: readonly DrawnPoint[];
}

/** The drawing's own coordinates (the SVG scales to its box) and about how many ticks an axis gets. */
export interface Frame {
  readonly w: number;
  readonly h: number;
  readonly ticks: number;
}
export const WIDE_FRAME: Frame = { w: 880, h: 360, ticks: 6 };
/** On a phone a narrower drawing keeps its text readable once scaled down. */
export const NARROW_FRAME: Frame = { w: 340, h: 280, ticks: 5 };
const PAD = { left: 64, right: 18, top: 12, bottom: 44 };
// Markers show while they are at least this many units apart on average; on denser lines a
// marker shows only under the pointer (its tooltip works either way).
const MARKER_SPACING = 12;

/**
 * An inline-SVG line chart of one metric, one line per run, with a legend of run links. Focusing or
 * hovering a legend entry brings its line forward and dims the others; every drawn point has a
 * tooltip (run, step, value).
 */
export function LineChart({
  metricKey,
  lines,
  xAxis,
  log,
  frame,
}: {
  metricKey: string;
  lines: readonly Line[];
  xAxis: XAxis;
  log: boolean;
  frame: Frame;
}) {
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const all = lines.flatMap((l) => l.points);
  const xs = extentOf(
    all.map((p) => p.x),
    false,
  );
  const ys = breathe(
    extentOf(
      all.map((p) => p.value),
      log,
    ),
  );
  const x = (v: number) => project(v, xs, PAD.left, frame.w - PAD.right);
  const y = (v: number) => project(v, ys, frame.h - PAD.bottom, PAD.top);
  // The highlighted line is drawn last, on top of the others.
  const ordered = [...lines].sort(
    (a, b) => Number(a.runId === highlighted) - Number(b.runId === highlighted),
  );
  const label = `${metricKey} by ${X_AXIS_LABEL[xAxis].toLowerCase()}, ${log ? 'log' : 'linear'} scale, ${lines.length} ${lines.length === 1 ? 'run' : 'runs'}`;
  return (
    <figure className="mp-figure">
      <svg
        className="mp-chart"
        viewBox={`0 0 ${frame.w} ${frame.h}`}
        role="img"
        aria-label={label}
        data-x-axis={xAxis}
        data-y-scale={log ? 'log' : 'linear'}
      >
        <Axes xs={xs} ys={ys} x={x} y={y} xAxis={xAxis} metricKey={metricKey} frame={frame} />
        {ordered.map((line) => (
          <LineMarks
            key={line.runId}
            line={line}
            x={x}
            y={y}
            xAxis={xAxis}
            state={highlighted === null ? '' : highlighted === line.runId ? 'is-highlighted' : 'is-dimmed'}
          />
        ))}
      </svg>
      <figcaption>
        <ul className="mp-legend" aria-label={`Runs in the ${metricKey} chart`}>
          {lines.map((line) => (
            <li key={line.runId}>
              <Link
                href={line.href}
                onFocus={() => setHighlighted(line.runId)}
                onBlur={() => setHighlighted(null)}
                onMouseEnter={() => setHighlighted(line.runId)}
                onMouseLeave={() => setHighlighted(null)}
              >
                <Swatch color={line.color} dash={line.dash} />
                {line.name}
              </Link>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** The value range with a little room above and below, so no line runs along the frame. */
function breathe(s: Scale): Scale {
  if (s.log) {
    const room = (Math.log10(s.max) - Math.log10(s.min)) * 0.04;
    return { ...s, min: s.min / 10 ** room, max: s.max * 10 ** room };
  }
  const room = (s.max - s.min) * 0.04;
  return { ...s, min: s.min - room, max: s.max + room };
}

/** A short sample of a run's line style, for the legend and the table. */
export function Swatch({ color, dash }: { color: string; dash: string | undefined }) {
  return (
    <svg className="mp-swatch" viewBox="0 0 24 8" aria-hidden="true">
      <line x1={1} y1={4} x2={23} y2={4} stroke={color} strokeWidth={3} strokeDasharray={dash} />
    </svg>
  );
}

function LineMarks({
  line,
  x,
  y,
  xAxis,
  state,
}: {
  line: Line;
  x: (v: number) => number;
  y: (v: number) => number;
  xAxis: XAxis;
  state: string;
}) {
  const path = line.points.map((p) => `${x(p.x).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const first = line.points[0];
  const last = line.points[line.points.length - 1];
  const spread = first && last ? x(last.x) - x(first.x) : 0;
  const dense = line.points.length > 1 && spread / (line.points.length - 1) < MARKER_SPACING;
  return (
    <g className={`mp-run ${state}`} data-run={line.name} style={{ color: line.color }}>
      <polyline
        className="mp-line"
        points={path}
        fill="none"
        stroke="currentColor"
        strokeDasharray={line.dash}
        data-points={line.points.length}
      />
      <g className={dense ? 'mp-points dense' : 'mp-points'}>
        {line.points.map((p, i) => (
          <circle key={i} cx={x(p.x)} cy={y(p.value)} r={dense ? 2.5 : 3}>
            <title>{pointTitle(line.name, p, xAxis)}</title>
          </circle>
        ))}
      </g>
    </g>
  );
}

function pointTitle(run: string, p: DrawnPoint, xAxis: XAxis): string {
  const when =
    xAxis === 'relative'
      ? ` · ${formatMetric(p.x)}s`
      : xAxis === 'wall'
        ? ` · ${formatTime(p.timestamp)}`
        : '';
  return `${run} · step ${p.step}${when} · ${formatMetric(p.value)}`;
}

function Axes({
  xs,
  ys,
  x,
  y,
  xAxis,
  metricKey,
  frame,
}: {
  xs: Scale;
  ys: Scale;
  x: (v: number) => number;
  y: (v: number) => number;
  xAxis: XAxis;
  metricKey: string;
  frame: Frame;
}) {
  const { w: W, h: H } = frame;
  const bottom = H - PAD.bottom;
  const right = W - PAD.right;
  return (
    <g className="mp-axes">
      {ticksOf(ys, frame.ticks).map((v) => (
        <g key={`y${v}`}>
          <line className="mp-grid" x1={PAD.left} x2={right} y1={y(v)} y2={y(v)} />
          <text x={PAD.left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle">
            {formatMetric(Number(v.toPrecision(4)))}
          </text>
        </g>
      ))}
      {xTicksOf(xs, xAxis, frame.ticks).map((v) => (
        <g key={`x${v}`}>
          <line x1={x(v)} x2={x(v)} y1={bottom} y2={bottom + 4} />
          <text x={x(v)} y={bottom + 17} textAnchor="middle">
            {formatX(v, xAxis, xs.max - xs.min)}
          </text>
        </g>
      ))}
      <line x1={PAD.left} y1={bottom} x2={right} y2={bottom} />
      <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={bottom} />
      <text className="mp-axis-label" x={(PAD.left + right) / 2} y={H - 6} textAnchor="middle">
        {X_AXIS_LABEL[xAxis]}
      </text>
      <text
        className="mp-axis-label"
        transform={`translate(14 ${(PAD.top + bottom) / 2}) rotate(-90)`}
        textAnchor="middle"
      >
        {ys.log ? `${metricKey} (log)` : metricKey}
      </text>
    </g>
  );
}

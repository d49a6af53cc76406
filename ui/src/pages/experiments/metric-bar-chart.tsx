import { useId } from 'react';
import { formatMetric } from '../../components/format.js';

export interface Bar {
  readonly label: string;
  readonly value: number | undefined;
  readonly best: boolean;
}

const ROW = 46;
const BAR_Y = 22;
const BAR_HEIGHT = 16;
const MAX_LABEL = 48;

/**
 * A horizontal bar per run, drawn as inline SVG. Positions are percentages of the SVG's width, so
 * it fills any container without measuring it and text stays its real size on a phone. Bars grow
 * from zero, so negative values point left of a zero line.
 */
export function MetricBarChart({ metricKey, bars }: { metricKey: string; bars: readonly Bar[] }) {
  const titleId = useId();
  const values = bars.flatMap((b) => (b.value !== undefined && Number.isFinite(b.value) ? [b.value] : []));
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const span = high - low || 1;
  const pct = (v: number) => ((v - low) / span) * 100;
  const zero = pct(0);
  const height = bars.length * ROW + 4;
  return (
    <svg
      className="bar-chart"
      width="100%"
      height={height}
      role="img"
      aria-labelledby={titleId}
      data-metric={metricKey}
    >
      <title id={titleId}>{`${metricKey} across ${bars.length} runs`}</title>
      {bars.map((bar, i) => {
        const y = i * ROW;
        const label = bar.label.length > MAX_LABEL ? `${bar.label.slice(0, MAX_LABEL - 1)}…` : bar.label;
        const finite = bar.value !== undefined && Number.isFinite(bar.value);
        const end = finite ? pct(bar.value as number) : zero;
        return (
          <g key={i}>
            <text x="0" y={y + 15} className="bar-label">
              {label}
            </text>
            <text x="100%" y={y + 15} textAnchor="end" className={bar.best ? 'bar-value best' : 'bar-value'}>
              {bar.best ? '★ ' : ''}
              {formatMetric(bar.value)}
            </text>
            <rect x="0" y={y + BAR_Y} width="100%" height={BAR_HEIGHT} rx="3" className="bar-track" />
            {finite && (
              <rect
                x={`${Math.min(zero, end)}%`}
                y={y + BAR_Y}
                width={`${Math.max(Math.abs(end - zero), 0.5)}%`}
                height={BAR_HEIGHT}
                rx="3"
                className={bar.best ? 'bar best' : 'bar'}
              >
                <title>{`${bar.label}: ${formatMetric(bar.value)}`}</title>
              </rect>
            )}
          </g>
        );
      })}
      {low < 0 && <line x1={`${zero}%`} x2={`${zero}%`} y1="0" y2={height} className="bar-zero" />}
    </svg>
  );
}

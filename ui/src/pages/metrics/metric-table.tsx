import { Link } from 'wouter';
import { formatMetric } from '../../components/format.js';
import { type Line, Swatch } from './line-chart.js';
import type { SeriesStats } from './series.js';

// `get-history-bulk` returns at most this many points of a run (MLflow's cap, and the server's).
const SERVER_POINT_CAP = 25_000;

export interface TableRow {
  readonly line: Line;
  readonly stats: SeriesStats;
}

/** Each run's real history in numbers: last value, min, max and point count (not the drawn sample). */
export function MetricTable({ metricKey, rows }: { metricKey: string; rows: readonly TableRow[] }) {
  return (
    <div className="table-wrap">
      <table className="table compact mp-table" aria-label={`${metricKey} by run`}>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col" className="num">
              Last value
            </th>
            <th scope="col" className="num">
              Last step
            </th>
            <th scope="col" className="num">
              Min
            </th>
            <th scope="col" className="num">
              Max
            </th>
            <th scope="col" className="num">
              Points
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ line, stats }) => (
            <tr key={line.runId}>
              <th scope="row">
                <Link href={line.href} className="mp-run-link">
                  <Swatch color={line.color} dash={line.dash} />
                  {line.name}
                </Link>
              </th>
              <td className="num">{formatMetric(stats.last?.value)}</td>
              <td className="num">{stats.last?.step ?? '—'}</td>
              <td className="num">{formatMetric(stats.min)}</td>
              <td className="num">{formatMetric(stats.max)}</td>
              <td className="num">
                <PointCount stats={stats} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PointCount({ stats }: { stats: SeriesStats }) {
  // At the cap the run may well have more points than came back.
  const capped = stats.count >= SERVER_POINT_CAP;
  return (
    <>
      <span
        title={
          capped ? `The server returns at most ${stats.count.toLocaleString()} points per run` : undefined
        }
      >
        {stats.count.toLocaleString()}
        {capped && '+'}
      </span>
      {stats.nonFinite > 0 && <span className="muted"> ({stats.nonFinite} not drawn: NaN or ∞)</span>}
    </>
  );
}

import { useState } from 'react';
import { Link, useSearch } from 'wouter';
import type { Metric } from '../../../../src/client/entities.js';
import { formatMetric, formatTime } from '../../components/format.js';
import { links } from '../../links.js';
import { MetricChartCard } from './metric-chart.js';
import { filterByText, SEARCH_FROM } from './text-filter.js';

// `?metric=<key>` on the run page shows that metric's chart full width instead of the grid.
const METRIC_PARAM = 'metric';
// Each chart costs one `get-history`; up to this many metrics every chart is drawn at once, past
// it only the charts the user asks for.
export const AUTO_CHART_LIMIT = 12;

/** The run's latest metric values in a table, and a chart of each metric's history. */
export function MetricsSection({
  experimentId,
  runId,
  metrics,
}: {
  experimentId: string;
  runId: string;
  metrics: readonly Metric[];
}) {
  const [text, setText] = useState('');
  const runHref = links.run(experimentId, runId);
  const expandHref = (key: string) => `${runHref}?${METRIC_PARAM}=${encodeURIComponent(key)}`;
  const requested = new URLSearchParams(useSearch()).get(METRIC_PARAM);
  const expanded = metrics.some((m) => m.key === requested) ? requested : null;
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const sorted = [...metrics].sort((a, b) => a.key.localeCompare(b.key));
  const rows = filterByText(sorted, text);
  const auto = metrics.length <= AUTO_CHART_LIMIT;
  const charted = auto ? sorted.map((m) => m.key) : chosen;
  const toggle = (key: string) =>
    setChosen((c) => (c.includes(key) ? c.filter((k) => k !== key) : [...c, key]));
  return (
    <section className="section" aria-labelledby="run-metrics-title">
      <div className="section-head">
        <h2 id="run-metrics-title">Metrics ({metrics.length})</h2>
        {metrics.length > SEARCH_FROM && (
          <input
            type="search"
            className="search section-search"
            aria-label="Search metrics"
            placeholder="Search metrics"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </div>
      {metrics.length === 0 ? (
        <p className="muted">No metrics</p>
      ) : (
        <div className="stack">
          {rows.length === 0 ? (
            <p className="muted">No metric matches “{text}”.</p>
          ) : (
            <div className="table-wrap">
              <table className="table compact" aria-label="Metrics">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col" className="num">
                      Latest value
                    </th>
                    <th scope="col" className="num">
                      Step
                    </th>
                    <th scope="col">Logged</th>
                    {!auto && (
                      <th scope="col">
                        <span className="visually-hidden">Chart</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((m) => (
                    <tr key={m.key}>
                      <td className="mono">
                        <Link href={expandHref(m.key)} title={`Full chart of ${m.key}`}>
                          {m.key}
                        </Link>
                      </td>
                      <td className="num">{formatMetric(m.value)}</td>
                      <td className="num">{m.step}</td>
                      <td>{formatTime(m.timestamp)}</td>
                      {!auto && (
                        <td className="actions">
                          <button
                            type="button"
                            className="link-button"
                            aria-pressed={chosen.includes(m.key)}
                            aria-label={`Chart of ${m.key}`}
                            onClick={() => toggle(m.key)}
                          >
                            {chosen.includes(m.key) ? 'Hide chart' : 'Show chart'}
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {expanded !== null && (
            <MetricChartCard
              key={expanded}
              runId={runId}
              metricKey={expanded}
              wide
              action={
                <span className="row">
                  <Link href={links.metric(expanded, experimentId, [runId])}>Metric page</Link>
                  <Link href={runHref}>All charts</Link>
                </span>
              }
            />
          )}
          {expanded === null && !auto && charted.length === 0 && (
            <p className="muted">This run has many metrics: choose “Show chart” on the ones to plot.</p>
          )}
          {expanded === null && charted.length > 0 && (
            <div className="metric-grid-cards">
              {charted.map((key) => (
                <MetricChartCard
                  key={key}
                  runId={runId}
                  metricKey={key}
                  action={
                    <Link href={expandHref(key)} aria-label={`Expand chart of ${key}`}>
                      Expand
                    </Link>
                  }
                />
              ))}
            </div>
          )}
        </div>
      )}
    </section>
  );
}

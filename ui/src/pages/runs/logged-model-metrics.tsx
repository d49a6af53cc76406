import { useState } from 'react';
import { Link } from 'wouter';
import type { Metric } from '../../../../src/client/entities.js';
import { formatMetric, formatTime } from '../../components/format.js';
import { links } from '../../links.js';
import { filterByText, SEARCH_FROM } from './text-filter.js';

const datasetOf = (m: Metric) =>
  m.dataset_name ? `${m.dataset_name}${m.dataset_digest ? ` (${m.dataset_digest.slice(0, 8)})` : ''}` : '';

/**
 * The metrics logged against a logged model (each point, as MLflow's model page lists them), with
 * the dataset it was measured on and the run that logged it.
 */
export function LoggedModelMetrics({
  experimentId,
  metrics,
}: {
  experimentId: string;
  metrics: readonly Metric[];
}) {
  const [text, setText] = useState('');
  const sorted = [...metrics].sort((a, b) => a.key.localeCompare(b.key) || a.step - b.step);
  const rows = filterByText(sorted, text, datasetOf);
  return (
    <section className="section" aria-labelledby="lm-metrics-title">
      <div className="section-head">
        <h2 id="lm-metrics-title">Metrics ({metrics.length})</h2>
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
        <p className="muted">No metrics logged for this model.</p>
      ) : rows.length === 0 ? (
        <p className="muted">No metric matches “{text}”.</p>
      ) : (
        <div className="table-wrap">
          <table className="table compact" aria-label="Metrics">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" className="num">
                  Value
                </th>
                <th scope="col" className="num">
                  Step
                </th>
                <th scope="col">Dataset</th>
                <th scope="col">Run</th>
                <th scope="col">Logged</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m, i) => (
                <tr key={`${m.key}/${m.step}/${m.timestamp}/${i}`}>
                  <td className="mono">{m.key}</td>
                  <td className="num">{formatMetric(m.value)}</td>
                  <td className="num">{m.step}</td>
                  <td>{datasetOf(m) || <span className="muted">—</span>}</td>
                  <td className="mono nowrap">
                    {m.run_id ? (
                      <Link href={links.run(experimentId, m.run_id)} aria-label={`Run ${m.run_id}`}>
                        {m.run_id.slice(0, 8)}
                      </Link>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>{formatTime(m.timestamp)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

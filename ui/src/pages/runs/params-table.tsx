import { useState } from 'react';
import type { KeyValue } from '../../../../src/client/entities.js';
import { filterByText, SEARCH_FROM } from './text-filter.js';

/** The run's parameters, with a search box when there are many. */
export function ParamsTable({ params }: { params: readonly KeyValue[] }) {
  const [text, setText] = useState('');
  const sorted = [...params].sort((a, b) => a.key.localeCompare(b.key));
  const rows = filterByText(sorted, text, (p) => p.value);
  return (
    <section className="section" aria-labelledby="run-params-title">
      <div className="section-head">
        <h2 id="run-params-title">Parameters ({params.length})</h2>
        {params.length > SEARCH_FROM && (
          <input
            type="search"
            className="search section-search"
            aria-label="Search parameters"
            placeholder="Search parameters"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </div>
      {params.length === 0 ? (
        <p className="muted">No parameters</p>
      ) : rows.length === 0 ? (
        <p className="muted">No parameter matches “{text}”.</p>
      ) : (
        <div className="table-wrap">
          <table className="table compact" aria-label="Parameters">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.key}>
                  <td className="mono">{p.key}</td>
                  <td className="mono cell-value">{p.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

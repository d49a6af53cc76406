import type { Run } from '../../../../src/client/entities.js';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { formatDuration, formatMetric, formatTime } from '../../components/format.js';
import { links } from '../../links.js';
import type { MetricRow, ParamRow } from './compare-model.js';
import { runName, statusLabel } from './run-fields.js';

/**
 * Runs side by side: one column per run, rows for the run's facts, each param (rows whose values
 * differ are marked) and each metric's latest value (the best one starred).
 */
export function CompareTable({
  runs,
  params,
  metrics,
}: {
  runs: readonly Run[];
  params: readonly ParamRow[];
  metrics: readonly MetricRow[];
}) {
  const span = runs.length + 1;
  const runIds = runs.map((r) => r.info.run_id);
  // Each metric's name opens its history across these runs (MLflow's metric page).
  const metricHref = (key: string) => links.metric(key, runs[0]?.info.experiment_id ?? '0', runIds);
  return (
    <div className="table-wrap">
      <table className="table compact compare-table" aria-label="Run comparison">
        <thead>
          <tr>
            <th scope="col">Run</th>
            {runs.map((r) => (
              <th scope="col" key={r.info.run_id}>
                <Link href={links.run(r.info.experiment_id, r.info.run_id)}>{runName(r)}</Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <FactRow
            label="Run ID"
            runs={runs}
            cell={(r) => (
              <span className="mono run-id" title={r.info.run_id}>
                {r.info.run_id}
              </span>
            )}
          />
          <FactRow label="Start time" runs={runs} cell={(r) => formatTime(r.info.start_time)} />
          <FactRow
            label="Duration"
            runs={runs}
            cell={(r) => formatDuration(r.info.start_time, r.info.end_time)}
          />
          <FactRow label="Status" runs={runs} cell={(r) => statusLabel(r.info.status)} />
        </tbody>
        <tbody>
          <GroupHeader label={`Parameters (${params.length})`} span={span} />
          {params.length === 0 && <NoneRow span={span} what="params" />}
          {params.map((row) => (
            <tr key={row.key} className={row.differs ? 'differs' : undefined}>
              <RowHeader label={row.key} differs={row.differs} />
              {row.values.map((v, i) => (
                <td key={i} className="mono">
                  {v ?? <span className="muted">—</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tbody>
          <GroupHeader label={`Metrics (${metrics.length})`} span={span} />
          {metrics.length === 0 && <NoneRow span={span} what="metrics" />}
          {metrics.map((row) => (
            <tr key={row.key} className={row.differs ? 'differs' : undefined}>
              <RowHeader
                label={row.key}
                differs={row.differs}
                href={metricHref(row.key)}
                linkTitle={`${row.key} over time in these runs`}
              />
              {row.values.map((v, i) => {
                const best = row.best.includes(i);
                return (
                  <td key={i} className={best ? 'best' : undefined}>
                    {best && (
                      <span className="best-mark" title={row.lowerIsBetter ? 'Lowest' : 'Highest'}>
                        ★<span className="visually-hidden"> best</span>{' '}
                      </span>
                    )}
                    {formatMetric(v)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FactRow({
  label,
  runs,
  cell,
}: {
  label: string;
  runs: readonly Run[];
  cell: (run: Run) => ReactNode;
}) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {runs.map((r) => (
        <td key={r.info.run_id}>{cell(r)}</td>
      ))}
    </tr>
  );
}

function GroupHeader({ label, span }: { label: string; span: number }) {
  return (
    <tr className="group-row">
      <th scope="colgroup" colSpan={span}>
        {label}
      </th>
    </tr>
  );
}

function NoneRow({ span, what }: { span: number; what: string }) {
  return (
    <tr>
      <td colSpan={span} className="muted">
        None of these runs has {what}.
      </td>
    </tr>
  );
}

function RowHeader({
  label,
  differs,
  href,
  linkTitle,
}: {
  label: string;
  differs: boolean;
  href?: string;
  linkTitle?: string;
}) {
  return (
    <th scope="row" className="mono">
      {href ? (
        <Link href={href} title={linkTitle}>
          {label}
        </Link>
      ) : (
        label
      )}
      {differs && (
        <span className="diff-mark" title="Values differ">
          {' '}
          ≠<span className="visually-hidden"> values differ</span>
        </span>
      )}
    </th>
  );
}

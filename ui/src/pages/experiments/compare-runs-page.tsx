import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useSearchParams } from 'wouter';
import { api } from '../../api.js';
import { PageHeader } from '../../components/page-header.js';
import { usePageTitle } from '../../components/page-title.js';
import { Empty, ErrorState, QueryView } from '../../components/states.js';
import { links } from '../../links.js';
import { type MetricRow, metricRows, paramRows } from './compare-model.js';
import {
  type CompareRequest,
  type CompareRuns,
  fetchCompareRuns,
  parseCompareQuery,
} from './compare-query.js';
import { CompareTable } from './compare-table.js';
import { MetricBarChart } from './metric-bar-chart.js';
import { runName } from './run-fields.js';
import './experiments.css';

/** `/compare-runs?runs=[...]&experiments=[...]`: chosen runs side by side, plus a metric chart. */
export function CompareRunsPage() {
  usePageTitle('Compare runs');
  const [params] = useSearchParams();
  const parsed = parseCompareQuery(params);
  const ids = parsed.ok ? parsed.request.experimentIds : [];
  const crumbs = useCrumbs(ids.length === 1 ? ids[0] : undefined);
  return (
    <div className="page">
      <PageHeader crumbs={crumbs} title="Compare runs" />
      {parsed.ok ? (
        <Comparison request={parsed.request} />
      ) : (
        <ErrorState error={new Error(parsed.message)} what="the comparison" />
      )}
    </div>
  );
}

/** Experiments › <the experiment>, named from the cache the experiment page already filled. */
function useCrumbs(experimentId: string | undefined) {
  const experiment = useQuery({
    queryKey: ['experiment', experimentId],
    queryFn: () => api.experiments.getExperiment(experimentId ?? ''),
    enabled: experimentId !== undefined,
  });
  const crumbs = [{ href: links.experiments(), label: 'Experiments' }];
  if (experimentId !== undefined)
    crumbs.push({
      href: links.experiment(experimentId),
      label: experiment.data?.name ?? `Experiment ${experimentId}`,
    });
  return crumbs;
}

function Comparison({ request }: { request: CompareRequest }) {
  const query = useQuery({
    queryKey: ['runs', request.experimentIds.join(','), { compare: request.runIds }],
    queryFn: () => fetchCompareRuns(request),
  });
  return (
    <QueryView query={query} what="runs">
      {(result) =>
        result.runs.length === 0 ? (
          <Empty>None of the runs in this link were found.</Empty>
        ) : (
          <ComparisonView result={result} dropped={request.dropped} />
        )
      }
    </QueryView>
  );
}

function ComparisonView({ result, dropped }: { result: CompareRuns; dropped: number }) {
  const { runs, missing } = result;
  const params = paramRows(runs);
  const metrics = metricRows(runs);
  const [diffOnly, setDiffOnly] = useState(false);
  const shownParams = diffOnly ? params.filter((r) => r.differs) : params;
  const shownMetrics = diffOnly ? metrics.filter((r) => r.differs) : metrics;
  return (
    <>
      {(missing.length > 0 || dropped > 0) && (
        <p className="compare-note" role="status">
          {missing.length > 0 && `Not found: ${missing.join(', ')}. `}
          {dropped > 0 && `${dropped} more runs in the link are not shown.`}
        </p>
      )}
      <section className="section" aria-labelledby="compare-table-heading">
        <div className="section-head">
          <h2 id="compare-table-heading">{runs.length} runs</h2>
          <label className="row">
            <input type="checkbox" checked={diffOnly} onChange={(e) => setDiffOnly(e.target.checked)} />
            Only rows that differ
          </label>
        </div>
        <CompareTable runs={runs} params={shownParams} metrics={shownMetrics} />
        <p className="muted legend">
          ≠ values differ · ★ best value (highest; lowest for loss-, error- and time-like metrics)
        </p>
      </section>
      <MetricChartSection runs={runs} metrics={metrics} />
    </>
  );
}

function MetricChartSection({ runs, metrics }: { runs: CompareRuns['runs']; metrics: readonly MetricRow[] }) {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const selectId = useId();
  const row = metrics.find((m) => m.key === chosen) ?? metrics[0];
  return (
    <section className="section" aria-labelledby="compare-chart-heading">
      <div className="section-head">
        <h2 id="compare-chart-heading">Metric chart</h2>
        {row && (
          <div className="row">
            <label htmlFor={selectId}>Metric</label>
            <select id={selectId} value={row.key} onChange={(e) => setChosen(e.target.value)}>
              {metrics.map((m) => (
                <option key={m.key} value={m.key}>
                  {m.key}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {row ? (
        <MetricBarChart
          metricKey={row.key}
          bars={runs.map((r, i) => ({ label: runName(r), value: row.values[i], best: row.best.includes(i) }))}
        />
      ) : (
        <Empty>These runs have no metrics to chart.</Empty>
      )}
    </section>
  );
}

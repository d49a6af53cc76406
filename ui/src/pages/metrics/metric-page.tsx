import { useQuery } from '@tanstack/react-query';
import type { Run } from '../../../../src/client/entities.js';
import { api } from '../../api.js';
import { PageHeader } from '../../components/page-header.js';
import { usePageTitle } from '../../components/page-title.js';
import { Empty, ErrorState, QueryView } from '../../components/states.js';
import { navigate, useHashPath, useHashSearch } from '../../hash-location.js';
import { links } from '../../links.js';
import { keysBlockingLog, MetricChartSection, useChartData } from './metric-charts.js';
import { MetricControls, type ViewChange } from './metric-controls.js';
import { MAX_RUNS, type MetricRequest, metricRouteWith, parseMetricRoute } from './metric-route.js';
import { runName } from '../experiments/run-fields.js';
import { fetchMetricRuns, type MetricRuns, metricKeysOf } from './metric-runs.js';
import './metric-page.css';

/**
 * `/metric/<key>?runs=[...]&experiments=[...]&plot_metric_keys=[...]`, MLflow's metric page: the
 * histories of one metric (and optionally more) across up to ten runs, one line per run.
 *
 * `metricKey` is wouter's wildcard, decoded with `decodeURI` only; the page reads the raw hash
 * path instead and decodes the key exactly (a key may hold `/`, `?`, `#` or `%`).
 */
export function MetricPage({ metricKey }: { metricKey: string }) {
  const [rawPath] = useHashPath();
  const rawSearch = useHashSearch();
  const parsed = parseMetricRoute(rawPath, rawSearch);
  const title = parsed.ok ? parsed.request.key : metricKey;
  usePageTitle(title);
  return (
    <div className="page metric-page">
      {parsed.ok ? (
        <MetricView request={parsed.request} rawSearch={rawSearch} />
      ) : (
        <>
          <PageHeader
            crumbs={[{ href: links.experiments(), label: 'Experiments' }]}
            title={title || 'Metric'}
          />
          <ErrorState error={new Error(parsed.message)} what="the metric chart" />
        </>
      )}
    </div>
  );
}

function MetricView({ request, rawSearch }: { request: MetricRequest; rawSearch: string }) {
  const runsQuery = useQuery({
    queryKey: ['runs', request.experimentIds.join(','), { metricPage: request.runIds }],
    queryFn: () => fetchMetricRuns(request.runIds, request.experimentIds),
  });
  const crumbs = useCrumbs(request, runsQuery.data?.runs);
  return (
    <>
      <PageHeader crumbs={crumbs} title={<span className="mono">{request.key}</span>} />
      <QueryView query={runsQuery} what="runs">
        {(found) =>
          found.runs.length === 0 ? (
            <Empty>None of the runs in this link were found.</Empty>
          ) : (
            <Charts request={request} rawSearch={rawSearch} found={found} />
          )
        }
      </QueryView>
    </>
  );
}

/** Experiments › the experiment › Compare runs (several runs) or the run (one run). */
function useCrumbs(request: MetricRequest, runs: readonly Run[] | undefined) {
  const experimentId = request.experimentIds[0] ?? runs?.[0]?.info.experiment_id;
  const experiment = useQuery({
    queryKey: ['experiment', experimentId],
    queryFn: () => api.experiments.getExperiment(experimentId ?? ''),
    enabled: experimentId !== undefined,
  });
  const crumbs = [{ href: links.experiments(), label: 'Experiments' }];
  if (experimentId === undefined) return crumbs;
  crumbs.push({
    href: links.experiment(experimentId),
    label: experiment.data?.name ?? `Experiment ${experimentId}`,
  });
  const [only] = request.runIds;
  if (request.runIds.length > 1)
    crumbs.push({ href: links.compareRuns(experimentId, request.runIds), label: 'Compare runs' });
  else if (only !== undefined) {
    const run = runs?.find((r) => r.info.run_id === only);
    crumbs.push({ href: links.run(experimentId, only), label: run ? runName(run) : 'Run' });
  }
  return crumbs;
}

function Charts({
  request,
  rawSearch,
  found,
}: {
  request: MetricRequest;
  rawSearch: string;
  found: MetricRuns;
}) {
  const charts = useChartData(request.keys, found.runs);
  const blocked = keysBlockingLog(charts);
  const log = request.yScale === 'log' && blocked.length === 0;
  const change = (c: ViewChange) => navigate(metricRouteWith(rawSearch, request, c), { replace: true });
  return (
    <>
      {(found.missing.length > 0 || request.dropped > 0) && (
        <p className="mp-notice" role="status">
          {found.missing.length > 0 && `Not found: ${found.missing.join(', ')}. `}
          {request.dropped > 0 &&
            `The link lists ${request.runIds.length + request.dropped} runs; the first ${MAX_RUNS} are shown.`}
        </p>
      )}
      <MetricControls
        request={request}
        available={metricKeysOf(found.runs)}
        logBlockedBy={blocked}
        onChange={change}
      />
      {charts.map((chart) => (
        <MetricChartSection key={chart.key} chart={chart} runs={found.runs} xAxis={request.xAxis} log={log} />
      ))}
    </>
  );
}

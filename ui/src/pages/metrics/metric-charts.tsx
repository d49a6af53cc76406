import { type UseQueryResult, useQueries } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import type { Metric, Run } from '../../../../src/client/entities.js';
import { api } from '../../api.js';
import { Empty, QueryView } from '../../components/states.js';
import { links } from '../../links.js';
import { LineChart, type Line, NARROW_FRAME, WIDE_FRAME } from './line-chart.js';
import type { XAxis } from './metric-route.js';
import { runName } from '../experiments/run-fields.js';
import { hasMetric } from './metric-runs.js';
import { MetricTable, type TableRow } from './metric-table.js';
import { lineStyle } from './palette.js';
import { downsample, drawable, pointsByRun, statsOf } from './series.js';
import { useNarrow } from './use-narrow.js';

/** A chart's history query, or none when no run logged the metric (nothing to ask for). */
export interface ChartData {
  readonly key: string;
  readonly runIds: readonly string[];
  readonly query: UseQueryResult<Metric[]> | undefined;
}

/**
 * One `get-history-bulk` per charted metric, for the runs that logged it (the runs' latest
 * metrics say which): the page's whole history traffic.
 */
export function useChartData(keys: readonly string[], runs: readonly Run[]): ChartData[] {
  const plan = keys.map((key) => ({
    key,
    runIds: runs.filter((r) => hasMetric(r, key)).map((r) => r.info.run_id),
  }));
  const asked = plan.filter((p) => p.runIds.length > 0);
  const queries = useQueries({
    queries: asked.map((p) => ({
      queryKey: ['metric-history-bulk', p.key, p.runIds],
      queryFn: () => api.metrics.getMetricHistoryBulk(p.runIds, p.key),
    })),
  });
  return plan.map((p) => ({ ...p, query: queries[asked.indexOf(p)] }));
}

/** The metrics (among those loaded) with a value at or below 0, which a log scale cannot show. */
export function keysBlockingLog(charts: readonly ChartData[]): string[] {
  return charts
    .filter((c) => c.query?.data?.some((p) => Number.isFinite(p.value) && p.value <= 0))
    .map((c) => c.key);
}

/** A section per metric: its chart, legend and table, or why there is nothing to draw. */
export function MetricChartSection({
  chart,
  runs,
  xAxis,
  log,
}: {
  chart: ChartData;
  runs: readonly Run[];
  xAxis: XAxis;
  log: boolean;
}) {
  const headingId = useId();
  return (
    <section className="section mp-section" aria-labelledby={headingId} data-metric={chart.key}>
      <div className="section-head">
        <h2 id={headingId} className="mono">
          {chart.key}
        </h2>
      </div>
      {chart.query === undefined ? (
        <Empty>No run logged {chart.key}.</Empty>
      ) : (
        <QueryView query={chart.query} what={`${chart.key} history`}>
          {(points) => (
            <ChartBody metricKey={chart.key} points={points} runs={runs} xAxis={xAxis} log={log} />
          )}
        </QueryView>
      )}
    </section>
  );
}

function ChartBody({
  metricKey,
  points,
  runs,
  xAxis,
  log,
}: {
  metricKey: string;
  points: readonly Metric[];
  runs: readonly Run[];
  xAxis: XAxis;
  log: boolean;
}) {
  const narrow = useNarrow();
  // Downsampling 25,000-point histories is the costly part: redo it only when data or axis change.
  const rows = useMemo(() => tableRows(points, runs, xAxis), [points, runs, xAxis]);
  const drawn = rows.filter((r) => r.line.points.length > 0);
  const absent = runs.filter((r) => !rows.some((row) => row.line.runId === r.info.run_id));
  if (rows.length === 0) return <Empty>No run logged {metricKey}.</Empty>;
  return (
    <div className="stack">
      {drawn.length > 0 ? (
        <LineChart
          metricKey={metricKey}
          lines={drawn.map((r) => r.line)}
          xAxis={xAxis}
          log={log}
          frame={narrow ? NARROW_FRAME : WIDE_FRAME}
        />
      ) : (
        <p className="muted">None of the values can be drawn (all are NaN or infinite).</p>
      )}
      <MetricTable metricKey={metricKey} rows={rows} />
      {absent.length > 0 && <p className="muted">Not logged by {absent.map(runName).join(', ')}.</p>}
    </div>
  );
}

/** A row per run that has points, in the link's order, keeping each run's colour from that order. */
function tableRows(points: readonly Metric[], runs: readonly Run[], xAxis: XAxis): TableRow[] {
  const byRun = pointsByRun(points);
  return runs.flatMap((run, index) => {
    const own = byRun.get(run.info.run_id);
    if (!own || own.length === 0) return [];
    const line: Line = {
      runId: run.info.run_id,
      name: runName(run),
      href: links.run(run.info.experiment_id, run.info.run_id),
      ...lineStyle(index),
      points: downsample(drawable(own, xAxis)),
    };
    return [{ line, stats: statsOf(own) }];
  });
}

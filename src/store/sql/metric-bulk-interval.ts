import { MlflowError } from '../../core/mlflow-error.js';
import type { MetricHistoryBulkIntervalInput, MetricWithRunId } from '../tracking-store.js';
import { metricFromRow } from './run-rows.js';
import type { SqlContext } from './sql-context.js';

const MAX_RUN_IDS = 100;
const MAX_RESULTS = 2500;

function bad(message: string): MlflowError {
  return new MlflowError(message, 'INVALID_PARAMETER_VALUE');
}

function checkInput(input: MetricHistoryBulkIntervalInput): number {
  if (input.runIds.length === 0)
    throw bad('GetMetricHistoryBulkInterval request must specify at least one run_id.');
  if (input.runIds.length > MAX_RUN_IDS) {
    throw bad(
      `GetMetricHistoryBulkInterval request cannot specify more than ${MAX_RUN_IDS} run_ids. Received ${input.runIds.length} run_ids.`,
    );
  }
  if ((input.startStep === undefined) !== (input.endStep === undefined)) {
    throw bad('If either start step or end step are specified, both must be specified.');
  }
  if (input.startStep !== undefined && input.endStep !== undefined && input.startStep > input.endStep) {
    throw bad('end_step must be greater than start_step. ');
  }
  const max = input.maxResults ?? MAX_RESULTS;
  if (!Number.isInteger(max) || max < 1 || max > MAX_RESULTS) {
    throw bad(`max_results must be between 1 and ${MAX_RESULTS}.`);
  }
  return max;
}

/** Every stride-th step of the sorted union, plus the last one, when there are more than `max`. */
function sampleSteps(steps: readonly number[], max: number): Set<number> {
  if (steps.length <= max) return new Set(steps);
  const stride = Math.ceil(steps.length / max);
  const picked = new Set<number>();
  for (let i = 0; i < steps.length; i += stride) picked.add(steps[i] ?? 0);
  picked.add(steps[steps.length - 1] ?? 0);
  return picked;
}

/**
 * Sampled metric history of several runs for charts, as MLflow's get-history-bulk-interval samples it.
 *
 * @example await metricHistoryBulkInterval(ctx, { runIds: [id], metricKey: 'loss', maxResults: 100 })
 */
export async function metricHistoryBulkInterval(
  ctx: SqlContext,
  input: MetricHistoryBulkIntervalInput,
): Promise<MetricWithRunId[]> {
  const max = checkInput(input);
  let query = ctx.db
    .selectFrom('metrics')
    .select(['run_uuid', 'key', 'value', 'timestamp', 'step', 'is_nan'])
    .where('run_uuid', 'in', input.runIds)
    .where('key', '=', input.metricKey);
  if (input.startStep !== undefined && input.endStep !== undefined) {
    query = query.where('step', '>=', input.startStep).where('step', '<=', input.endStep);
  }
  const rows = await query.orderBy('step').orderBy('timestamp').orderBy('value').execute();
  const allSteps = [...new Set(rows.map((r) => r.step))].sort((a, b) => a - b);
  const steps = sampleSteps(allSteps, max);
  const out: MetricWithRunId[] = [];
  for (const runId of input.runIds) {
    const own = rows.filter((r) => r.run_uuid === runId);
    if (own.length === 0) continue;
    const ownSteps = own.map((r) => r.step);
    const keep = new Set([...steps, Math.min(...ownSteps), Math.max(...ownSteps)]);
    for (const row of own) if (keep.has(row.step)) out.push({ ...metricFromRow(row), run_id: runId });
  }
  return out;
}

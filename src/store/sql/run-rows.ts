import type { Metric, Run, RunInfo, RunStatus, LifecycleStage } from '../tracking-store.js';
import type { MetricsTable, RunsTable } from './database.js';
import type { SqlContext } from './sql-context.js';

/** A metric row as stored (NaN as value 0 with is_nan 1) back to a wire metric. */
export function metricFromRow(
  row: Pick<MetricsTable, 'key' | 'value' | 'timestamp' | 'step' | 'is_nan'>,
): Metric {
  return {
    key: row.key,
    value: row.is_nan === 1 ? Number.NaN : row.value,
    timestamp: row.timestamp,
    step: row.step,
  };
}

/** The stored form of a metric value: SQLite would turn NaN into NULL. */
export function storedValue(value: number): { value: number; is_nan: number } {
  return Number.isNaN(value) ? { value: 0, is_nan: 1 } : { value, is_nan: 0 };
}

/**
 * A `runs` row as the wire RunInfo (`end_time` omitted while unset).
 *
 * @example runInfoFromRow(row).run_id
 */
export function runInfoFromRow(row: RunsTable): RunInfo {
  const info: RunInfo = {
    run_id: row.run_uuid,
    run_uuid: row.run_uuid,
    run_name: row.name,
    experiment_id: String(row.experiment_id),
    user_id: row.user_id,
    status: row.status as RunStatus,
    start_time: row.start_time,
    artifact_uri: row.artifact_uri,
    lifecycle_stage: row.lifecycle_stage as LifecycleStage,
  };
  if (row.end_time !== null) info.end_time = row.end_time;
  return info;
}

const ID_CHUNK = 5000;

async function inChunks<T>(ids: string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += ID_CHUNK) out.push(...(await load(ids.slice(i, i + ID_CHUNK))));
  return out;
}

function groupBy<T extends { run_uuid: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.run_uuid);
    if (list === undefined) map.set(row.run_uuid, [row]);
    else list.push(row);
  }
  return map;
}

async function loadInputs(ctx: SqlContext, ids: string[]) {
  const datasets = await inChunks(ids, (chunk) =>
    ctx.db
      .selectFrom('run_dataset_inputs as i')
      .innerJoin('datasets as d', 'd.dataset_uuid', 'i.dataset_uuid')
      .select([
        'i.run_uuid',
        'i.input_uuid',
        'd.name',
        'd.digest',
        'd.source_type',
        'd.source',
        'd.schema',
        'd.profile',
      ])
      .where('i.run_uuid', 'in', chunk)
      .orderBy('d.name')
      .execute(),
  );
  const inputIds = datasets.map((d) => d.input_uuid);
  const inputTags = await inChunks(inputIds, (chunk) =>
    ctx.db.selectFrom('input_tags').selectAll().where('input_uuid', 'in', chunk).execute(),
  );
  const models = await inChunks(ids, (chunk) =>
    ctx.db.selectFrom('run_model_inputs').selectAll().where('run_uuid', 'in', chunk).execute(),
  );
  return { datasets: groupBy(datasets), inputTags, models: groupBy(models) };
}

/**
 * Loads the full runs (info, latest metrics, params, tags, inputs, outputs) for run rows, in their order.
 *
 * @example const runs = await loadRuns(ctx, rows);
 */
export async function loadRuns(ctx: SqlContext, rows: RunsTable[]): Promise<Run[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.run_uuid);
  const [tags, params, metrics, outputs, inputs] = await Promise.all([
    inChunks(ids, (c) => ctx.db.selectFrom('tags').selectAll().where('run_uuid', 'in', c).execute()),
    inChunks(ids, (c) => ctx.db.selectFrom('params').selectAll().where('run_uuid', 'in', c).execute()),
    inChunks(ids, (c) =>
      ctx.db.selectFrom('latest_metrics').selectAll().where('run_uuid', 'in', c).execute(),
    ),
    inChunks(ids, (c) =>
      ctx.db.selectFrom('run_model_outputs').selectAll().where('run_uuid', 'in', c).execute(),
    ),
    loadInputs(ctx, ids),
  ]);
  const [tagsBy, paramsBy, metricsBy, outputsBy] = [
    groupBy(tags),
    groupBy(params),
    groupBy(metrics),
    groupBy(outputs),
  ];
  return rows.map((row) => {
    const id = row.run_uuid;
    return {
      info: runInfoFromRow(row),
      data: {
        metrics: (metricsBy.get(id) ?? []).map(metricFromRow),
        params: (paramsBy.get(id) ?? []).map((p) => ({ key: p.key, value: p.value })),
        tags: (tagsBy.get(id) ?? []).map((t) => ({ key: t.key, value: t.value })),
      },
      inputs: {
        dataset_inputs: (inputs.datasets.get(id) ?? []).map((d) => ({
          tags: inputs.inputTags
            .filter((t) => t.input_uuid === d.input_uuid)
            .map((t) => ({ key: t.name, value: t.value })),
          dataset: {
            name: d.name,
            digest: d.digest,
            source_type: d.source_type,
            source: d.source,
            ...(d.schema === null ? {} : { schema: d.schema }),
            ...(d.profile === null ? {} : { profile: d.profile }),
          },
        })),
        model_inputs: (inputs.models.get(id) ?? []).map((m) => ({ model_id: m.model_id })),
      },
      outputs: {
        model_outputs: (outputsBy.get(id) ?? []).map((o) => ({ model_id: o.model_id, step: o.step })),
      },
    };
  });
}

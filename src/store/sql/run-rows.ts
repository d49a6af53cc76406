import type { DatasetInput, LifecycleStage, Metric, Run, RunInfo, RunStatus } from '../tracking-store.js';
import type { MetricsTable, RunsTable } from './database.js';
import type { SqlContext } from './sql-context.js';
import { loadRunPageChildren } from './sql-run-search-page.js';

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
  if (Number.isNaN(value)) return { value: 0, is_nan: 1 };
  // MLflow's SQL store clamps ±inf to ±DBL_MAX, and its clients read that value back.
  if (!Number.isFinite(value)) return { value: value > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE, is_nan: 0 };
  return { value, is_nan: 0 };
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

function groupByKey<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list === undefined) map.set(key, [row]);
    else list.push(row);
  }
  return map;
}

async function loadDatasetInputs(ctx: SqlContext, ids: string[]): Promise<Map<string, DatasetInput[]>> {
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
  const inputTags = groupByKey(
    await inChunks(
      datasets.map((d) => d.input_uuid),
      (chunk) => ctx.db.selectFrom('input_tags').selectAll().where('input_uuid', 'in', chunk).execute(),
    ),
    (t) => t.input_uuid,
  );
  const byRun = new Map<string, DatasetInput[]>();
  for (const d of datasets) {
    const input: DatasetInput = {
      tags: (inputTags.get(d.input_uuid) ?? []).map((t) => ({ key: t.name, value: t.value })),
      dataset: {
        name: d.name,
        digest: d.digest,
        source_type: d.source_type,
        source: d.source,
        ...(d.schema === null ? {} : { schema: d.schema }),
        ...(d.profile === null ? {} : { profile: d.profile }),
      },
    };
    const list = byRun.get(d.run_uuid);
    if (list === undefined) byRun.set(d.run_uuid, [input]);
    else list.push(input);
  }
  return byRun;
}

/**
 * Loads the full runs (info, latest metrics, params, tags, inputs, outputs) for run rows, in their order.
 *
 * @example const runs = await loadRuns(ctx, rows);
 */
export async function loadRuns(ctx: SqlContext, rows: RunsTable[]): Promise<Run[]> {
  if (rows.length === 0) return [];
  const children = await loadRunPageChildren(
    ctx,
    rows.map((r) => r.run_uuid),
  );
  const datasets =
    children.withDatasets.length === 0
      ? new Map<string, DatasetInput[]>()
      : await loadDatasetInputs(ctx, children.withDatasets);
  return rows.map((row) => {
    const id = row.run_uuid;
    return {
      info: runInfoFromRow(row),
      data: {
        metrics: children.metrics.get(id) ?? [],
        params: children.params.get(id) ?? [],
        tags: children.tags.get(id) ?? [],
      },
      inputs: {
        dataset_inputs: datasets.get(id) ?? [],
        model_inputs: children.modelInputs.get(id) ?? [],
      },
      outputs: { model_outputs: children.modelOutputs.get(id) ?? [] },
    };
  });
}

import { sql, type RawBuilder } from 'kysely';
import type { KeyValue, Metric, ModelInput, ModelOutput } from '../tracking-store.js';
import type { SqlContext } from './sql-context.js';
import type { StoreDialectCapabilities } from './store-dialect.js';

/** The child rows of a page of runs, grouped by run id. */
export interface RunPageChildren {
  readonly metrics: Map<string, Metric[]>;
  readonly params: Map<string, KeyValue[]>;
  readonly tags: Map<string, KeyValue[]>;
  readonly modelOutputs: Map<string, ModelOutput[]>;
  readonly modelInputs: Map<string, ModelInput[]>;
  /** Runs with dataset inputs; those need joins and are loaded separately. */
  readonly withDatasets: string[];
}

// SQLite answers JSON as text; pg parses json columns itself (and json_agg of nothing is NULL).
type JsonCell = string | unknown[] | null;
interface ChildrenRow {
  run_uuid: string;
  metrics: JsonCell;
  params: JsonCell;
  tags: JsonCell;
  outputs: JsonCell;
  models: JsonCell;
  has_datasets: boolean | number;
}
type Cell = string | number;

/**
 * One statement for the whole page: a row per run id (the ids travel as one JSON text parameter,
 * so the statement text stays short and constant), with each child table aggregated by a
 * correlated primary-key lookup into a JSON array of arrays. Building the JSON in the database is
 * much cheaper than materialising one driver row object per metric, param and tag, and there is no
 * GROUP BY to sort. The planner sees a fixed-size table function, which also keeps PostgreSQL from
 * JIT-compiling the statement for large pages.
 */
function childrenSql(ids: readonly string[], caps: StoreDialectCapabilities): RawBuilder<ChildrenRow> {
  const { build, aggregate, elements } = caps.jsonArrayFunctions;
  const items = (table: string, columns: string[]): RawBuilder<unknown> =>
    sql`(SELECT ${sql.raw(aggregate)}(${sql.raw(build)}(${sql.join(columns.map((c) => sql.ref(`x.${c}`)))}))
      FROM ${sql.table(table)} x WHERE x.run_uuid = p.value)`;
  return sql<ChildrenRow>`SELECT p.value AS run_uuid,
    ${items('latest_metrics', ['key', 'value', 'timestamp', 'step', 'is_nan'])} AS metrics,
    ${items('params', ['key', 'value'])} AS params,
    ${items('tags', ['key', 'value'])} AS tags,
    ${items('run_model_outputs', ['model_id', 'step'])} AS outputs,
    ${items('run_model_inputs', ['model_id'])} AS models,
    EXISTS (SELECT 1 FROM run_dataset_inputs x WHERE x.run_uuid = p.value) AS has_datasets
    FROM ${sql.raw(elements)}(${JSON.stringify(ids)}) p`;
}

// PostgreSQL's json renders ±Infinity as strings; SQLite's as 9.0e+999, which parses to Infinity.
function num(cell: Cell | undefined): number {
  return typeof cell === 'number' ? cell : Number(cell);
}

function metric(cells: Cell[]): Metric {
  const [key, value, timestamp, step, isNan] = cells;
  return {
    key: String(key),
    value: num(isNan) === 1 ? Number.NaN : num(value),
    timestamp: num(timestamp),
    step: num(step),
  };
}

// Code-unit order, as SQLite's BINARY collation and PostgreSQL's "C" collation compare.
function byFirstCell(a: Cell[], b: Cell[]): number {
  const [x, y] = [String(a[0]), String(b[0])];
  return x < y ? -1 : x > y ? 1 : 0;
}

function keyValue(cells: Cell[]): KeyValue {
  return { key: String(cells[0]), value: String(cells[1]) };
}

function emptyChildren(): RunPageChildren {
  return {
    metrics: new Map(),
    params: new Map(),
    tags: new Map(),
    modelOutputs: new Map(),
    modelInputs: new Map(),
    withDatasets: [],
  };
}

// The few items of a run come back in storage order; sorting here is cheaper than ORDER BY inside
// the aggregate, which makes the database sort each group.
function cells(json: JsonCell): Cell[][] {
  const items = (typeof json === 'string' ? JSON.parse(json) : (json ?? [])) as Cell[][];
  return items.sort(byFirstCell);
}

function addRun(children: RunPageChildren, row: ChildrenRow): void {
  const id = row.run_uuid;
  children.metrics.set(id, cells(row.metrics).map(metric));
  children.params.set(id, cells(row.params).map(keyValue));
  children.tags.set(id, cells(row.tags).map(keyValue));
  children.modelOutputs.set(
    id,
    cells(row.outputs).map((c) => ({ model_id: String(c[0]), step: num(c[1]) })),
  );
  children.modelInputs.set(
    id,
    cells(row.models).map((c) => ({ model_id: String(c[0]) })),
  );
  if (row.has_datasets === true || row.has_datasets === 1) children.withDatasets.push(id);
}

/**
 * Loads latest metrics, params, tags and model inputs/outputs of many runs in one statement (not
 * one per run, nor one per table), and names the runs that have dataset inputs.
 *
 * @example const children = await loadRunPageChildren(ctx, rows.map((r) => r.run_uuid));
 */
export async function loadRunPageChildren(ctx: SqlContext, ids: readonly string[]): Promise<RunPageChildren> {
  const children = emptyChildren();
  const { rows } = await childrenSql(ids, ctx.caps).execute(ctx.db);
  for (const row of rows) addRun(children, row);
  return children;
}

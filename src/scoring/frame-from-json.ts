/**
 * `dataframe_split`, `dataframe_records` and column dicts → a DataFrame whose columns are cast by the
 * input schema first, as MLflow's scoring server does before enforcing the signature.
 */
import { MlflowError } from '../core/mlflow-error.js';
import { isPlainObject, pythonRepr } from '../core/python-json.js';
import { Column, type ColumnLabel } from '../data/column.js';
import { DataFrame } from '../data/data-frame.js';
import type { DType } from '../data/dtype.js';
import type { ColSpec, Schema, TensorSpec } from '../schema/types.js';
import { castColumn, ColumnCastError } from './cast-column.js';
import { tensorFromJson } from './cast-tensor.js';

type Spec = ColSpec | TensorSpec;

/** How a schema finds the spec of a column, worked out once per schema (the model's, for its lifetime). */
interface SpecLookup {
  readonly byName: ReadonlyMap<ColumnLabel, Spec> | undefined;
  readonly specs: readonly Spec[];
  readonly tensors: boolean;
}

const lookups = new WeakMap<Schema, SpecLookup>();

function lookupOf(schema: Schema): SpecLookup {
  let lookup = lookups.get(schema);
  if (!lookup) {
    const specs: readonly Spec[] = schema.specs;
    const named = specs.every((s) => s.name !== undefined);
    // The first spec of a repeated name wins, as a linear search would find it.
    const byName = named ? new Map([...specs].reverse().map((s) => [s.name as ColumnLabel, s])) : undefined;
    lookup = { byName, specs, tensors: schema.kind === 'tensors' };
    lookups.set(schema, lookup);
  }
  return lookup;
}

function specAt(schema: Schema | null, name: ColumnLabel, index: number): Spec | undefined {
  if (!schema) return undefined;
  const { byName, specs, tensors } = lookupOf(schema);
  if (byName) return byName.get(name);
  if (tensors) return specs.length === 1 ? specs[0] : undefined;
  return specs[index];
}

function castOne(
  name: ColumnLabel,
  values: readonly unknown[],
  spec: ColSpec | TensorSpec | undefined,
  tfServing: boolean,
): Column {
  if (spec?.kind === 'tensor') {
    if (values.some((v) => Array.isArray(v))) return castColumn(name, values, undefined);
    const t = tensorFromJson(values, spec.dtype);
    return new Column<DType>(name, t.dtype, t.data);
  }
  return castColumn(name, values, spec?.type, spec?.required ?? true, tfServing);
}

/**
 * A frame from named columns of JSON values, each cast by its spec in `schema`. With `tfServing`
 * (the `inputs`/`instances` formats) a failed cast reads `Invalid input. <detail>`, as numpy's.
 *
 * @example castFrame(schema, ['x'], [[1, 2]], 2)
 */
export function castFrame(
  schema: Schema | null,
  names: readonly ColumnLabel[],
  columns: readonly (readonly unknown[])[],
  length: number,
  tfServing = false,
): DataFrame {
  try {
    const cast = new Array<Column>(names.length);
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as ColumnLabel;
      cast[i] = castOne(name, columns[i] ?? [], specAt(schema, name, i), tfServing);
    }
    return new DataFrame(cast, length);
  } catch (error) {
    if (tfServing && error instanceof ColumnCastError)
      throw new MlflowError(`Invalid input. ${error.detail}`, 'BAD_REQUEST');
    throw error;
  }
}

function badSplit(detail: string): MlflowError {
  return new MlflowError(
    `Invalid input. Provided dataframe_split field is not a valid dataframe representation in 'split' format. Error: '${detail}'`,
    'BAD_REQUEST',
  );
}

/**
 * `{"columns": [...], "data": [[...]], "index": [...]}` → a cast frame; the index is accepted and dropped.
 *
 * @example frameFromSplit(schema, { columns: ['x'], data: [[1]] })
 */
export function frameFromSplit(schema: Schema | null, split: unknown): DataFrame {
  if (Array.isArray(split) || !isPlainObject(split))
    throw new MlflowError(
      `Invalid input. Dataframe split format must be a dictionary. Got ${Array.isArray(split) ? 'list' : 'str'}.`,
      'BAD_REQUEST',
    );
  if (!('data' in split) || !onlySplitKeys(split))
    throw new MlflowError(
      `Invalid input. Dataframe split format must have 'data' field and optionally 'columns' and 'index' fields. Got ${pythonRepr(Object.keys(split))}.'`,
      'BAD_REQUEST',
    );
  const data = split.data;
  if (!Array.isArray(data) || !data.every(Array.isArray))
    throw badSplit('ValueError("DataFrame constructor not properly called!")');
  const rows = data as unknown[][];
  const width = Array.isArray(split.columns) ? split.columns.length : (rows[0]?.length ?? 0);
  const names = Array.isArray(split.columns)
    ? (split.columns as ColumnLabel[])
    : Array.from({ length: width }, (_, i) => i);
  const bad = rows.find((row) => row.length !== width);
  if (bad) throw badSplit(`ValueError('${width} columns passed, passed data had ${bad.length} columns')`);
  return castFrame(schema, names, transpose(rows, width), rows.length);
}

function onlySplitKeys(split: Record<string, unknown>): boolean {
  for (const key in split) if (key !== 'data' && key !== 'columns' && key !== 'index') return false;
  return true;
}

/** Rows of equal width → columns. */
function transpose(rows: readonly (readonly unknown[])[], width: number): unknown[][] {
  const columns = new Array<unknown[]>(width);
  for (let j = 0; j < width; j++) {
    const column = new Array<unknown>(rows.length);
    for (let i = 0; i < rows.length; i++) column[i] = (rows[i] as readonly unknown[])[j];
    columns[j] = column;
  }
  return columns;
}

/**
 * Row objects → a cast frame, columns in first-seen key order and null where a row lacks a key.
 *
 * @example frameFromRecordsJson(schema, [{ x: 1 }, { x: '2' }])
 */
export function frameFromRecordsJson(
  schema: Schema | null,
  records: readonly unknown[],
  tfServing = false,
): DataFrame {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const row of records) {
    if (!isPlainObject(row))
      throw new MlflowError(
        'Invalid input. Dataframe records format must be a list of records. Got list.',
        'BAD_REQUEST',
      );
    for (const key of Object.keys(row)) {
      if (seen.has(key)) continue;
      seen.add(key);
      names.push(key);
    }
  }
  const rows = records as Record<string, unknown>[];
  const columns = names.map((n) => rows.map((row) => (Object.hasOwn(row, n) ? row[n] : null)));
  return castFrame(schema, names, columns, records.length, tfServing);
}

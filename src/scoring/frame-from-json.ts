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

function specAt(schema: Schema | null, name: ColumnLabel, index: number): ColSpec | TensorSpec | undefined {
  if (!schema) return undefined;
  const specs: readonly (ColSpec | TensorSpec)[] = schema.specs;
  const named = specs.every((s) => s.name !== undefined);
  if (named) return specs.find((s) => s.name === name);
  if (schema.kind === 'tensors') return specs.length === 1 ? specs[0] : undefined;
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
    const cast = names.map((name, i) => castOne(name, columns[i] ?? [], specAt(schema, name, i), tfServing));
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
  const extra = Object.keys(split).filter((k) => !['data', 'columns', 'index'].includes(k));
  if (!('data' in split) || extra.length > 0)
    throw new MlflowError(
      `Invalid input. Dataframe split format must have 'data' field and optionally 'columns' and 'index' fields. Got ${pythonRepr(Object.keys(split))}.'`,
      'BAD_REQUEST',
    );
  const data = split.data;
  if (!Array.isArray(data) || !data.every(Array.isArray))
    throw badSplit('ValueError("DataFrame constructor not properly called!")');
  const width = Array.isArray(split.columns) ? split.columns.length : (data[0]?.length ?? 0);
  const names = Array.isArray(split.columns)
    ? (split.columns as ColumnLabel[])
    : Array.from({ length: width }, (_, i) => i);
  if (data.some((row) => row.length !== width))
    throw badSplit(
      `ValueError('${width} columns passed, passed data had ${data.find((r) => r.length !== width)?.length ?? 0} columns')`,
    );
  const columns = names.map((_, j) => data.map((row) => row[j] as unknown));
  return castFrame(schema, names, columns, data.length);
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

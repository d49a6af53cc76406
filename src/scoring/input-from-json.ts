/**
 * The TF-serving request formats (`inputs`: columnar, `instances`: rows) → what the model's
 * signature expects, each value cast by its spec first, as MLflow's scoring server parses them.
 */
import { MlflowError } from '../core/mlflow-error.js';
import { isPlainObject } from '../core/python-json.js';
import type { Tensor } from '../data/tensor.js';
import type { ColSpec, Schema, TensorSpec } from '../schema/types.js';
import { inferTensor, tensorFromJson } from './cast-tensor.js';
import { castFrame, frameFromRecordsJson } from './frame-from-json.js';

type Plain = Record<string, unknown>;

const UNNAMED_DICT =
  "Failed to parse input data. This model contains an un-named  model signature which expects a single n-dimensional array or a single value as input, however, an input of type <class 'dict'> was found.";

function badRequest(message: string): MlflowError {
  return new MlflowError(message, 'BAD_REQUEST');
}

const isNamed = (specs: readonly (ColSpec | TensorSpec)[]): boolean =>
  specs.every((s) => s.name !== undefined);

/** A dict of columns: complex schemas and all-scalar dicts are one row; lists are columns (scalars broadcast). */
function columnsFromDict(schema: Schema, dict: Plain): unknown {
  const names = Object.keys(dict);
  const values = Object.values(dict);
  const complex = schema.specs.some((s) => s.kind === 'column' && s.type.kind !== 'scalar');
  if (complex || values.every((v) => !Array.isArray(v)))
    return castFrame(
      schema,
      names,
      values.map((v) => [v]),
      1,
      true,
    );
  const lengths = new Set(values.filter(Array.isArray).map((v) => v.length));
  if (lengths.size > 1) throw badRequest('Invalid input. All arrays must be of the same length');
  const length = [...lengths][0] ?? 0;
  const columns = values.map((v) => (Array.isArray(v) ? v : new Array<unknown>(length).fill(v)));
  return castFrame(schema, names, columns, length, true);
}

function columnInput(schema: Schema & { kind: 'columns' }, value: unknown): unknown {
  const { specs } = schema;
  if (!isNamed(specs)) {
    if (isPlainObject(value)) throw badRequest(UNNAMED_DICT);
    if (!Array.isArray(value)) return castFrame(schema, [0], [[value]], 1, true);
    if (!value.every(Array.isArray)) return castFrame(schema, [0], [value], value.length, true);
    const width = (value[0] as unknown[] | undefined)?.length ?? 0;
    const names = Array.from({ length: width }, (_, j) => j);
    return castFrame(
      schema,
      names,
      names.map((j) => value.map((row) => (row as unknown[])[j])),
      value.length,
      true,
    );
  }
  if (isPlainObject(value)) return columnsFromDict(schema, value);
  if (Array.isArray(value) && value.length > 0 && value.every(isPlainObject))
    return frameFromRecordsJson(schema, value, true);
  const [only, ...rest] = specs;
  if (only && rest.length === 0 && Array.isArray(value) && only.name !== undefined)
    return castFrame(schema, [only.name], [value], value.length, true);
  return Array.isArray(value) ? inferTensor(value) : value;
}

function tensorInput(schema: Schema & { kind: 'tensors' }, value: unknown): unknown {
  const { specs } = schema;
  const [only, ...rest] = specs;
  if (!isNamed(specs)) {
    if (isPlainObject(value)) throw badRequest(UNNAMED_DICT);
    return only && rest.length === 0 ? tensorFromJson(value, only.dtype) : value;
  }
  if (isPlainObject(value)) {
    const out: Record<string, Tensor | unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const spec = specs.find((s) => s.name === k);
      out[k] = spec ? tensorFromJson(v, spec.dtype) : inferTensor(v);
    }
    return out;
  }
  if (only?.name !== undefined && rest.length === 0)
    return { [only.name]: tensorFromJson(value, only.dtype) };
  return Array.isArray(value) ? inferTensor(value) : value;
}

/**
 * The `inputs` value typed by the input schema: a cast DataFrame for column schemas, tensors for
 * tensor schemas, the JSON value itself without a schema.
 *
 * @example inputsFromJson(schema, { a: [1, 2], b: [3, 4] }) // DataFrame
 */
export function inputsFromJson(schema: Schema | null, value: unknown): unknown {
  if (!schema) return value;
  return schema.kind === 'columns' ? columnInput(schema, value) : tensorInput(schema, value);
}

/** Rows `[{a, b}, ...]` → columns `{a: [...], b: [...]}`; every row must have the same keys. */
function rowsToColumns(rows: readonly Plain[]): Plain {
  const keys = Object.keys(rows[0] ?? {});
  const same = rows.every(
    (r) => Object.keys(r).length === keys.length && keys.every((k) => Object.hasOwn(r, k)),
  );
  if (!same)
    throw badRequest('Invalid input. The length of values for each input/column name are not the same');
  return Object.fromEntries(keys.map((k) => [k, rows.map((r) => r[k])]));
}

/**
 * The `instances` value (TF-serving rows) typed by the input schema; rows of objects become columns.
 *
 * @example instancesFromJson(schema, [{ a: [1, 2, 3], b: 7 }]) // { a: Tensor [1, 3], b: Tensor [1] }
 */
export function instancesFromJson(schema: Schema | null, value: unknown): unknown {
  if (!Array.isArray(value) || value.length === 0 || !value.every(isPlainObject))
    return inputsFromJson(schema, value);
  if (schema?.kind === 'columns') {
    rowsToColumns(value);
    return frameFromRecordsJson(schema, value, true);
  }
  return inputsFromJson(schema, rowsToColumns(value));
}

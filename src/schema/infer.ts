/**
 * Signature inference from example data, as MLflow's `infer_signature`: the input and output
 * examples give schemas (falling back to `[{"type": "any", "required": true}]` when they cannot be
 * inferred, as MLflow 3.6 does), the example params give the ParamSchema.
 */
import { MlflowError } from '../core/mlflow-error.js';
import { isPlainObject } from '../core/python-json.js';
import { frameFromArrow, isArrowTable } from '../data/arrow.js';
import { Column } from '../data/column.js';
import { DataFrame } from '../data/data-frame.js';
import { Tensor } from '../data/tensor.js';
import { colSpecOfColumn } from './infer-column.js';
import { inferParamSchema } from './infer-params.js';
import { dtypeOfVector, inferArrayType, inferValueType, isMissing, isNumericVector } from './infer-type.js';
import type { ColSpec, ColType, ModelSignature, Schema, TensorSpec } from './types.js';

function invalid(message: string): MlflowError {
  return new MlflowError(message, 'INVALID_PARAMETER_VALUE');
}

/** `_infer_colspec_type`: the type of a value, which must be determined. */
function colSpecType(value: unknown): ColType {
  const type = inferValueType(value);
  if (type === undefined) throw invalid('Numpy array must include at least one non-empty item.');
  return type;
}

function tensorSpec(t: Tensor, name?: string): TensorSpec {
  if (t.rank === 0)
    throw invalid(
      'The specified variable_dimension 0 is out of bounds with respect to the number of dimensions 0 in the input dataset',
    );
  const shape = [-1, ...t.shape.slice(1)];
  return name === undefined
    ? { kind: 'tensor', dtype: t.dtype, shape }
    : { kind: 'tensor', name, dtype: t.dtype, shape };
}

/** Wraps inferred specs (always all named or all unnamed, never mixed) in a schema; empty is an error. */
function schemaOf(specs: readonly ColSpec[] | readonly TensorSpec[]): Schema {
  if (specs.length === 0) throw invalid('Creating Schema with empty inputs is not allowed.');
  return specs.every((s) => s.kind === 'tensor')
    ? { kind: 'tensors', specs: specs as readonly TensorSpec[] }
    : { kind: 'columns', specs: specs as readonly ColSpec[] };
}

function recordsSchema(records: readonly Record<string, unknown>[]): Schema {
  const columns = new Map<string, unknown[]>();
  for (const row of records)
    for (const [k, v] of Object.entries(row)) {
      const values = columns.get(k) ?? [];
      values.push(v);
      columns.set(k, values);
    }
  const specs = [...columns].map(([name, values]): ColSpec => {
    const type = inferArrayType(values);
    if (type?.kind !== 'array') throw invalid('Numpy array must include at least one non-empty item.');
    // `required` asks for a present, non-None value in every row (NaN counts as present)
    const required = records.every((row) => row[name] !== null && row[name] !== undefined);
    return { kind: 'column', name, type: type.items, required };
  });
  return schemaOf(specs);
}

function requiredValue(v: unknown): boolean {
  return Array.isArray(v) ? !v.some(isMissing) : !isMissing(v);
}

function dictSchema(dict: Record<string, unknown>): Schema {
  const entries = Object.entries(dict);
  if (entries.every(([, v]) => v instanceof Tensor))
    return schemaOf(entries.map(([name, t]) => tensorSpec(t as Tensor, name)));
  return schemaOf(
    entries.map(([name, v]): ColSpec => ({
      kind: 'column',
      name,
      type: colSpecType(v),
      required: requiredValue(v),
    })),
  );
}

function listSchema(list: readonly unknown[]): Schema {
  if (list.length === 0)
    return {
      kind: 'columns',
      specs: [{ kind: 'column', type: { kind: 'scalar', type: 'string' }, required: true }],
    };
  if (list.every(isPlainObject)) return recordsSchema(list);
  const type = colSpecType(list);
  if (type.kind !== 'array') throw invalid('Expected a list type');
  return schemaOf([{ kind: 'column', type: type.items, required: true }]);
}

/**
 * Infers one schema (`_infer_schema`) from a DataFrame, Column, Tensor, record of Tensors, Arrow
 * table, array of records, plain object, array of values or scalar; throws when it cannot.
 *
 * @example inferSchema([{ a: 1, b: 'x' }]) // a: long, b: string
 */
export function inferSchema(data: unknown): Schema {
  if (isArrowTable(data)) return inferSchema(frameFromArrow(data));
  if (data instanceof DataFrame) return schemaOf(data.columns.map(colSpecOfColumn));
  if (data instanceof Column) return schemaOf([colSpecOfColumn(data)]);
  if (data instanceof Tensor) return schemaOf([tensorSpec(data)]);
  if (isNumericVector(data))
    return schemaOf([tensorSpec(new Tensor(dtypeOfVector(data), [data.length], data))]);
  if (Array.isArray(data)) return listSchema(data);
  if (isPlainObject(data)) return dictSchema(data);
  return schemaOf([{ kind: 'column', type: colSpecType(data), required: true }]);
}

const ANY_SCHEMA: Schema = {
  kind: 'columns',
  specs: [{ kind: 'column', type: { kind: 'any' }, required: true }],
};

function inferOrAny(data: unknown): Schema | null {
  if (data === undefined || data === null) return null;
  try {
    return inferSchema(data);
  } catch {
    // MLflow 3.6 logs a warning and falls back to AnyType rather than failing the whole call
    return ANY_SCHEMA;
  }
}

/**
 * Infers a model signature from example input, output and params, as `mlflow.models.infer_signature`.
 *
 * @example signatureToDict(inferSignature([{ a: 1 }], undefined, { k: 0.5 }))
 * // { inputs: '[{"type": "long", "name": "a", "required": true}]', outputs: null, params: '[{"name": "k", ...}]' }
 */
export function inferSignature(
  input?: unknown,
  output?: unknown,
  params?: Readonly<Record<string, unknown>> | null,
): ModelSignature {
  const inputs = inferOrAny(input);
  const outputs = inferOrAny(output);
  const hasParams =
    params !== undefined && params !== null && (!isPlainObject(params) || Object.keys(params).length > 0);
  const paramSchema = hasParams ? inferParamSchema(params) : null;
  if (inputs === null && outputs === null && paramSchema === null)
    throw invalid('At least one of inputs, outputs or params must be provided');
  return { inputs, outputs, params: paramSchema };
}

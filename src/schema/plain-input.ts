import { isPlainObject } from '../core/python-json.js';
import { Column, type ColumnLabel } from '../data/column.js';
import { DataFrame } from '../data/data-frame.js';
import { allocate, type DType } from '../data/dtype.js';
import { columnFromValues } from '../data/from-js.js';
import { Tensor } from '../data/tensor.js';
import type { ColSpec, DataType, Schema, TensorSpec } from './types.js';

// A JS number cannot say whether it is Python's int or float, so plain JS input is typed by the
// schema, as MLflow's scoring server types JSON. Typed input (DataFrame, Tensor) keeps its own dtypes
// and meets MLflow's stricter in-process rules.

type Plain = Record<string, unknown>;

const NUMERIC_TARGET: Partial<Record<DataType, DType>> = {
  double: 'float64',
  float: 'float32',
  long: 'int64',
  integer: 'int32',
  boolean: 'bool',
};

function fitsTarget(dtype: DType, v: unknown): boolean {
  if (dtype === 'bool') return typeof v === 'boolean';
  if (dtype === 'float64' || dtype === 'float32') return v === null || typeof v === 'number';
  if (typeof v === 'bigint') return dtype === 'int64' || (v >= -(2n ** 31n) && v < 2n ** 31n);
  if (typeof v !== 'number' || !Number.isInteger(v)) return false;
  return dtype === 'int64' ? Number.isSafeInteger(v) : v >= -(2 ** 31) && v < 2 ** 31;
}

/** One column of plain values: typed by its spec when every value fits, else inferred as pandas would. */
function typedColumn(name: ColumnLabel, values: readonly unknown[], spec: ColSpec | undefined): Column {
  const target = spec?.type.kind === 'scalar' ? NUMERIC_TARGET[spec.type.type] : undefined;
  if (!target || !values.every((v) => fitsTarget(target, v))) return columnFromValues(name, values);
  const out = allocate(target, values.length);
  values.forEach((v, i) => {
    if (target === 'bool') (out as Uint8Array)[i] = v ? 1 : 0;
    else if (target === 'int64') (out as BigInt64Array)[i] = BigInt(v as number);
    else (out as Float64Array)[i] = v === null ? NaN : (v as number);
  });
  return new Column(name, target, out);
}

function frameFromPlain(
  columns: Map<string, unknown[]>,
  length: number,
  specs: readonly ColSpec[],
): DataFrame {
  const byName = new Map(specs.map((s) => [String(s.name), s]));
  return new DataFrame(
    [...columns].map(([name, values]) => typedColumn(name, values, byName.get(name))),
    length,
  );
}

function recordsToColumns(records: readonly Plain[]): Map<string, unknown[]> {
  const columns = new Map<string, unknown[]>();
  records.forEach((row, i) => {
    for (const key of Object.keys(row)) {
      let column = columns.get(key);
      if (!column) columns.set(key, (column = new Array<unknown>(records.length).fill(null)));
      column[i] = row[key];
    }
  });
  return columns;
}

function typedColumns(input: unknown, specs: readonly ColSpec[]): unknown {
  if (!specs.every((s) => s.name !== undefined)) return input;
  if (Array.isArray(input) && input.length > 0 && input.every(isPlainObject))
    return frameFromPlain(recordsToColumns(input), input.length, specs);
  if (!isPlainObject(input)) return input;
  const values = Object.values(input);
  // A dict is one row when the schema has complex columns or its values are all scalars, as in MLflow.
  if (specs.some((s) => s.type.kind !== 'scalar') || values.every((v) => !Array.isArray(v)))
    return frameFromPlain(recordsToColumns([input]), 1, specs);
  if (values.length > 0 && values.every(Array.isArray)) {
    const length = (values[0] as unknown[]).length;
    if (!values.every((v) => (v as unknown[]).length === length)) return input;
    return frameFromPlain(new Map(Object.entries(input) as [string, unknown[]][]), length, specs);
  }
  return input;
}

const TENSOR_DTYPES = new Set<string>([
  'float64',
  'float32',
  'int64',
  'int32',
  'int16',
  'int8',
  'uint8',
  'uint16',
  'uint32',
  'bool',
]);

/** Nested JS arrays → a tensor of the spec's dtype, when they are rectangular and hold numbers (or booleans). */
function tensorFromNested(value: unknown, spec: TensorSpec): unknown {
  if (!Array.isArray(value) || !TENSOR_DTYPES.has(spec.dtype)) return value;
  const shape: number[] = [];
  for (let v: unknown = value; Array.isArray(v); v = v[0]) shape.push(v.length);
  const flat = (value as unknown[]).flat(shape.length - 1);
  const size = shape.reduce((a, b) => a * b, 1);
  const scalar = spec.dtype === 'bool' ? 'boolean' : 'number';
  if (flat.length !== size || !flat.every((v) => typeof v === scalar)) return value;
  const dtype = spec.dtype as DType;
  const out = allocate(dtype, size);
  flat.forEach((v, i) => {
    if (dtype === 'bool') (out as Uint8Array)[i] = v ? 1 : 0;
    else if (dtype === 'int64') (out as BigInt64Array)[i] = BigInt(Math.trunc(v as number));
    else (out as Float64Array)[i] = v as number;
  });
  return new Tensor(dtype, shape, out);
}

function typedTensors(input: unknown, specs: readonly TensorSpec[]): unknown {
  const named = specs.every((s) => s.name !== undefined);
  const [only, ...rest] = specs;
  if (!named) return only && rest.length === 0 ? tensorFromNested(input, only) : input;
  if (!isPlainObject(input)) return input;
  const out: Plain = { ...input };
  for (const spec of specs)
    if (spec.name !== undefined && spec.name in out) out[spec.name] = tensorFromNested(out[spec.name], spec);
  return out;
}

/**
 * Types plain JS input (records, an object of columns, nested arrays) by the schema, so JS numbers
 * become the dtypes the schema asks for. Anything else is returned unchanged for enforcement to judge.
 *
 * @example typePlainInput(schema, [{ x: 1 }]) // DataFrame with x: float64 when the schema says double
 */
export function typePlainInput(schema: Schema | null, input: unknown): unknown {
  if (!schema) return input;
  return schema.kind === 'columns' ? typedColumns(input, schema.specs) : typedTensors(input, schema.specs);
}

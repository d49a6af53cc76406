/**
 * Open Inference Protocol (KServe V2) tensors ↔ Modeldock values: request inputs become the frame
 * or tensors the signature expects, and predictions become V2 output tensors.
 */
import { MlflowError } from '../core/mlflow-error.js';
import { isPlainObject } from '../core/python-json.js';
import { Column } from '../data/column.js';
import { DataFrame } from '../data/data-frame.js';
import type { DType } from '../data/dtype.js';
import { Tensor } from '../data/tensor.js';
import { predictionsJson } from '../model/predictions-json.js';
import type { ColSpec, DataType, Schema, TensorSpec } from '../schema/types.js';
import { castColumn } from './cast-column.js';
import { tensorFromJson } from './cast-tensor.js';

/** One V2 tensor, as requests and responses carry it. */
export interface V2Tensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly datatype: string;
  readonly data: readonly unknown[];
}

const NUMPY_OF_V2: Readonly<Record<string, string>> = {
  BOOL: 'bool',
  UINT8: 'uint8',
  UINT16: 'uint16',
  UINT32: 'uint32',
  UINT64: 'uint64',
  INT8: 'int8',
  INT16: 'int16',
  INT32: 'int32',
  INT64: 'int64',
  FP16: 'float16',
  FP32: 'float32',
  FP64: 'float64',
  BYTES: 'object',
};
const V2_OF_NUMPY: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(NUMPY_OF_V2).map(([v2, np]) => [np, v2]),
);
const V2_OF_DATATYPE: Readonly<Record<DataType, string>> = {
  double: 'FP64',
  float: 'FP32',
  long: 'INT64',
  integer: 'INT32',
  boolean: 'BOOL',
  string: 'BYTES',
  binary: 'BYTES',
  datetime: 'BYTES',
};

/**
 * The V2 datatype of a numpy dtype name (BYTES for anything not numeric or boolean).
 *
 * @example v2Datatype('float32') // 'FP32'
 */
export function v2Datatype(dtype: string): string {
  return V2_OF_NUMPY[dtype] ?? 'BYTES';
}

/**
 * The V2 metadata entry of one signature spec: name, datatype, shape.
 *
 * @example v2SpecMetadata({ kind: 'column', name: 'x', type: { kind: 'scalar', type: 'double' }, required: true }, 0)
 */
export function v2SpecMetadata(
  spec: ColSpec | TensorSpec,
  index: number,
): { name: string; datatype: string; shape: number[] } {
  const name = spec.name === undefined ? `input-${index}` : String(spec.name);
  if (spec.kind === 'tensor') return { name, datatype: v2Datatype(spec.dtype), shape: [...spec.shape] };
  const datatype = spec.type.kind === 'scalar' ? V2_OF_DATATYPE[spec.type.type] : 'BYTES';
  return { name, datatype, shape: [-1] };
}

function checkTensor(t: unknown): V2Tensor {
  const ok =
    isPlainObject(t) &&
    typeof t.name === 'string' &&
    typeof t.datatype === 'string' &&
    Array.isArray(t.shape) &&
    Array.isArray(t.data);
  if (!ok) throw new MlflowError('Each input needs name, shape, datatype and data.', 'BAD_REQUEST');
  return t as unknown as V2Tensor;
}

function toTensor(t: V2Tensor, dtype: string): Tensor {
  const flat = tensorFromJson(t.data.flat(Infinity), dtype);
  return new Tensor(flat.dtype, t.shape, flat.data);
}

/**
 * V2 request inputs → the model input: a frame of named columns for column schemas (and for 1-D
 * inputs without a schema), a tensor or a record of tensors for tensor schemas.
 *
 * @example inputFromV2(schema, [{ name: 'x', shape: [2], datatype: 'FP64', data: [1, 2] }])
 */
export function inputFromV2(schema: Schema | null, inputs: unknown): unknown {
  if (!Array.isArray(inputs) || inputs.length === 0)
    throw new MlflowError('The request needs a non-empty inputs list.', 'BAD_REQUEST');
  const tensors = inputs.map(checkTensor);
  const [first] = tensors;
  if (schema?.kind === 'tensors') {
    const [only, ...rest] = schema.specs;
    if (first && only && rest.length === 0 && only.name === undefined) return toTensor(first, only.dtype);
    return Object.fromEntries(
      tensors.map((t) => [
        t.name,
        toTensor(
          t,
          schema.specs.find((s) => s.name === t.name)?.dtype ?? NUMPY_OF_V2[t.datatype] ?? 'object',
        ),
      ]),
    );
  }
  if (!schema && tensors.some((t) => t.shape.length > 1))
    return Object.fromEntries(tensors.map((t) => [t.name, toTensor(t, NUMPY_OF_V2[t.datatype] ?? 'object')]));
  const columns = tensors.map((t) => {
    const spec = schema?.specs.find((s) => s.name === t.name);
    return castColumn(t.name, t.data.flat(Infinity), spec?.type, spec?.required ?? true, true);
  });
  return new DataFrame(columns);
}

function columnOutput(c: Column): V2Tensor {
  const data = predictionsJson(c) as unknown[];
  return {
    name: String(c.name),
    shape: [c.length],
    datatype: v2Datatype(c.dtype),
    data: c.dtype === 'object' ? data.map(bytesText) : data,
  };
}

function bytesText(v: unknown): unknown {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function tensorOutput(name: string, t: Tensor): V2Tensor {
  const flat = new Column(name, t.dtype as DType, t.data);
  return { ...columnOutput(flat), shape: [...t.shape] };
}

function plainOutput(name: string, value: unknown): V2Tensor {
  const list = Array.isArray(value) ? value : [value];
  if (list.every((v) => typeof v === 'number'))
    return {
      name,
      shape: [list.length],
      datatype: list.every(Number.isInteger) ? 'INT64' : 'FP64',
      data: list,
    };
  if (list.every((v) => typeof v === 'boolean'))
    return { name, shape: [list.length], datatype: 'BOOL', data: list };
  return { name, shape: [list.length], datatype: 'BYTES', data: list.map(bytesText) };
}

/**
 * Predictions → V2 output tensors: one per frame column, per named tensor, or one `output-0`.
 *
 * @example outputsToV2(predictions) // [{ name: 'output-0', shape: [2], datatype: 'INT64', data: [0, 1] }]
 */
export function outputsToV2(output: unknown): V2Tensor[] {
  if (output instanceof DataFrame) return output.columns.map(columnOutput);
  if (output instanceof Tensor) return [tensorOutput('output-0', output)];
  if (output instanceof Column) return [columnOutput(output.rename('output-0'))];
  if (isPlainObject(output) && Object.values(output).every((v) => v instanceof Tensor))
    return Object.entries(output).map(([k, v]) => tensorOutput(k, v as Tensor));
  const plain = predictionsJson(output);
  if (Array.isArray(plain) && plain.length > 0 && plain.every(isPlainObject)) {
    const keys = Object.keys(plain[0] as object);
    return keys.map((k) =>
      plainOutput(
        k,
        plain.map((row) => (row as Record<string, unknown>)[k]),
      ),
    );
  }
  return [plainOutput('output-0', plain)];
}

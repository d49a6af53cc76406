/**
 * Modeldock values → the "Python JSON" MLflow 3.x stores for an input example: a DataFrame as its
 * `split` dict, a tensor as its nested list, plain JSON as-is. NaN becomes null, bytes base64 (with
 * MIME line breaks), datetimes ISO strings, exactly as MLflow's `NumpyEncoder` after `tolist()`.
 */
import { MlflowError } from '../core/mlflow-error.js';
import { PyFloat } from '../core/python-json.js';
import type { Column } from '../data/column.js';
import { DataFrame } from '../data/data-frame.js';
import { type ColumnValues, type DType, isFloat, isInteger, NAT } from '../data/dtype.js';
import { Tensor } from '../data/tensor.js';
import { isMapping } from './mlmodel-errors.js';
import { pythonIsoformat, timestampIsoformat } from './python-datetime.js';
import { base64EncodeBytes, type PyJson } from './example-json.js';
import type { InputExampleType } from './saved-input-example-info.js';

/** An example's stored form: its type, the `input_example.json` data and the serving payload. */
export interface EncodedExample {
  readonly type: InputExampleType;
  readonly pandasOrient?: 'split' | 'values';
  readonly data: PyJson;
  readonly serving: PyJson;
  /** True for a dict in the unified LLM format, whose serving payload is the dict itself. */
  readonly unifiedLlm: boolean;
}

// MLflow's scoring server accepts chat, completions and embeddings requests unwrapped.
const UNIFIED_LLM_KEYS = ['messages', 'prompt', 'input'];

function unsupported(value: unknown, where: string): MlflowError {
  const kind = value === null ? 'null' : (value?.constructor?.name ?? typeof value);
  return new MlflowError(
    `An input example cannot hold ${kind} (at ${where}). Expected a DataFrame, a Tensor, a record of ` +
      'Tensors, JSON values (objects, lists, strings, numbers, booleans), Dates or bytes.',
    'INVALID_PARAMETER_VALUE',
    { field: where },
  );
}

/**
 * A plain JS value as Python's json sees it: safe integers are ints, other numbers floats, NaN null.
 *
 * @example encodeJsonValue({ a: 1, b: 0.5 }) // { a: 1n, b: 0.5 }
 */
export function encodeJsonValue(value: unknown, where = 'input'): PyJson {
  if (value === null || typeof value === 'boolean' || typeof value === 'string' || typeof value === 'bigint')
    return value;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return null;
    return Number.isSafeInteger(value) ? BigInt(value) : value;
  }
  if (value instanceof PyFloat) return Number.isNaN(value.value) ? null : value.value;
  if (value instanceof Date) return pythonIsoformat(value);
  if (value instanceof Uint8Array) return base64EncodeBytes(value);
  if (value instanceof Tensor) return encodeTensor(value);
  if (Array.isArray(value)) return value.map((v, i) => encodeJsonValue(v, `${where}[${i}]`));
  if (isMapping(value))
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, encodeJsonValue(v, `${where}.${k}`)]),
    );
  throw unsupported(value, where);
}

/** One stored element of a column or tensor, as numpy's `tolist()` + MLflow's encoder give it. */
function encodeElement(dtype: DType, values: ColumnValues, i: number): PyJson {
  const v = values[i];
  if (isFloat(dtype)) return Number.isNaN(v) ? null : (v as number);
  if (isInteger(dtype)) return BigInt(v as number | bigint);
  if (dtype === 'bool') return v === 1;
  if (dtype === 'datetime64[ns]') return v === NAT ? null : timestampIsoformat(v as bigint);
  return encodeJsonValue(v);
}

/** A tensor as numpy's `tolist()` nested lists (a bare scalar for rank 0). */
export function encodeTensor(tensor: Tensor): PyJson {
  const { shape, dtype } = tensor;
  const values = tensor.data as ColumnValues;
  const build = (dim: number, offset: number): PyJson => {
    if (dim === shape.length) return encodeElement(dtype, values, offset);
    const stride = shape.slice(dim + 1).reduce((a, b) => a * b, 1);
    return Array.from({ length: shape[dim] ?? 0 }, (_, i) => build(dim + 1, offset + i * stride));
  };
  return build(0, 0);
}

function encodeLabel(label: Column['name']): PyJson {
  return typeof label === 'number' && Number.isSafeInteger(label) ? BigInt(label) : label;
}

/** A frame as pandas' `to_dict(orient="split")` without the index; default 0..n-1 columns are dropped. */
export function encodeFrame(frame: DataFrame): { data: PyJson; orient: 'split' | 'values' } {
  const rows = Array.from({ length: frame.length }, (_, i) =>
    frame.columns.map((c) => encodeElement(c.dtype, c.values as ColumnValues, i)),
  );
  const defaultLabels = frame.columns.every((c, j) => c.name === j);
  if (defaultLabels) return { data: { data: rows }, orient: 'values' };
  return { data: { columns: frame.columns.map((c) => encodeLabel(c.name)), data: rows }, orient: 'split' };
}

function containsTensor(value: unknown): boolean {
  if (value instanceof Tensor) return true;
  if (Array.isArray(value)) return value.some(containsTensor);
  return isMapping(value) && Object.values(value).some(containsTensor);
}

function encodeRecord(record: Record<string, unknown>): EncodedExample {
  const values = Object.values(record);
  if (values.some((v) => v instanceof Tensor)) {
    if (!values.every((v) => v instanceof Tensor))
      throw new MlflowError(
        'Mixed types in a record are not supported as input examples: found Tensors and other values.',
        'INVALID_PARAMETER_VALUE',
      );
    const data = Object.fromEntries(Object.entries(record).map(([k, t]) => [k, encodeTensor(t as Tensor)]));
    return { type: 'ndarray', data, serving: { inputs: data }, unifiedLlm: false };
  }
  const data = encodeJsonValue(record);
  const unifiedLlm = UNIFIED_LLM_KEYS.some((k) => k in record);
  return { type: 'json_object', data, serving: unifiedLlm ? data : { inputs: data }, unifiedLlm };
}

/**
 * Encodes one example value (without params) the way MLflow 3.x's `_Example` does.
 * Throws INVALID_PARAMETER_VALUE for values MLflow would reject (null, tensors inside lists, ...).
 *
 * @example encodeExample(['a', 'b']).type // 'json_object'
 */
export function encodeExample(value: unknown): EncodedExample {
  if (value instanceof DataFrame) {
    const { data, orient } = encodeFrame(value);
    return {
      type: 'dataframe',
      pandasOrient: orient,
      data,
      serving: { dataframe_split: data },
      unifiedLlm: false,
    };
  }
  if (value instanceof Tensor) {
    const data = encodeTensor(value);
    return { type: 'ndarray', data, serving: { inputs: data }, unifiedLlm: false };
  }
  if (isMapping(value)) return encodeRecord(value);
  if (Array.isArray(value)) {
    if (containsTensor(value))
      throw new MlflowError(
        'Tensors inside lists are not supported as input examples.',
        'INVALID_PARAMETER_VALUE',
      );
    const data = encodeJsonValue(value);
    return { type: 'json_object', data, serving: { inputs: data }, unifiedLlm: false };
  }
  const scalar =
    ['string', 'number', 'bigint', 'boolean'].includes(typeof value) ||
    value instanceof PyFloat ||
    value instanceof Date ||
    value instanceof Uint8Array;
  if (!scalar) throw unsupported(value, 'input');
  const data = encodeJsonValue(value);
  return { type: 'json_object', data, serving: { inputs: data }, unifiedLlm: false };
}

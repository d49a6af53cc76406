/**
 * A stored input example ("Python JSON", ints as bigints) → Modeldock values: a `split` dict becomes
 * a DataFrame with pandas' dtypes, nested lists become Tensors with numpy's (or the signature's).
 */
import { MlflowError } from '../core/mlflow-error.js';
import { Column, type ColumnLabel } from '../data/column.js';
import { DataFrame } from '../data/data-frame.js';
import {
  allocate,
  type DType,
  isBigIntStorage,
  isFloat,
  isInteger,
  NAT,
  NUMERIC_DTYPES,
} from '../data/dtype.js';
import { Tensor, type TensorMap } from '../data/tensor.js';
import type { ColSpec, Schema } from '../schema/types.js';
import { isMapping } from './mlmodel-errors.js';
import { parseIsoToNanos } from './python-datetime.js';
import { type PyJson, toPlainJson } from './example-json.js';

const KNOWN_DTYPES = new Set<string>([...NUMERIC_DTYPES, 'bool', 'object', 'datetime64[ns]', 'str', 'bytes']);

function invalid(message: string, file: string): MlflowError {
  return new MlflowError(`Invalid input example ${file}: ${message}`, 'INVALID_PARAMETER_VALUE', { file });
}

/** numpy's dtype for `np.array(values)` without a dtype: int64, float64, bool, str or object. */
function inferDType(values: readonly PyJson[]): DType {
  if (values.length === 0) return 'float64';
  if (values.every((v) => typeof v === 'bigint')) return 'int64';
  if (values.every((v) => typeof v === 'bigint' || typeof v === 'number')) return 'float64';
  if (values.every((v) => typeof v === 'boolean')) return 'bool';
  if (values.every((v) => typeof v === 'string')) return 'str';
  return 'object';
}

function toNumber(v: PyJson): number {
  if (v === null) return NaN;
  if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string')
    return Number(v);
  return NaN;
}

/** Fills storage of `dtype` from JSON values, as `np.array(values, dtype=dtype)`; null when one does not fit. */
function store(dtype: DType, values: readonly PyJson[]): Column['values'] | null {
  const out = allocate(dtype, values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? null;
    if (isFloat(dtype)) (out as Float64Array)[i] = toNumber(v);
    else if (isInteger(dtype)) {
      const n = typeof v === 'bigint' ? v : Math.trunc(toNumber(v));
      if (typeof n === 'number' && !Number.isFinite(n)) return null;
      if (isBigIntStorage(dtype)) (out as BigInt64Array)[i] = BigInt(n);
      else (out as Int32Array)[i] = Number(n);
    } else if (dtype === 'bool')
      (out as Uint8Array)[i] = v === null || v === false || v === 0n || v === 0 ? 0 : 1;
    else if (dtype === 'datetime64[ns]') {
      const ns = v === null ? NAT : typeof v === 'string' ? parseIsoToNanos(v) : null;
      if (ns === null) return null;
      (out as BigInt64Array)[i] = ns;
    } else if (dtype === 'str') (out as (string | null)[])[i] = v === null ? null : String(toPlainJson(v));
    else if (dtype === 'bytes')
      (out as (Uint8Array | null)[])[i] = typeof v === 'string' ? new TextEncoder().encode(v) : null;
    else (out as unknown[])[i] = toPlainJson(v);
  }
  return out;
}

function shapeOf(nested: PyJson, file: string): { shape: number[]; leaves: PyJson[] } {
  const shape: number[] = [];
  for (let v = nested; Array.isArray(v); v = (v as readonly PyJson[])[0] ?? null) {
    shape.push(v.length);
    if (v.length === 0) break;
  }
  const leaves: PyJson[] = [];
  const walk = (v: PyJson, dim: number): void => {
    if (dim === shape.length) {
      if (Array.isArray(v)) throw invalid('a tensor example must be a rectangular nested list.', file);
      leaves.push(v);
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[dim])
      throw invalid('a tensor example must be a rectangular nested list.', file);
    for (const x of v as readonly PyJson[]) walk(x, dim + 1);
  };
  walk(nested, 0);
  return { shape, leaves };
}

function tensorDType(specDType: string | undefined): DType | undefined {
  if (specDType === undefined) return undefined;
  if (specDType.startsWith('datetime64')) return 'datetime64[ns]';
  return KNOWN_DTYPES.has(specDType) ? (specDType as DType) : undefined;
}

/**
 * A nested list as a Tensor: `dtype` from the signature when given, else numpy's inference.
 *
 * @example decodeTensor([[1n, 2n]], 'float32', 'x.json').dtype // 'float32'
 */
export function decodeTensor(nested: PyJson, specDType: string | undefined, file: string): Tensor {
  const { shape, leaves } = shapeOf(nested, file);
  const dtype = tensorDType(specDType) ?? inferDType(leaves);
  const data = store(dtype, leaves);
  if (!data) throw invalid(`its values do not fit the tensor dtype ${dtype}.`, file);
  return new Tensor(dtype, shape, data);
}

/**
 * An `ndarray` example: a nested list (MLflow 3) or a `{name: nested}` record, optionally wrapped
 * as `{"inputs": ...}` (MLflow 2's `format: tf-serving`). Dtypes come from a tensor schema if given.
 */
export function decodeTensors(
  data: PyJson,
  tfServing: boolean,
  schema: Schema | null,
  file: string,
): Tensor | TensorMap {
  let body = data;
  if (tfServing) {
    if (!isMapping(body) || !('inputs' in body || 'instances' in body))
      throw invalid('a tf-serving example must be {"inputs": ...} or {"instances": ...}.', file);
    body = (body.inputs ?? body.instances ?? null) as PyJson;
  }
  const specs = schema?.kind === 'tensors' ? schema.specs : [];
  const [only] = specs;
  if (isMapping(body)) {
    const byName = new Map(specs.map((s) => [s.name, s.dtype]));
    return Object.fromEntries(
      Object.entries(body).map(([name, nested]) => [
        name,
        decodeTensor(nested as PyJson, byName.get(name), file),
      ]),
    );
  }
  // MLflow matches a bare list to the one input of a named single-tensor signature.
  if (specs.length === 1 && only?.name !== undefined)
    return { [only.name]: decodeTensor(body, only.dtype, file) };
  return decodeTensor(body, only?.dtype, file);
}

const SCALAR_DTYPES: Readonly<Record<string, DType>> = {
  double: 'float64',
  float: 'float32',
  long: 'int64',
  integer: 'int32',
  boolean: 'bool',
  datetime: 'datetime64[ns]',
};

/** pandas' dtype for a column built from Python values: int64, float64 (NaN for None), bool or object. */
function inferColumn(name: ColumnLabel, values: readonly PyJson[]): Column {
  const present = values.filter((v) => v !== null);
  const numeric = present.length > 0 && present.every((v) => typeof v === 'bigint' || typeof v === 'number');
  let dtype: DType = 'object';
  if (numeric)
    dtype =
      present.length === values.length && present.every((v) => typeof v === 'bigint') ? 'int64' : 'float64';
  else if (values.length > 0 && values.every((v) => typeof v === 'boolean')) dtype = 'bool';
  const stored = store(dtype, values);
  return stored
    ? new Column<DType>(name, dtype, stored)
    : new Column(name, 'object', values.map(toPlainJson));
}

/** A column cast to its signature type, as MLflow's schema-guided parsing; inferred when it does not fit. */
function castColumn(name: ColumnLabel, values: readonly PyJson[], spec: ColSpec | undefined): Column {
  if (spec?.type.kind === 'scalar') {
    const type = spec.type.type;
    if (type === 'binary') {
      const decoded = values.map((v) =>
        typeof v === 'string' ? new Uint8Array(Buffer.from(v, 'base64')) : null,
      );
      return new Column(name, 'object', decoded);
    }
    const dtype = SCALAR_DTYPES[type];
    const noNulls = values.every((v) => v !== null);
    const numeric = values.every((v) => v === null || typeof v === 'bigint' || typeof v === 'number');
    const fits =
      dtype === undefined ||
      dtype === 'datetime64[ns]' ||
      (isFloat(dtype) && numeric) ||
      (isInteger(dtype) && numeric && noNulls) ||
      (dtype === 'bool' && noNulls && values.every((v) => typeof v === 'boolean'));
    const stored = dtype && fits ? store(dtype, values) : null;
    if (dtype && stored) return new Column<DType>(name, dtype, stored);
  }
  return inferColumn(name, values);
}

/**
 * A `dataframe` example (`{"columns": [...], "data": [[...]]}`, or `{"data": ...}` for default
 * columns) as a DataFrame, with column dtypes from a column-based schema when one is given.
 */
export function decodeFrame(data: PyJson, schema: Schema | null, file: string): DataFrame {
  const split = isMapping(data) ? data : { data };
  const rows = split.data;
  if (!Array.isArray(rows) || !rows.every((r) => Array.isArray(r)))
    throw invalid('a dataframe example needs "data": a list of rows.', file);
  const width = Math.max(0, ...rows.map((r: readonly PyJson[]) => r.length));
  const labels = split.columns ?? Array.from({ length: width }, (_, j) => BigInt(j));
  if (!Array.isArray(labels) || rows.some((r: readonly PyJson[]) => r.length !== labels.length))
    throw invalid('every row of a dataframe example needs one value per column.', file);
  const specs = schema?.kind === 'columns' ? schema.specs : [];
  const columns = (labels as readonly PyJson[]).map((label, j) => {
    const name: ColumnLabel = typeof label === 'bigint' ? Number(label) : String(label);
    const spec = specs.find((s) => s.name === name);
    return castColumn(
      name,
      rows.map((r: readonly PyJson[]) => r[j] ?? null),
      spec,
    );
  });
  return new DataFrame(columns, rows.length);
}

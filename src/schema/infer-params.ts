/**
 * Param inference, as MLflow's `_infer_param_schema`: each value gives a type and a shape (scalar or
 * 1-D list), and becomes a ParamSpec whose default is the value, validated as ParamSpec does.
 */
import { MlflowError } from '../core/mlflow-error.js';
import { isPlainObject, PyFloat, pythonRepr, pythonStrRepr, pythonTypeName } from '../core/python-json.js';
import type { DType } from '../data/dtype.js';
import { Tensor } from '../data/tensor.js';
import { dtypeOfVector, inferValueType, isNumericVector } from './infer-type.js';
import { colTypeRepr } from './repr.js';
import { DATA_TYPE_OF_DTYPE } from './dtype-data-types.js';
import type { DataType, ParamSchema, ParamSpec } from './types.js';
import { validateParamDefault } from './validate-param-default.js';

/** An error that keeps the Python exception class MLflow reports it with. */
class ParamError extends Error {
  constructor(
    message: string,
    readonly pythonClass: string,
  ) {
    super(message);
  }
}

function typeOfDtype(dtype: DType): DataType {
  if (dtype === 'object')
    throw new ParamError(
      'Can not infer object without looking at the values, call _map_numpy_array instead.',
      'Exception',
    );
  const type = DATA_TYPE_OF_DTYPE[dtype];
  if (type === undefined)
    throw new ParamError(`Unsupported numpy data type '${dtype}', kind 'u'`, 'MlflowException');
  return type;
}

/** The dtype numpy gives `np.array(values)` for JS scalars. */
function arrayDtype(values: readonly unknown[]): DType {
  const kinds = new Set(
    values.map((v) => (v instanceof Uint8Array ? 'bytes' : v instanceof PyFloat ? 'number' : typeof v)),
  );
  if (kinds.size === 0) return 'float64';
  if ([...kinds].every((k) => k === 'boolean')) return 'bool';
  if ([...kinds].every((k) => k === 'boolean' || k === 'number' || k === 'bigint'))
    return values.every((v) => !(v instanceof PyFloat) && (typeof v !== 'number' || Number.isInteger(v)))
      ? 'int64'
      : 'float64';
  if ([...kinds].every((k) => k === 'string' || k === 'boolean' || k === 'number' || k === 'bigint'))
    return 'str';
  if ([...kinds].every((k) => k === 'bytes')) return 'bytes';
  return 'object';
}

function depth(v: unknown): number {
  if (v instanceof Tensor) return v.rank;
  if (isNumericVector(v)) return 1;
  if (!Array.isArray(v)) return 0;
  return v.length === 0 ? 1 : Math.max(...v.map(depth)) + 1;
}

/** A numpy int64 element as a plain number when it fits, so defaults hold ordinary JS values. */
function safeNumber(v: unknown): unknown {
  return typeof v === 'bigint' && Number.isSafeInteger(Number(v)) ? Number(v) : v;
}

type Inferred = Pick<ParamSpec, 'type' | 'shape' | 'default'>;

function listParam(value: unknown): Inferred {
  const ndim = depth(value);
  if (ndim !== 1)
    throw new ParamError(
      `Expected parameters to be 1D array or scalar, got ${ndim}D array`,
      'MlflowException',
    );
  if (value instanceof Tensor || isNumericVector(value)) {
    const t = value instanceof Tensor ? value : new Tensor(dtypeOfVector(value), [value.length], value);
    return { type: typeOfDtype(t.dtype), shape: [-1], default: (t.toNested() as unknown[]).map(safeNumber) };
  }
  const items = value as unknown[];
  if (items.every((v) => v instanceof Date)) return { type: 'datetime', shape: [-1], default: items };
  return { type: typeOfDtype(arrayDtype(items)), shape: [-1], default: items };
}

function inferParam(value: unknown): Inferred {
  if (Array.isArray(value) || isNumericVector(value) || (value instanceof Tensor && value.rank > 0))
    return listParam(value);
  if (value instanceof Date) return { type: 'datetime', shape: null, default: value };
  if (value instanceof Tensor)
    return { type: typeOfDtype(value.dtype), shape: null, default: safeNumber(value.toNested()) };
  if (
    ['number', 'bigint', 'string', 'boolean'].includes(typeof value) ||
    value instanceof Uint8Array ||
    value instanceof PyFloat
  )
    return { type: typeOfDtype(arrayDtype([value])), shape: null, default: value };
  if (isPlainObject(value)) {
    const type = inferValueType(value);
    if (type?.kind !== 'object')
      throw new ParamError(
        `'dtype' must be DataType, Object or str, got ${type ? colTypeRepr(type) : 'None'}`,
        'TypeError',
      );
    return { type, shape: null, default: value };
  }
  throw new ParamError(
    `Expected parameters to be 1D array or scalar, got ${pythonTypeName(value)}`,
    'MlflowException',
  );
}

function paramSpec(name: string, value: unknown): ParamSpec {
  const { type, shape, default: raw } = inferParam(value);
  if (type === 'binary')
    throw new ParamError(
      `Binary type is not supported for parameters, ParamSpec '${name}'has dtype 'binary'`,
      'MlflowException',
    );
  return { name, type, shape, default: validateParamDefault({ name, type, shape, default: raw }) };
}

/** numpy's `repr` of a small array, as it appears in MLflow's param error: `array([[1, 2],\n       [3, 4]])`. */
function numpyRepr(t: Tensor): string {
  const cells = Array.from(t.data as ArrayLike<unknown>, (v) =>
    t.dtype === 'bool' ? (v ? 'True' : 'False') : String(v),
  );
  const width = Math.max(0, ...cells.map((c) => c.length));
  let at = 0;
  const build = (dim: number): string => {
    const n = t.shape[dim] ?? 0;
    const parts: string[] = [];
    for (let i = 0; i < n; i++)
      parts.push(dim === t.rank - 1 ? (cells[at++] ?? '').padStart(width) : build(dim + 1));
    const sep = dim === t.rank - 1 ? ', ' : `,${'\n'.repeat(t.rank - dim - 1)}${' '.repeat(7 + dim)}`;
    return `[${parts.join(sep)}]`;
  };
  const suffix = ['int64', 'float64', 'bool'].includes(t.dtype) ? '' : `, dtype=${t.dtype}`;
  return `array(${t.rank === 0 ? cells[0] : build(0)}${suffix})`;
}

function valueRepr(v: unknown): string {
  return v instanceof Tensor ? numpyRepr(v) : pythonRepr(v);
}

function errorRepr(e: unknown): string {
  const cls = e instanceof ParamError ? e.pythonClass : 'MlflowException';
  return `${cls}(${pythonStrRepr((e as Error).message)})`;
}

/**
 * Infers a ParamSchema from example params; every param that cannot be inferred is reported in one
 * INVALID_PARAMETER_VALUE error, worded as MLflow's.
 *
 * @example inferParamSchema({ k: 3, t: 0.5 }) // k: long (default 3), t: double (default 0.5)
 */
export function inferParamSchema(params: unknown): ParamSchema {
  if (!isPlainObject(params))
    throw new MlflowError(
      `Expected parameters to be dict, got ${pythonTypeName(params)}`,
      'INVALID_PARAMETER_VALUE',
    );
  const specs: ParamSpec[] = [];
  const failures: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    try {
      specs.push(paramSpec(name, value));
    } catch (e) {
      if (!(e instanceof ParamError || e instanceof MlflowError)) throw e;
      failures.push(`(${pythonRepr(name)}, ${valueRepr(value)}, ${errorRepr(e)})`);
    }
  }
  if (failures.length > 0)
    throw new MlflowError(
      `Failed to infer schema for parameters: [${failures.join(', ')}]`,
      'INVALID_PARAMETER_VALUE',
    );
  return { params: specs };
}

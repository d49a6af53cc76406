import * as ort from 'onnxruntime-node';
import { MlflowError } from '../../../core/mlflow-error.js';
import { Column } from '../../../data/column.js';
import { DataFrame } from '../../../data/data-frame.js';
import { allocate, type DType, isFixedWidth } from '../../../data/dtype.js';
import { Tensor } from '../../../data/tensor.js';

// Modeldock dtypes whose storage onnxruntime takes as it is.
const TO_ORT: Partial<Record<DType, ort.Tensor.Type>> = {
  float32: 'float32',
  float64: 'float64',
  int8: 'int8',
  int16: 'int16',
  int32: 'int32',
  int64: 'int64',
  uint8: 'uint8',
  uint16: 'uint16',
  uint32: 'uint32',
  uint64: 'uint64',
  bool: 'bool',
  str: 'string',
};

const FROM_ORT: Partial<Record<ort.Tensor.Type, DType>> = Object.fromEntries(
  Object.entries(TO_ORT).map(([dtype, type]) => [type, dtype as DType]),
);

function strings(values: readonly unknown[], what: string): string[] {
  return values.map((v) => {
    if (typeof v === 'string') return v;
    throw new MlflowError(
      `${what} holds a ${v === null ? 'null' : typeof v} value; ONNX takes numbers or strings.`,
      'INVALID_PARAMETER_VALUE',
    );
  });
}

/**
 * A Modeldock Tensor as an onnxruntime tensor, cast to float32 when it is float64 and the graph input
 * is `tensor(float)`, as MLflow's onnx pyfunc does.
 *
 * @example toOrtTensor(new Tensor('float64', [1, 2], Float64Array.of(1, 2)), 'float32', 'X')
 */
export function toOrtTensor(tensor: Tensor, graphType: string | undefined, name: string): ort.Tensor {
  const dims = [...tensor.shape];
  if (tensor.dtype === 'float64' && graphType === 'float32')
    return new ort.Tensor('float32', Float32Array.from(tensor.data as Float64Array), dims);
  if (tensor.dtype === 'object' || tensor.dtype === 'str')
    return new ort.Tensor('string', strings(tensor.data as unknown[], `Input ${name}`), dims);
  const type = TO_ORT[tensor.dtype];
  if (type === undefined)
    throw new MlflowError(
      `Input ${name} has dtype ${tensor.dtype}, which Modeldock cannot feed to onnxruntime.`,
      'INVALID_PARAMETER_VALUE',
    );
  return new ort.Tensor(type, tensor.data as ort.Tensor.DataTypeMap[typeof type], dims);
}

/** numpy's `DataFrame.values` dtype: the shared dtype, float64 for mixed numeric columns. */
function commonDType(columns: readonly Column[]): DType {
  const dtypes = new Set(columns.map((c) => c.dtype));
  if (dtypes.size === 1) return (columns[0] as Column).dtype;
  if ([...dtypes].every((d) => isFixedWidth(d) && d !== 'bool' && d !== 'datetime64[ns]')) return 'float64';
  return 'object';
}

/**
 * A DataFrame's values as one 2-D Tensor (`DataFrame.values`), or one column as a 1-D Tensor.
 *
 * @example frameValues(frame) // Tensor (rows, columns)
 */
export function frameValues(frame: DataFrame, columns: readonly Column[] = frame.columns): Tensor {
  const dtype = commonDType(columns);
  const k = columns.length;
  const n = frame.length;
  const out = allocate(dtype, n * k) as unknown[] & ArrayLike<unknown>;
  columns.forEach((c, j) => {
    const values = c.values as ArrayLike<unknown>;
    for (let i = 0; i < n; i++) out[i * k + j] = dtype === 'float64' ? Number(values[i]) : values[i];
  });
  return new Tensor(dtype, k === 1 && columns !== frame.columns ? [n] : [n, k], out as never);
}

/**
 * An onnxruntime output as a Modeldock Tensor (numpy ndarray) with the same dtype and shape.
 *
 * @example fromOrtTensor(results.probabilities!, 'probabilities')
 */
export function fromOrtTensor(value: ort.Tensor, name: string): Tensor {
  const dtype = FROM_ORT[value.type];
  if (dtype === undefined)
    throw new MlflowError(
      `Output ${name} has type ${value.type}, which Modeldock cannot return.`,
      'NOT_IMPLEMENTED',
    );
  return new Tensor(dtype, [...value.dims], value.data as never);
}

/**
 * Outputs for a DataFrame input: one column per output, each flattened, as MLflow's onnx pyfunc returns.
 *
 * @example outputsAsFrame({ probabilities: tensor })
 */
export function outputsAsFrame(outputs: Readonly<Record<string, Tensor>>): DataFrame {
  const entries = Object.entries(outputs);
  const lengths = new Set(entries.map(([, t]) => t.data.length));
  if (lengths.size > 1)
    throw new MlflowError(
      `The model's outputs flatten to different lengths (${entries.map(([n, t]) => `${n}: ${t.data.length}`).join(', ')}), ` +
        'so they cannot form one DataFrame (pandas: All arrays must be of the same length).',
      'INVALID_PARAMETER_VALUE',
    );
  return new DataFrame(entries.map(([name, t]) => new Column(name, t.dtype, t.data)));
}

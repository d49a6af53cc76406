import { MlflowError } from '../../../core/mlflow-error.js';
import type { Column } from '../../../data/column.js';
import { DataFrame } from '../../../data/data-frame.js';
import { Tensor } from '../../../data/tensor.js';
import type { FeatureMatrix } from './tree-ensemble.js';

/** How {@link toFeatureMatrix} reads a model's input. */
export interface FeatureMatrixOptions {
  /** The model's feature names; a frame holding all of them is read by name, otherwise by position. */
  readonly featureNames: readonly string[] | null;
  /** A frame must hold every feature name (XGBoost's `validate_features`); no positional fallback. */
  readonly requireNames?: boolean;
  readonly featureCount: number;
  /** Round values to float32, as XGBoost's DMatrix and scikit-learn's trees do. */
  readonly float32: boolean;
  /** Names the model in error messages, e.g. `XGBoost model model.json`. */
  readonly what: string;
}

function cellNumber(v: unknown, column: string, what: string): number {
  if (v === null || v === undefined) return NaN;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new MlflowError(
    `${what} takes numeric features, but column ${column} holds ${typeof v} values such as ${JSON.stringify(v)}.`,
    'INVALID_PARAMETER_VALUE',
  );
}

function fillColumn(
  out: Float64Array | Float32Array,
  column: Column,
  j: number,
  stride: number,
  what: string,
): void {
  const values = column.values;
  const n = column.length;
  if (values instanceof Float64Array || values instanceof Float32Array || values instanceof Int32Array) {
    for (let i = 0; i < n; i++) out[i * stride + j] = values[i] as number;
    return;
  }
  for (let i = 0; i < n; i++) out[i * stride + j] = cellNumber(values[i], String(column.name), what);
}

function frameColumns(frame: DataFrame, options: FeatureMatrixOptions): readonly Column[] {
  const names = options.featureNames;
  if (names && names.every((n) => frame.has(n))) return names.map((n) => frame.column(n));
  if (names && options.requireNames)
    throw new MlflowError(
      `${options.what}: feature_names mismatch: the model has [${names.join(', ')}], ` +
        `the input has [${frame.columnNames.join(', ')}].`,
      'INVALID_PARAMETER_VALUE',
    );
  if (frame.columns.length !== options.featureCount)
    throw new MlflowError(
      `${options.what} expects ${options.featureCount} features` +
        (names ? ` [${names.join(', ')}]` : '') +
        `, but the input has ${frame.columns.length} columns [${frame.columnNames.join(', ')}].`,
      'INVALID_PARAMETER_VALUE',
    );
  return frame.columns;
}

function fromTensor(tensor: Tensor, options: FeatureMatrixOptions): FeatureMatrix {
  const [rows, stride] = tensor.shape;
  if (tensor.rank !== 2 || stride !== options.featureCount)
    throw new MlflowError(
      `${options.what} expects a 2-D array with ${options.featureCount} columns, got shape (${tensor.shape.join(', ')}).`,
      'INVALID_PARAMETER_VALUE',
    );
  const values = options.float32
    ? new Float32Array(tensor.data.length)
    : new Float64Array(tensor.data.length);
  const data = tensor.data;
  for (let i = 0; i < data.length; i++) values[i] = cellNumber(data[i], 'of the array', options.what);
  return { values, rows: rows ?? 0, stride };
}

/**
 * The rows of a DataFrame or 2-D Tensor as one row-major matrix of numbers (missing → NaN), in the
 * model's feature order, for {@link TreeEnsemble.predictRaw}.
 *
 * @example toFeatureMatrix(frame, { featureNames: ['a', 'b'], featureCount: 2, float32: true, what: 'XGBoost model' })
 */
export function toFeatureMatrix(input: unknown, options: FeatureMatrixOptions): FeatureMatrix {
  if (input instanceof Tensor) return fromTensor(input, options);
  if (!(input instanceof DataFrame))
    throw new MlflowError(
      `${options.what} takes a DataFrame or a 2-D array, got ${input === null ? 'null' : typeof input}.`,
      'INVALID_PARAMETER_VALUE',
    );
  const columns = frameColumns(input, options);
  const stride = columns.length;
  const size = input.length * stride;
  const values = options.float32 ? new Float32Array(size) : new Float64Array(size);
  columns.forEach((c, j) => fillColumn(values, c, j, stride, options.what));
  return { values, rows: input.length, stride };
}

import { MlflowError } from '../../../core/mlflow-error.js';
import { DataFrame } from '../../../data/data-frame.js';
import { Tensor } from '../../../data/tensor.js';
import type { ColumnValues } from '../../../data/dtype.js';
import type { FeatureColumn, Features } from './estimators/features.js';

function toColumn(values: ColumnValues | ArrayLike<unknown>): FeatureColumn {
  if (values instanceof Float64Array) return values;
  if (ArrayBuffer.isView(values)) return Float64Array.from(values as ArrayLike<number | bigint>, Number);
  return Array.from(values);
}

function fromFrame(df: DataFrame, expected: readonly string[] | null): Features {
  let frame = df;
  if (expected && expected.every((n) => df.has(n))) frame = df.select(expected);
  else if (expected)
    throw new MlflowError(
      `The feature names should match those that were passed during fit. Missing: ${expected.filter((n) => !df.has(n)).join(', ')}.`,
      'INVALID_PARAMETER_VALUE',
    );
  return {
    rows: frame.length,
    columns: frame.columns.map((c) => toColumn(c.values)),
    names: frame.columnNames,
  };
}

function fromTensor(t: Tensor): Features {
  if (t.rank !== 2)
    throw new MlflowError(
      `Expected a 2D array, got a ${t.rank}D array of shape (${t.shape.join(', ')}).`,
      'INVALID_PARAMETER_VALUE',
    );
  const [rows = 0, cols = 0] = t.shape;
  const src = t.data as ArrayLike<unknown>;
  const numeric = ArrayBuffer.isView(t.data);
  const columns: FeatureColumn[] = [];
  for (let j = 0; j < cols; j++) {
    const c: unknown[] = [];
    for (let i = 0; i < rows; i++) c.push(src[i * cols + j]);
    columns.push(numeric ? Float64Array.from(c as (number | bigint)[], Number) : c);
  }
  return { rows, columns, names: null };
}

function fromRows(rows: unknown[]): Features {
  const matrix = rows.map((r) => (Array.isArray(r) ? (r as unknown[]) : [r]));
  const width = matrix[0]?.length ?? 0;
  const columns = Array.from({ length: width }, (_, j) => matrix.map((r) => r[j]));
  return { rows: matrix.length, columns, names: null };
}

/**
 * The model input (an enforced DataFrame, a Tensor, or nested arrays) as sklearn's `X`. A DataFrame
 * is reordered to the fitted feature names, as sklearn matches columns by name.
 *
 * @example toFeatures(df, ['sepal_length', 'sepal_width'])
 */
export function toFeatures(input: unknown, expectedNames: readonly string[] | null): Features {
  if (input instanceof DataFrame) return fromFrame(input, expectedNames);
  if (input instanceof Tensor) return fromTensor(input);
  if (Array.isArray(input)) return fromRows(input);
  throw new MlflowError('A scikit-learn model takes a DataFrame or a 2D array.', 'INVALID_PARAMETER_VALUE');
}

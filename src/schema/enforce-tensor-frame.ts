/**
 * DataFrames given to tensor-based models: one column reshaped into a tensor
 * (`_reshape_and_cast_pandas_column_values`), or the whole frame as one 2-D array (`to_numpy()`).
 */
import type { Column } from '../data/column.js';
import type { DataFrame } from '../data/data-frame.js';
import { allocate, type ColumnValues, type DType } from '../data/dtype.js';
import { Tensor } from '../data/tensor.js';
import { castColumn, castValues, isKnownDType, promoteDTypes } from './enforce-tensor-cast.js';
import { cellValue, columnToJs } from './enforce-dtypes.js';
import { pyScalarKind } from './enforce-python.js';
import { shapeRepr } from './repr.js';
import { fail, ok, type Result } from './result.js';
import type { TensorSpec } from './types.js';

function invalid(message: string): Result<Tensor> {
  return fail({ path: [], code: 'invalid_shape', message });
}

function label(name: string | undefined): string {
  return name === undefined ? 'None' : name;
}

function reshapeError(name: string | undefined, spec: TensorSpec, listCells: boolean): Result<Tensor> {
  const tail = listCells
    ? `list elements are of uniform length and that the data can be coerced to the tensor type '${spec.dtype}'`
    : 'numpy array elements are of uniform length and can be reshaped to above expected shape.';
  return invalid(
    `The value in the Input DataFrame column '${label(name)}' could not be converted to the expected shape ` +
      `of: '${shapeRepr(spec.shape)}'. Ensure that each of the input ${tail}`,
  );
}

/** Rows of `width` elements each, reshaped to `spec.shape`; undefined when the row count changes. */
function reshapedShape(rows: number, width: number, spec: TensorSpec): number[] | undefined {
  const fixed = spec.shape.slice(1);
  const cell = fixed.reduce((a, b) => a * b, 1);
  const total = rows * width;
  if (cell === 0 ? total !== 0 : total % cell !== 0) return undefined;
  const outRows = cell === 0 ? rows : total / cell;
  return outRows === rows ? [outRows, ...fixed] : undefined;
}

function stackLists(
  name: string | undefined,
  cells: readonly unknown[],
  spec: TensorSpec,
  dtype: DType,
): Result<Tensor> {
  const width = Array.isArray(cells[0]) ? cells[0].length : 0;
  const flat: unknown[] = [];
  for (const cell of cells) {
    if (!Array.isArray(cell) || cell.length !== width || cell.some(Array.isArray))
      return reshapeError(name, spec, true);
    flat.push(...(cell as unknown[]));
  }
  const shape = reshapedShape(cells.length, width, spec);
  if (!shape) return reshapeError(name, spec, true);
  try {
    return ok(new Tensor(dtype, shape, castValues(flat, dtype)));
  } catch {
    return reshapeError(name, spec, true);
  }
}

function stackArrays(name: string | undefined, cells: readonly unknown[], spec: TensorSpec): Result<Tensor> {
  const first = cells[0] as Tensor;
  const inner = first.rank === 0 ? [1] : first.shape.slice(1);
  let rows = 0;
  let dtype = first.dtype;
  const flat: unknown[] = [];
  for (const cell of cells) {
    if (
      !(cell instanceof Tensor) ||
      shapeRepr(cell.rank === 0 ? [1] : cell.shape.slice(1)) !== shapeRepr(inner)
    )
      return reshapeError(name, spec, false);
    rows += cell.rank === 0 ? 1 : (cell.shape[0] ?? 0);
    dtype = promoteDTypes(dtype, cell.dtype);
    for (let i = 0; i < cell.data.length; i++) flat.push(cell.data[i]);
  }
  const width = inner.reduce((a, b) => a * b, 1);
  const shape = reshapedShape(rows, width, spec);
  if (!shape || rows * width !== flat.length || shape[0] !== cells.length)
    return reshapeError(name, spec, false);
  return ok(new Tensor(dtype, shape, castValues(flat, dtype)));
}

/**
 * One DataFrame column as the tensor a TensorSpec asks for: scalar cells cast to the spec dtype,
 * list cells stacked, reshaped and cast, ndarray cells stacked and reshaped.
 *
 * @example columnToTensor('a', column, { kind: 'tensor', dtype: 'float32', shape: [-1] })
 */
export function columnToTensor(name: string | undefined, column: Column, spec: TensorSpec): Result<Tensor> {
  const shape = spec.shape;
  if (shape[0] !== -1 || shape.slice(1).includes(-1))
    return invalid(
      'For pandas dataframe input, the first dimension of shape must be a variable dimension and other ' +
        'dimensions must be fixed, but in model signature the shape of ' +
        `${name === undefined ? 'the unnamed input' : `input ${name}`} is ${shapeRepr(shape)}.`,
    );
  if (!isKnownDType(spec.dtype)) return invalid(`data type '${spec.dtype}' not understood`);
  if (column.length === 0) return invalid('0');
  const first = cellValue(column, 0);
  if (pyScalarKind(first) !== undefined) {
    if (shapeRepr(shape) !== '(-1,)' && shapeRepr(shape) !== '(-1, 1)')
      return invalid(
        `The input pandas dataframe column '${label(name)}' contains scalar values, which requires the shape ` +
          `to be (-1,) or (-1, 1), but got tensor spec shape of ${shapeRepr(shape)}.`,
      );
    try {
      const values = castColumn(column, spec.dtype);
      return ok(new Tensor(spec.dtype, shape.length === 1 ? [column.length] : [column.length, 1], values));
    } catch (e) {
      return invalid(e instanceof Error ? e.message : String(e));
    }
  }
  const cells = columnToJs(column);
  if (Array.isArray(first) && pyScalarKind(first[0]) !== undefined)
    return stackLists(name, cells, spec, spec.dtype);
  if (first instanceof Tensor) return stackArrays(name, cells, spec);
  return invalid(
    'Because the model signature requires tensor spec input, the input pandas dataframe values should be ' +
      'either scalar value, python list containing scalar values or numpy array containing scalar values, ' +
      'other types are not supported.',
  );
}

/**
 * `DataFrame.to_numpy()`: a 2-D tensor of the columns' common dtype, row-major.
 *
 * @example frameToTensor(df).shape // [rows, columns]
 */
export function frameToTensor(frame: DataFrame): Tensor {
  const dtype = frame.columns.map((c) => c.dtype).reduce(promoteDTypes);
  const width = frame.columns.length;
  const rows = frame.length;
  const out = allocate(dtype, rows * width) as unknown[] & ColumnValues;
  frame.columns.forEach((column, j) => {
    const values = castColumn(column, dtype) as ArrayLike<unknown>;
    for (let i = 0; i < rows; i++) out[i * width + j] = values[i];
  });
  return new Tensor(dtype, [rows, width], out);
}

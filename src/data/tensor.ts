import { MlflowError } from '../core/mlflow-error.js';
import { type DType, type DTypeStorage } from './dtype.js';

/**
 * An n-dimensional array, like a numpy ndarray: a dtype, a shape, and row-major storage.
 *
 * @example new Tensor('float32', [2, 2], Float32Array.of(1, 2, 3, 4))
 */
export class Tensor<D extends DType = DType> {
  constructor(
    readonly dtype: D,
    readonly shape: readonly number[],
    readonly data: DTypeStorage[D],
  ) {
    const size = shape.reduce((a, b) => a * b, 1);
    if (size !== data.length)
      throw new MlflowError(
        `A tensor of shape (${shape.join(', ')}) needs ${size} elements, got ${data.length}.`,
        'INVALID_PARAMETER_VALUE',
      );
  }

  get rank(): number {
    return this.shape.length;
  }

  /** The tensor as nested JS arrays, as numpy's `tolist()` gives. */
  toNested(): unknown {
    const build = (dim: number, offset: number): unknown => {
      const n = this.shape[dim] ?? 0;
      const stride = this.shape.slice(dim + 1).reduce((a, b) => a * b, 1);
      const out: unknown[] = [];
      for (let i = 0; i < n; i++) {
        const at = offset + i * stride;
        out.push(dim === this.shape.length - 1 ? this.element(at) : build(dim + 1, at));
      }
      return out;
    };
    return this.shape.length === 0 ? this.element(0) : build(0, 0);
  }

  private element(i: number): unknown {
    const v = this.data[i];
    return this.dtype === 'bool' ? v === 1 : v;
  }
}

/** Named tensors, as MLflow's dict of ndarrays. */
export type TensorMap = Record<string, Tensor>;

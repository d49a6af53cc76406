import { MlflowError } from '../../../../core/mlflow-error.js';
import type { ColumnValues } from '../../../../data/dtype.js';
import { Tensor } from '../../../../data/tensor.js';
import type { PyStateful } from '../pickle/py-object.js';
import { decodeElements } from './decode-elements.js';
import { NpDType } from './np-dtype.js';

/**
 * A numpy array rebuilt from a pickle: shape, dtype and C-order storage (typed arrays for numbers,
 * plain arrays for objects and strings). Structured arrays keep one column per field.
 *
 * @example const a = new NdArray(); a.setState([1, [2], NpDType.parse('<f8'), false, bytes]); a.toFloat64();
 */
export class NdArray implements PyStateful {
  shape: number[] = [0];
  dtype: NpDType = NpDType.parse('f8');
  data: ColumnValues = new Float64Array(0);
  /** For structured dtypes: each field as its own array of the same shape. */
  fields = new Map<string, NdArray>();

  /** An array with these values, for code that builds arrays rather than reading them. */
  static of(dtype: NpDType, shape: number[], data: ColumnValues): NdArray {
    const a = new NdArray();
    a.dtype = dtype;
    a.shape = shape;
    a.data = data;
    return a;
  }

  get size(): number {
    return this.shape.reduce((x, y) => x * y, 1);
  }

  /** numpy's `ndarray.__setstate__((version, shape, dtype, is_fortran, rawdata))`. */
  setState(state: unknown): void {
    const items = Array.isArray(state) ? (state as unknown[]) : [];
    const [shape, dtype, fortran, raw] = items.length === 5 ? items.slice(1) : items;
    if (!Array.isArray(shape) || !(dtype instanceof NpDType))
      throw new MlflowError('A numpy array in the pickle has a malformed state.', 'BAD_REQUEST');
    this.shape = shape.map(Number);
    this.dtype = dtype;
    if (dtype.kind === 'O') this.data = Array.isArray(raw) ? [...(raw as unknown[])] : [];
    else if (raw instanceof Uint8Array) this.fillFromBytes(raw);
    else if (typeof raw === 'string') this.fillFromBytes(latin1(raw));
    else throw new MlflowError('A numpy array in the pickle has no data.', 'BAD_REQUEST');
    if (fortran === true && this.shape.length > 1) this.toCOrder();
  }

  /** Fills the array from its raw buffer, as `numpy.frombuffer` does. */
  fillFromBytes(raw: Uint8Array): void {
    const n = this.size;
    if (this.dtype.names) {
      for (const name of this.dtype.names) {
        const f = this.dtype.fields.get(name);
        if (!f) continue;
        const col = NdArray.of(
          f.dtype,
          [...this.shape],
          decodeElements(f.dtype, raw, n, this.dtype.itemsize, f.offset),
        );
        this.fields.set(name, col);
      }
      this.data = new Array<unknown>(n).fill(null);
      return;
    }
    this.data = decodeElements(this.dtype, raw, n, this.dtype.itemsize, 0);
  }

  private toCOrder(): void {
    const src = this.data;
    const dst = (src as { slice(): ColumnValues }).slice();
    const rank = this.shape.length;
    const idx = new Array<number>(rank).fill(0);
    const fStrides = this.shape.map((_, d) => this.shape.slice(0, d).reduce((a, b) => a * b, 1));
    for (let c = 0; c < this.size; c++) {
      let f = 0;
      for (let d = 0; d < rank; d++) f += (idx[d] ?? 0) * (fStrides[d] ?? 0);
      (dst as unknown[])[c] = (src as unknown[])[f];
      for (let d = rank - 1; d >= 0; d--) {
        idx[d] = (idx[d] ?? 0) + 1;
        if ((idx[d] ?? 0) < (this.shape[d] ?? 0)) break;
        idx[d] = 0;
      }
    }
    this.data = dst;
  }

  /** The values as float64 (numbers, bigints and booleans converted), in C order. */
  toFloat64(): Float64Array {
    if (this.data instanceof Float64Array) return this.data;
    const out = new Float64Array(this.data.length);
    for (let i = 0; i < out.length; i++) out[i] = Number(this.data[i] ?? NaN);
    return out;
  }

  /** The values as JS values (numbers, bigints, strings, objects), in C order. */
  toArray(): unknown[] {
    return Array.from(this.data as ArrayLike<unknown>);
  }

  /** One field of a structured array; throws when the array has no such field. */
  field(name: string): NdArray {
    const f = this.fields.get(name);
    if (!f) throw new MlflowError(`A numpy record array has no field '${name}'.`, 'BAD_REQUEST');
    return f;
  }

  toTensor(): Tensor {
    return new Tensor(this.dtype.toDType(), this.shape, this.data as never);
  }
}

function latin1(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
}

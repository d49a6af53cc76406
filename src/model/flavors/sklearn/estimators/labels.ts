import { Tensor } from '../../../../data/tensor.js';
import { allocate } from '../../../../data/dtype.js';
import type { NdArray } from '../numpy/nd-array.js';

/**
 * Class labels picked by index from `classes_`, keeping its dtype as sklearn's `classes_.take` does.
 *
 * @example labelsAt(classes, Int32Array.of(0, 2)) // Tensor int64 [0n, 2n]
 */
export function labelsAt(classes: NdArray, idx: Int32Array): Tensor {
  const dtype = classes.dtype.toDType();
  const out = allocate(dtype, idx.length) as unknown[];
  const src = classes.data as ArrayLike<unknown>;
  for (let i = 0; i < idx.length; i++) out[i] = src[idx[i] ?? 0];
  return new Tensor(dtype, [idx.length], out as never);
}

/** Row-wise argmax of an n×k row-major matrix; the first maximum wins, as numpy's argmax. */
export function argmaxRows(m: Float64Array, n: number, k: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestV = m[i * k] ?? -Infinity;
    for (let j = 1; j < k; j++) {
      const v = m[i * k + j] ?? -Infinity;
      if (v > bestV) {
        best = j;
        bestV = v;
      }
    }
    out[i] = best;
  }
  return out;
}

/** In-place softmax of each row of an n×k matrix, shifted by the row max for stability. */
export function softmaxRows(m: Float64Array, n: number, k: number): Float64Array {
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let j = 0; j < k; j++) max = Math.max(max, m[i * k + j] ?? -Infinity);
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const e = Math.exp((m[i * k + j] ?? 0) - max);
      m[i * k + j] = e;
      sum += e;
    }
    for (let j = 0; j < k; j++) m[i * k + j] = (m[i * k + j] ?? 0) / sum;
  }
  return m;
}

/** The logistic sigmoid, as scipy's `expit`. */
export function expit(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** An n×k float64 probability matrix as a Tensor. */
export function probaTensor(m: Float64Array, n: number, k: number): Tensor {
  return new Tensor('float64', [n, k], m);
}

/** Binary probabilities [1 - p, p] from the positive-class probability of each row. */
export function binaryProba(p: Float64Array): Float64Array {
  const out = new Float64Array(p.length * 2);
  for (let i = 0; i < p.length; i++) {
    out[2 * i] = 1 - (p[i] ?? 0);
    out[2 * i + 1] = p[i] ?? 0;
  }
  return out;
}

import { Tensor } from '../../../../data/tensor.js';
import { NdArray } from '../numpy/nd-array.js';
import type { PyInstance } from '../pickle/py-object.js';
import { arrayAttr } from './attrs.js';
import { checkFiniteSamples, expectFeatures, type Features, numericColumns } from './features.js';

/** A fitted linear map: `k` outputs of `p` features, as `X @ coef.T + intercept`. */
export interface LinearMap {
  readonly coef: Float64Array;
  readonly intercept: Float64Array;
  readonly k: number;
  readonly p: number;
  /** True when `coef_` was 1-D, so predictions are 1-D too. */
  readonly flat: boolean;
}

/**
 * Reads `coef_` and `intercept_` of a linear model.
 *
 * @example const map = linearMap(inst); scores(map, x);
 */
export function linearMap(inst: PyInstance): LinearMap {
  const coef = arrayAttr(inst, 'coef_');
  const flat = coef.shape.length === 1;
  const k = flat ? 1 : (coef.shape[0] ?? 1);
  const p = flat ? (coef.shape[0] ?? 0) : (coef.shape[1] ?? 0);
  const raw = inst.attr('intercept_');
  const intercept = new Float64Array(k);
  if (raw instanceof NdArray) intercept.set(raw.toFloat64().subarray(0, k));
  else if (typeof raw === 'number') intercept.fill(raw);
  return { coef: coef.toFloat64(), intercept, k, p, flat };
}

/** The n×k row-major scores `X @ coef.T + intercept`. */
export function scores(map: LinearMap, x: Features, name: string): Float64Array {
  expectFeatures(x, map.p, name);
  const cols = numericColumns(x);
  checkFiniteSamples(x, cols, name);
  const n = x.rows;
  const out = new Float64Array(n * map.k);
  for (let j = 0; j < map.k; j++) {
    const b = map.intercept[j] ?? 0;
    for (let i = 0; i < n; i++) out[i * map.k + j] = b;
    for (let f = 0; f < map.p; f++) {
      const w = map.coef[j * map.p + f] ?? 0;
      const col = cols[f] ?? new Float64Array(n);
      for (let i = 0; i < n; i++) out[i * map.k + j] = (out[i * map.k + j] ?? 0) + w * (col[i] ?? 0);
    }
  }
  return out;
}

/** Scores as a tensor: 1-D when the model has one output, n×k otherwise. */
export function scoresTensor(map: LinearMap, s: Float64Array, n: number): Tensor {
  return map.k === 1 ? new Tensor('float64', [n], s) : new Tensor('float64', [n, map.k], s);
}

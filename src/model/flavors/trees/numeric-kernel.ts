import type { FeatureMatrix } from './tree-ensemble.js';

/** The arrays the numeric kernel walks: plain numeric splits only, one value per leaf. */
export interface NumericKernelArrays {
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** The child that NaN goes to. */
  readonly missing: Int32Array;
  readonly leafValue: Float64Array;
  readonly roots: Int32Array;
  readonly treeOutput: Int32Array;
}

// Rows per block: each tree is walked for a whole block while its nodes are in cache.
const BLOCK = 128;

/**
 * Adds the leaf value of every tree to `out` (`rows × outputs`) for ensembles whose splits are all
 * numeric with NaN as the only missing value. Trees are applied in order for each row, so float32
 * sums round exactly as a row-at-a-time loop would.
 *
 * @example addNumericTrees(arrays, { values, rows, stride }, out, 1, 100);
 */
export function addNumericTrees(
  a: NumericKernelArrays,
  x: FeatureMatrix,
  out: Float64Array | Float32Array,
  outputs: number,
  limit: number,
): void {
  const { feature, threshold, left, right, missing, leafValue, roots, treeOutput } = a;
  const values = x.values;
  const stride = x.stride;
  for (let r0 = 0; r0 < x.rows; r0 += BLOCK) {
    const r1 = Math.min(x.rows, r0 + BLOCK);
    for (let t = 0; t < limit; t++) {
      const root = roots[t] as number;
      const column = treeOutput[t] as number;
      for (let r = r0; r < r1; r++) {
        const offset = r * stride;
        let node = root;
        let f = feature[node] as number;
        while (f >= 0) {
          const v = values[offset + f] as number;
          const t = threshold[node] as number;
          // NaN fails both comparisons and takes the missing-value child.
          node =
            v <= t ? (left[node] as number) : v > t ? (right[node] as number) : (missing[node] as number);
          f = feature[node] as number;
        }
        const at = r * outputs + column;
        out[at] = (out[at] as number) + (leafValue[node] as number);
      }
    }
  }
}

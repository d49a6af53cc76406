import { addNumericTrees, type NumericKernelArrays } from './numeric-kernel.js';

/**
 * Per-node flags of a {@link TreeEnsemble}.
 *
 * @example flags[node] = NodeFlag.CATEGORICAL | NodeFlag.DEFAULT_LEFT;
 */
export const NodeFlag = {
  /** Missing values (and, for categorical nodes, invalid categories) go to the left child. */
  DEFAULT_LEFT: 1,
  /** The split is "category in set → left"; `threshold` is unused. */
  CATEGORICAL: 2,
  /** NaN is read as 0 before comparing (LightGBM's missing_type None). */
  NAN_AS_ZERO: 4,
  /** Zero (|x| ≤ 1e-35) and NaN take the default direction (LightGBM's missing_type Zero). */
  ZERO_IS_MISSING: 8,
  /** A leaf with a linear model: const + Σ coeff·x, or the plain leaf value when one of its features is NaN. */
  LINEAR: 16,
} as const;

/** The flat arrays of a {@link TreeEnsemble}; node indices are global across all trees. */
export interface TreeEnsembleArrays {
  /** Split feature per node; -1 marks a leaf. */
  readonly feature: Int32Array;
  /** Go left when `x <= threshold`. */
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly flags: Uint8Array;
  /** For categorical nodes: the first word in `catBits` and how many 32-bit words the set has. */
  readonly catStart: Int32Array;
  readonly catWords: Int32Array;
  /** Category sets as bitsets: bit c of word c>>5 is set when category c goes left. */
  readonly catBits: Uint32Array;
  /** `leafWidth` values per node (read at leaves only). */
  readonly leafValue: Float64Array;
  /** Linear leaves: constant, and a slice of `linFeature`/`linCoeff` given by `linStart`/`linCount`. */
  readonly linConst: Float64Array;
  readonly linStart: Int32Array;
  readonly linCount: Int32Array;
  readonly linFeature: Int32Array;
  readonly linCoeff: Float64Array;
  /** Root node of each tree, and the first output column its leaf values are added to. */
  readonly roots: Int32Array;
  readonly treeOutput: Int32Array;
}

/** The shape of a {@link TreeEnsemble}'s output and how it is summed. */
export interface TreeEnsembleOptions {
  /** Output columns per row (e.g. the number of classes). */
  readonly outputs: number;
  /** Values per leaf, added to columns `treeOutput[t] .. treeOutput[t] + leafWidth - 1`. */
  readonly leafWidth: number;
  /** The starting value of each output column (a base score or intercept). */
  readonly base: Float64Array;
  /** Sum in float32, as XGBoost does, rather than float64 as LightGBM and scikit-learn do. */
  readonly float32Sums: boolean;
}

/** Rows to score: a row-major matrix of `rows` × `stride` values, NaN for missing. */
export interface FeatureMatrix {
  readonly values: Float64Array | Float32Array;
  readonly rows: number;
  readonly stride: number;
}

function numericKernelArrays(
  a: TreeEnsembleArrays,
  options: TreeEnsembleOptions,
): NumericKernelArrays | null {
  if (options.leafWidth !== 1) return null;
  if (a.flags.some((f) => f !== 0 && f !== NodeFlag.DEFAULT_LEFT)) return null;
  const missing = a.left.map((l, i) =>
    ((a.flags[i] as number) & NodeFlag.DEFAULT_LEFT) !== 0 ? l : (a.right[i] as number),
  );
  return { ...a, missing };
}

// LightGBM's kZeroThreshold is the float 1e-35f.
const ZERO = Math.fround(1e-35);

/**
 * A compiled tree ensemble over flat typed arrays, shared by the XGBoost, LightGBM and (later)
 * scikit-learn flavors. Each node splits on one feature with `x <= threshold → left`, or on a
 * category set; missing values follow per-node flags ({@link NodeFlag}). Build one with
 * {@link TreeEnsembleBuilder}; then {@link TreeEnsemble.predictRaw} returns, per row, the base plus the
 * sum of the leaf values of every tree (the "margin"), leaving links such as sigmoid to the flavor.
 * Readers whose split is `x < t` on float32 data compile `t` to the next float32 below it.
 *
 * Compiling another library: scikit-learn's trees go left when `X[:, f] <= threshold` on float32
 * input (pass `float32: true` to {@link toFeatureMatrix}), NaN follows `missing_go_to_left`
 * (DEFAULT_LEFT); a classifier's leaf holds one value per class (`leafWidth` = classes, scaled by
 * 1 / n_estimators for a forest); gradient boosting bakes the learning rate into its leaf values and
 * puts the initial estimate in `base`. Node order is free as long as every tree is a tree (checked).
 *
 * @example
 * const b = new TreeEnsembleBuilder();
 * b.addTree({ feature: [0, -1, -1], threshold: [0.5, 0, 0], left: [1, -1, -1], right: [2, -1, -1], leafValue: [0, -1, 1] });
 * const margins = b.build({ outputs: 1, leafWidth: 1, base: Float64Array.of(0), float32Sums: false })
 *   .predictRaw({ values: Float64Array.of(0.2, 0.9), rows: 2, stride: 1 }); // Float64Array [-1, 1]
 */
export class TreeEnsemble {
  /** Set when every split is numeric with NaN as the only missing value: the fast kernel applies. */
  private readonly numeric: NumericKernelArrays | null;

  constructor(
    readonly arrays: TreeEnsembleArrays,
    readonly options: TreeEnsembleOptions,
  ) {
    this.numeric = numericKernelArrays(arrays, options);
  }

  get treeCount(): number {
    return this.arrays.roots.length;
  }

  /** Base + Σ leaf values for each row, `rows × outputs`, using the first `treeLimit` trees (all by default). */
  predictRaw(x: FeatureMatrix, treeLimit = this.treeCount): Float64Array | Float32Array {
    const { outputs, base } = this.options;
    const out = this.options.float32Sums
      ? new Float32Array(x.rows * outputs)
      : new Float64Array(x.rows * outputs);
    for (let r = 0; r < x.rows; r++) out.set(base, r * outputs);
    const limit = Math.min(treeLimit, this.treeCount);
    if (this.numeric) addNumericTrees(this.numeric, x, out, outputs, limit);
    else for (let r = 0; r < x.rows; r++) this.addRow(x.values, r * x.stride, out, r * outputs, limit);
    return out;
  }

  /** The leaf node index that tree `tree` reaches for the row starting at `offset` of `values`. */
  leafOf(tree: number, values: ArrayLike<number>, offset: number): number {
    const a = this.arrays;
    let node = a.roots[tree] as number;
    while ((a.feature[node] as number) >= 0)
      node = this.next(node, values[offset + (a.feature[node] as number)] as number);
    return node;
  }

  private addRow(
    values: ArrayLike<number>,
    offset: number,
    out: Float64Array | Float32Array,
    outOffset: number,
    limit: number,
  ): void {
    const a = this.arrays;
    const width = this.options.leafWidth;
    for (let t = 0; t < limit; t++) {
      const leaf = this.leafOf(t, values, offset);
      const at = outOffset + (a.treeOutput[t] as number);
      if (width === 1) out[at] = (out[at] as number) + this.leafScalar(leaf, values, offset);
      else
        for (let j = 0; j < width; j++)
          out[at + j] = (out[at + j] as number) + (a.leafValue[leaf * width + j] as number);
    }
  }

  private leafScalar(leaf: number, values: ArrayLike<number>, offset: number): number {
    const a = this.arrays;
    if (((a.flags[leaf] as number) & NodeFlag.LINEAR) === 0) return a.leafValue[leaf] as number;
    let sum = a.linConst[leaf] as number;
    const start = a.linStart[leaf] as number;
    for (let i = 0; i < (a.linCount[leaf] as number); i++) {
      const v = values[offset + (a.linFeature[start + i] as number)] as number;
      if (Number.isNaN(v)) return a.leafValue[leaf] as number;
      sum += (a.linCoeff[start + i] as number) * v;
    }
    return sum;
  }

  private next(node: number, value: number): number {
    const a = this.arrays;
    const flags = a.flags[node] as number;
    let x = value;
    if (flags === 0 || flags === NodeFlag.DEFAULT_LEFT) {
      // The hot path: a numeric split where only NaN is missing.
      if (x !== x) return flags === 0 ? (a.right[node] as number) : (a.left[node] as number);
      return x <= (a.threshold[node] as number) ? (a.left[node] as number) : (a.right[node] as number);
    }
    if (x !== x && (flags & NodeFlag.NAN_AS_ZERO) !== 0) x = 0;
    const missing = x !== x || ((flags & NodeFlag.ZERO_IS_MISSING) !== 0 && x >= -ZERO && x <= ZERO);
    if (!missing && (flags & NodeFlag.CATEGORICAL) !== 0) {
      const category = Math.trunc(x);
      const words = a.catWords[node] as number;
      if (category >= 0 && category < words * 32) {
        const word = a.catBits[(a.catStart[node] as number) + (category >>> 5)] as number;
        return (word >>> (category & 31)) & 1 ? (a.left[node] as number) : (a.right[node] as number);
      }
    } else if (!missing) {
      return x <= (a.threshold[node] as number) ? (a.left[node] as number) : (a.right[node] as number);
    }
    return (flags & NodeFlag.DEFAULT_LEFT) !== 0 ? (a.left[node] as number) : (a.right[node] as number);
  }
}

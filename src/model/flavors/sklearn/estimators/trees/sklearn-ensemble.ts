import type { FeatureMatrix, TreeEnsemble } from '../../../trees/tree-ensemble.js';
import { TreeEnsembleBuilder, type TreeSpec } from '../../../trees/tree-ensemble-builder.js';
import { expectFeatures, type Features, numericColumns } from '../features.js';
import type { CompiledTree } from './sklearn-tree.js';

/** Which values a tree's leaves carry: the first output, one class's share, or every class's share. */
export type LeafSelection = number | 'all' | null;

/**
 * Leaf values: `scale × value` of the first output (`null`), or the class shares of the node's
 * distribution (sklearn divides by the sum; all-zero stays zero) for one class or all of them.
 */
function leafValues(t: CompiledTree, scale: number, classes: LeafSelection): Float64Array {
  const n = t.left.length;
  const w = t.width;
  if (classes === null) return Float64Array.from({ length: n }, (_, i) => scale * (t.values[i * w] ?? 0));
  const width = classes === 'all' ? w : 1;
  const out = new Float64Array(n * width);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < w; j++) sum += t.values[i * w + j] ?? 0;
    for (let j = 0; j < width; j++) {
      const c = classes === 'all' ? j : classes;
      out[i * width + j] = sum === 0 ? 0 : (t.values[i * w + c] ?? 0) / sum;
    }
  }
  return out;
}

/**
 * One sklearn tree in the shared tree evaluator's form: leaves get feature -1, and
 * `missing_go_to_left` becomes the default-left flag.
 *
 * Classifier leaves carry class shares (see {@link LeafSelection}).
 *
 * @example builder.addTree(sklearnTreeSpec(tree, 1, 0, 0));
 */
export function sklearnTreeSpec(
  t: CompiledTree,
  scale: number,
  output: number,
  classes: LeafSelection = null,
): TreeSpec {
  return {
    feature: Int32Array.from(t.feature, (f, i) => ((t.left[i] ?? -1) === -1 ? -1 : f)),
    threshold: t.threshold,
    left: t.left,
    right: t.right,
    flags: t.missingLeft,
    leafValue: leafValues(t, scale, classes),
    output,
  };
}

/**
 * Builds a shared {@link TreeEnsemble} from sklearn trees: every tree adds `leafWidth` values to
 * its output column, starting from `base`.
 *
 * @example sklearnEnsemble(trees.map((t) => sklearnTreeSpec(t, 1, 0)), 1, 1, Float64Array.of(0))
 */
export function sklearnEnsemble(
  specs: TreeSpec[],
  outputs: number,
  leafWidth: number,
  base: Float64Array,
): TreeEnsemble {
  const b = new TreeEnsembleBuilder();
  for (const s of specs) b.addTree(s);
  return b.build({ outputs, leafWidth, base, float32Sums: false });
}

/**
 * The input as a row-major matrix for the evaluator; float32 when the estimator rounds X to
 * float32 first (sklearn's trees and forests), float64 otherwise (HistGradientBoosting).
 *
 * @example ensemble.predictRaw(treeMatrix(x, 4, 'RandomForestClassifier', true))
 */
export function treeMatrix(x: Features, p: number, name: string, float32: boolean): FeatureMatrix {
  expectFeatures(x, p, name);
  const cols = numericColumns(x);
  // float32-rounded values are kept in a Float64Array: the evaluator's kernel then sees one array type.
  const values = new Float64Array(x.rows * p);
  cols.forEach((c, j) => {
    if (float32) for (let i = 0; i < x.rows; i++) values[i * p + j] = Math.fround(c[i] ?? NaN);
    else for (let i = 0; i < x.rows; i++) values[i * p + j] = c[i] ?? NaN;
  });
  return { values, rows: x.rows, stride: p };
}

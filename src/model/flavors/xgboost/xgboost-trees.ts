import { NodeFlag } from '../trees/tree-ensemble.js';
import type { TreeSpec } from '../trees/tree-ensemble-builder.js';

/**
 * A malformed part of an XGBoost model, named by its path in the document.
 *
 * @example new XGBoostFormatError('missing learner.objective')
 */
export class XGBoostFormatError extends Error {
  override readonly name = 'XGBoostFormatError';
}

export type Doc = Record<string, unknown>;

/**
 * `doc[key]`, or an {@link XGBoostFormatError} naming `path.key` when it is missing.
 *
 * @example field(learner, 'objective', 'learner')
 */
export function field(doc: unknown, key: string, path: string): unknown {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc) || !(key in doc))
    throw new XGBoostFormatError(`missing ${path}${path ? '.' : ''}${key}`);
  return (doc as Doc)[key];
}

/**
 * `doc[key]` as an array of numbers (a JSON array or a UBJSON typed array), checked.
 *
 * @example numbers(tree, 'left_children', 'trees[0]')
 */
export function numbers(doc: unknown, key: string, path: string): ArrayLike<number> {
  const v = field(doc, key, path);
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    const arr = v as ArrayLike<unknown>;
    for (let i = 0; i < arr.length; i++)
      if (typeof arr[i] !== 'number') throw new XGBoostFormatError(`${path}.${key}[${i}] is not a number`);
    return arr as ArrayLike<number>;
  }
  throw new XGBoostFormatError(`${path}.${key} is not an array`);
}

/** The largest float32 below `t`: for float32 `x`, `x < t` ⇔ `x <= below(t)`. */
function float32Below(t: number): number {
  if (Number.isNaN(t) || t === -Infinity) return t;
  if (t === 0) return -1.401298464324817e-45;
  const f = new Float32Array([Math.fround(t)]);
  const bits = new Int32Array(f.buffer);
  (bits[0] as number) += t > 0 ? -1 : 1;
  return f[0] as number;
}

function categoriesOf(tree: unknown, path: string): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const nodes = numbers(tree, 'categories_nodes', path);
  if (nodes.length === 0) return out;
  const cats = numbers(tree, 'categories', path);
  const segments = numbers(tree, 'categories_segments', path);
  const sizes = numbers(tree, 'categories_sizes', path);
  for (let k = 0; k < nodes.length; k++) {
    const start = Number(segments[k]);
    out.set(
      nodes[k] as number,
      Array.from({ length: Number(sizes[k]) }, (_, i) => cats[start + i] as number),
    );
  }
  return out;
}

/**
 * One XGBoost JSON tree as a {@link TreeSpec}. XGBoost goes left when `x < t` (float32) and, for a
 * categorical split, sends the listed categories right; both are turned into the ensemble's
 * "`x <= t` left" and "in set → left" rules by nudging thresholds and swapping children.
 *
 * @example builder.addTree(xgboostTree(doc.trees[0], 'trees[0]', 0, 1));
 */
export function xgboostTree(tree: unknown, path: string, output: number, weight: number): TreeSpec {
  const left = numbers(tree, 'left_children', path);
  const right = numbers(tree, 'right_children', path);
  const feature = numbers(tree, 'split_indices', path);
  const cond = numbers(tree, 'split_conditions', path);
  const defaultLeft = numbers(tree, 'default_left', path);
  const leafVector = Number((tree as { tree_param?: Doc }).tree_param?.size_leaf_vector ?? 0);
  if (leafVector > 1)
    throw new XGBoostFormatError(
      `${path} has vector leaves (multi_strategy="multi_output_tree"), which are not supported`,
    );
  const n = left.length;
  if ([right, feature, cond, defaultLeft].some((a) => a.length !== n))
    throw new XGBoostFormatError(`${path} has node arrays of different lengths`);
  const splitType =
    n > 0 && (tree as Doc).split_type !== undefined ? numbers(tree, 'split_type', path) : null;
  const categories = categoriesOf(tree, path);
  const spec = {
    feature: new Int32Array(n),
    threshold: new Float64Array(n),
    left: new Int32Array(n),
    right: new Int32Array(n),
    flags: new Uint8Array(n),
    leafValue: new Float64Array(n),
    categories: new Map<number, number[]>(),
    output,
  };
  for (let i = 0; i < n; i++) {
    const isLeaf = left[i] === -1;
    spec.feature[i] = isLeaf ? -1 : (feature[i] as number);
    spec.leafValue[i] = isLeaf ? Math.fround(weight * (cond[i] as number)) : 0;
    const isCat = !isLeaf && splitType?.[i] === 1;
    const dl = defaultLeft[i] === 1;
    spec.left[i] = isCat ? (right[i] as number) : (left[i] as number);
    spec.right[i] = isCat ? (left[i] as number) : (right[i] as number);
    spec.flags[i] = (isCat ? NodeFlag.CATEGORICAL : 0) | (dl !== isCat ? NodeFlag.DEFAULT_LEFT : 0);
    spec.threshold[i] = isLeaf || isCat ? 0 : float32Below(cond[i] as number);
    if (isCat) spec.categories.set(i, categories.get(i) ?? []);
  }
  return spec;
}

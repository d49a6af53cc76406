import { NodeFlag } from '../trees/tree-ensemble.js';
import type { LinearLeaf, TreeSpec } from '../trees/tree-ensemble-builder.js';
import { LightGBMFormatError, numberList } from './lightgbm-text.js';

type Block = ReadonlyMap<string, string>;

const CATEGORICAL_MASK = 1;
const DEFAULT_LEFT_MASK = 2;
const MISSING_ZERO = 1;
const MISSING_NAN = 2;

function splitFlags(decision: number): number {
  if ((decision & CATEGORICAL_MASK) !== 0) return NodeFlag.CATEGORICAL; // NaN, negative and unseen categories go right
  const missing = (decision >> 2) & 3;
  const defaultLeft = (decision & DEFAULT_LEFT_MASK) !== 0 ? NodeFlag.DEFAULT_LEFT : 0;
  if (missing === MISSING_ZERO) return NodeFlag.ZERO_IS_MISSING | defaultLeft;
  if (missing === MISSING_NAN) return defaultLeft;
  return NodeFlag.NAN_AS_ZERO;
}

function bitsetCategories(words: readonly number[], from: number, to: number): number[] {
  const out: number[] = [];
  for (let w = from; w < to; w++)
    for (let b = 0; b < 32; b++) if (((words[w] as number) >>> b) & 1) out.push((w - from) * 32 + b);
  return out;
}

function linearLeaves(block: Block, where: string, leaves: number): LinearLeaf[] {
  const constants = numberList(block, 'leaf_const', where, leaves);
  const counts = numberList(block, 'num_features', where, leaves);
  const total = counts.reduce((a, b) => a + b, 0);
  const features = numberList(block, 'leaf_features', where, total);
  const coeffs = numberList(block, 'leaf_coeff', where, total);
  let at = 0;
  return constants.map((constant, i) => {
    const n = counts[i] as number;
    at += n;
    return { constant, features: features.slice(at - n, at), coefficients: coeffs.slice(at - n, at) };
  });
}

/**
 * One `Tree=i` block as a {@link TreeSpec}. LightGBM numbers internal nodes 0..L-2 and leaves by
 * `~leaf`; here leaves become nodes L-1.. so every child is a plain index.
 *
 * @example builder.addTree(lightgbmTree(text.trees[0], 0, 0));
 */
export function lightgbmTree(block: Block, index: number, output: number): TreeSpec {
  const where = `Tree=${index}`;
  const leaves = numberList(block, 'num_leaves', where, 1)[0] as number;
  if (!Number.isInteger(leaves) || leaves < 1) throw new LightGBMFormatError(`${where}: bad num_leaves`);
  const inner = leaves - 1;
  const leafValue = numberList(block, 'leaf_value', where, leaves);
  const linear = block.get('is_linear') === '1' ? linearLeaves(block, where, leaves) : null;
  const n = inner + leaves;
  const spec = {
    feature: new Int32Array(n).fill(-1),
    threshold: new Float64Array(n),
    left: new Int32Array(n).fill(-1),
    right: new Int32Array(n).fill(-1),
    flags: new Uint8Array(n),
    leafValue: new Float64Array(n),
    categories: new Map<number, number[]>(),
    linear: new Map<number, LinearLeaf>(),
    output,
  };
  for (let l = 0; l < leaves; l++) {
    spec.leafValue[inner + l] = leafValue[l] as number;
    if (linear) {
      spec.flags[inner + l] = NodeFlag.LINEAR;
      spec.linear.set(inner + l, linear[l] as LinearLeaf);
    }
  }
  if (inner > 0) addSplits(block, where, inner, spec);
  return spec;
}

function addSplits(
  block: Block,
  where: string,
  inner: number,
  spec: {
    feature: Int32Array;
    threshold: Float64Array;
    left: Int32Array;
    right: Int32Array;
    flags: Uint8Array;
    categories: Map<number, number[]>;
  },
): void {
  const feature = numberList(block, 'split_feature', where, inner);
  const threshold = numberList(block, 'threshold', where, inner);
  const decision = numberList(block, 'decision_type', where, inner);
  const left = numberList(block, 'left_child', where, inner);
  const right = numberList(block, 'right_child', where, inner);
  const numCat = Number(block.get('num_cat') ?? '0');
  const bounds = numCat > 0 ? numberList(block, 'cat_boundaries', where, numCat + 1) : [];
  const words = numCat > 0 ? numberList(block, 'cat_threshold', where, bounds[numCat]) : [];
  const child = (c: number): number => {
    const node = c >= 0 ? c : inner + ~c;
    if (!Number.isInteger(node) || node < 0 || node >= inner * 2 + 1)
      throw new LightGBMFormatError(`${where}: child ${c} is outside the tree`);
    return node;
  };
  for (let i = 0; i < inner; i++) {
    spec.feature[i] = feature[i] as number;
    spec.left[i] = child(left[i] as number);
    spec.right[i] = child(right[i] as number);
    spec.flags[i] = splitFlags(decision[i] as number);
    if (((decision[i] as number) & CATEGORICAL_MASK) === 0) spec.threshold[i] = threshold[i] as number;
    else {
      const k = threshold[i] as number;
      if (!(k >= 0 && k < numCat))
        throw new LightGBMFormatError(`${where}: category set ${k} does not exist`);
      spec.categories.set(i, bitsetCategories(words, bounds[k] as number, bounds[k + 1] as number));
    }
  }
}

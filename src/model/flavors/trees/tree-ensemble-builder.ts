import { TreeEnsemble, type TreeEnsembleOptions } from './tree-ensemble.js';

/** A linear leaf model: `constant + Σ coefficients[i] · x[features[i]]`. */
export interface LinearLeaf {
  readonly constant: number;
  readonly features: readonly number[];
  readonly coefficients: readonly number[];
}

/** One tree with node indices local to it: node 0 is the root, -1 marks "no child" at leaves. */
export interface TreeSpec {
  /** Split feature per node; -1 (or any negative) marks a leaf. */
  readonly feature: ArrayLike<number>;
  /** Go left when `x <= threshold`. */
  readonly threshold: ArrayLike<number>;
  readonly left: ArrayLike<number>;
  readonly right: ArrayLike<number>;
  /** {@link NodeFlag} bits per node; none when omitted. */
  readonly flags?: ArrayLike<number>;
  /** For categorical nodes, the categories that go left. */
  readonly categories?: ReadonlyMap<number, readonly number[]>;
  /** `leafWidth` values per node, row-major; only leaves are read. */
  readonly leafValue: ArrayLike<number>;
  /** Linear models of leaves flagged LINEAR. */
  readonly linear?: ReadonlyMap<number, LinearLeaf>;
  /** The first output column this tree adds to (its class, for one-tree-per-class boosters). */
  readonly output?: number;
}

// Category codes beyond this would need a bitset of megabytes per split: a corrupt file, not a model.
const MAX_CATEGORY = 1 << 24;

/** Every node reachable from the root exactly once, so walking the tree always ends at a leaf. */
function checkShape(tree: TreeSpec): void {
  const n = tree.feature.length;
  const seen = new Uint8Array(n);
  const stack = n > 0 ? [0] : [];
  while (stack.length > 0) {
    const node = stack.pop() as number;
    if (seen[node]) throw new Error(`tree node ${node} is reached twice (the child links form a cycle)`);
    seen[node] = 1;
    if ((tree.feature[node] as number) < 0) continue;
    for (const child of [tree.left[node] as number, tree.right[node] as number]) {
      if (!Number.isInteger(child) || child < 0 || child >= n)
        throw new Error(`tree node ${node} has a child ${child} outside the tree`);
      stack.push(child);
    }
  }
}

/**
 * Concatenates trees into the flat arrays of one {@link TreeEnsemble}, turning local child indices
 * into global ones and category lists into bitsets.
 *
 * @example const ensemble = new TreeEnsembleBuilder().addTree(spec).build(options);
 */
export class TreeEnsembleBuilder {
  private readonly feature: number[] = [];
  private readonly threshold: number[] = [];
  private readonly left: number[] = [];
  private readonly right: number[] = [];
  private readonly flags: number[] = [];
  private readonly catStart: number[] = [];
  private readonly catWords: number[] = [];
  private readonly catBits: number[] = [];
  private readonly leafValue: number[] = [];
  private readonly linConst: number[] = [];
  private readonly linStart: number[] = [];
  private readonly linCount: number[] = [];
  private readonly linFeature: number[] = [];
  private readonly linCoeff: number[] = [];
  private readonly roots: number[] = [];
  private readonly treeOutput: number[] = [];

  /** Appends one tree; throws if its child links do not form a tree rooted at node 0. */
  addTree(tree: TreeSpec): this {
    checkShape(tree);
    const base = this.feature.length;
    const n = tree.feature.length;
    const width = n === 0 ? 1 : tree.leafValue.length / n;
    this.roots.push(base);
    this.treeOutput.push(tree.output ?? 0);
    for (let i = 0; i < n; i++) {
      const isLeaf = (tree.feature[i] as number) < 0;
      this.feature.push(isLeaf ? -1 : (tree.feature[i] as number));
      this.threshold.push(isLeaf ? 0 : (tree.threshold[i] as number));
      this.left.push(isLeaf ? -1 : base + (tree.left[i] as number));
      this.right.push(isLeaf ? -1 : base + (tree.right[i] as number));
      this.flags.push(tree.flags?.[i] ?? 0);
      for (let j = 0; j < width; j++) this.leafValue.push(tree.leafValue[i * width + j] as number);
      this.addCategories(tree.categories?.get(i));
      this.addLinear(tree.linear?.get(i));
    }
    return this;
  }

  private addCategories(categories: readonly number[] | undefined): void {
    this.catStart.push(this.catBits.length);
    if (!categories || categories.length === 0) {
      this.catWords.push(0);
      return;
    }
    let max = 0;
    for (const c of categories) {
      if (!Number.isInteger(c) || c < 0 || c > MAX_CATEGORY)
        throw new Error(`invalid category ${c} in a split`);
      max = Math.max(max, c);
    }
    const words = (max >>> 5) + 1;
    const start = this.catBits.length;
    for (let w = 0; w < words; w++) this.catBits.push(0);
    for (const c of categories) (this.catBits[start + (c >>> 5)] as number) |= 1 << (c & 31);
    this.catWords.push(words);
  }

  private addLinear(leaf: LinearLeaf | undefined): void {
    this.linConst.push(leaf?.constant ?? 0);
    this.linStart.push(this.linFeature.length);
    this.linCount.push(leaf?.features.length ?? 0);
    if (leaf) {
      this.linFeature.push(...leaf.features);
      this.linCoeff.push(...leaf.coefficients);
    }
  }

  /** The ensemble of every tree added so far. */
  build(options: TreeEnsembleOptions): TreeEnsemble {
    return new TreeEnsemble(
      {
        feature: Int32Array.from(this.feature),
        threshold: Float64Array.from(this.threshold),
        left: Int32Array.from(this.left),
        right: Int32Array.from(this.right),
        flags: Uint8Array.from(this.flags),
        catStart: Int32Array.from(this.catStart),
        catWords: Int32Array.from(this.catWords),
        catBits: Uint32Array.from(this.catBits, (w) => w >>> 0),
        leafValue: Float64Array.from(this.leafValue),
        linConst: Float64Array.from(this.linConst),
        linStart: Int32Array.from(this.linStart),
        linCount: Int32Array.from(this.linCount),
        linFeature: Int32Array.from(this.linFeature),
        linCoeff: Float64Array.from(this.linCoeff),
        roots: Int32Array.from(this.roots),
        treeOutput: Int32Array.from(this.treeOutput),
      },
      options,
    );
  }
}

import { XGBoostFormatError } from './xgboost-trees.js';

// Sizes of the C structs XGBoost writes verbatim (little-endian): LearnerModelParamLegacy,
// GBTreeModelParam, TreeParam, RegTree::Node and RTreeNodeStat.
const LEARNER_PARAM_BYTES = 136;
const GBTREE_PARAM_BYTES = 160;
const TREE_PARAM_BYTES = 148;
const NODE_BYTES = 20;
const STAT_BYTES = 16;
const DEFAULT_LEFT_BIT = 0x80000000;

class Cursor {
  pos = 0;
  private readonly view: DataView;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  take(n: number, what: string): number {
    if (n < 0 || this.pos + n > this.bytes.length)
      throw new XGBoostFormatError(`unexpected end of data reading ${what} at byte ${this.pos}`);
    const at = this.pos;
    this.pos += n;
    return at;
  }
  i32(at: number): number {
    return this.view.getInt32(at, true);
  }
  u32(at: number): number {
    return this.view.getUint32(at, true);
  }
  f32(at: number): number {
    return this.view.getFloat32(at, true);
  }
  u64(what: string): number {
    const v = Number(this.view.getBigUint64(this.take(8, what), true));
    if (v > this.bytes.length)
      throw new XGBoostFormatError(`${what} claims ${v} entries, more than the file holds`);
    return v;
  }
  string(what: string): string {
    const n = this.u64(what);
    return new TextDecoder().decode(this.bytes.subarray(this.take(n, what), this.pos));
  }
  atEnd(): boolean {
    return this.pos >= this.bytes.length;
  }
}

function readTree(c: Cursor, t: number): Record<string, unknown> {
  const what = `tree ${t}`;
  const param = c.take(TREE_PARAM_BYTES, what);
  const n = c.i32(param + 4);
  if (n < 1 || c.i32(param + 20) !== 0)
    throw new XGBoostFormatError(`${what} has ${n} nodes or vector leaves`);
  const nodes = c.take(n * NODE_BYTES, `${what} nodes`);
  c.take(n * STAT_BYTES, `${what} statistics`);
  const tree = {
    left_children: [] as number[],
    right_children: [] as number[],
    split_indices: [] as number[],
    split_conditions: [] as number[],
    default_left: [] as number[],
    categories_nodes: [],
  };
  for (let i = 0; i < n; i++) {
    const at = nodes + i * NODE_BYTES;
    const sindex = c.u32(at + 12);
    tree.left_children.push(c.i32(at + 4));
    tree.right_children.push(c.i32(at + 8));
    tree.split_indices.push(sindex & ~DEFAULT_LEFT_BIT);
    tree.default_left.push((sindex & DEFAULT_LEFT_BIT) !== 0 ? 1 : 0);
    tree.split_conditions.push(c.f32(at + 16));
  }
  return tree;
}

function readAttributes(c: Cursor): Record<string, string> {
  const out: Record<string, string> = {};
  if (c.atEnd()) return out;
  const count = c.u64('attributes');
  for (let i = 0; i < count; i++) out[c.string('attribute name')] = c.string('attribute value');
  return out;
}

/**
 * Reads XGBoost's legacy binary model format (`model.xgb`, `Booster.save_model` with any other
 * extension in XGBoost < 2) into the same document shape as the JSON format, so one reader builds
 * the model. gbtree and dart boosters; the binary format never holds categorical splits.
 *
 * @example const doc = readLegacyXGBoost(bytes); readXGBoostModel(doc);
 */
export function readLegacyXGBoost(bytes: Uint8Array): unknown {
  const c = new Cursor(bytes);
  if (new TextDecoder().decode(bytes.subarray(0, 4)) === 'binf') c.pos = 4;
  const p = c.take(LEARNER_PARAM_BYTES, 'the learner parameters');
  const hasAttributes = c.i32(p + 12) !== 0;
  const objective = c.string('the objective name');
  const booster = c.string('the booster name');
  if (booster !== 'gbtree' && booster !== 'dart')
    throw new XGBoostFormatError(`booster '${booster}' is not supported (Modeldock runs gbtree and dart)`);
  const g = c.take(GBTREE_PARAM_BYTES, 'the tree parameters');
  const numTrees = c.i32(g);
  if (numTrees < 0 || numTrees > bytes.length) throw new XGBoostFormatError(`invalid tree count ${numTrees}`);
  const trees = Array.from({ length: numTrees }, (_, t) => readTree(c, t));
  const infoAt = c.take(numTrees * 4, 'tree_info');
  const treeInfo = Array.from({ length: numTrees }, (_, t) => c.i32(infoAt + t * 4));
  const weightDrop =
    booster === 'dart' && numTrees > 0
      ? Array.from({ length: c.u64('weight_drop') }, () => c.f32(c.take(4, 'weight_drop')))
      : [];
  const attributes = hasAttributes ? readAttributes(c) : {};
  const model = {
    gbtree_model_param: { num_parallel_tree: String(c.i32(g + 4)), num_trees: String(numTrees) },
    trees,
    tree_info: treeInfo,
  };
  return {
    learner: {
      attributes,
      objective: { name: objective },
      learner_model_param: {
        base_score: String(c.f32(p)),
        num_feature: String(c.u32(p + 4)),
        num_class: String(c.i32(p + 8)),
        num_target: String(Math.max(1, c.u32(p + 28))),
      },
      gradient_booster:
        booster === 'dart'
          ? { name: 'dart', gbtree: { name: 'gbtree', model }, weight_drop: weightDrop }
          : { name: 'gbtree', model },
    },
  };
}

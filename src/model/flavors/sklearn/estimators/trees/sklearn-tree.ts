import { MlflowError } from '../../../../../core/mlflow-error.js';
import { NdArray } from '../../numpy/nd-array.js';
import type { PyInstance } from '../../pickle/py-object.js';

/**
 * One fitted `sklearn.tree._tree.Tree` as flat typed arrays: children, split feature and threshold,
 * where missing values go, and each node's value vector (`width` numbers per node).
 *
 * @example const t = compileTree(inst.attr('tree_')); sklearnTreeSpec(t, 1, 0);
 */
export interface CompiledTree {
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly missingLeft: Uint8Array;
  readonly values: Float64Array;
  readonly width: number;
}

function int32(a: NdArray): Int32Array {
  return Int32Array.from(a.data as ArrayLike<number | bigint>, Number);
}

/** Compiles the pickled `Tree` (its `nodes` record array and `values`) into a {@link CompiledTree}. */
export function compileTree(tree: unknown): CompiledTree {
  const state = (tree as PyInstance | null)?.state;
  const nodes = state instanceof Map ? state.get('nodes') : undefined;
  const values = state instanceof Map ? state.get('values') : undefined;
  if (!(nodes instanceof NdArray) || !(values instanceof NdArray))
    throw new MlflowError('A pickled decision tree has no nodes or values.', 'BAD_REQUEST');
  const n = nodes.size;
  const missing = nodes.fields.get('missing_go_to_left');
  return {
    left: int32(nodes.field('left_child')),
    right: int32(nodes.field('right_child')),
    feature: int32(nodes.field('feature')),
    threshold: nodes.field('threshold').toFloat64(),
    missingLeft: missing ? Uint8Array.from(missing.data as ArrayLike<number>) : new Uint8Array(n),
    values: values.toFloat64(),
    width: values.size / Math.max(n, 1),
  };
}

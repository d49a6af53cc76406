import { PyInstance } from '../../pickle/py-object.js';
import { listAttr } from '../attrs.js';
import type { Estimator } from '../estimator.js';
import { compileTree, type CompiledTree } from './sklearn-tree.js';
import { treesClassifier, treesRegressor } from './tree-models.js';

function forestTrees(inst: PyInstance): CompiledTree[] {
  return listAttr(inst, 'estimators_').map((e) =>
    compileTree(e instanceof PyInstance ? e.attr('tree_') : null),
  );
}

/**
 * RandomForestClassifier and ExtraTreesClassifier: the mean of the trees' class distributions.
 *
 * @example forestClassifier(inst).predict?.(x)
 */
export function forestClassifier(inst: PyInstance): Estimator {
  return treesClassifier(inst, forestTrees(inst));
}

/**
 * RandomForestRegressor and ExtraTreesRegressor: the mean of the trees' predictions.
 *
 * @example forestRegressor(inst).predict?.(x)
 */
export function forestRegressor(inst: PyInstance): Estimator {
  return treesRegressor(inst, forestTrees(inst));
}

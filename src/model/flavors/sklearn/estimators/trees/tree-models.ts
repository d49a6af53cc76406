import { MlflowError } from '../../../../../core/mlflow-error.js';
import { Tensor } from '../../../../../data/tensor.js';
import type { NdArray } from '../../numpy/nd-array.js';
import type { PyInstance } from '../../pickle/py-object.js';
import { arrayAttr, numberAttr } from '../attrs.js';
import type { Estimator } from '../estimator.js';
import type { Features } from '../features.js';
import { argmaxRows, binaryProba, labelsAt, probaTensor } from '../labels.js';
import { sklearnEnsemble, sklearnTreeSpec, treeMatrix } from './sklearn-ensemble.js';
import { compileTree, type CompiledTree } from './sklearn-tree.js';

function singleOutput(inst: PyInstance): void {
  if (numberAttr(inst, 'n_outputs_', 1) !== 1)
    throw new MlflowError(`Multi-output ${inst.className} models are not supported.`, 'NOT_IMPLEMENTED');
}

/** A classifier whose predict is the argmax of its predict_proba. */
export function probaClassifier(
  name: string,
  classes: NdArray,
  proba: (x: Features) => Float64Array,
): Estimator {
  const k = classes.size;
  return {
    name,
    predictProba: (x) => probaTensor(proba(x), x.rows, k),
    predict: (x) => labelsAt(classes, argmaxRows(proba(x), x.rows, k)),
  };
}

/** Divides every entry by the tree count, as sklearn averages its trees' outputs. */
function mean(sum: Float64Array, trees: number): Float64Array {
  if (trees > 1) for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] ?? 0) / trees;
  return sum;
}

/**
 * Binary classes walk each tree once on the evaluator's fast kernel, summing the second class's
 * share; the first class is its complement (equal to sklearn's own sum within a few ulps).
 */
function binaryProbaOf(inst: PyInstance, trees: CompiledTree[]): (x: Features) => Float64Array {
  const p = numberAttr(inst, 'n_features_in_');
  const ensemble = sklearnEnsemble(
    trees.map((t) => sklearnTreeSpec(t, 1, 0, 1)),
    1,
    1,
    new Float64Array(1),
  );
  return (x) => {
    const p1 = mean(
      Float64Array.from(ensemble.predictRaw(treeMatrix(x, p, inst.className, true))),
      trees.length,
    );
    return binaryProba(p1);
  };
}

/** More classes walk each tree once and add the leaf's whole class distribution. */
function multiProbaOf(inst: PyInstance, trees: CompiledTree[], k: number): (x: Features) => Float64Array {
  const p = numberAttr(inst, 'n_features_in_');
  const specs = trees.map((t) => sklearnTreeSpec(t, 1, 0, 'all'));
  const ensemble = sklearnEnsemble(specs, k, k, new Float64Array(k));
  return (x) =>
    mean(Float64Array.from(ensemble.predictRaw(treeMatrix(x, p, inst.className, true))), trees.length);
}

/**
 * The mean class distribution of `trees` (one tree is a decision tree, several a forest).
 *
 * @example treesClassifier(inst, [compileTree(inst.attr('tree_'))])
 */
export function treesClassifier(inst: PyInstance, trees: CompiledTree[]): Estimator {
  singleOutput(inst);
  const classes = arrayAttr(inst, 'classes_');
  const k = classes.size;
  const proba = k === 2 ? binaryProbaOf(inst, trees) : multiProbaOf(inst, trees, k);
  return probaClassifier(inst.className, classes, proba);
}

/**
 * The mean prediction of regression `trees`.
 *
 * @example treesRegressor(inst, [compileTree(inst.attr('tree_'))])
 */
export function treesRegressor(inst: PyInstance, trees: CompiledTree[]): Estimator {
  singleOutput(inst);
  const p = numberAttr(inst, 'n_features_in_');
  const ensemble = sklearnEnsemble(
    trees.map((t) => sklearnTreeSpec(t, 1, 0)),
    1,
    1,
    new Float64Array(1),
  );
  return {
    name: inst.className,
    predict: (x) => {
      const sum = Float64Array.from(ensemble.predictRaw(treeMatrix(x, p, inst.className, true)));
      if (trees.length > 1) for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] ?? 0) / trees.length;
      return new Tensor('float64', [x.rows], sum);
    },
  };
}

/**
 * DecisionTreeClassifier: the leaf's class distribution, normalised.
 *
 * @example decisionTreeClassifier(inst).predictProba?.(x)
 */
export function decisionTreeClassifier(inst: PyInstance): Estimator {
  return treesClassifier(inst, [compileTree(inst.attr('tree_'))]);
}

/**
 * DecisionTreeRegressor: the leaf's value.
 *
 * @example decisionTreeRegressor(inst).predict?.(x)
 */
export function decisionTreeRegressor(inst: PyInstance): Estimator {
  return treesRegressor(inst, [compileTree(inst.attr('tree_'))]);
}

import { MlflowError } from '../../../../../core/mlflow-error.js';
import { Tensor } from '../../../../../data/tensor.js';
import { NdArray } from '../../numpy/nd-array.js';
import { PyInstance } from '../../pickle/py-object.js';
import { arrayAttr, listAttr, numberAttr } from '../attrs.js';
import type { Estimator } from '../estimator.js';
import type { Features } from '../features.js';
import type { TreeEnsemble } from '../../../trees/tree-ensemble.js';
import type { TreeSpec } from '../../../trees/tree-ensemble-builder.js';
import { sklearnEnsemble, treeMatrix } from './sklearn-ensemble.js';
import { argmaxRows, binaryProba, expit, labelsAt, probaTensor, softmaxRows } from '../labels.js';

function ints(a: NdArray): Int32Array {
  return Int32Array.from(a.data as ArrayLike<number | bigint>, Number);
}

/** One HistGradientBoosting `TreePredictor` in the shared evaluator's form (`x <= num_threshold`, on float64). */
function histTreeSpec(predictor: unknown, output: number): TreeSpec {
  const nodes = predictor instanceof PyInstance ? predictor.attr('nodes') : null;
  if (!(nodes instanceof NdArray))
    throw new MlflowError('A pickled TreePredictor has no nodes.', 'BAD_REQUEST');
  const categorical = nodes.fields.get('is_categorical');
  if (categorical && (categorical.data as Uint8Array).some((v) => v !== 0))
    throw new MlflowError(
      'HistGradientBoosting models with categorical splits are not supported.',
      'NOT_IMPLEMENTED',
    );
  const leaf = nodes.field('is_leaf').data as Uint8Array;
  return {
    feature: Int32Array.from(ints(nodes.field('feature_idx')), (f, i) => (leaf[i] === 0 ? f : -1)),
    threshold: nodes.field('num_threshold').toFloat64(),
    left: ints(nodes.field('left')),
    right: ints(nodes.field('right')),
    flags: Uint8Array.from(nodes.field('missing_go_to_left').data as ArrayLike<number>),
    leafValue: nodes.field('value').toFloat64(),
    output,
  };
}

interface HistModel {
  readonly ensemble: TreeEnsemble;
  readonly k: number;
  readonly p: number;
}

function histModel(inst: PyInstance): HistModel {
  if (inst.attr('_preprocessor') instanceof PyInstance)
    throw new MlflowError(
      'HistGradientBoosting models with categorical features are not supported.',
      'NOT_IMPLEMENTED',
    );
  const specs = listAttr(inst, '_predictors').flatMap((it) =>
    (Array.isArray(it) ? (it as unknown[]) : []).map((t, j) => histTreeSpec(t, j)),
  );
  const baseline = arrayAttr(inst, '_baseline_prediction').toFloat64();
  const k = baseline.length;
  return { ensemble: sklearnEnsemble(specs, k, 1, baseline), k, p: numberAttr(inst, 'n_features_in_') };
}

/** The n×k raw scores: baseline plus every iteration's trees, summed in order. */
function raw(m: HistModel, x: Features, name: string): Float64Array {
  return Float64Array.from(m.ensemble.predictRaw(treeMatrix(x, m.p, name, false)));
}

/**
 * HistGradientBoostingRegressor: identity link, or exp for the Poisson and Gamma losses.
 *
 * @example histGradientBoostingRegressor(inst).predict?.(x)
 */
export function histGradientBoostingRegressor(inst: PyInstance): Estimator {
  const m = histModel(inst);
  const loss = inst.attr('_loss');
  const exp = loss instanceof PyInstance && /Poisson|Gamma|Tweedie/.test(loss.className);
  return {
    name: inst.className,
    predict: (x) => {
      const r = raw(m, x, inst.className);
      return new Tensor('float64', [x.rows], exp ? r.map(Math.exp) : r);
    },
  };
}

/**
 * HistGradientBoostingClassifier: sigmoid for binary, softmax for multiclass.
 *
 * @example histGradientBoostingClassifier(inst).predictProba?.(x)
 */
export function histGradientBoostingClassifier(inst: PyInstance): Estimator {
  const m = histModel(inst);
  const classes = arrayAttr(inst, 'classes_');
  const width = Math.max(m.k, 2);
  const proba = (r: Float64Array, n: number): Float64Array =>
    m.k === 1 ? binaryProba(r.map(expit)) : softmaxRows(r, n, m.k);
  return {
    name: inst.className,
    decisionFunction: (x) => {
      const r = raw(m, x, inst.className);
      return m.k === 1 ? new Tensor('float64', [x.rows], r) : new Tensor('float64', [x.rows, m.k], r);
    },
    predictProba: (x) => probaTensor(proba(raw(m, x, inst.className), x.rows), x.rows, width),
    predict: (x) => labelsAt(classes, argmaxRows(proba(raw(m, x, inst.className), x.rows), x.rows, width)),
  };
}

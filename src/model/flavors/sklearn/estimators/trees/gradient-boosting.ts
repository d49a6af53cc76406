import { Tensor } from '../../../../../data/tensor.js';
import { PyInstance } from '../../pickle/py-object.js';
import { arrayAttr, numberAttr, optionalArray, stringAttr } from '../attrs.js';
import type { Estimator } from '../estimator.js';
import type { Features } from '../features.js';
import { argmaxRows, binaryProba, expit, labelsAt, probaTensor, softmaxRows } from '../labels.js';
import { compileTree, type CompiledTree } from './sklearn-tree.js';
import { sklearnEnsemble, sklearnTreeSpec, treeMatrix } from './sklearn-ensemble.js';
import type { TreeEnsemble } from '../../../trees/tree-ensemble.js';

const FLOAT32_EPS = 2 ** -23;

interface Stages {
  readonly trees: CompiledTree[][];
  readonly k: number;
  readonly rate: number;
  readonly p: number;
}

function stages(inst: PyInstance): Stages {
  const est = arrayAttr(inst, 'estimators_');
  const k = est.shape[1] ?? 1;
  const flat = est.toArray();
  const trees: CompiledTree[][] = [];
  for (let s = 0; s < (est.shape[0] ?? 0); s++)
    trees.push(
      flat.slice(s * k, s * k + k).map((t) => compileTree(t instanceof PyInstance ? t.attr('tree_') : null)),
    );
  return { trees, k, rate: numberAttr(inst, 'learning_rate'), p: numberAttr(inst, 'n_features_in_') };
}

/** The boosted stages as one shared ensemble: leaves hold learning_rate × value, the base is init. */
function ensembleOf(s: Stages, init: Float64Array): TreeEnsemble {
  const specs = s.trees.flatMap((stage) => stage.map((t, j) => sklearnTreeSpec(t, s.rate, j)));
  return sklearnEnsemble(specs, s.k, 1, init);
}

/** The raw prediction of the `init_` estimator per output: log-odds of the class prior, or the mean. */
function initRaw(inst: PyInstance, k: number): Float64Array {
  const init = inst.attr('init_');
  if (!(init instanceof PyInstance)) return new Float64Array(k);
  const constant = optionalArray(init, 'constant_');
  if (init.className === 'DummyRegressor' && constant)
    return Float64Array.from(constant.toFloat64().subarray(0, k));
  const prior = Float64Array.from(arrayAttr(init, 'class_prior_').toFloat64(), (p) =>
    Math.min(Math.max(p, FLOAT32_EPS), 1 - FLOAT32_EPS),
  );
  if (k === 1) {
    const p = prior[1] ?? 0.5;
    const logit = Math.log(p / (1 - p));
    return Float64Array.of(stringAttr(inst, 'loss', 'log_loss') === 'exponential' ? logit / 2 : logit);
  }
  const logs = prior.map(Math.log);
  // scikit-learn ≥ 1.3 (the `_loss` objects) centres the multinomial link; older versions do not.
  const loss = inst.attr('_loss');
  const centred = loss instanceof PyInstance && loss.className === 'HalfMultinomialLoss';
  const mean = centred ? logs.reduce((a, b) => a + b, 0) / logs.length : 0;
  return logs.map((v) => v - mean);
}

/** The n×k raw scores: init plus learning_rate times each stage's trees, in stage order. */
function rawPredict(s: Stages, ensemble: TreeEnsemble, x: Features, name: string): Float64Array {
  return Float64Array.from(ensemble.predictRaw(treeMatrix(x, s.p, name, true)));
}

/**
 * GradientBoostingRegressor: init prediction plus the scaled trees.
 *
 * @example gradientBoostingRegressor(inst).predict?.(x)
 */
export function gradientBoostingRegressor(inst: PyInstance): Estimator {
  const s = stages(inst);
  const init = ensembleOf(s, initRaw(inst, s.k));
  return {
    name: inst.className,
    predict: (x) => new Tensor('float64', [x.rows], rawPredict(s, init, x, inst.className)),
  };
}

/**
 * GradientBoostingClassifier: binary (logistic or exponential loss) and multinomial.
 *
 * @example gradientBoostingClassifier(inst).predictProba?.(x)
 */
export function gradientBoostingClassifier(inst: PyInstance): Estimator {
  const s = stages(inst);
  const init = ensembleOf(s, initRaw(inst, s.k));
  const classes = arrayAttr(inst, 'classes_');
  const scale = stringAttr(inst, 'loss', 'log_loss') === 'exponential' ? 2 : 1;
  const proba = (raw: Float64Array, n: number): Float64Array =>
    s.k === 1 ? binaryProba(raw.map((v) => expit(scale * v))) : softmaxRows(raw.slice(), n, s.k);
  const width = Math.max(s.k, 2);
  return {
    name: inst.className,
    decisionFunction: (x) => {
      const raw = rawPredict(s, init, x, inst.className);
      return s.k === 1 ? new Tensor('float64', [x.rows], raw) : new Tensor('float64', [x.rows, s.k], raw);
    },
    predictProba: (x) => probaTensor(proba(rawPredict(s, init, x, inst.className), x.rows), x.rows, width),
    predict: (x) =>
      labelsAt(classes, argmaxRows(proba(rawPredict(s, init, x, inst.className), x.rows), x.rows, width)),
  };
}

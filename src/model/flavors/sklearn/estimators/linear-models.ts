import type { Tensor } from '../../../../data/tensor.js';
import type { PyInstance } from '../pickle/py-object.js';
import { arrayAttr, stringAttr } from './attrs.js';
import type { Estimator } from './estimator.js';
import type { Features } from './features.js';
import { argmaxRows, binaryProba, expit, labelsAt, probaTensor, softmaxRows } from './labels.js';
import { linearMap, scores, scoresTensor } from './linear-scores.js';

/**
 * LinearRegression, Ridge, Lasso, ElasticNet and SGDRegressor: `X @ coef_.T + intercept_`.
 *
 * @example linearRegressor(inst).predict?.(x)
 */
export function linearRegressor(inst: PyInstance): Estimator {
  const map = linearMap(inst);
  const name = inst.className;
  return {
    name,
    predict: (x) => scoresTensor(map, scores(map, x, name), x.rows),
  };
}

type ProbaKind = 'softmax' | 'ovr' | 'huber' | null;

function logisticProba(inst: PyInstance): ProbaKind {
  const requested = stringAttr(inst, 'multi_class', 'auto');
  if (requested === 'multinomial') return 'softmax';
  if (requested === 'ovr') return 'ovr';
  // 'auto' (and 'deprecated' in 1.5+): liblinear is one-vs-rest, every other solver multinomial.
  return stringAttr(inst, 'solver', 'lbfgs') === 'liblinear' ? 'ovr' : 'softmax';
}

function sgdProba(inst: PyInstance): ProbaKind {
  const loss = stringAttr(inst, 'loss', 'hinge');
  if (loss === 'modified_huber') return 'huber';
  return loss === 'log_loss' || loss === 'log' ? 'ovr' : null;
}

/** modified_huber probabilities: `(clip(score, -1, 1) + 1) / 2`, normalised; all-zero rows are uniform. */
function huberProba(s: Float64Array, n: number, k: number): Float64Array {
  const out = s.map((v) => (Math.min(Math.max(v, -1), 1) + 1) / 2);
  if (k === 1) return binaryProba(out);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < k; j++) sum += out[i * k + j] ?? 0;
    for (let j = 0; j < k; j++) out[i * k + j] = sum === 0 ? 1 / k : (out[i * k + j] ?? 0) / sum;
  }
  return out;
}

/** One-vs-rest probabilities: a sigmoid per class, then rows normalised to sum to 1. */
function ovrProba(s: Float64Array, n: number, k: number): Float64Array {
  const out = new Float64Array(s.length);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < k; j++) sum += out[i * k + j] = expit(s[i * k + j] ?? 0);
    for (let j = 0; j < k; j++) out[i * k + j] = (out[i * k + j] ?? 0) / sum;
  }
  return out;
}

function linearClassifier(inst: PyInstance, proba: ProbaKind): Estimator {
  const map = linearMap(inst);
  const classes = arrayAttr(inst, 'classes_');
  const name = inst.className;
  const decision = (x: Features): Float64Array => scores(map, x, name);
  const predictProba = (x: Features): Tensor => {
    const s = decision(x);
    if (proba === 'huber') return probaTensor(huberProba(s, x.rows, map.k), x.rows, Math.max(map.k, 2));
    if (map.k === 1) {
      const p = s.map(expit);
      return probaTensor(binaryProba(p), x.rows, 2);
    }
    return probaTensor(
      proba === 'softmax' ? softmaxRows(s, x.rows, map.k) : ovrProba(s, x.rows, map.k),
      x.rows,
      map.k,
    );
  };
  const est: Estimator = {
    name,
    decisionFunction: (x) => scoresTensor(map, decision(x), x.rows),
    predict: (x) => {
      const s = decision(x);
      const idx = map.k === 1 ? Int32Array.from(s, (v) => (v > 0 ? 1 : 0)) : argmaxRows(s, x.rows, map.k);
      return labelsAt(classes, idx);
    },
  };
  return proba === null ? est : { ...est, predictProba };
}

/**
 * LogisticRegression: binary (sigmoid), multinomial (softmax) and one-vs-rest.
 *
 * @example logisticRegression(inst).predictProba?.(x)
 */
export function logisticRegression(inst: PyInstance): Estimator {
  return linearClassifier(inst, logisticProba(inst));
}

/**
 * SGDClassifier: one-vs-rest linear scores; `predict_proba` for the log loss only.
 *
 * @example sgdClassifier(inst).predict?.(x)
 */
export function sgdClassifier(inst: PyInstance): Estimator {
  return linearClassifier(inst, sgdProba(inst));
}

import { MlflowError } from '../../../../core/mlflow-error.js';
import { Tensor } from '../../../../data/tensor.js';
import type { PyInstance } from '../pickle/py-object.js';
import { arrayAttr, numberAttr, optionalArray, stringAttr } from './attrs.js';
import type { Estimator } from './estimator.js';
import { expectFeatures, type Features, numericColumns } from './features.js';
import { labelsAt } from './labels.js';
import { svmProbability } from './svm-probability.js';

type Kernel = (x: Float64Array, sv: Float64Array, at: number) => number;

function kernelOf(inst: PyInstance): Kernel {
  const kind = stringAttr(inst, 'kernel', 'rbf');
  const gamma = numberAttr(inst, '_gamma', 1);
  const coef0 = numberAttr(inst, 'coef0', 0);
  const degree = numberAttr(inst, 'degree', 3);
  const dot = (x: Float64Array, sv: Float64Array, at: number): number => {
    let s = 0;
    for (let f = 0; f < x.length; f++) s += (x[f] ?? 0) * (sv[at + f] ?? 0);
    return s;
  };
  if (kind === 'linear') return dot;
  if (kind === 'poly') return (x, sv, at) => (gamma * dot(x, sv, at) + coef0) ** degree;
  if (kind === 'sigmoid') return (x, sv, at) => Math.tanh(gamma * dot(x, sv, at) + coef0);
  if (kind === 'rbf')
    return (x, sv, at) => {
      let s = 0;
      for (let f = 0; f < x.length; f++) s += ((x[f] ?? 0) - (sv[at + f] ?? 0)) ** 2;
      return Math.exp(-gamma * s);
    };
  throw new MlflowError(`SVM kernel '${kind}' is not supported.`, 'NOT_IMPLEMENTED');
}

/** For each row, the kernel value against every support vector. */
function kernelRows(inst: PyInstance): (x: Features) => Float64Array[] {
  const svs = arrayAttr(inst, 'support_vectors_');
  const data = svs.toFloat64();
  const [m = 0, p = 0] = svs.shape;
  const kernel = kernelOf(inst);
  return (x) => {
    expectFeatures(x, p, inst.className);
    const cols = numericColumns(x);
    return Array.from({ length: x.rows }, (_, i) => {
      const row = Float64Array.from(cols, (c) => c[i] ?? 0);
      return Float64Array.from({ length: m }, (__, j) => kernel(row, data, j * p));
    });
  };
}

/**
 * SVR: `sum(dual_coef_ * K(x, sv)) + intercept_`.
 *
 * @example svr(inst).predict?.(x)
 */
export function svr(inst: PyInstance): Estimator {
  const rows = kernelRows(inst);
  const coef = arrayAttr(inst, '_dual_coef_').toFloat64();
  const b = arrayAttr(inst, '_intercept_').toFloat64()[0] ?? 0;
  return {
    name: inst.className,
    predict: (x) =>
      new Tensor(
        'float64',
        [x.rows],
        Float64Array.from(rows(x), (k) => k.reduce((s, v, j) => s + v * (coef[j] ?? 0), b)),
      ),
  };
}

/** libsvm's one-vs-one decision values for each row, pair (0,1), (0,2), …, (1,2), … */
function ovoDecisions(inst: PyInstance): (x: Features) => Float64Array[] {
  const rows = kernelRows(inst);
  const coef = arrayAttr(inst, '_dual_coef_');
  const dual = coef.toFloat64();
  const m = coef.shape[1] ?? 0;
  const b = arrayAttr(inst, '_intercept_').toFloat64();
  const counts = (optionalArray(inst, '_n_support') ?? arrayAttr(inst, 'n_support_')).toFloat64();
  const starts = counts.map((_, c) => counts.subarray(0, c).reduce((a, v) => a + v, 0));
  const n = counts.length;
  return (x) =>
    rows(x).map((k) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          let s = b[out.length] ?? 0;
          for (let r = 0; r < (counts[i] ?? 0); r++)
            s += (dual[(j - 1) * m + (starts[i] ?? 0) + r] ?? 0) * (k[(starts[i] ?? 0) + r] ?? 0);
          for (let r = 0; r < (counts[j] ?? 0); r++)
            s += (dual[i * m + (starts[j] ?? 0) + r] ?? 0) * (k[(starts[j] ?? 0) + r] ?? 0);
          out.push(s);
        }
      return Float64Array.from(out);
    });
}

/** Votes and confidences turned into sklearn's one-vs-rest decision_function shape. */
function ovrShape(dec: Float64Array, n: number): Float64Array {
  const votes = new Float64Array(n);
  const conf = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++, k++) {
      const d = dec[k] ?? 0;
      conf[i] = (conf[i] ?? 0) + d;
      conf[j] = (conf[j] ?? 0) - d;
      if (d < 0) votes[j] = (votes[j] ?? 0) + 1;
      else votes[i] = (votes[i] ?? 0) + 1;
    }
  return votes.map((v, c) => v + (conf[c] ?? 0) / (3 * (Math.abs(conf[c] ?? 0) + 1)));
}

function vote(dec: Float64Array, n: number): number {
  const votes = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++, k++) {
      const winner = (dec[k] ?? 0) > 0 ? i : j;
      votes[winner] = (votes[winner] ?? 0) + 1;
    }
  let best = 0;
  votes.forEach((v, c) => v > (votes[best] ?? 0) && (best = c));
  return best;
}

/**
 * SVC: libsvm's one-vs-one vote for predict, and decision_function in sklearn's shapes.
 *
 * @example svc(inst).predict?.(x)
 */
export function svc(inst: PyInstance): Estimator {
  const decide = ovoDecisions(inst);
  const classes = arrayAttr(inst, 'classes_');
  const n = classes.size;
  const ovr = stringAttr(inst, 'decision_function_shape', 'ovr') === 'ovr';
  const probA = optionalArray(inst, '_probA') ?? optionalArray(inst, 'probA_');
  const probB = optionalArray(inst, '_probB') ?? optionalArray(inst, 'probB_');
  const proba =
    probA && probB && probA.size > 0
      ? (x: Features): Tensor => {
          const out = new Float64Array(x.rows * n);
          decide(x).forEach((d, i) =>
            out.set(svmProbability(d, n, probA.toFloat64(), probB.toFloat64()), i * n),
          );
          return new Tensor('float64', [x.rows, n], out);
        }
      : null;
  return {
    name: inst.className,
    ...(proba ? { predictProba: proba } : {}),
    predict: (x) =>
      labelsAt(
        classes,
        Int32Array.from(decide(x), (d) => vote(d, n)),
      ),
    decisionFunction: (x) => {
      const dec = decide(x);
      if (n === 2)
        return new Tensor(
          'float64',
          [x.rows],
          Float64Array.from(dec, (d) => -(d[0] ?? 0)),
        );
      const rows = dec.map((d) => (ovr ? ovrShape(d, n) : d));
      const width = rows[0]?.length ?? 0;
      const out = new Float64Array(x.rows * width);
      rows.forEach((r, i) => out.set(r, i * width));
      return new Tensor('float64', [x.rows, width], out);
    },
  };
}

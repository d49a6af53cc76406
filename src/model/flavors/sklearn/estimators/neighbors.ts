import { MlflowError } from '../../../../core/mlflow-error.js';
import { Tensor } from '../../../../data/tensor.js';
import type { PyInstance } from '../pickle/py-object.js';
import { arrayAttr, numberAttr, stringAttr } from './attrs.js';
import type { Estimator } from './estimator.js';
import { expectFeatures, type Features, numericColumns } from './features.js';
import { argmaxRows, labelsAt, probaTensor } from './labels.js';

interface Neighbours {
  readonly index: Int32Array;
  readonly distance: Float64Array;
}

function metricOf(inst: PyInstance): (a: Float64Array, b: Float64Array, at: number) => number {
  const metric = stringAttr(inst, 'effective_metric_', 'euclidean');
  const params = inst.attr('effective_metric_params_');
  const p =
    metric === 'minkowski' && params instanceof Map
      ? Number(params.get('p') ?? 2)
      : metric === 'manhattan'
        ? 1
        : 2;
  if (!['euclidean', 'minkowski', 'manhattan', 'l2', 'l1'].includes(metric))
    throw new MlflowError(`KNeighbors with metric '${metric}' is not supported.`, 'NOT_IMPLEMENTED');
  return (row, train, at) => {
    let sum = 0;
    for (let f = 0; f < row.length; f++) sum += Math.abs((row[f] ?? 0) - (train[at + f] ?? 0)) ** p;
    return p === 2 ? Math.sqrt(sum) : sum ** (1 / p);
  };
}

/** A brute-force k-nearest search over the fitted points; equal distances keep training order. */
function searcher(inst: PyInstance): (x: Features) => Neighbours[] {
  const fitX = arrayAttr(inst, '_fit_X');
  const train = fitX.toFloat64();
  const [m = 0, p = 0] = fitX.shape;
  const k = numberAttr(inst, 'n_neighbors');
  const dist = metricOf(inst);
  return (x) => {
    expectFeatures(x, p, inst.className);
    const cols = numericColumns(x);
    const row = new Float64Array(p);
    return Array.from({ length: x.rows }, (_, i) => {
      cols.forEach((c, f) => (row[f] = c[i] ?? 0));
      const d = Array.from({ length: m }, (__, j) => dist(row, train, j * p));
      const order = d
        .map((__, j) => j)
        .sort((a, b) => (d[a] ?? 0) - (d[b] ?? 0) || a - b)
        .slice(0, k);
      return { index: Int32Array.from(order), distance: Float64Array.from(order, (j) => d[j] ?? 0) };
    });
  };
}

/** Neighbour weights: 1 each, or 1/distance (exact matches take all the weight). */
function weightsOf(inst: PyInstance): (d: Float64Array) => Float64Array {
  if (stringAttr(inst, 'weights', 'uniform') !== 'distance') return (d) => new Float64Array(d.length).fill(1);
  return (d) => (d.some((v) => v === 0) ? d.map((v) => (v === 0 ? 1 : 0)) : d.map((v) => 1 / v));
}

/**
 * KNeighborsClassifier: the (weighted) share of each class among the k nearest training points.
 *
 * @example kNeighborsClassifier(inst).predictProba?.(x)
 */
export function kNeighborsClassifier(inst: PyInstance): Estimator {
  const search = searcher(inst);
  const weigh = weightsOf(inst);
  const y = arrayAttr(inst, '_y').toFloat64();
  const classes = arrayAttr(inst, 'classes_');
  const k = classes.size;
  const proba = (x: Features): Float64Array => {
    const out = new Float64Array(x.rows * k);
    search(x).forEach((nb, i) => {
      const w = weigh(nb.distance);
      let total = 0;
      nb.index.forEach((j, r) => {
        out[i * k + (y[j] ?? 0)] = (out[i * k + (y[j] ?? 0)] ?? 0) + (w[r] ?? 0);
        total += w[r] ?? 0;
      });
      for (let c = 0; c < k; c++) out[i * k + c] = (out[i * k + c] ?? 0) / total;
    });
    return out;
  };
  return {
    name: inst.className,
    predictProba: (x) => probaTensor(proba(x), x.rows, k),
    predict: (x) => labelsAt(classes, argmaxRows(proba(x), x.rows, k)),
  };
}

/**
 * KNeighborsRegressor: the (weighted) mean target of the k nearest training points.
 *
 * @example kNeighborsRegressor(inst).predict?.(x)
 */
export function kNeighborsRegressor(inst: PyInstance): Estimator {
  const search = searcher(inst);
  const weigh = weightsOf(inst);
  const y = arrayAttr(inst, '_y').toFloat64();
  return {
    name: inst.className,
    predict: (x) => {
      const out = Float64Array.from(search(x), (nb) => {
        const w = weigh(nb.distance);
        let sum = 0;
        let total = 0;
        nb.index.forEach((j, r) => {
          sum += (w[r] ?? 0) * (y[j] ?? 0);
          total += w[r] ?? 0;
        });
        return sum / total;
      });
      return new Tensor('float64', [x.rows], out);
    },
  };
}

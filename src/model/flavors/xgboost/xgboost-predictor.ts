import { MlflowError } from '../../../core/mlflow-error.js';
import { Tensor } from '../../../data/tensor.js';
import { toFeatureMatrix } from '../trees/feature-matrix.js';
import type { XGBoostModel } from './xgboost-model.js';

const UNSUPPORTED_PARAMS = [
  'pred_leaf',
  'pred_contribs',
  'approx_contribs',
  'pred_interactions',
  'strict_shape',
];

function classLabels(probs: Tensor, objective: string): Tensor {
  const data = probs.data as Float32Array;
  if (objective === 'multi:softmax') return new Tensor('int32', [data.length], Int32Array.from(data));
  const rows = probs.shape[0] ?? 0;
  const labels = new BigInt64Array(rows);
  if (probs.rank === 2) {
    const k = probs.shape[1] ?? 1;
    for (let r = 0; r < rows; r++) {
      let best = 0;
      for (let j = 1; j < k; j++) if ((data[r * k + j] as number) > (data[r * k + best] as number)) best = j;
      labels[r] = BigInt(best);
    }
  } else {
    for (let r = 0; r < rows; r++) labels[r] = (data[r] as number) > 0.5 ? 1n : 0n;
  }
  return new Tensor('int64', [rows], labels);
}

/**
 * Predicts as MLflow's xgboost pyfunc does: `Booster.predict(DMatrix(input))` for a Booster, and the
 * sklearn wrapper's `predict` (class labels for classifiers, best iteration only) for sklearn-API models.
 *
 * @example new XGBoostPredictor(model, 'xgboost.core.Booster', file).predict(frame, {})
 */
export class XGBoostPredictor {
  private readonly sklearn: boolean;
  private readonly classifier: boolean;

  constructor(
    readonly model: XGBoostModel,
    readonly modelClass: string,
    private readonly file: string,
  ) {
    const cls = modelClass.split('.').pop() ?? '';
    this.sklearn = modelClass.startsWith('xgboost.sklearn.') || cls.startsWith('XGB');
    this.classifier = cls === 'XGBClassifier' || cls === 'XGBRFClassifier';
  }

  predict(input: unknown, params: Readonly<Record<string, unknown>>): Tensor {
    const bad = UNSUPPORTED_PARAMS.find((p) => params[p]);
    if (bad)
      throw new MlflowError(
        `The XGBoost flavor does not support the predict parameter '${bad}'.`,
        'NOT_IMPLEMENTED',
      );
    const m = this.model;
    const x = toFeatureMatrix(input, {
      featureNames: m.featureNames,
      requireNames: true,
      featureCount: m.featureCount,
      float32: true,
      what: `XGBoost model ${this.file}`,
    });
    const margins = m.ensemble.predictRaw(x, this.treeLimit(params)) as Float32Array;
    if (params.output_margin === true && !this.sklearn)
      return new Tensor('float32', m.groups === 1 ? [x.rows] : [x.rows, m.groups], margins);
    const out = m.objective.transform(margins, x.rows, m.groups);
    return this.classifier ? classLabels(out, m.objective.name) : out;
  }

  /** Trees to use: `iteration_range` for a Booster; the best iteration for sklearn-API models, as their predict does. */
  private treeLimit(params: Readonly<Record<string, unknown>>): number {
    const range = params.iteration_range;
    let rounds = Array.isArray(range) && typeof range[1] === 'number' ? range[1] : 0;
    if (rounds === 0 && this.sklearn) {
      const best = Number(this.model.attributes.best_iteration);
      if (Number.isInteger(best)) rounds = best + 1;
    }
    return rounds > 0 ? rounds * this.model.treesPerRound : this.model.ensemble.treeCount;
  }
}

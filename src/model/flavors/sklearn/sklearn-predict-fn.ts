import { MlflowError } from '../../../core/mlflow-error.js';
import { Tensor } from '../../../data/tensor.js';
import type { Estimator } from './estimators/estimator.js';
import type { Features } from './estimators/features.js';
import type { SklearnModel } from './load-sklearn-model.js';
import { toFeatures } from './sklearn-input.js';
import { featuresToTensor } from './sklearn-output.js';

/** The methods a `predict_fn` may name, mapped to {@link Estimator} keys. */
const PREDICT_FNS: Readonly<Record<string, keyof Estimator>> = {
  predict: 'predict',
  predict_proba: 'predictProba',
  decision_function: 'decisionFunction',
  transform: 'transform',
};

/**
 * The model's `predict_fn` (`predict`, `predict_proba`, `decision_function` or `transform`) as a
 * function from model input to the ndarray sklearn returns; throws when the estimator lacks it.
 *
 * @example sklearnPredictFn(model, 'predict_proba', 'MLmodel')(df) // Tensor float64 (n, k)
 */
export function sklearnPredictFn(model: SklearnModel, fn: string, file: string): (input: unknown) => Tensor {
  const key = PREDICT_FNS[fn];
  const impl = key === undefined ? undefined : model.estimator[key];
  if (typeof impl !== 'function')
    throw new MlflowError(
      `${model.estimator.name} has no ${fn} that Modeldock can run (predict_fn in MLmodel).`,
      'INVALID_PARAMETER_VALUE',
      { file },
    );
  const bound = impl.bind(model.estimator) as (x: Features) => Tensor | Features;
  return (input) => {
    const out = bound(toFeatures(input, model.featureNames));
    return out instanceof Tensor ? out : featuresToTensor(out);
  };
}

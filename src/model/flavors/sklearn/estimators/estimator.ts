import type { Tensor } from '../../../../data/tensor.js';
import type { Features } from './features.js';

/**
 * A fitted scikit-learn estimator rebuilt in TypeScript. Each method exists only where sklearn's
 * class has it, so MLflow's `predict_fn` can be checked against the model.
 *
 * @example const y = estimator.predict?.(features);
 */
export interface Estimator {
  /** The sklearn class name, for messages. */
  readonly name: string;
  predict?(x: Features): Tensor;
  predictProba?(x: Features): Tensor;
  decisionFunction?(x: Features): Tensor;
  transform?(x: Features): Features;
}

import type { CustomModel, ModelContext } from '../../src/index.js';
import type { DataFrame } from '../../src/index.js';

/** The seed's baseline: a random 0 or 1 for every row. A real model has to beat it. */
export default class RandomPredictor implements CustomModel<DataFrame, number[]> {
  predict(_context: ModelContext, input: DataFrame): number[] {
    return Array.from({ length: input.length }, () => (Math.random() < 0.5 ? 0 : 1));
  }
}

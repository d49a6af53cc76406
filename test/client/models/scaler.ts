import type { CustomModel, DataFrame, ModelContext } from '../../../src/index.js';

/** Multiplies column `x` by the `factor` of its model config: small enough to log in a test. */
export default class Scaler implements CustomModel<DataFrame, number[]> {
  predict(context: ModelContext, input: DataFrame): number[] {
    const factor = Number(context.modelConfig.factor ?? 1);
    // An integer example infers int64, whose column holds bigints.
    return Array.from(input.column('x').values as ArrayLike<number | bigint>, (x) => Number(x) * factor);
  }
}

import type { CustomModel, DataFrame, ModelContext } from '../../src/index.js';

/** The README's quick-start model: doubles column x. */
export default class Doubler implements CustomModel<DataFrame, number[]> {
  predict(_context: ModelContext, input: DataFrame): number[] {
    return Array.from(input.column('x').values as Float64Array, (v) => v * 2);
  }
}

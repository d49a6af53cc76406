import type { CustomModel, DataFrame, ModelContext } from '../../../src/index.js';

/**
 * Models from code, MLflow's `set_model` style: the module exports a ready instance. Under an
 * unnamed string schema the input arrives as a one-column frame, as in MLflow.
 */
const upper: CustomModel<DataFrame, string[]> = {
  predict(_context: ModelContext, input: DataFrame): string[] {
    return (input.columns[0]!.values as string[]).map((s) => s.toUpperCase());
  },
};
export default upper;

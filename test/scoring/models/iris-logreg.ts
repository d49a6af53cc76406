import { readFileSync } from 'node:fs';
import type { CustomModel, DataFrame, ModelContext } from '../../../src/index.js';

interface Coefficients {
  coef: number[][];
  intercept: number[];
  classes: number[];
  feature_names_in: string[];
}

/** An error carrying an MLflow code; the server reads `name` and `errorCode`, as for an MlflowError. */
class InputError extends Error {
  override readonly name = 'MlflowError';
  readonly errorCode = 'BAD_REQUEST';
}

/** The fixture's sklearn LogisticRegression in Node: classes[argmax(coef @ x + intercept)], rejecting what sklearn rejects. */
export default class IrisLogreg implements CustomModel<DataFrame, number[]> {
  private model!: Coefficients;

  loadContext(context: ModelContext): void {
    this.model = JSON.parse(readFileSync(context.artifacts.coefficients!, 'utf8')) as Coefficients;
  }

  predict(_context: ModelContext, input: DataFrame): number[] {
    const { coef, intercept, classes, feature_names_in: names } = this.model;
    const columns = names.map((f) => input.column(f).values as Float64Array);
    if (input.length === 0)
      throw new InputError(
        'Found array with 0 sample(s) (shape=(0, 4)) while a minimum of 1 is required by LogisticRegression.',
      );
    if (columns.some((c) => c.some(Number.isNaN))) throw new InputError('Input X contains NaN.');
    return Array.from({ length: input.length }, (_, i) => {
      const scores = coef.map((w, k) => w.reduce((s, wj, j) => s + wj * columns[j]![i]!, intercept[k]!));
      return classes[scores.indexOf(Math.max(...scores))]!;
    });
  }
}

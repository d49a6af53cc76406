import { MlflowError } from '../../../../core/mlflow-error.js';

/** One input column: numbers in a Float64Array, or any other values (strings, None) in a plain array. */
export type FeatureColumn = Float64Array | unknown[];

/**
 * The input of an estimator, held by column like a DataFrame: `rows` rows, one entry per feature,
 * and the feature names when the input had them.
 *
 * @example const x: Features = { rows: 2, columns: [Float64Array.of(1, 2)], names: ['a'] };
 */
export interface Features {
  readonly rows: number;
  readonly columns: readonly FeatureColumn[];
  readonly names: readonly (string | number)[] | null;
}

/** A column as float64; `None` becomes NaN, as numpy's `astype(float)` of an object column. */
export function numericColumn(c: FeatureColumn): Float64Array {
  if (c instanceof Float64Array) return c;
  const out = new Float64Array(c.length);
  for (let i = 0; i < c.length; i++) {
    const v = c[i];
    if (v === null || v === undefined) out[i] = NaN;
    else if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') out[i] = Number(v);
    else if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) out[i] = Number(v);
    else throw new MlflowError(`could not convert ${JSON.stringify(v)} to float.`, 'INVALID_PARAMETER_VALUE');
  }
  return out;
}

/** Every column as float64, for numeric estimators. */
export function numericColumns(x: Features): Float64Array[] {
  return x.columns.map(numericColumn);
}

/** Checks the feature count an estimator was fitted with, with sklearn's message. */
export function expectFeatures(x: Features, n: number, name: string): void {
  if (x.columns.length !== n)
    throw new MlflowError(
      `X has ${x.columns.length} features, but ${name} is expecting ${n} features as input.`,
      'INVALID_PARAMETER_VALUE',
    );
}

/** Features from numeric columns, keeping no names (sklearn transformers output plain arrays). */
export function fromColumns(
  rows: number,
  columns: FeatureColumn[],
  names: (string | number)[] | null = null,
): Features {
  return { rows, columns, names };
}

/**
 * sklearn's `check_array` for estimators without native missing-value support: at least one row,
 * and no NaN or infinity, with sklearn's messages (MLflow's server answers these with 400 BAD_REQUEST).
 */
export function checkFiniteSamples(x: Features, cols: readonly Float64Array[], name: string): void {
  if (x.rows === 0)
    throw new MlflowError(
      `Found array with 0 sample(s) (shape=(0, ${x.columns.length})) while a minimum of 1 is required by ${name}.`,
      'BAD_REQUEST',
    );
  for (const col of cols) {
    for (const v of col) {
      if (Number.isFinite(v)) continue;
      const what = Number.isNaN(v) ? 'NaN' : "infinity or a value too large for dtype('float64')";
      throw new MlflowError(
        `Input X contains ${what}.\n${name} does not accept missing values encoded as NaN natively.`,
        'BAD_REQUEST',
      );
    }
  }
}

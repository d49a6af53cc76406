import { MlflowError } from '../../../../core/mlflow-error.js';
import type { PyInstance } from '../pickle/py-object.js';
import { arrayAttr, boolAttr, stringAttr } from './attrs.js';
import { isMissingValue } from './category-key.js';
import type { Estimator } from './estimator.js';
import { expectFeatures, type FeatureColumn, type Features, fromColumns, numericColumn } from './features.js';

// With missing_values=np.nan sklearn masks `x != x`: NaN is missing, but None in an object column is not.
function missingTest(marker: unknown): (v: unknown) => boolean {
  if (typeof marker === 'number' && Number.isNaN(marker))
    return (v) => typeof v === 'number' && Number.isNaN(v);
  if (isMissingValue(marker)) return isMissingValue;
  return (v) => v === marker || (typeof v === 'bigint' && Number(v) === marker);
}

/**
 * SimpleImputer: missing entries replaced by `statistics_`; numeric columns whose statistic is NaN
 * are dropped, as sklearn does unless `keep_empty_features`.
 *
 * @example simpleImputer(inst).transform?.(x)
 */
export function simpleImputer(inst: PyInstance): Estimator {
  if (boolAttr(inst, 'add_indicator', false))
    throw new MlflowError('SimpleImputer with add_indicator=True is not supported.', 'NOT_IMPLEMENTED');
  const stats = arrayAttr(inst, 'statistics_');
  const values = stats.toArray();
  const numeric = stats.dtype.kind !== 'O';
  const isMissing = missingTest(inst.attr('missing_values'));
  const keepEmpty =
    boolAttr(inst, 'keep_empty_features', false) || stringAttr(inst, 'strategy', 'mean') === 'constant';
  return {
    name: inst.className,
    transform: (x: Features) => {
      expectFeatures(x, values.length, inst.className);
      const out: FeatureColumn[] = [];
      values.forEach((stat, j) => {
        if (numeric && Number.isNaN(Number(stat)) && !keepEmpty) return;
        const src = x.columns[j] ?? [];
        const filled = Array.from(src as ArrayLike<unknown>, (v) => (isMissing(v) ? stat : v));
        out.push(numeric ? numericColumn(filled) : filled);
      });
      return fromColumns(x.rows, out);
    },
  };
}

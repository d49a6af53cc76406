import { MlflowError } from '../../../../core/mlflow-error.js';
import { NdArray } from '../numpy/nd-array.js';
import type { PyInstance } from '../pickle/py-object.js';
import { listAttr, numberAttr, optionalArray, stringAttr } from './attrs.js';
import { categoryKey } from './category-key.js';
import type { Estimator } from './estimator.js';
import { expectFeatures, type FeatureColumn, type Features, fromColumns } from './features.js';

function categoryIndex(inst: PyInstance): Map<string, number>[] {
  return listAttr(inst, 'categories_').map((c) => {
    const values = c instanceof NdArray ? c.toArray() : [];
    return new Map(values.map((v, i) => [categoryKey(v), i]));
  });
}

function unknown(v: unknown, j: number): MlflowError {
  return new MlflowError(
    `Found unknown categories [${String(v)}] in column ${j} during transform`,
    'INVALID_PARAMETER_VALUE',
  );
}

/** The category dropped per feature (`drop_idx_`), or -1 where none is. */
function dropIndices(inst: PyInstance, p: number): Int32Array {
  const raw = optionalArray(inst, '_drop_idx_after_grouping') ?? optionalArray(inst, 'drop_idx_');
  const out = new Int32Array(p).fill(-1);
  if (!raw) return out;
  raw.toArray().forEach((v, j) => (out[j] = v === null || v === undefined ? -1 : Number(v)));
  return out;
}

function requireNoInfrequent(inst: PyInstance): void {
  if (inst.attr('_infrequent_enabled') === true)
    throw new MlflowError(
      `${inst.className} with infrequent categories is not supported.`,
      'NOT_IMPLEMENTED',
    );
}

/**
 * OneHotEncoder: one float column per kept category; unknown categories are zeros when
 * `handle_unknown` allows it.
 *
 * @example oneHotEncoder(inst).transform?.(x)
 */
export function oneHotEncoder(inst: PyInstance): Estimator {
  requireNoInfrequent(inst);
  const cats = categoryIndex(inst);
  const drop = dropIndices(inst, cats.length);
  const strict = stringAttr(inst, 'handle_unknown', 'error') === 'error';
  return {
    name: inst.className,
    transform: (x: Features) => {
      expectFeatures(x, cats.length, inst.className);
      const out: FeatureColumn[] = [];
      cats.forEach((index, j) => {
        const cols = Array.from({ length: index.size }, () => new Float64Array(x.rows));
        const src = x.columns[j] ?? [];
        for (let i = 0; i < x.rows; i++) {
          const at = index.get(categoryKey(src[i]));
          if (at === undefined) {
            if (strict) throw unknown(src[i], j);
            continue;
          }
          const col = cols[at];
          if (col) col[i] = 1;
        }
        cols.forEach((c, k) => k !== drop[j] && out.push(c));
      });
      return fromColumns(x.rows, out);
    },
  };
}

/**
 * OrdinalEncoder: each category's index as a float, with `unknown_value` and `encoded_missing_value`.
 *
 * @example ordinalEncoder(inst).transform?.(x)
 */
export function ordinalEncoder(inst: PyInstance): Estimator {
  requireNoInfrequent(inst);
  const cats = categoryIndex(inst);
  const strict = stringAttr(inst, 'handle_unknown', 'error') === 'error';
  const unknownValue = numberAttr(inst, 'unknown_value', NaN);
  const missingValue = numberAttr(inst, 'encoded_missing_value', NaN);
  return {
    name: inst.className,
    transform: (x: Features) => {
      expectFeatures(x, cats.length, inst.className);
      const out = cats.map((index, j) => {
        const src = x.columns[j] ?? [];
        const col = new Float64Array(x.rows);
        for (let i = 0; i < x.rows; i++) {
          const key = categoryKey(src[i]);
          const at = index.get(key);
          if (at !== undefined) col[i] = key === 'missing' ? missingValue : at;
          else if (strict) throw unknown(src[i], j);
          else col[i] = unknownValue;
        }
        return col;
      });
      return fromColumns(x.rows, out);
    },
  };
}

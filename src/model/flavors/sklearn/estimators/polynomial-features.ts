import type { PyInstance } from '../pickle/py-object.js';
import { boolAttr, numberAttr } from './attrs.js';
import type { Estimator } from './estimator.js';
import { expectFeatures, type Features, fromColumns, numericColumns } from './features.js';

/** Index combinations of `size` features, in itertools order (with or without repetition). */
function combinations(p: number, size: number, repeat: boolean): number[][] {
  const out: number[][] = [];
  const walk = (start: number, acc: number[]): void => {
    if (acc.length === size) return void out.push(acc);
    for (let f = start; f < p; f++) walk(repeat ? f : f + 1, [...acc, f]);
  };
  walk(0, []);
  return out;
}

function degrees(inst: PyInstance): [number, number] {
  const d = inst.attr('degree');
  if (Array.isArray(d)) return [Number(d[0]), Number(d[1])];
  return [numberAttr(inst, '_min_degree', 0), numberAttr(inst, '_max_degree', Number(d))];
}

/**
 * PolynomialFeatures: products of the inputs up to `degree`, in sklearn's column order.
 *
 * @example polynomialFeatures(inst).transform?.(x)
 */
export function polynomialFeatures(inst: PyInstance): Estimator {
  const p = numberAttr(inst, 'n_features_in_');
  const [minDegree, maxDegree] = degrees(inst);
  const repeat = !boolAttr(inst, 'interaction_only', false);
  const terms: number[][] = boolAttr(inst, 'include_bias', true) ? [[]] : [];
  for (let d = Math.max(1, minDegree); d <= maxDegree; d++) terms.push(...combinations(p, d, repeat));
  return {
    name: inst.className,
    transform: (x: Features) => {
      expectFeatures(x, p, inst.className);
      const cols = numericColumns(x);
      const out = terms.map((term) => {
        const col = new Float64Array(x.rows).fill(1);
        for (const f of term) {
          const src = cols[f] ?? new Float64Array(x.rows);
          for (let i = 0; i < x.rows; i++) col[i] = (col[i] ?? 1) * (src[i] ?? 0);
        }
        return col;
      });
      return fromColumns(x.rows, out);
    },
  };
}

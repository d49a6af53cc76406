import { Tensor } from '../../../data/tensor.js';
import type { Features } from './estimators/features.js';

/**
 * A transformer's output as the ndarray sklearn returns: float64 when every column is numeric,
 * object otherwise.
 *
 * @example featuresToTensor({ rows: 1, columns: [Float64Array.of(1)], names: null }) // float64 (1, 1)
 */
export function featuresToTensor(x: Features): Tensor {
  const p = x.columns.length;
  const numeric = x.columns.every((c) => c instanceof Float64Array);
  const out = numeric ? new Float64Array(x.rows * p) : new Array<unknown>(x.rows * p);
  x.columns.forEach((c, j) => {
    for (let i = 0; i < x.rows; i++) out[i * p + j] = c[i] as number;
  });
  return numeric
    ? new Tensor('float64', [x.rows, p], out as Float64Array)
    : new Tensor('object', [x.rows, p], out as unknown[]);
}

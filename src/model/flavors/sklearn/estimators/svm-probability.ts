/** libsvm's Platt sigmoid for one pairwise decision value, in its overflow-safe form. */
function sigmoidPredict(dec: number, a: number, b: number): number {
  const fApB = dec * a + b;
  return fApB >= 0 ? Math.exp(-fApB) / (1 + Math.exp(-fApB)) : 1 / (1 + Math.exp(fApB));
}

/** The pairwise probabilities r[i][j] = P(i | i or j), clipped as libsvm clips them. */
function pairwise(dec: Float64Array, n: number, probA: Float64Array, probB: Float64Array): number[][] {
  const r = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  let k = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++, k++) {
      const p = Math.min(Math.max(sigmoidPredict(dec[k] ?? 0, probA[k] ?? 0, probB[k] ?? 0), 1e-7), 1 - 1e-7);
      (r[i] as number[])[j] = p;
      (r[j] as number[])[i] = 1 - p;
    }
  return r;
}

function couplingMatrix(r: number[][], n: number): number[][] {
  const at = (i: number, j: number): number => r[i]?.[j] ?? 0;
  const q = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let t = 0; t < n; t++) {
    const row = q[t] as number[];
    for (let j = 0; j < n; j++) if (j !== t) row[t] = (row[t] ?? 0) + at(j, t) * at(j, t);
    for (let j = 0; j < t; j++) row[j] = q[j]?.[t] ?? 0;
    for (let j = t + 1; j < n; j++) row[j] = -at(j, t) * at(t, j);
  }
  return q;
}

/** libsvm's `multiclass_probability`: pairwise coupling (Wu, Lin and Weng's second method). */
function coupling(r: number[][], n: number): Float64Array {
  const q = couplingMatrix(r, n);
  const p = new Float64Array(n).fill(1 / n);
  const qp = new Float64Array(n);
  const eps = 0.005 / n;
  for (let iter = 0; iter < Math.max(100, n); iter++) {
    let pqp = 0;
    for (let t = 0; t < n; t++) {
      qp[t] = 0;
      for (let j = 0; j < n; j++) qp[t] = (qp[t] ?? 0) + (q[t]?.[j] ?? 0) * (p[j] ?? 0);
      pqp += (p[t] ?? 0) * (qp[t] ?? 0);
    }
    if (qp.every((v) => Math.abs(v - pqp) < eps)) break;
    for (let t = 0; t < n; t++) {
      const qtt = q[t]?.[t] ?? 1;
      const diff = (-(qp[t] ?? 0) + pqp) / qtt;
      p[t] = (p[t] ?? 0) + diff;
      pqp = (pqp + diff * (diff * qtt + 2 * (qp[t] ?? 0))) / (1 + diff) / (1 + diff);
      for (let j = 0; j < n; j++) {
        qp[j] = ((qp[j] ?? 0) + diff * (q[t]?.[j] ?? 0)) / (1 + diff);
        p[j] = (p[j] ?? 0) / (1 + diff);
      }
    }
  }
  return p;
}

/**
 * SVC's `predict_proba` for one row, as libsvm computes it from the one-vs-one decision values and
 * the fitted Platt parameters (`probA_`, `probB_`).
 *
 * @example svmProbability(Float64Array.of(0.7), 2, probA, probB) // Float64Array [p, 1 - p]
 */
export function svmProbability(
  dec: Float64Array,
  n: number,
  probA: Float64Array,
  probB: Float64Array,
): Float64Array {
  // scikit-learn's libsvm couples two classes too, rather than returning the pairwise value.
  return coupling(pairwise(dec, n, probA, probB), n);
}

import { Tensor } from '../../../data/tensor.js';

/**
 * An objective that Modeldock does not know how to turn margins into predictions for.
 *
 * @example new UnknownObjectiveError('reg:made_up')
 */
export class UnknownObjectiveError extends Error {
  override readonly name = 'UnknownObjectiveError';
  constructor(readonly objective: string) {
    super(`objective '${objective}' is not supported`);
  }
}

/** How an XGBoost objective maps `base_score` to a margin and margins to predictions. */
export interface XGBoostObjective {
  readonly name: string;
  /** The starting margin of each output group. */
  baseMargin(groups: number): Float64Array;
  /** Margins (`rows × groups`, float32) → what `Booster.predict` returns. */
  transform(margins: Float32Array, rows: number, groups: number): Tensor;
}

const f = Math.fround;
// XGBoost computes its links in float (expf, 1.0f / ...); each step is rounded the same way here.
const sigmoid = (x: number): number => f(1 / f(1 + f(Math.exp(-x))));
const logit = (p: number): number => f(-Math.log(f(f(1 / f(p)) - 1)));
const logOf = (p: number): number => f(Math.log(f(p)));

function shaped(values: Float32Array, rows: number, groups: number): Tensor {
  return new Tensor('float32', groups === 1 ? [rows] : [rows, groups], values);
}

function softmaxRows(m: Float32Array, rows: number, k: number): Float32Array {
  const out = new Float32Array(m.length);
  for (let r = 0; r < rows; r++) {
    const o = r * k;
    let max = m[o] as number;
    for (let j = 1; j < k; j++) max = Math.max(max, m[o + j] as number);
    let sum = 0;
    for (let j = 0; j < k; j++) {
      out[o + j] = Math.exp(f((m[o + j] as number) - max));
      sum += out[o + j] as number;
    }
    const total = f(sum);
    for (let j = 0; j < k; j++) out[o + j] = (out[o + j] as number) / total;
  }
  return out;
}

function argmaxRows(m: Float32Array, rows: number, k: number): Float32Array {
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let j = 1; j < k; j++) if ((m[r * k + j] as number) > (m[r * k + best] as number)) best = j;
    out[r] = best;
  }
  return out;
}

const IDENTITY = (m: number): number => m;
const ELEMENTWISE: Readonly<Record<string, readonly [(b: number) => number, (m: number) => number]>> = {
  'reg:squarederror': [f, IDENTITY],
  'reg:linear': [f, IDENTITY],
  'reg:squaredlogerror': [f, IDENTITY],
  'reg:pseudohubererror': [f, IDENTITY],
  'reg:absoluteerror': [f, IDENTITY],
  'reg:quantileerror': [f, IDENTITY],
  'reg:logistic': [logit, sigmoid],
  'binary:logistic': [logit, sigmoid],
  'binary:logitraw': [logit, IDENTITY],
  'binary:hinge': [f, (m) => (m > 0 ? 1 : 0)],
  'count:poisson': [logOf, (m) => f(Math.exp(m))],
  'reg:gamma': [logOf, (m) => f(Math.exp(m))],
  'reg:tweedie': [logOf, (m) => f(Math.exp(m))],
  'rank:pairwise': [f, IDENTITY],
  'rank:ndcg': [f, IDENTITY],
  'rank:map': [f, IDENTITY],
};

/**
 * The objective named in an XGBoost model, with its base score(s) as stored (in prediction space,
 * e.g. a probability for logistic objectives; the margin is derived as XGBoost does at load).
 *
 * @example objectiveOf('binary:logistic', [0.5]).baseMargin(1) // Float64Array [0]
 */
export function objectiveOf(name: string, baseScores: readonly number[]): XGBoostObjective {
  const base = (groups: number, toMargin: (b: number) => number): Float64Array =>
    Float64Array.from({ length: groups }, (_, g) => toMargin(baseScores[g] ?? (baseScores[0] as number)));
  const pair = ELEMENTWISE[name];
  if (pair) {
    const [toMargin, link] = pair;
    return {
      name,
      baseMargin: (groups) => base(groups, toMargin),
      transform: (m, rows, groups) => shaped(m.map(link), rows, groups),
    };
  }
  if (name === 'multi:softprob' || name === 'multi:softmax') {
    const pick = name === 'multi:softprob' ? softmaxRows : argmaxRows;
    return {
      name,
      baseMargin: (groups) => base(groups, f),
      transform: (m, rows, groups) =>
        new Tensor('float32', name === 'multi:softprob' ? [rows, groups] : [rows], pick(m, rows, groups)),
    };
  }
  throw new UnknownObjectiveError(name);
}

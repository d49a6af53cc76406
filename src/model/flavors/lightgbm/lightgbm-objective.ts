/**
 * An objective whose outputs Modeldock cannot reproduce.
 *
 * @example new UnknownLightGBMObjectiveError('my_custom_loss')
 */
export class UnknownLightGBMObjectiveError extends Error {
  override readonly name = 'UnknownLightGBMObjectiveError';
  constructor(readonly objective: string) {
    super(`objective '${objective}' is not supported`);
  }
}

/** Turns raw scores (`rows × k`, in place) into what `Booster.predict` returns. */
export type LightGBMLink = (scores: Float64Array, rows: number, k: number) => void;

function each(f: (x: number) => number): LightGBMLink {
  return (s) => {
    for (let i = 0; i < s.length; i++) s[i] = f(s[i] as number);
  };
}

function softmax(s: Float64Array, rows: number, k: number): void {
  for (let r = 0; r < rows; r++) {
    const o = r * k;
    let max = s[o] as number;
    for (let j = 1; j < k; j++) max = Math.max(max, s[o + j] as number);
    let sum = 0;
    for (let j = 0; j < k; j++) {
      s[o + j] = Math.exp((s[o + j] as number) - max);
      sum += s[o + j] as number;
    }
    for (let j = 0; j < k; j++) s[o + j] = (s[o + j] as number) / sum;
  }
}

const IDENTITY_OBJECTIVES = new Set([
  'regression',
  'regression_l1',
  'huber',
  'fair',
  'quantile',
  'mape',
  'lambdarank',
  'rank_xendcg',
  'custom',
  'none',
]);

/**
 * The link of the objective line of a LightGBM model (`objective=binary sigmoid:1`).
 *
 * @example lightgbmLink('binary sigmoid:1') // applies 1 / (1 + exp(-x))
 */
export function lightgbmLink(objectiveLine: string): LightGBMLink {
  const [name = '', ...options] = objectiveLine.trim().split(/\s+/);
  const option = (key: string): string | undefined =>
    options.find((o) => o.startsWith(`${key}:`))?.slice(key.length + 1);
  const sigmoid = Number(option('sigmoid') ?? '1');
  if (IDENTITY_OBJECTIVES.has(name)) {
    return options.includes('sqrt') ? each((x) => Math.sign(x) * x * x) : each((x) => x);
  }
  switch (name) {
    case 'binary':
    case 'multiclassova':
      return each((x) => 1 / (1 + Math.exp(-sigmoid * x)));
    case 'cross_entropy':
      return each((x) => 1 / (1 + Math.exp(-x)));
    case 'multiclass':
      return softmax;
    case 'poisson':
    case 'gamma':
    case 'tweedie':
      return each(Math.exp);
    default:
      throw new UnknownLightGBMObjectiveError(objectiveLine.trim());
  }
}

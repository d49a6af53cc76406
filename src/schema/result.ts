/** Why a value failed a schema: MLflow's message, and where in the input it happened. */
export interface Issue {
  /** Path into the input: a column label, then row indexes and keys for nested values; `['params', name]` for params. */
  readonly path: readonly (string | number)[];
  readonly code: IssueCode;
  /** MLflow's wording of the problem (the part after `Error: ` in MLflow's exception). */
  readonly message: string;
}

export type IssueCode =
  | 'missing_input'
  | 'incompatible_type'
  | 'invalid_shape'
  | 'invalid_value'
  | 'missing_property'
  | 'unknown_property'
  | 'invalid_params'
  | 'invalid_input';

/**
 * The outcome of enforcing a schema: the converted value, or the issues. Expected failures are
 * results, not exceptions; the caller decides whether to throw.
 *
 * @example const r = enforceInput(schema, df); if (!r.ok) console.log(r.issues[0]?.message);
 */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly Issue[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(...issues: Issue[]): Result<T> {
  return { ok: false, issues };
}

/**
 * MLflow's exception messages for failed enforcement, built from the issues of a failed result, and
 * the MlflowError (INVALID_PARAMETER_VALUE) that `predict` raises with them.
 */
import { MlflowError } from '../core/mlflow-error.js';
import { pythonRepr } from '../core/python-json.js';
import { schemaRepr } from './repr.js';
import type { Issue, Result } from './result.js';
import type { Schema } from './types.js';

/** Options for {@link formatEnforcementError}. */
export interface EnforcementErrorOptions {
  /** MLflow's `MLFLOW_DISABLE_SCHEMA_DETAILS`: report a generic message instead of the details. */
  readonly hideDetails?: boolean;
}

/**
 * `Invalid parameters found: {('p', "...")}` for per-param issues (Python prints a set of
 * (name, message) tuples); a whole-params issue such as "Parameters must be a dictionary" as is.
 *
 * @example formatParamsError(result.issues) // "Invalid parameters found: {('top_k', \"Failed to ...\")}"
 */
export function formatParamsError(issues: readonly Issue[]): string {
  const perParam = issues.filter((i) => i.code === 'invalid_params' && i.path.length === 2);
  if (perParam.length === 0 || perParam.length !== issues.length) return issues[0]?.message ?? '';
  const tuples = perParam.map((i) => `(${pythonRepr(i.path[1])}, ${pythonRepr(i.message)})`);
  return `Invalid parameters found: {${tuples.join(', ')}}`;
}

/**
 * MLflow's message for a failed enforcement: `Failed to enforce schema of data with schema
 * '<schema repr>'. Error: <detail>` for input issues (MLflow also quotes pandas' rendering of the
 * data, which Modeldock cannot reproduce), the params wording for params issues.
 *
 * @example formatEnforcementError(schema, issues) // "Failed to enforce schema of data with schema '['x': long (required)]'. Error: ..."
 */
export function formatEnforcementError(
  schema: Schema | null,
  issues: readonly Issue[],
  options: EnforcementErrorOptions = {},
): string {
  if (issues[0]?.code === 'invalid_params') return formatParamsError(issues);
  if (options.hideDetails) return 'Failed to enforce model input schema. Please check your input data.';
  const detail = issues[0]?.message ?? '';
  if (schema === null) return `Failed to enforce schema of data. Error: ${detail}`;
  return `Failed to enforce schema of data with schema '${schemaRepr(schema)}'. Error: ${detail}`;
}

/**
 * The MlflowError (INVALID_PARAMETER_VALUE) MLflow raises for these issues; `cause` holds the issues.
 *
 * @example throw enforcementError(signature.inputs, result.issues);
 */
export function enforcementError(
  schema: Schema | null,
  issues: readonly Issue[],
  options: EnforcementErrorOptions = {},
): MlflowError {
  return new MlflowError(formatEnforcementError(schema, issues, options), 'INVALID_PARAMETER_VALUE', {
    cause: issues,
  });
}

/**
 * The value of a successful enforcement, or throws MLflow's MlflowError for a failed one.
 *
 * @example const df = unwrapEnforced(enforceInput(schema, rows), schema);
 */
export function unwrapEnforced<T>(
  result: Result<T>,
  schema: Schema | null,
  options: EnforcementErrorOptions = {},
): T {
  if (result.ok) return result.value;
  throw enforcementError(schema, result.issues, options);
}

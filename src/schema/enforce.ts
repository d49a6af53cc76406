/**
 * Schema enforcement, as MLflow's pyfunc `predict` applies a signature: the input is converted to
 * what the model receives (or rejected with MLflow's message), and params are checked and defaulted.
 * Failures are results, not exceptions; {@link unwrapEnforced} throws MLflow's error when wanted.
 */
import type { DataFrame } from '../data/data-frame.js';
import type { Tensor, TensorMap } from '../data/tensor.js';
import { enforceColumns } from './enforce-columns.js';
import { checkParams } from './enforce-params.js';
import { enforceTensors } from './enforce-tensors.js';
import type { Result } from './result.js';
import type { ModelSignature, ParamSchema, Schema } from './types.js';

export {
  enforcementError,
  formatEnforcementError,
  formatParamsError,
  unwrapEnforced,
} from './enforce-errors.js';
export type { EnforcementErrorOptions } from './enforce-errors.js';

/** A result plus the WARNING lines MLflow would log on the way (dropped columns, unknown params). */
export type Enforced<T> = Result<T> & { readonly warnings: readonly string[] };

/** What the model receives from a column-based schema (a DataFrame) or a tensor-based one. */
export type EnforcedInput = DataFrame | Tensor | TensorMap;

/**
 * Enforces an input schema on `input` (a DataFrame, Column, Tensor, record of Tensors, records,
 * dict, list or scalar): the value is what the model receives, in schema order with converted dtypes.
 *
 * @example
 * const r = enforceInput(schema, [{ a: 1.5, b: 'x' }]);
 * if (r.ok) model.predict(r.value); else console.log(r.issues[0]?.message);
 */
export function enforceInput(schema: Schema, input: unknown): Enforced<EnforcedInput> {
  const warnings: string[] = [];
  const result: Result<EnforcedInput> =
    schema.kind === 'columns'
      ? enforceColumns(schema.specs, input, warnings)
      : enforceTensors(schema.specs, input, warnings);
  return { ...result, warnings };
}

/**
 * Enforces params: defaults applied for missing ones, unknown ones dropped, values converted
 * (ints widened to floats, ISO strings to Dates, arrays to lists); no params schema gives `{}`.
 *
 * @example enforceParams(signature.params, { top_k: 5 }) // ok: { top_k: 5, threshold: 0.5 }
 */
export function enforceParams(
  paramSchema: ParamSchema | null,
  params: unknown,
): Enforced<Record<string, unknown>> {
  const warnings: string[] = [];
  return { ...checkParams(paramSchema, params, warnings), warnings };
}

/** The input and params a model receives after its signature was enforced. */
export interface EnforcedCall {
  readonly input: unknown;
  readonly params: Record<string, unknown>;
}

/**
 * Enforces a whole signature as pyfunc `predict` does: the input first (passed through unchanged
 * without an input schema), then the params.
 *
 * @example enforceSignature(signature, df, { top_k: 5 }) // ok: { input: DataFrame, params: {...} }
 */
export function enforceSignature(
  signature: ModelSignature | null,
  input: unknown,
  params?: unknown,
): Enforced<EnforcedCall> {
  const inputs = signature?.inputs ?? null;
  const enforced: Enforced<unknown> = inputs
    ? enforceInput(inputs, input)
    : { ok: true, value: input, warnings: [] };
  if (!enforced.ok) return enforced;
  const checked = enforceParams(signature?.params ?? null, params);
  const warnings = [...enforced.warnings, ...checked.warnings];
  if (!checked.ok) return { ...checked, warnings };
  return { ok: true, value: { input: enforced.value, params: checked.value }, warnings };
}

/**
 * Column-based enforcement (`_enforce_schema` for ColSpecs): coerce the input to a DataFrame, match
 * its columns to the schema by name (or by position when unnamed), then convert each column.
 */
import type { Column, ColumnLabel } from '../data/column.js';
import { DataFrame } from '../data/data-frame.js';
import { pythonRepr } from '../core/python-json.js';
import { enforceComplexColumn } from './enforce-cells.js';
import { toFrame } from './enforce-coerce.js';
import { enforceColumnType } from './enforce-column-type.js';
import { fail, ok, type Result } from './result.js';
import type { ColSpec } from './types.js';

/** The note MLflow logs when it drops input columns (or tensors) the signature does not name. */
export function extraInputsWarning(extra: readonly unknown[]): string {
  return (
    'Found extra inputs in the model input that are not defined in the model signature: ' +
    `\`${pythonRepr(extra)}\`. These inputs will be ignored.`
  );
}

/**
 * MLflow's check that every required input is present; extra inputs are reported in `warnings`.
 *
 * @example matchNames(['a', 'b'], [], ['a'], warnings) // fail: "Model is missing inputs ['b']."
 */
export function matchNames(
  required: readonly ColumnLabel[],
  optional: readonly ColumnLabel[],
  actual: readonly ColumnLabel[],
  warnings: string[],
): Result<true> {
  const present = new Set(actual);
  const known = new Set([...required, ...optional]);
  const missing = required.filter((n) => !present.has(n));
  const extra = actual.filter((n) => !known.has(n));
  if (missing.length > 0) {
    const note = extra.length > 0 ? ` Note that there were extra inputs: ${pythonRepr(extra)}.` : '';
    return fail({
      path: [],
      code: 'missing_input',
      message: `Model is missing inputs ${pythonRepr(missing)}.${note}`,
    });
  }
  if (extra.length > 0) warnings.push(extraInputsWarning(extra));
  return ok(true);
}

function enforceColumn(name: ColumnLabel, column: Column, spec: ColSpec, required: boolean): Result<Column> {
  return spec.type.kind === 'scalar'
    ? enforceColumnType(name, column, spec.type.type)
    : enforceComplexColumn(column, spec.type, required);
}

function enforceNamed(frame: DataFrame, specs: readonly ColSpec[], warnings: string[]): Result<DataFrame> {
  const names = (filter: boolean): ColumnLabel[] =>
    specs.filter((s) => s.required === filter && s.name !== undefined).map((s) => s.name as ColumnLabel);
  const matched = matchNames(names(true), names(false), frame.columnNames, warnings);
  if (!matched.ok) return matched;
  const columns: Column[] = [];
  for (const spec of specs) {
    const name = spec.name as ColumnLabel;
    if (!frame.has(name)) continue;
    const r = enforceColumn(name, frame.column(name), spec, spec.required);
    if (!r.ok) return r;
    columns.push(r.value);
  }
  return ok(new DataFrame(columns, columns.length > 0 ? frame.length : 0));
}

function enforceUnnamed(frame: DataFrame, specs: readonly ColSpec[]): Result<DataFrame> {
  if (frame.columns.length < specs.length)
    return fail({
      path: [],
      code: 'missing_input',
      message:
        `Model inference is missing inputs. The model signature declares ${specs.length} inputs  but the ` +
        `provided value only has ${frame.columns.length} inputs. Note: the inputs were not named in the ` +
        'signature so we can only verify their count.',
    });
  const columns: Column[] = [];
  for (const [i, spec] of specs.entries()) {
    const column = frame.columns[i] as Column;
    // Unnamed specs carry no `required` that MLflow passes on: cells are enforced as required.
    const r = enforceColumn(column.name, column, spec, true);
    if (!r.ok) return r;
    columns.push(r.value);
  }
  return ok(new DataFrame(columns, frame.length));
}

/**
 * Enforces a column-based schema: the DataFrame the model receives has the schema's columns in
 * schema order, converted to their dtypes (unnamed schemas keep the input's first N columns).
 *
 * @example enforceColumns(specs, [{ a: 1.5 }], warnings) // ok: DataFrame with column a: float64
 */
export function enforceColumns(
  specs: readonly ColSpec[],
  input: unknown,
  warnings: string[],
): Result<DataFrame> {
  const frame = toFrame(input, specs);
  if (!frame.ok) return frame;
  return specs.every((s) => s.name !== undefined)
    ? enforceNamed(frame.value, specs, warnings)
    : enforceUnnamed(frame.value, specs);
}

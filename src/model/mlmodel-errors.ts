/**
 * The errors an MLmodel reader raises: every one is an MlflowError naming the file and the field,
 * so a user sees which key of which file to fix rather than a stack trace.
 */
import { MlflowError } from '../core/mlflow-error.js';
import { PyFloat, pythonFloatRepr } from '../core/python-json.js';

/** The name used for an MLmodel text that came from no file. */
export const NO_FILE = '<MLmodel text>';

/** A short description of a YAML/JSON value for error messages, such as `a list` or `the string 'abc'`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (value instanceof PyFloat) return `the float ${pythonFloatRepr(value.value)}`;
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return `the timestamp ${value.toISOString()}`;
  if (typeof value === 'string')
    return `the string '${value.length > 60 ? value.slice(0, 57) + '...' : value}'`;
  if (typeof value === 'object') return 'a mapping';
  return `the ${typeof value} ${String(value)}`;
}

/**
 * The error for a field of an MLmodel file holding the wrong kind of value.
 *
 * @example throw invalidField('/m/MLmodel', 'run_id', 'a string', [1]);
 */
export function invalidField(file: string, field: string, expected: string, got: unknown): MlflowError {
  return new MlflowError(
    `Invalid MLmodel file ${file}: field '${field}' must be ${expected}, but it is ${describeValue(got)}.`,
    'INVALID_PARAMETER_VALUE',
    { file, field },
  );
}

/** True for a YAML mapping as the reader returns it (a plain object), not a list, date or bytes. */
export function isMapping(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

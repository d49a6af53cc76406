/**
 * The JSON body of a scoring request, decoded as Python's `json.loads` would accept it (bare `NaN`
 * and `Infinity` included), with MLflow's BAD_REQUEST wording when it is not JSON.
 */
import { MlflowError } from '../core/mlflow-error.js';
import { PyFloat, pythonJsonLoads, pythonRepr } from '../core/python-json.js';

function unwrapFloats(v: unknown): unknown {
  if (v instanceof PyFloat) return v.value;
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(unwrapFloats);
  if (typeof v === 'object' && v !== null)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrapFloats(x)]));
  return v;
}

/**
 * Decodes a request body: `JSON.parse` on the fast path, Python's decoder for the tokens JSON lacks
 * and for Python's error message (`Expecting ',' delimiter: line 1 column 48 (char 47)`).
 *
 * @example readJsonBody('{"inputs": [NaN]}') // { inputs: [NaN] }
 */
export function readJsonBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not strict JSON: Python may still accept it (NaN, Infinity), or explains why not.
  }
  try {
    return unwrapFloats(pythonJsonLoads(text));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new MlflowError(
      `Invalid input. Ensure that input is a valid JSON formatted string. Error: '${`JSONDecodeError(${pythonRepr(detail)})`}'\nInput: \nb${pythonRepr(text)}\n`,
      'BAD_REQUEST',
    );
  }
}

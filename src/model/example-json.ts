/**
 * The JSON of input example files as Python's `json` module reads and writes it, kept as a tree
 * in which a bigint is a Python int and a number a Python float, so `7.0` and `7` survive the trip
 * (pandas and numpy pick dtypes from that) and `json.dumps(..., indent=2)` is reproduced exactly.
 */
import { parsePythonJson } from '../core/python-json-parse.js';
import { PyFloat, pythonFloatRepr, pythonJsonString } from '../core/python-json.js';

/** A value as Python's json module sees it: bigint = int, number = float. */
export type PyJson = null | boolean | string | bigint | number | readonly PyJson[] | PyJsonObject;
export interface PyJsonObject {
  readonly [key: string]: PyJson;
}

function floatToken(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  return pythonFloatRepr(x);
}

function scalarToken(value: PyJson): string | undefined {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'string') return pythonJsonString(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return floatToken(value);
  return undefined;
}

function dump(value: PyJson, indent: number | undefined, level: number): string {
  const scalar = scalarToken(value);
  if (scalar !== undefined) return scalar;
  const isArray = Array.isArray(value);
  const items = isArray
    ? (value as readonly PyJson[]).map((v) => dump(v, indent, level + 1))
    : Object.entries(value as PyJsonObject).map(
        ([k, v]) => `${pythonJsonString(k)}: ${dump(v, indent, level + 1)}`,
      );
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  if (items.length === 0) return open + close;
  if (indent === undefined) return open + items.join(', ') + close;
  // With indent, Python separates items by "," + newline and keeps ": " after keys.
  const inner = '\n' + ' '.repeat(indent * (level + 1));
  const outer = '\n' + ' '.repeat(indent * level);
  return open + inner + items.join(',' + inner) + outer + close;
}

/**
 * `json.dumps(value)` or `json.dumps(value, indent=n)` byte for byte, for a Python JSON tree.
 *
 * @example dumpExampleJson({ a: [1n, 2.5, 7] }) // '{"a": [1, 2.5, 7.0]}'
 */
export function dumpExampleJson(value: PyJson, indent?: number): string {
  return dump(value, indent, 0);
}

/**
 * `json.loads(text)` as a Python JSON tree: ints as bigints, floats (and NaN, Infinity) as numbers.
 * Throws an INVALID_PARAMETER_VALUE MlflowError with Python's message and position.
 *
 * @example parseExampleJson('[1, 1.0, NaN]') // [1n, 1, NaN]
 */
export function parseExampleJson(text: string): PyJson {
  return parsePythonJson(text, (raw) => (/[.eE]/.test(raw) ? Number(raw) : BigInt(raw))) as PyJson;
}

/**
 * A Python JSON tree as the JS values Modeldock uses (as `pythonJsonLoads` gives them): ints become
 * numbers when they fit exactly, else stay bigints; floats with an integral value become PyFloat.
 *
 * @example toPlainJson(parseExampleJson('{"a": 1, "b": 2.0}')) // { a: 1, b: PyFloat { value: 2 } }
 */
export function toPlainJson(value: PyJson): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  if (typeof value === 'number') return Number.isInteger(value) ? new PyFloat(value) : value;
  if (Array.isArray(value)) return value.map(toPlainJson);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlainJson(v as PyJson)]));
  return value;
}

/**
 * Python's `base64.encodebytes(b).decode()`: base64 in lines of 76 characters, each ending in a
 * newline, which is how MLflow's JSON encoder writes bytes.
 *
 * @example base64EncodeBytes(new TextEncoder().encode('hi')) // 'aGk=\n'
 */
export function base64EncodeBytes(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let out = '';
  for (let i = 0; i < text.length; i += 76) out += text.slice(i, i + 76) + '\n';
  return out;
}

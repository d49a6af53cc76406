/**
 * Python's text forms of JSON-like values: `json.dumps` / `json.loads` with their exact formatting,
 * and `repr` / `str`, so strings Modeldock writes (MLmodel signatures) and messages it reports are
 * the bytes MLflow writes.
 */
import { MlflowError } from './mlflow-error.js';
import { parsePythonJson } from './python-json-parse.js';

/**
 * A number that Python holds as a `float`, so it is written `1.0` rather than `1`. JS numbers cannot
 * tell the two apart; writers wrap the values their types say are floats.
 *
 * @example pythonJsonDumps([new PyFloat(1), 1]) // '[1.0, 1]'
 */
export class PyFloat {
  constructor(readonly value: number) {}
}

/**
 * Python's `repr(float)`: the shortest round-trip digits, scientific below 1e-4 and from 1e16.
 *
 * @example pythonFloatRepr(1e-5) // '1e-05'
 */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa = '', expText = '0'] = x.toExponential().split('e');
  const exp = Number(expText);
  const sign = x < 0 ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  return `${sign}${intPart}.${digits.slice(exp + 1) || '0'}`;
}

/** Python's `repr(int)` for a JS number or bigint known to be integral. */
function intText(x: number | bigint): string {
  return typeof x === 'bigint' ? x.toString() : BigInt(x).toString();
}

function jsonFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  return pythonFloatRepr(x);
}

/** A JS number as Python writes it: integral values as ints, others as floats. */
function jsonNumber(x: number): string {
  return Number.isInteger(x) ? intText(x) : jsonFloat(x);
}

/**
 * A string as `json.dumps` writes it with `ensure_ascii=True`: everything outside printable ASCII
 * becomes `\uXXXX` (lowercase hex, UTF-16 code units).
 *
 * @example pythonJsonString('é') // '"\\u00e9"'
 */
export function pythonJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const ch = s[i] ?? '';
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code >= 0x20 && code <= 0x7e) out += ch;
    else out += JSON_ESCAPES[ch] ?? `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

const JSON_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/**
 * `json.dumps(value)` with Python's defaults: `", "` and `": "` separators, `ensure_ascii`, NaN as
 * `NaN`. Numbers are ints when integral unless wrapped in {@link PyFloat}; bigints are ints; a `Map`
 * keeps its key order (plain objects use JS property order).
 *
 * @example pythonJsonDumps({ a: [1, new PyFloat(2)], b: 'é' }) // '{"a": [1, 2.0], "b": "\\u00e9"}'
 */
export function pythonJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof PyFloat) return jsonFloat(value.value);
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return jsonNumber(value);
    case 'bigint':
      return value.toString();
    case 'string':
      return pythonJsonString(value);
    default:
      break;
  }
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  if (value instanceof Map) return dumpEntries([...value.entries()]);
  if (isPlainObject(value)) return dumpEntries(Object.entries(value));
  throw new MlflowError(
    `Object of type ${describeJsType(value)} is not JSON serializable`,
    'INVALID_PARAMETER_VALUE',
  );
}

function dumpEntries(entries: readonly (readonly [unknown, unknown])[]): string {
  const parts = entries.map(([k, v]) => `${pythonJsonString(String(k))}: ${pythonJsonDumps(v)}`);
  return `{${parts.join(', ')}}`;
}

/**
 * `json.loads(text)` keeping what JS would lose: floats written with an integral value (`2.0`)
 * come back as {@link PyFloat}, integers beyond 2^53 as bigints. Errors carry Python's wording.
 *
 * @example pythonJsonLoads('[1, 2.0]') // [1, PyFloat { value: 2 }]
 */
export function pythonJsonLoads(text: string): unknown {
  return parsePythonJson(text, (raw) => {
    if (/[.eE]/.test(raw)) {
      const x = Number(raw);
      return Number.isInteger(x) ? new PyFloat(x) : x;
    }
    const n = Number(raw);
    return Number.isSafeInteger(n) ? n : BigInt(raw);
  });
}

/** The number inside a JSON-decoded value (PyFloat unwrapped), or undefined. */
export function numberValue(v: unknown): number | undefined {
  if (v instanceof PyFloat) return v.value;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}

/**
 * True for `{...}` objects (what Python would hold as a dict), false for class instances and arrays.
 *
 * @example isPlainObject({ a: 1 }) // true
 */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The Python type name (`type(v).__name__`) of a JSON-like value. */
export function pythonTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'NoneType';
  if (v instanceof PyFloat) return 'float';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'str';
  if (Array.isArray(v)) return 'list';
  if (v instanceof Uint8Array) return 'bytes';
  if (v instanceof Date) return 'datetime';
  if (isPlainObject(v) || v instanceof Map) return 'dict';
  return describeJsType(v);
}

function describeJsType(v: unknown): string {
  if (v === null || typeof v !== 'object') return typeof v;
  return (v as { constructor?: { name?: string } }).constructor?.name ?? 'object';
}

/**
 * Python's `repr` of a JSON-like value: `None`, `True`, `'text'`, `[1, 'a']`, `{'a': 1.5}`.
 *
 * @example pythonRepr([1, 'a', null]) // "[1, 'a', None]"
 */
export function pythonRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v instanceof PyFloat) return pythonFloatRepr(v.value);
  switch (typeof v) {
    case 'boolean':
      return v ? 'True' : 'False';
    case 'number':
      return Number.isInteger(v) ? intText(v) : pythonFloatRepr(v);
    case 'bigint':
      return v.toString();
    case 'string':
      return pythonStrRepr(v);
    default:
      break;
  }
  if (Array.isArray(v)) return `[${v.map(pythonRepr).join(', ')}]`;
  if (v instanceof Uint8Array) return pythonBytesRepr(v);
  if (v instanceof Date) return pythonDatetimeRepr(v);
  const entries = v instanceof Map ? [...v.entries()] : isPlainObject(v) ? Object.entries(v) : null;
  if (entries) return `{${entries.map(([k, x]) => `${pythonRepr(k)}: ${pythonRepr(x)}`).join(', ')}}`;
  return String(v);
}

/**
 * Python's `str`: strings as they are, everything else as {@link pythonRepr}.
 *
 * @example pythonStr([1, 'a']) // "[1, 'a']"
 */
export function pythonStr(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof Date) return pythonDatetimeStr(v);
  return pythonRepr(v);
}

/** `str(datetime)`: `2024-01-02 03:04:05`, with `.ffffff` when there are microseconds. */
function pythonDatetimeStr(d: Date): string {
  const iso = d.toISOString();
  const ms = d.getUTCMilliseconds();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${ms ? `.${String(ms * 1000).padStart(6, '0')}` : ''}`;
}

/** Python's `repr(str)`: single quotes unless the text holds `'` and no `"`. */
export function pythonStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code <= 0xa0) || code === 0xad)
      out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code >= 0xd800 && code <= 0xdfff) out += `\\u${code.toString(16)}`;
    else out += ch;
  }
  return out + quote;
}

function pythonBytesRepr(b: Uint8Array): string {
  const quote = b.includes(0x27) && !b.includes(0x22) ? '"' : "'";
  let body = '';
  for (const byte of b) {
    const ch = String.fromCharCode(byte);
    if (ch === quote || ch === '\\') body += `\\${ch}`;
    else if (ch === '\n') body += '\\n';
    else if (ch === '\r') body += '\\r';
    else if (ch === '\t') body += '\\t';
    else if (byte >= 0x20 && byte < 0x7f) body += ch;
    else body += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return `b${quote}${body}${quote}`;
}

function pythonDatetimeRepr(d: Date): string {
  const parts = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
  const s = d.getUTCSeconds();
  const us = d.getUTCMilliseconds() * 1000;
  if (s || us) parts.push(s);
  if (us) parts.push(us);
  return `datetime.datetime(${parts.join(', ')})`;
}

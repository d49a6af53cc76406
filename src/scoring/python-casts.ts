/**
 * Python's scalar conversions (`float(x)`, `int(x)`, `bool(x)`) over JSON values, with the exception
 * reprs MLflow quotes when a pandas/numpy cast fails.
 */
import { pythonRepr } from '../core/python-json.js';

/**
 * A failed conversion: Python's exception class name and message.
 *
 * @example new CastFailure('ValueError', 'bad').repr // "ValueError('bad')"
 */
export class CastFailure extends Error {
  constructor(
    readonly pythonClass: string,
    message: string,
  ) {
    super(message);
  }

  /** `ValueError("could not convert string to float: 'abc'")`, as Python's `repr(exception)`. */
  get repr(): string {
    return `${this.pythonClass}(${pythonRepr(this.message)})`;
  }
}

const FLOAT_TEXT = /^[+-]?(?:(?:\d(?:_?\d)*)?\.?\d(?:_?\d)*(?:[eE][+-]?\d(?:_?\d)*)?|\d(?:_?\d)*\.)$/;
const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;
const SPECIAL_FLOATS: Readonly<Record<string, number>> = {
  nan: NaN,
  inf: Infinity,
  infinity: Infinity,
};

function jsonTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'NoneType';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'dict';
  return typeof v === 'string' ? 'str' : typeof v === 'boolean' ? 'bool' : 'float';
}

/**
 * Python's `float(text)`, or undefined when Python would refuse it.
 *
 * @example parsePythonFloat(' 1_000.5 ') // 1000.5
 */
export function parsePythonFloat(text: string): number | undefined {
  // Plain decimals are nearly every cell of a CSV or JSON string column; they skip the full grammar.
  if (PLAIN_DECIMAL.test(text)) return Number(text);
  const t = text.trim();
  const sign = t.startsWith('-') ? -1 : 1;
  const special = SPECIAL_FLOATS[t.replace(/^[+-]/, '').toLowerCase()];
  if (special !== undefined) return sign * special;
  return FLOAT_TEXT.test(t) ? Number(t.replaceAll('_', '')) : undefined;
}

/**
 * `float(v)` for a JSON value: null is NaN (pandas reads None as missing).
 *
 * @example toPythonFloat('5.1') // 5.1
 */
export function toPythonFloat(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return NaN;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const x = parsePythonFloat(v);
    if (x === undefined)
      throw new CastFailure('ValueError', `could not convert string to float: ${pythonRepr(v)}`);
    return x;
  }
  throw new CastFailure(
    'TypeError',
    `float() argument must be a string or a real number, not '${jsonTypeName(v)}'`,
  );
}

/**
 * `int(v)` for a JSON value: floats truncate, numeric strings parse, None and containers fail.
 *
 * @example toPythonInt(1.5) // 1
 */
export function toPythonInt(v: unknown): number {
  if (typeof v === 'number') {
    if (Number.isNaN(v)) throw new CastFailure('ValueError', 'cannot convert float NaN to integer');
    if (!Number.isFinite(v))
      throw new CastFailure('OverflowError', 'cannot convert float infinity to integer');
    return Math.trunc(v);
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const t = v.trim();
    if (!/^[+-]?\d(?:_?\d)*$/.test(t))
      throw new CastFailure('ValueError', `invalid literal for int() with base 10: ${pythonRepr(v)}`);
    return Number(t.replaceAll('_', ''));
  }
  throw new CastFailure(
    'TypeError',
    `int() argument must be a string, a bytes-like object or a real number, not '${jsonTypeName(v)}'`,
  );
}

/**
 * `bool(v)`: Python truthiness, so the string "false" is true and null is false.
 *
 * @example toPythonBool('false') // true
 */
export function toPythonBool(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return Boolean(v);
}

/**
 * `str(v)` for a JSON scalar, as numpy's `astype(str)` writes it.
 *
 * @example toPythonStr(true) // 'True'
 */
export function toPythonStr(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (v === null || v === undefined) return 'None';
  return typeof v === 'number' ? String(v) : JSON.stringify(v);
}

const BASE64_CHARS = /[^A-Za-z0-9+/=]/g;

/**
 * Python's lenient `base64.b64decode(text)`: characters outside the alphabet are dropped, padding is checked.
 *
 * @example decodeBase64('AAE=') // Uint8Array [0, 1]
 */
export function decodeBase64(v: unknown): Uint8Array {
  if (typeof v !== 'string')
    throw new CastFailure(
      'TypeError',
      `argument should be a bytes-like object or ASCII string, not '${jsonTypeName(v)}'`,
    );
  const clean = v.replace(BASE64_CHARS, '');
  const data = clean.replace(/=+$/, '');
  if (data.includes('=') || clean.length % 4 !== 0 || data.length % 4 === 1)
    throw new CastFailure(
      'Error',
      data.length % 4 === 1 ? 'Invalid base64-encoded string' : 'Incorrect padding',
    );
  return new Uint8Array(Buffer.from(data, 'base64'));
}

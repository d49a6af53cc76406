import { describe, expect, it } from 'vitest';
import {
  PyFloat,
  pythonFloatRepr,
  pythonJsonDumps,
  pythonJsonLoads,
  pythonRepr,
} from '../../src/core/python-json.js';

// Expected strings were produced by CPython 3.11's json.dumps / repr.
describe('pythonJsonDumps writes what Python json.dumps writes', () => {
  it('formats floats as Python repr does', () => {
    const values = [
      1.0,
      0.5,
      1e-5,
      1e16,
      1e16 - 2,
      123456789012345.6,
      1e15,
      0.0001,
      0.00012345,
      -0,
      -2.5e-10,
      1.7976931348623157e308,
      5e-324,
      0.1 + 0.2,
      NaN,
      Infinity,
      -Infinity,
      100.0,
      1e22,
      1.5e300,
      2.5e-7,
      12345678.9,
    ].map((x) => new PyFloat(x));
    expect(pythonJsonDumps(values)).toBe(
      '[1.0, 0.5, 1e-05, 1e+16, 9999999999999998.0, 123456789012345.6, 1000000000000000.0, 0.0001, ' +
        '0.00012345, -0.0, -2.5e-10, 1.7976931348623157e+308, 5e-324, 0.30000000000000004, NaN, Infinity, ' +
        '-Infinity, 100.0, 1e+22, 1.5e+300, 2.5e-07, 12345678.9]',
    );
    expect(pythonFloatRepr(Math.fround(0.1))).toBe('0.10000000149011612');
  });

  it('escapes non-ASCII as ensure_ascii does and keeps Map key order', () => {
    const value = new Map<string, unknown>([
      ['é', 'a"b\\c\n\t\x01\x7f€😀'],
      ['k', [true, null, 1, new PyFloat(2)]],
    ]);
    expect(pythonJsonDumps(value)).toBe(
      '{"\\u00e9": "a\\"b\\\\c\\n\\t\\u0001\\u007f\\u20ac\\ud83d\\ude00", "k": [true, null, 1, 2.0]}',
    );
  });

  it('writes integral JS numbers as ints, others as floats, and bigints exactly', () => {
    expect(pythonJsonDumps([3, 0.25, 2n ** 63n - 1n])).toBe('[3, 0.25, 9223372036854775807]');
  });
});

describe('pythonJsonLoads keeps what JSON.parse loses', () => {
  it('returns integral floats as PyFloat and huge ints as bigint', () => {
    expect(pythonJsonLoads('[1, 2.0, 2.5, 1e2, 9223372036854775807, NaN]')).toEqual([
      1,
      new PyFloat(2),
      2.5,
      new PyFloat(100),
      9223372036854775807n,
      NaN,
    ]);
  });

  it('round-trips through pythonJsonDumps byte for byte', () => {
    const text = '{"a": [1, 2.0, -0.0, 1e-05], "b": {"c": null, "d": "\\u00e9"}}';
    expect(pythonJsonDumps(pythonJsonLoads(text))).toBe(text);
  });
});

describe('pythonRepr', () => {
  it('quotes strings and bytes as Python does', () => {
    expect([pythonRepr("it's"), pythonRepr('a"b'), pythonRepr('x\ny'), pythonRepr('é\x00\x7f')]).toEqual([
      `"it's"`,
      `'a"b'`,
      "'x\\ny'",
      "'é\\x00\\x7f'",
    ]);
    expect(pythonRepr(new Uint8Array([0x61, 0x27, 0x00, 0xff]))).toBe(`b"a'\\x00\\xff"`);
  });

  it('writes lists, dicts, None and booleans', () => {
    expect(pythonRepr([1, 'a', null, true, { k: 1.5 }])).toBe("[1, 'a', None, True, {'k': 1.5}]");
  });
});

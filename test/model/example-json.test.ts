import { describe, expect, it } from 'vitest';
import { pythonFloatRepr } from '../../src/core/python-json.js';
import {
  base64EncodeBytes,
  dumpExampleJson,
  parseExampleJson,
  toPlainJson,
} from '../../src/model/example-json.js';
import {
  parseIsoToNanos,
  pythonDatetimeStr,
  pythonIsoformat,
  timestampIsoformat,
} from '../../src/model/python-datetime.js';
import { runPython } from './python.js';

/** Doubles across every magnitude and the repr boundaries (1e-4 / 1e-5, 1e15 / 1e16). */
function sampleFloats(): number[] {
  const fixed = [
    0.1,
    0.2,
    7,
    5.1,
    1e-4,
    1e-5,
    9.999e-5,
    1e15,
    1e16,
    1.5e16,
    123456789012345.6,
    2 ** 53,
    1 / 3,
  ];
  const out = [...fixed, ...fixed.map((x) => -x)];
  let seed = 12345;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 400; i++) out.push((random() - 0.5) * 10 ** Math.floor(random() * 60 - 30));
  for (let i = 0; i < 100; i++) out.push(Math.fround(random() * 10));
  return out;
}

describe('input example JSON text, byte for byte as Python writes it', () => {
  it("floats are written as Python's repr() writes them, for 500+ doubles", () => {
    const floats = sampleFloats();
    const python = runPython('result = [repr(float(x)) for x in data]', floats);
    expect(floats.map(pythonFloatRepr)).toEqual(python);
    expect([pythonFloatRepr(-0), pythonFloatRepr(1e22), pythonFloatRepr(1e-7)]).toEqual([
      '-0.0',
      '1e+22',
      '1e-07',
    ]);
  });

  it('dumpExampleJson matches json.dumps, compact and with indent=2', () => {
    const value = {
      text: 'é ☃ 😀 "q" \\ \n\t\u0001\u007f',
      ints: [0n, -3n, 2n ** 70n],
      floats: [7, 5.1, 1e-5, 1e16, Infinity],
      flags: [true, false, null],
      empty: { list: [], dict: {} },
    };
    const python = runPython(
      'v = json.loads(data)\nresult = [json.dumps(v), json.dumps(v, indent=2)]',
      // Python reads our own text; its dumps must reproduce it exactly.
      dumpExampleJson(value),
    );
    expect([dumpExampleJson(value), dumpExampleJson(value, 2)]).toEqual(python);
  });

  it('reads ints as bigints and floats as numbers, with NaN and Infinity', () => {
    expect(parseExampleJson('{"a": [1, 1.0, 1e2, -0, NaN, -Infinity], "b": "\\u00e9\\n"}')).toEqual({
      a: [1n, 1, 100, 0n, NaN, -Infinity],
      b: 'é\n',
    });
    expect(toPlainJson(parseExampleJson('[9007199254740993, 3]'))).toEqual([9007199254740993n, 3]);
    expect(() => parseExampleJson('[1, 2')).toThrow(/char 5/);
    expect(() => parseExampleJson('{"a": 1} x')).toThrow(/Extra data/);
  });

  it('base64 with MIME line breaks, as base64.encodebytes', () => {
    const bytes = new Uint8Array(100).map((_, i) => i * 7);
    const python = runPython('import base64\nresult = base64.encodebytes(bytes(data)).decode()', [...bytes]);
    expect(base64EncodeBytes(bytes)).toBe(python);
  });
});

describe('Python datetime text', () => {
  it('str(datetime) and isoformat(), fraction only when there is one', () => {
    expect(pythonDatetimeStr(new Date('2026-11-21T21:44:45.293Z'))).toBe('2026-11-21 21:44:45.293000');
    expect(pythonDatetimeStr(new Date('2026-11-21T21:44:45Z'))).toBe('2026-11-21 21:44:45');
    expect(pythonIsoformat(new Date('2024-01-02T03:04:05.5Z'))).toBe('2024-01-02T03:04:05.500000');
  });

  it('pandas Timestamp.isoformat() for nanosecond values, and back', () => {
    const base = BigInt(Date.UTC(2024, 0, 2, 3, 4, 5)) * 1_000_000n;
    expect(timestampIsoformat(base)).toBe('2024-01-02T03:04:05');
    expect(timestampIsoformat(base + 1_000n)).toBe('2024-01-02T03:04:05.000001');
    expect(timestampIsoformat(base + 1n)).toBe('2024-01-02T03:04:05.000000001');
    expect(timestampIsoformat(-1n)).toBe('1969-12-31T23:59:59.999999999');
    expect(parseIsoToNanos('2024-01-02T03:04:05.000000001')).toBe(base + 1n);
    expect(parseIsoToNanos('2024-01-02 05:04:05+02:00')).toBe(base);
    expect(parseIsoToNanos('not a date')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { NAT } from '../../src/data/dtype.js';
import { columnFromValues, frameFromColumns, frameFromRecords } from '../../src/data/from-js.js';

describe('columnFromValues infers the dtype pandas would', () => {
  it.each([
    ['integral numbers', [1, 2, 3], 'int64'],
    ['a non-integral number', [1, 2.5], 'float64'],
    ['NaN', [1, NaN], 'float64'],
    ['integers with a null (pandas: float64 with NaN)', [1, null], 'float64'],
    ['booleans', [true, false], 'bool'],
    ['booleans with a null', [true, null], 'object'],
    ['bigints', [1n, 2n], 'int64'],
    ['Dates with a null', [new Date(0), null], 'datetime64[ns]'],
    ['strings', ['a', null], 'object'],
    ['bytes', [new Uint8Array([1])], 'object'],
    ['lists', [[1], [2]], 'object'],
    ['plain objects', [{ a: 1 }], 'object'],
    ['mixed values', [1, 'a'], 'object'],
    ['only nulls', [null, undefined], 'object'],
    ['nothing', [], 'object'],
  ])('%s', (_what, values, dtype) => {
    expect(columnFromValues('x', values).dtype).toBe(dtype);
  });

  it('stores values in the dtype storage: NaN for missing floats, NaT for missing dates', () => {
    expect(columnFromValues('x', [1, 2]).values).toEqual(BigInt64Array.of(1n, 2n));
    expect(columnFromValues('x', [1, undefined]).values).toEqual(Float64Array.of(1, NaN));
    expect(columnFromValues('x', [new Date(1), null]).values).toEqual(BigInt64Array.of(1_000_000n, NAT));
    expect(columnFromValues('x', [true, false]).values).toEqual(Uint8Array.of(1, 0));
    expect(columnFromValues('x', ['a', undefined]).values).toEqual(['a', null]);
  });

  it('keeps a typed array and its dtype without copying', () => {
    const data = Float32Array.of(1, 2);
    const col = columnFromValues('x', data);
    expect([col.dtype, col.values === data]).toEqual(['float32', true]);
    expect(columnFromValues('x', Uint16Array.of(1)).dtype).toBe('uint16');
    expect(columnFromValues('x', BigUint64Array.of(1n)).dtype).toBe('uint64');
  });
});

describe('frames from JS values', () => {
  it('frameFromRecords uses first-seen key order and null for missing keys', () => {
    const df = frameFromRecords([{ a: 1 }, { b: 'x', a: 2 }]);
    expect(df.columnNames).toEqual(['a', 'b']);
    expect(df.column('a').dtype).toBe('int64');
    expect(df.column('b').values).toEqual([null, 'x']);
  });

  it('frameFromColumns builds one column per key', () => {
    const df = frameFromColumns({ x: Float64Array.of(1, 2), s: ['a', 'b'] });
    expect(df.columns.map((c) => [c.name, c.dtype])).toEqual([
      ['x', 'float64'],
      ['s', 'object'],
    ]);
    expect(() => frameFromColumns({ x: [1], y: [1, 2] })).toThrow(/rows/);
  });
});

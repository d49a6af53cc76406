import { Int32, makeVector, Table, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { frameFromArrow, frameToArrow } from '../../src/data/arrow.js';
import { Column } from '../../src/data/column.js';
import { DataFrame } from '../../src/data/data-frame.js';
import { NAT } from '../../src/data/dtype.js';

const frame = new DataFrame([
  new Column('i', 'int64', BigInt64Array.of(1n, 2n, 3n)),
  new Column('i32', 'int32', Int32Array.of(1, 2, 3)),
  new Column('f', 'float64', Float64Array.of(0.5, NaN, 2)),
  new Column('f32', 'float32', Float32Array.of(1, 2, 3)),
  new Column('h', 'float16', Float32Array.of(0.5, 1, NaN)),
  new Column('b', 'bool', Uint8Array.of(1, 0, 1)),
  new Column('t', 'datetime64[ns]', BigInt64Array.of(1_000_000n, NAT, 5n)),
  new Column('s', 'object', ['a', null, 'é']),
  new Column('bin', 'object', [new Uint8Array([1, 2]), null, new Uint8Array([])]),
]);

describe('Arrow tables ↔ frames', () => {
  it('round-trips every fixed-width dtype, strings, bytes and missing values', () => {
    const back = frameFromArrow(frameToArrow(frame));
    expect(back.columns.map((c) => [c.name, c.dtype])).toEqual(frame.columns.map((c) => [c.name, c.dtype]));
    for (const c of frame.columns) expect(back.column(c.name).values).toEqual(c.values);
  });

  it('maps dtypes to the Arrow types pyarrow uses, with NaN / NaT as nulls', () => {
    const table = frameToArrow(frame);
    expect(table.schema.fields.map((f) => String(f.type))).toEqual([
      'Int64',
      'Int32',
      'Float64',
      'Float32',
      'Float16',
      'Bool',
      'Timestamp<NANOSECOND>',
      'Utf8',
      'Binary',
    ]);
    expect([
      table.getChild('f')!.nullCount,
      table.getChild('t')!.nullCount,
      table.getChild('s')!.nullCount,
    ]).toEqual([1, 1, 1]);
  });

  it('shares the buffers of fixed-width columns without nulls', () => {
    const values = Float64Array.of(1, 2, 3);
    const table = frameToArrow(new DataFrame([new Column('x', 'float64', values)]));
    const back = frameFromArrow(table);
    expect((back.column('x').values as Float64Array).buffer).toBe(values.buffer);
  });

  it('reads integer columns with nulls as float64 with NaN, as to_pandas does', () => {
    const table = new Table({ x: vectorFromArray([1, null, 3], new Int32()) });
    const col = frameFromArrow(table).column('x');
    expect([col.dtype, col.values]).toEqual(['float64', Float64Array.of(1, NaN, 3)]);
  });

  it('reads multi-chunk columns and nested values', () => {
    const chunked = new Table({ x: makeVector([Int32Array.of(1, 2), Int32Array.of(3)]) });
    expect(frameFromArrow(chunked).column('x').values).toEqual(Int32Array.of(1, 2, 3));
    const nested = new Table({ l: vectorFromArray([[1, 2], [3]]) });
    expect(frameFromArrow(nested).column('l').values).toEqual([[1, 2], [3]]);
  });
});

/**
 * Apache Arrow tables ↔ frames, with the dtypes `pyarrow.Table.to_pandas()` / `from_pandas()`
 * give. Fixed-width columns without nulls share Arrow's buffers (no copy) in both directions.
 */
import {
  Binary,
  Bool,
  type Data,
  type DataType,
  Field,
  Float16,
  Float32,
  Float64,
  Int8,
  Int16,
  Int32,
  Int64,
  makeData,
  makeVector,
  MapRow,
  Null,
  Precision,
  RecordBatch,
  Schema,
  Struct,
  StructRow,
  Table,
  TimestampNanosecond,
  TimeUnit,
  Type,
  Uint8,
  Uint16,
  Uint32,
  Uint64,
  Utf8,
  util,
  Vector,
  vectorFromArray,
} from 'apache-arrow';
import { MlflowError } from '../core/mlflow-error.js';
import { looksLikeArrowTable } from './arrow-ipc.js';
import { Column, type ColumnLabel } from './column.js';
import { DataFrame } from './data-frame.js';
import { type DType, isFloat, NAT, type TypedArray } from './dtype.js';

type NumericCtor = new (n: number) => TypedArray;

const INT_DTYPES: Readonly<Record<string, readonly [DType, NumericCtor]>> = {
  i8: ['int8', Int8Array],
  i16: ['int16', Int16Array],
  i32: ['int32', Int32Array],
  i64: ['int64', BigInt64Array],
  u8: ['uint8', Uint8Array],
  u16: ['uint16', Uint16Array],
  u32: ['uint32', Uint32Array],
  u64: ['uint64', BigUint64Array],
};

const NANOS_PER_UNIT: Readonly<Record<number, bigint>> = {
  [TimeUnit.SECOND]: 1_000_000_000n,
  [TimeUnit.MILLISECOND]: 1_000_000n,
  [TimeUnit.MICROSECOND]: 1_000n,
  [TimeUnit.NANOSECOND]: 1n,
};

/** The chunks' value buffers, shared when there is one chunk, else concatenated. */
function gather(vector: Vector, Ctor: NumericCtor): TypedArray {
  const chunks = vector.data.map((d) => (d.values as TypedArray).subarray(0, d.length));
  if (chunks.length === 1 && chunks[0] instanceof Ctor) return chunks[0];
  const out = new Ctor(vector.length);
  let at = 0;
  for (const c of chunks) {
    (out as Float64Array).set(c as Float64Array, at);
    at += c.length;
  }
  return out;
}

/** Calls `fn(i)` for every null row of the vector. */
function forEachNull(vector: Vector, fn: (i: number) => void): void {
  let base = 0;
  for (const d of vector.data) {
    if (d.nullCount > 0) for (let i = 0; i < d.length; i++) if (!d.getValid(i)) fn(base + i);
    base += d.length;
  }
}

function jsValue(v: unknown): unknown {
  if (typeof v === 'bigint')
    return v >= Number.MIN_SAFE_INTEGER && v <= Number.MAX_SAFE_INTEGER ? Number(v) : v;
  if (v instanceof Vector) return Array.from(v as Iterable<unknown>, jsValue);
  if (v instanceof StructRow || v instanceof MapRow)
    return Object.fromEntries(
      Object.entries(v.toJSON() as Record<string, unknown>).map(([k, x]) => [k, jsValue(x)]),
    );
  return v ?? null;
}

function numericColumn(name: ColumnLabel, vector: Vector, dtype: DType, Ctor: NumericCtor): Column {
  if (vector.nullCount > 0 && !isFloat(dtype)) {
    // pandas turns integer columns with nulls into float64 with NaN
    const out = Float64Array.from({ length: vector.length }, (_, i) => {
      const v = vector.get(i) as number | bigint | null;
      return v === null ? NaN : Number(v);
    });
    return new Column(name, 'float64', out);
  }
  const values = gather(vector, Ctor);
  if (vector.nullCount > 0) {
    // never write NaN into Arrow's own buffer
    const copy = values.slice() as Float64Array;
    forEachNull(vector, (i) => (copy[i] = NaN));
    return new Column(name, dtype, copy as Column['values']);
  }
  return new Column(name, dtype, values as Column['values']);
}

function timestampColumn(name: ColumnLabel, vector: Vector, unit: TimeUnit): Column {
  const scale = NANOS_PER_UNIT[unit] ?? 1n;
  const raw = gather(vector, BigInt64Array) as BigInt64Array;
  const values = scale === 1n && vector.nullCount === 0 ? raw : raw.map((v) => v * scale);
  if (vector.nullCount > 0) forEachNull(vector, (i) => (values[i] = NAT));
  return new Column(name, 'datetime64[ns]', values);
}

function columnFromVector(name: ColumnLabel, vector: Vector): Column {
  const type = vector.type as DataType;
  if (type.typeId === Type.Int) {
    const t = type as Int8;
    const [dtype, Ctor] = INT_DTYPES[`${t.isSigned ? 'i' : 'u'}${t.bitWidth}`] ?? ['int64', BigInt64Array];
    return numericColumn(name, vector, dtype, Ctor);
  }
  if (type.typeId === Type.Float) {
    const precision = (type as Float64).precision;
    if (precision === Precision.DOUBLE) return numericColumn(name, vector, 'float64', Float64Array);
    if (precision === Precision.SINGLE) return numericColumn(name, vector, 'float32', Float32Array);
    const out = Float32Array.from(
      { length: vector.length },
      (_, i) => (vector.get(i) as number | null) ?? NaN,
    );
    return new Column(name, 'float16', out);
  }
  if (type.typeId === Type.Timestamp)
    return timestampColumn(name, vector, (type as TimestampNanosecond).unit);
  if (type.typeId === Type.Date) {
    const out = BigInt64Array.from({ length: vector.length }, (_, i) => {
      const v = vector.get(i) as Date | number | null;
      return v === null ? NAT : BigInt(v instanceof Date ? v.getTime() : v) * 1_000_000n;
    });
    return new Column(name, 'datetime64[ns]', out);
  }
  if (type.typeId === Type.Bool && vector.nullCount === 0)
    return new Column(
      name,
      'bool',
      Uint8Array.from({ length: vector.length }, (_, i) => (vector.get(i) ? 1 : 0)),
    );
  return new Column(
    name,
    'object',
    Array.from({ length: vector.length }, (_, i) => jsValue(vector.get(i))),
  );
}

/**
 * True for an Apache Arrow table.
 *
 * @example isArrowTable(tableFromArrays({ x: Float64Array.of(1) })) // true
 */
export function isArrowTable(v: unknown): v is Table {
  // By shape, not instanceof, so a table from another copy of apache-arrow is recognised too.
  return looksLikeArrowTable(v);
}

/**
 * Converts an Arrow table into a frame, as `table.to_pandas()` would: integer columns with nulls
 * become float64 with NaN, timestamps datetime64[ns], strings / binaries / nested values object.
 *
 * @example frameFromArrow(tableFromArrays({ x: Float64Array.of(1, 2) })).column('x').dtype // 'float64'
 */
export function frameFromArrow(table: Table): DataFrame {
  const columns = table.schema.fields.map((field, i) => {
    const vector = table.getChildAt(i);
    if (!vector) throw new MlflowError(`Arrow column ${field.name} has no data.`, 'INVALID_PARAMETER_VALUE');
    return columnFromVector(field.name, vector);
  });
  return new DataFrame(columns, table.numRows);
}

/** A validity bitmap marking `isNull(i)` rows, or undefined when there are none. */
function validity(length: number, isNull: (i: number) => boolean): { bitmap?: Uint8Array; nulls: number } {
  let nulls = 0;
  const bitmap = new Uint8Array(Math.ceil(length / 8));
  for (let i = 0; i < length; i++) {
    if (isNull(i)) nulls++;
    else bitmap[i >> 3] = (bitmap[i >> 3] ?? 0) | (1 << (i & 7));
  }
  return nulls === 0 ? { nulls } : { bitmap, nulls };
}

function fixedData(type: DataType, values: TypedArray, isNull: (i: number) => boolean): Data {
  const { bitmap, nulls } = validity(values.length, isNull);
  const props = { type, data: values, length: values.length, nullCount: nulls };
  return makeData(bitmap ? { ...props, nullBitmap: bitmap } : props) as Data;
}

const ARROW_TYPES: Partial<Record<DType, () => DataType>> = {
  int8: () => new Int8(),
  int16: () => new Int16(),
  int32: () => new Int32(),
  int64: () => new Int64(),
  uint8: () => new Uint8(),
  uint16: () => new Uint16(),
  uint32: () => new Uint32(),
  uint64: () => new Uint64(),
  float32: () => new Float32(),
  float64: () => new Float64(),
};

function objectVector(values: readonly unknown[]): Vector {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length === 0) return makeVector(makeData({ type: new Null(), length: values.length }));
  if (present.every((v) => typeof v === 'string')) return vectorFromArray(values, new Utf8());
  if (present.every((v) => v instanceof Uint8Array)) return vectorFromArray(values, new Binary());
  try {
    return vectorFromArray(values as unknown[]);
  } catch (cause) {
    throw new MlflowError('Cannot convert a mixed object column to Arrow.', 'INVALID_PARAMETER_VALUE', {
      cause,
    });
  }
}

function vectorFromColumn(c: Column): Vector {
  const build = ARROW_TYPES[c.dtype];
  if (build) {
    const values = c.values as TypedArray;
    const isNull = isFloat(c.dtype) ? (i: number) => Number.isNaN(values[i]) : () => false;
    return makeVector(fixedData(build(), values, isNull));
  }
  switch (c.dtype) {
    case 'float16': {
      const src = c.values as Float32Array;
      const halfs = Uint16Array.from(src, (x) => util.float64ToUint16(x));
      return makeVector(fixedData(new Float16(), halfs, (i) => Number.isNaN(src[i])));
    }
    case 'datetime64[ns]': {
      const values = c.values as BigInt64Array;
      return makeVector(fixedData(new TimestampNanosecond(), values, (i) => values[i] === NAT));
    }
    case 'bool':
      return vectorFromArray(
        Array.from(c.values as Uint8Array, (v) => v === 1),
        new Bool(),
      );
    case 'str':
      return vectorFromArray(c.values as (string | null)[], new Utf8());
    case 'bytes':
      return vectorFromArray(c.values as (Uint8Array | null)[], new Binary());
    default:
      return objectVector(c.values as unknown[]);
  }
}

/**
 * Converts a frame into an Arrow table, as `pyarrow.Table.from_pandas()` would: NaN in float
 * columns and NaT become nulls; object columns of strings / bytes become Utf8 / Binary.
 *
 * @example frameToArrow(frame).numRows
 */
export function frameToArrow(frame: DataFrame): Table {
  const columns = frame.columns.map((c) => {
    const vector = vectorFromColumn(c);
    // a builder may hand back several chunks; a record batch needs one Data per column
    const [data] = vector.data.length === 1 ? vector.data : vectorFromArray([...vector], vector.type).data;
    if (!data) throw new MlflowError(`Cannot convert column ${String(c.name)} to Arrow.`, 'INTERNAL_ERROR');
    return { field: new Field(String(c.name), vector.type as DataType, true), data };
  });
  const fields = columns.map((c) => c.field);
  const children = columns.map((c) => c.data);
  const struct = makeData({ type: new Struct(fields), length: frame.length, nullCount: 0, children });
  return new Table([new RecordBatch(new Schema(fields), struct)]);
}

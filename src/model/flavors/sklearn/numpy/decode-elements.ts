import { MlflowError } from '../../../../core/mlflow-error.js';
import { allocate, type ColumnValues, type DTypeStorage } from '../../../../data/dtype.js';
import type { NpDType } from './np-dtype.js';

type Reader = (view: DataView, at: number, little: boolean) => number | bigint;

const NUMBER_READERS: Record<string, Reader> = {
  f2: (v, at, le) => halfToFloat(v.getUint16(at, le)),
  f4: (v, at, le) => v.getFloat32(at, le),
  f8: (v, at, le) => v.getFloat64(at, le),
  i1: (v, at) => v.getInt8(at),
  i2: (v, at, le) => v.getInt16(at, le),
  i4: (v, at, le) => v.getInt32(at, le),
  i8: (v, at, le) => v.getBigInt64(at, le),
  u1: (v, at) => v.getUint8(at),
  b1: (v, at) => (v.getUint8(at) === 0 ? 0 : 1),
  u2: (v, at, le) => v.getUint16(at, le),
  u4: (v, at, le) => v.getUint32(at, le),
  u8: (v, at, le) => v.getBigUint64(at, le),
  M8: (v, at, le) => v.getBigInt64(at, le),
  m8: (v, at, le) => v.getBigInt64(at, le),
};

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac === 0 ? sign * Infinity : NaN;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

/**
 * Decodes `count` elements of a fixed-width dtype from raw bytes, `stride` bytes apart starting at
 * `offset`, honouring the dtype's byte order. Strings come back trimmed of numpy's NUL padding.
 *
 * @example decodeElements(NpDType.parse('<f8'), bytes, 3, 8, 0) // Float64Array(3)
 */
export function decodeElements(
  dtype: NpDType,
  bytes: Uint8Array,
  count: number,
  stride: number,
  offset: number,
): ColumnValues {
  if (offset + stride * (count - 1) + dtype.itemsize > bytes.length && count > 0)
    throw new MlflowError(`A numpy array's data is shorter than its shape says.`, 'BAD_REQUEST');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dtype.kind === 'U') return decodeStrings(bytes, count, stride, offset, dtype);
  if (dtype.kind === 'S')
    return Array.from({ length: count }, (_, i) =>
      trimNul(bytes.slice(offset + i * stride, offset + i * stride + dtype.itemsize)),
    );
  const reader = NUMBER_READERS[`${dtype.kind}${dtype.itemsize}`];
  if (!reader) throw new MlflowError(`Unsupported numpy dtype '${dtype.toString()}'.`, 'BAD_REQUEST');
  const out = allocate(dtype.toDType(), count) as DTypeStorage['float64'] | DTypeStorage['int64'];
  const le = dtype.littleEndian;
  for (let i = 0; i < count; i++)
    (out as unknown as (number | bigint)[])[i] = reader(view, offset + i * stride, le);
  return out;
}

function trimNul(b: Uint8Array): Uint8Array {
  let end = b.length;
  while (end > 0 && b[end - 1] === 0) end--;
  return b.subarray(0, end);
}

function decodeStrings(
  bytes: Uint8Array,
  count: number,
  stride: number,
  offset: number,
  dtype: NpDType,
): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chars = dtype.itemsize / 4;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    for (let c = 0; c < chars; c++) {
      const cp = view.getUint32(offset + i * stride + c * 4, dtype.littleEndian);
      if (cp === 0) break;
      s += String.fromCodePoint(cp);
    }
    out.push(s);
  }
  return out;
}

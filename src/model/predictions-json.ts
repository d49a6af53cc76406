import { isPlainObject } from '../core/python-json.js';
import { Column } from '../data/column.js';
import { DataFrame } from '../data/data-frame.js';
import { NAT } from '../data/dtype.js';
import { Tensor } from '../data/tensor.js';

/** Python's `isoformat()` of a naive timestamp: no fraction when it is zero, else micro- or nanoseconds. */
function datetimeJson(ns: bigint): string | null {
  if (ns === NAT) return null;
  const seconds = ns / 1_000_000_000n - (ns % 1_000_000_000n < 0n ? 1n : 0n);
  const fraction = ns - seconds * 1_000_000_000n;
  const base = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  if (fraction === 0n) return base;
  const digits = fraction.toString().padStart(9, '0');
  return `${base}.${fraction % 1000n === 0n ? digits.slice(0, 6) : digits}`;
}

/** Python's `base64.encodebytes`, which MLflow's server uses for bytes: 76-character lines, each ending in a newline. */
function base64Lines(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('base64');
  let out = '';
  for (let i = 0; i < text.length; i += 76) out += `${text.slice(i, i + 76)}\n`;
  return out;
}

/** One cell or element as JSON: 64-bit integers as numbers, bytes as base64, datetimes as ISO strings. */
function cellJson(value: unknown, dtype?: string): unknown {
  if (typeof value === 'bigint') return dtype === 'datetime64[ns]' ? datetimeJson(value) : Number(value);
  if (value instanceof Uint8Array) return base64Lines(value);
  if (value instanceof Date) return datetimeJson(BigInt(value.getTime()) * 1_000_000n);
  if (typeof value !== 'object' || value === null) return value;
  return predictionsJson(value);
}

function frameJson(frame: DataFrame): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < frame.length; i++) {
    const row: Record<string, unknown> = {};
    for (const c of frame.columns) row[String(c.name)] = cellJson(c.get(i), c.dtype);
    rows.push(row);
  }
  return rows;
}

function tensorJson(tensor: Tensor): unknown {
  const nested = tensor.toNested();
  const walk = (v: unknown): unknown => (Array.isArray(v) ? v.map(walk) : cellJson(v, tensor.dtype));
  return walk(nested);
}

/**
 * A model's output as the JSON value MLflow's scoring server puts under `predictions`: a DataFrame
 * becomes a list of row objects, a tensor nested lists, a record of tensors a record of lists, and
 * plain values stay as they are. Non-finite numbers stay numbers; the serializer decides how to write them.
 *
 * @example JSON.stringify({ predictions: predictionsJson(output) })
 */
export function predictionsJson(output: unknown): unknown {
  if (output instanceof DataFrame) return frameJson(output);
  if (output instanceof Tensor) return tensorJson(output);
  if (output instanceof Column) return output.toArray().map((v) => cellJson(v, output.dtype));
  if (ArrayBuffer.isView(output) && !(output instanceof DataView))
    return Array.from(output as unknown as ArrayLike<unknown>, (v) => cellJson(v));
  if (Array.isArray(output)) return output.map((v) => cellJson(v));
  if (output instanceof Map) return Object.fromEntries([...output].map(([k, v]) => [String(k), cellJson(v)]));
  if (isPlainObject(output))
    return Object.fromEntries(Object.entries(output).map(([k, v]) => [k, cellJson(v)]));
  return typeof output === 'object' && output !== null ? output : cellJson(output);
}

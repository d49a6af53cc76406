/**
 * pandas' reading of datetime cells into `datetime64[ns]` (nanoseconds since the epoch, UTC), as
 * `Series.astype('datetime64[ns]')` does for object columns of strings and datetimes.
 */
import { NAT } from '../data/dtype.js';
import { isMissing } from './enforce-python.js';

const ISO =
  /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

const NS_PER_MS = 1_000_000n;
const MAX_NS = 2n ** 63n - 1n;

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function offsetMinutes(tz: string | undefined): number {
  if (tz === undefined || tz === 'Z') return 0;
  const digits = tz.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0'));
}

function inRange(ns: bigint): bigint | undefined {
  return ns > NAT && ns <= MAX_NS ? ns : undefined;
}

/**
 * An ISO-8601 date or datetime string as nanoseconds; `NaT` and the empty string give {@link NAT};
 * offsets are converted to UTC. Undefined when pandas would fail to parse it.
 *
 * @example parseIsoNanos('2024-01-02') // 1704153600000000000n
 */
export function parseIsoNanos(text: string): bigint | undefined {
  const s = text.trim();
  if (s === '' || s.toLowerCase() === 'nat') return NAT;
  const m = ISO.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec, frac, tz] = m;
  const [year, month, day] = [Number(y), Number(mo ?? 1), Number(d ?? 1)];
  const [hour, minute, second] = [Number(h ?? 0), Number(mi ?? 0), Number(sec ?? 0)];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  at.setUTCHours(hour, minute - offsetMinutes(tz), second, 0);
  const ms = BigInt(at.getTime());
  return inRange(ms * NS_PER_MS + BigInt((frac ?? '').padEnd(9, '0')));
}

/**
 * One cell as pandas converts it to `datetime64[ns]`: missing → NaT, Date → its instant, ISO text
 * parsed; undefined when the cell cannot be converted.
 *
 * @example cellToNanos(new Date(0)) // 0n
 */
export function cellToNanos(v: unknown): bigint | undefined {
  if (isMissing(v)) return NAT;
  if (v instanceof Date) {
    const ms = v.getTime();
    return Number.isNaN(ms) ? undefined : inRange(BigInt(ms) * NS_PER_MS);
  }
  return typeof v === 'string' ? parseIsoNanos(v) : undefined;
}

/** Nanoseconds as a JS Date (sub-millisecond digits dropped); null for NaT. */
export function nanosToDate(ns: bigint): Date | null {
  if (ns === NAT) return null;
  const ms = ns / NS_PER_MS - (ns % NS_PER_MS < 0n ? 1n : 0n);
  return new Date(Number(ms));
}

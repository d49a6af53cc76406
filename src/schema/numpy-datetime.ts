/**
 * numpy's reading of datetime strings (`np.datetime64(text).item()`), giving the Python
 * `date` / `datetime` that MLflow keeps for datetime params, as its `isoformat()` text.
 */

const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/;

/** What numpy makes of a datetime string. */
export type NumpyDatetime =
  | { readonly kind: 'value'; readonly iso: string }
  | { readonly kind: 'nat' }
  /** numpy parsed it, but `.item()` gives an int (nanosecond precision, or a year outside 1..9999). */
  | { readonly kind: 'int' }
  | { readonly kind: 'invalid' };

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Python's `isoformat()` of the `datetime` a JS Date stands for (UTC, microseconds when non-zero).
 *
 * @example dateIsoformat(new Date('2024-01-02T03:04:05Z')) // '2024-01-02T03:04:05'
 */
export function dateIsoformat(d: Date): string {
  const base =
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const ms = d.getUTCMilliseconds();
  return ms === 0 ? base : `${base}.${pad(ms * 1000, 6)}`;
}

function offsetMinutes(tz: string | undefined): number {
  if (tz === undefined || tz === 'Z') return 0;
  const digits = tz.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0'));
}

/**
 * Parses a datetime string as numpy does: date-only text gives a `date`, anything with a time a
 * `datetime` (offsets are converted to UTC); `NaT` gives None.
 *
 * @example parseNumpyDatetime('2024-01-02 03:04') // { kind: 'value', iso: '2024-01-02T03:04:00' }
 */
export function parseNumpyDatetime(text: string): NumpyDatetime {
  if (text.toLowerCase() === 'nat') return { kind: 'nat' };
  const m = ISO.exec(text);
  if (!m) return { kind: 'invalid' };
  const [, y, mo, d, h, mi, s, frac, tz] = m;
  const year = Number(y);
  const month = Number(mo ?? '1');
  const day = Number(d ?? '1');
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return { kind: 'invalid' };
  if (Number(h ?? 0) > 23 || Number(mi ?? 0) > 59 || Number(s ?? 0) > 59) return { kind: 'invalid' };
  if (year < 1 || (frac !== undefined && frac.length > 6)) return { kind: 'int' };
  if (h === undefined) return { kind: 'value', iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
  const micros = Number((frac ?? '').padEnd(6, '0'));
  const local = new Date(0);
  local.setUTCFullYear(year, month - 1, day);
  local.setUTCHours(Number(h), Number(mi ?? 0), Number(s ?? 0), 0);
  const utc = new Date(local.getTime() - offsetMinutes(tz) * 60_000);
  if (utc.getUTCFullYear() > 9999 || utc.getUTCFullYear() < 1) return { kind: 'int' };
  const base = dateIsoformat(utc).slice(0, 19);
  return { kind: 'value', iso: micros === 0 ? base : `${base}.${pad(micros, 6)}` };
}

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

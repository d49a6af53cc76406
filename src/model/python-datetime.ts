/**
 * Python's text forms of datetimes, which MLflow writes into MLmodel files and input examples.
 * JS dates hold milliseconds, so the microsecond digits Modeldock writes always end in `000`.
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function datePart(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function timePart(date: Date): string {
  const hms = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const ms = date.getUTCMilliseconds();
  return ms === 0 ? hms : `${hms}.${pad(ms * 1000, 6)}`;
}

function checkValid(date: Date): void {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid Date');
}

/**
 * Python's `str(datetime)` of the date's UTC wall time: `YYYY-MM-DD HH:MM:SS.ffffff`, with the
 * fraction left out when it is zero, as MLflow writes `utc_time_created`.
 *
 * @example pythonDatetimeStr(new Date('2026-11-21T21:44:45.293Z')) // '2026-11-21 21:44:45.293000'
 */
export function pythonDatetimeStr(date: Date): string {
  checkValid(date);
  return `${datePart(date)} ${timePart(date)}`;
}

/**
 * Python's `datetime.isoformat()` of the date's UTC wall time, naive (no offset), as MLflow's JSON
 * encoder writes datetimes in input examples.
 *
 * @example pythonIsoformat(new Date('2024-01-02T03:04:05Z')) // '2024-01-02T03:04:05'
 */
export function pythonIsoformat(date: Date): string {
  checkValid(date);
  return `${datePart(date)}T${timePart(date)}`;
}

/**
 * pandas' `Timestamp.isoformat()` of a `datetime64[ns]` value (nanoseconds since the epoch): the
 * fraction has 9 digits when there are nanoseconds, 6 when there are microseconds, else none.
 *
 * @example timestampIsoformat(1_704_164_645_000_000_000n) // '2024-01-02T03:04:05'
 */
export function timestampIsoformat(ns: bigint): string {
  const ms = ns / 1_000_000n - (ns % 1_000_000n < 0n ? 1n : 0n);
  const subMs = ns - ms * 1_000_000n;
  const date = new Date(Number(ms));
  checkValid(date);
  const base = `${datePart(date)}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const fractionNs = BigInt(date.getUTCMilliseconds()) * 1_000_000n + subMs;
  if (fractionNs === 0n) return base;
  if (fractionNs % 1000n === 0n) return `${base}.${pad(Number(fractionNs / 1000n), 6)}`;
  return `${base}.${fractionNs.toString().padStart(9, '0')}`;
}

/**
 * Parses a Python/pandas ISO datetime (`YYYY-MM-DD[ T]HH:MM:SS[.f…][Z|±HH:MM]`, or a bare date) as
 * nanoseconds since the epoch, reading naive values as UTC. Returns null when the text is not one.
 *
 * @example parseIsoToNanos('2024-01-02T03:04:05.5') // 1704164645500000000n
 */
export function parseIsoToNanos(text: string): bigint | null {
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9})\d*)?)?)?\s*(Z|[-+]\d{2}(?::?\d{2})?)?$/.exec(
      text.trim(),
    );
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', tz] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(ms)) return null;
  let ns = BigInt(ms) * 1_000_000n + BigInt(frac.padEnd(9, '0') || '0');
  if (tz && tz !== 'Z') {
    const sign = tz.startsWith('-') ? -1n : 1n;
    const digits = tz.slice(1).replace(':', '');
    const minutes = BigInt(Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
    ns -= sign * minutes * 60_000_000_000n;
  }
  return ns;
}

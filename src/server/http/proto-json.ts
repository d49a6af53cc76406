/**
 * Encodes a response message as MLflow's proto-JSON: snake_case keys as given, int64 as JSON
 * numbers, NaN and ±Infinity as the strings "NaN" / "Infinity" / "-Infinity", unset
 * (`undefined` / `null`) fields and empty repeated fields omitted. Set fields equal to their
 * default (`"step": 0`, `"is_dir": false`) and empty nested messages (`"inputs": {}`) are kept.
 *
 * @example encodeProtoJson({ metrics: [], value: NaN, step: 0 }) // '{"value":"NaN","step":0}'
 */
export function encodeProtoJson(message: unknown): string {
  // Copying into a value that native JSON.stringify renders as proto-JSON is several times faster
  // than building the string in JS (a 1000-run search page is ~60k values). Integers beyond 2^53
  // (bigint) cannot go through that copy, so a message holding one takes the string builder.
  try {
    const plain = toPlainJson(message);
    return plain === undefined ? '{}' : JSON.stringify(plain);
  } catch (error) {
    if (error !== UNSAFE_BIGINT) throw error;
    return encodeValue(message) ?? '{}';
  }
}

const UNSAFE_BIGINT = Symbol('unsafe bigint');

function nonFinite(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? 'Infinity' : '-Infinity';
}

function toPlainJson(value: unknown): unknown {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? value : nonFinite(value);
    case 'string':
    case 'boolean':
      return value;
    case 'bigint':
      if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER))
        throw UNSAFE_BIGINT;
      return Number(value);
    case 'object':
      if (value === null) return undefined;
      return Array.isArray(value) ? plainArray(value) : plainObject(value);
    default:
      return undefined;
  }
}

function plainArray(values: readonly unknown[]): unknown[] | undefined {
  if (values.length === 0) return undefined;
  const out = new Array<unknown>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = toPlainJson(values[i]) ?? null;
  return out;
}

function plainObject(message: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fields = message as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const plain = toPlainJson(fields[key]);
    if (plain === undefined) continue;
    // Assigning `__proto__` would set the prototype instead of adding a field.
    if (key === '__proto__') Object.defineProperty(out, key, { value: plain, enumerable: true });
    else out[key] = plain;
  }
  return out;
}

function encodeNumber(value: number): string {
  return Number.isFinite(value) ? JSON.stringify(value) : `"${nonFinite(value)}"`;
}

function encodeArray(values: readonly unknown[]): string | undefined {
  if (values.length === 0) return undefined;
  return `[${values.map((v) => encodeValue(v) ?? 'null').join(',')}]`;
}

function encodeObject(message: object): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(message)) {
    const encoded = encodeValue(value);
    if (encoded !== undefined) parts.push(`${JSON.stringify(key)}:${encoded}`);
  }
  return `{${parts.join(',')}}`;
}

function encodeValue(value: unknown): string | undefined {
  switch (typeof value) {
    case 'number':
      return encodeNumber(value);
    case 'bigint':
      return value.toString();
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      if (value === null) return undefined;
      return Array.isArray(value) ? encodeArray(value) : encodeObject(value);
    default:
      return undefined;
  }
}

/**
 * Encodes a response message as MLflow's proto-JSON: snake_case keys as given, int64 as JSON
 * numbers, NaN and ±Infinity as the strings "NaN" / "Infinity" / "-Infinity", unset
 * (`undefined` / `null`) fields and empty repeated fields omitted. Set fields equal to their
 * default (`"step": 0`, `"is_dir": false`) and empty nested messages (`"inputs": {}`) are kept.
 *
 * @example encodeProtoJson({ metrics: [], value: NaN, step: 0 }) // '{"value":"NaN","step":0}'
 */
export function encodeProtoJson(message: unknown): string {
  return encodeValue(message) ?? '{}';
}

function encodeNumber(value: number): string {
  if (Number.isFinite(value)) return JSON.stringify(value);
  if (Number.isNaN(value)) return '"NaN"';
  return value > 0 ? '"Infinity"' : '"-Infinity"';
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

/**
 * Compares a recorded MLflow response with Modeldock's, ignoring what legitimately differs between
 * two servers: generated ids (mapped as they are learnt), server timestamps, opaque page tokens,
 * random run names, the order of tag/param lists, and error text that embeds SQLAlchemy statements
 * or Python sets (whose order changes from run to run).
 */
const ID_TOKEN = /m-[0-9a-f]{32}|[0-9a-f]{32}/g;
const SERVER_TIME_KEYS = new Set([
  'creation_time',
  'last_update_time',
  'creation_timestamp',
  'last_updated_timestamp',
  'creation_timestamp_ms',
  'last_updated_timestamp_ms',
]);
const RANDOM_RUN_NAME = /^[a-z]+-[a-z]+-\d{1,3}$/;

/** Original-server ids → Modeldock ids, learnt from responses and applied to later requests. */
export class IdMap {
  private readonly ids = new Map<string, string>();

  /** Pairs the ids found at the same places of an expected and an actual value. */
  learn(expected: unknown, actual: unknown): void {
    if (typeof expected === 'string' && typeof actual === 'string') {
      const left = expected.match(ID_TOKEN) ?? [];
      const right = actual.match(ID_TOKEN) ?? [];
      left.forEach((token, i) => {
        const mapped = right[i];
        if (mapped !== undefined && !this.ids.has(token)) this.ids.set(token, mapped);
      });
    } else if (Array.isArray(expected) && Array.isArray(actual)) {
      expected.forEach((item, i) => this.learn(item, actual[i]));
    } else if (isObject(expected) && isObject(actual)) {
      for (const [key, value] of Object.entries(expected)) this.learn(value, actual[key]);
    }
  }

  text(value: string): string {
    return value.replace(ID_TOKEN, (token) => this.ids.get(token) ?? token);
  }

  /** Rewrites every string of a JSON value (keys included). */
  deep(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((v) => this.deep(v));
    if (isObject(value))
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [this.text(k), this.deep(v)]));
    return value;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** SQL statements and Python set literals vary by backend and run: keep the stable part. */
export function normaliseMessage(message: string): string {
  const sql = message.search(/\(sqlite3\.|\(psycopg|\[SQL:|Error: \(/);
  const stable = sql >= 0 ? message.slice(0, sql).trim() : message;
  return stable.replace(/\{([^{}]*)\}/g, (_m, items: string) => `{${items.split(', ').sort().join(', ')}}`);
}

function sortedByKey(list: unknown[]): unknown[] {
  if (!list.every((item) => isObject(item) && typeof item.key === 'string')) return list;
  return [...list].sort((a, b) =>
    String((a as { key: string }).key).localeCompare(String((b as { key: string }).key)),
  );
}

/** Differences between an expected and an actual JSON value, as `path: detail` lines. */
export function diffJson(expected: unknown, actual: unknown, path = '$', key = ''): string[] {
  if (SERVER_TIME_KEYS.has(key) || key === 'next_page_token') {
    return typeof expected === typeof actual
      ? []
      : [`${path}: expected a ${typeof expected}, got ${JSON.stringify(actual)}`];
  }
  if (typeof expected === 'string' && typeof actual === 'string') {
    if (key === 'message' && normaliseMessage(expected) === normaliseMessage(actual)) return [];
    if (RANDOM_RUN_NAME.test(expected) && RANDOM_RUN_NAME.test(actual)) return [];
    return expected === actual
      ? []
      : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  }
  if (Array.isArray(expected) && Array.isArray(actual)) return diffArrays(expected, actual, path);
  if (isObject(expected) && isObject(actual)) return diffObjects(expected, actual, path);
  return Object.is(expected, actual) || expected === actual
    ? []
    : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

function diffArrays(expected: unknown[], actual: unknown[], path: string): string[] {
  if (expected.length !== actual.length)
    return [
      `${path}: expected ${expected.length} items, got ${actual.length}: ${JSON.stringify(actual).slice(0, 300)}`,
    ];
  const left = sortedByKey(expected);
  const right = sortedByKey(actual);
  return left.flatMap((item, i) => diffJson(item, right[i], `${path}[${i}]`));
}

function diffObjects(
  expected: Record<string, unknown>,
  actual: Record<string, unknown>,
  path: string,
): string[] {
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...keys].flatMap((k) => {
    if (!(k in expected)) return [`${path}.${k}: unexpected ${JSON.stringify(actual[k]).slice(0, 200)}`];
    if (!(k in actual))
      return [`${path}.${k}: missing (expected ${JSON.stringify(expected[k]).slice(0, 200)})`];
    return diffJson(expected[k], actual[k], `${path}.${k}`, k);
  });
}

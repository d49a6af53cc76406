/** A compiled pattern: literal segments, `{name}` (one segment) and a final `<name>` (the rest). */
interface Pattern<T> {
  readonly segments: readonly string[];
  readonly tail: string | undefined;
  readonly method: string;
  readonly value: T;
}

/** The outcome of a lookup: a match, a path known under other methods (405), or nothing (404). */
export type RouteMatch<T> =
  | { readonly kind: 'found'; readonly value: T; readonly params: Record<string, string> }
  | { readonly kind: 'method-not-allowed'; readonly allowed: string[] }
  | { readonly kind: 'not-found' };

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a stray '%' stays as it is, as Werkzeug does
  }
}

function splitPath(path: string): string[] {
  return path.split('/').slice(1);
}

/**
 * A small router: static paths are found by one map lookup, patterns with parameters by a scan.
 * Values are whatever the caller stores (handlers, in practice).
 *
 * @example
 * const router = new Router<string>();
 * router.add('GET', '/mlflow/logged-models/{model_id}', 'get');
 * router.match('GET', '/mlflow/logged-models/m-1'); // { kind: 'found', value: 'get', params: { model_id: 'm-1' } }
 */
export class Router<T> {
  private readonly statics = new Map<string, Map<string, T>>();
  private readonly patterns: Pattern<T>[] = [];

  add(method: string, path: string, value: T): void {
    if (!/[{<]/.test(path)) {
      const byMethod = this.statics.get(path) ?? new Map<string, T>();
      byMethod.set(method, value);
      this.statics.set(path, byMethod);
      return;
    }
    const segments = splitPath(path);
    const last = segments[segments.length - 1] ?? '';
    const tail = last.startsWith('<') ? last.slice(1, -1) : undefined;
    this.patterns.push({ segments: tail ? segments.slice(0, -1) : segments, tail, method, value });
  }

  match(method: string, path: string): RouteMatch<T> {
    const allowed = new Set<string>();
    const byMethod = this.statics.get(path);
    const exact = byMethod?.get(method);
    if (exact !== undefined) return { kind: 'found', value: exact, params: {} };
    for (const m of byMethod?.keys() ?? []) allowed.add(m);
    const segments = splitPath(path);
    for (const pattern of this.patterns) {
      const params = matchPattern(pattern, segments);
      if (params === undefined) continue;
      if (pattern.method === method) return { kind: 'found', value: pattern.value, params };
      allowed.add(pattern.method);
    }
    return allowed.size > 0 ? { kind: 'method-not-allowed', allowed: [...allowed] } : { kind: 'not-found' };
  }
}

function matchPattern<T>(pattern: Pattern<T>, segments: string[]): Record<string, string> | undefined {
  const fixed = pattern.segments.length;
  if (pattern.tail === undefined ? segments.length !== fixed : segments.length <= fixed) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < fixed; i++) {
    const expected = pattern.segments[i] ?? '';
    const actual = segments[i] ?? '';
    if (expected.startsWith('{')) {
      if (actual === '') return undefined;
      params[expected.slice(1, -1)] = decodeSegment(actual);
    } else if (expected !== actual) return undefined;
  }
  if (pattern.tail !== undefined) params[pattern.tail] = decodeSegment(segments.slice(fixed).join('/'));
  return params;
}

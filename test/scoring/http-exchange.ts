import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { readJsonBody } from '../../src/scoring/read-json-body.js';

/** One request as the fixtures record it. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | null;
}

/** What came back over the wire. */
export interface WireResponse {
  status: number;
  contentType: string | undefined;
  body: string;
}

/** Sends a request byte for byte to a listening server on 127.0.0.1, with only the given headers (plus Content-Length). */
export function send(server: Server, req: RecordedRequest): Promise<WireResponse> {
  const { port } = server.address() as AddressInfo;
  const headers: Record<string, string | number> = { ...req.headers };
  if (req.body !== null) headers['Content-Length'] = Buffer.byteLength(req.body);
  return new Promise((resolve, reject) => {
    const r = request({ host: '127.0.0.1', port, method: req.method, path: req.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'],
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    r.on('error', reject);
    r.end(req.body ?? undefined);
  });
}

/** Starts a server on an ephemeral loopback port. */
export async function listen(server: Server): Promise<Server> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/**
 * MLflow's messages quote pandas' rendering of the input, which Modeldock does not reproduce, and
 * Python sets whose order changes between runs. Loosely: the quoted data is removed from
 * "Failed to predict data '<data>'." and "Failed to enforce schema of data '<data>' with schema",
 * and the items of every set of quoted strings are sorted, as are those of the "extra inputs: [...]"
 * list (MLflow builds it from a set).
 */
export function normalizeMessage(message: string): string {
  return message
    .replace(/Failed to predict data '[\s\S]*?'\. \nError: /, 'Failed to predict data. \nError: ')
    .replace(
      /Failed to enforce schema of data '[\s\S]*?' with schema '/,
      "Failed to enforce schema of data with schema '",
    )
    .replace(
      /\{('[^']*'(?:, '[^']*')*)\}/g,
      (_m, items: string) => `{${items.split(', ').sort().join(', ')}}`,
    )
    .replace(
      /extra inputs: \[([^\]]*)\]/,
      (_m, items: string) => `extra inputs: [${items.split(', ').sort().join(', ')}]`,
    );
}

const RELATIVE = 1e-9;

/** Deep comparison of parsed bodies: numbers within 1e-9 relative (NaN equals NaN), messages normalized, `stack_trace` ignored. */
export function sameJson(actual: unknown, expected: unknown, key = ''): boolean {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Number.isNaN(expected)) return Number.isNaN(actual);
    return (
      actual === expected ||
      Math.abs(actual - expected) <= RELATIVE * Math.max(Math.abs(actual), Math.abs(expected))
    );
  }
  if (typeof expected === 'string' && key === 'message' && typeof actual === 'string')
    return normalizeMessage(actual) === normalizeMessage(expected);
  if (Array.isArray(expected))
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((e, i) => sameJson(actual[i], e))
    );
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return false;
    const exp = Object.fromEntries(Object.entries(expected).filter(([k]) => k !== 'stack_trace'));
    const act = actual as Record<string, unknown>;
    return (
      Object.keys(act).length === Object.keys(exp).length &&
      Object.entries(exp).every(([k, v]) => k in act && sameJson(act[k], v, k))
    );
  }
  return actual === expected;
}

/** A body parsed as Python's json would (bare NaN allowed), or the raw text when it is not JSON. */
export function parseBody(text: string): unknown {
  try {
    return readJsonBody(text);
  } catch {
    return text;
  }
}

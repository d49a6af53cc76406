import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App, InProcessRequestInit } from '../../../src/server/http/app.js';
import { FIXTURES } from '../../support/fixtures.js';
import { diffJson, type IdMap, isObject } from './transcript-compare.js';

/** One recorded request/response pair (see fixtures/transcripts/README.md). */
export interface Exchange {
  readonly step: string;
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string[]>;
  readonly request_body: unknown;
  readonly status: number;
  readonly response_body: unknown;
}

/** A file body as the transcripts record it. */
interface FileSummary {
  _bytes: number;
  _sha256: string;
  _content_type?: string;
  _text?: string;
}

export function loadTranscript(name: string): Exchange[] {
  const text = readFileSync(join(FIXTURES, 'transcripts', name), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Exchange);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function isFileSummary(value: unknown): value is FileSummary {
  return isObject(value) && typeof value._bytes === 'number' && typeof value._sha256 === 'string';
}

/** Replays exchanges in order against one app, mapping ids and binary contents as it goes. */
export class TranscriptReplayer {
  /** Recorded sha256 → sha256 of the bytes we uploaded instead (binary files are not recorded). */
  private readonly substitutes = new Map<string, string>();

  constructor(
    private readonly app: App,
    private readonly ids: IdMap,
  ) {}

  private fileBytes(summary: FileSummary): Uint8Array {
    if (summary._text !== undefined) return Buffer.from(summary._text, 'utf8');
    const bytes = Buffer.alloc(summary._bytes);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + 7) & 0xff;
    this.substitutes.set(summary._sha256, sha256(bytes));
    return bytes;
  }

  private requestInit(exchange: Exchange): InProcessRequestInit {
    const body = exchange.request_body;
    if (body === null) return { method: exchange.method };
    if (isFileSummary(body)) {
      const headers = { 'content-type': body._content_type ?? 'application/octet-stream' };
      return { method: exchange.method, body: this.fileBytes(body), headers };
    }
    const text = typeof body === 'string' ? body : JSON.stringify(this.ids.deep(body));
    return { method: exchange.method, body: text, headers: { 'content-type': 'application/json' } };
  }

  private url(exchange: Exchange): string {
    const query = new URLSearchParams();
    for (const [key, values] of Object.entries(exchange.query))
      for (const v of values) query.append(key, this.ids.text(v));
    const text = query.toString();
    return `${this.ids.text(exchange.path)}${text ? `?${text}` : ''}`;
  }

  /** Sends one exchange's request; returns the status and the body as the transcripts record it. */
  async send(exchange: Exchange): Promise<{ status: number; body: unknown }> {
    const response = await this.app.request(this.url(exchange), this.requestInit(exchange));
    const bytes = new Uint8Array(await response.arrayBuffer());
    const contentType = response.headers.get('content-type') ?? '';
    if (bytes.length === 0) return { status: response.status, body: null };
    if (contentType.startsWith('application/json') && !isFileSummary(exchange.response_body)) {
      return { status: response.status, body: JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown };
    }
    return {
      status: response.status,
      body: {
        _bytes: bytes.length,
        _sha256: sha256(bytes),
        _content_type: contentType,
        _text: Buffer.from(bytes).toString('utf8'),
      },
    };
  }

  /** Differences between the recorded response and ours (after learning the ids it reveals). */
  compare(exchange: Exchange, actual: { status: number; body: unknown }): string[] {
    const problems =
      exchange.status === actual.status ? [] : [`status: expected ${exchange.status}, got ${actual.status}`];
    const expected = exchange.response_body;
    if (isFileSummary(expected) && isFileSummary(actual.body))
      return [...problems, ...this.compareFile(expected, actual.body)];
    this.ids.learn(expected, actual.body);
    return [...problems, ...diffJson(this.ids.deep(expected), actual.body)];
  }

  private compareFile(expected: FileSummary, actual: FileSummary): string[] {
    const problems: string[] = [];
    if (expected._bytes !== actual._bytes)
      problems.push(`_bytes: expected ${expected._bytes}, got ${actual._bytes}`);
    const wanted = this.substitutes.get(expected._sha256) ?? expected._sha256;
    if (wanted !== actual._sha256) problems.push('_sha256 differs');
    const mediaType = (actual._content_type ?? '').split(';')[0];
    if (expected._content_type !== undefined && expected._content_type !== mediaType) {
      problems.push(`_content_type: expected ${expected._content_type}, got ${actual._content_type ?? ''}`);
    }
    return problems;
  }
}

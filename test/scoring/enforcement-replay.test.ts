import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tensor } from '../../src/data/tensor.js';
import { loadModel } from '../../src/model/load-model.js';
import { saveModel } from '../../src/model/save-model.js';
import { signatureFromDict } from '../../src/schema/codec.js';
import type { SignatureDict } from '../../src/schema/types.js';
import { createScoringServer } from '../../src/scoring/scoring-server.js';
import { readFixtureJson } from '../support/fixtures.js';
import { render } from '../support/python-values.js';
import { listen, parseBody, type RecordedRequest, sameJson, send } from './http-exchange.js';

interface ServerCase {
  id: string;
  via: string;
  signature_id: string;
  signature: SignatureDict | null;
  request: RecordedRequest;
  outcome: 'ok' | 'error';
  status: number;
  response_content_type: string;
  response_body: string;
  converted?: unknown;
  params_received?: Record<string, unknown> | null;
}

interface Received {
  input: unknown;
  params: Record<string, unknown>;
}

/** What the model received, rendered as the fixtures render Python values (a dict of ndarrays key by key). */
function renderInput(input: unknown): unknown {
  if (typeof input === 'object' && input !== null && Object.values(input).every((v) => v instanceof Tensor))
    return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, render(v)]));
  return render(input);
}

const cases = readFixtureJson<ServerCase[]>('enforcement', 'enforcement.json').filter(
  (c) => c.via === 'scoring_server',
);
const probe: Received[] = ((globalThis as { __scoringProbe?: Received[] }).__scoringProbe ??= []);
const servers = new Map<string, Server>();
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'scoring-enforcement-'));
  const signatures = new Map(cases.map((c) => [c.signature_id, c.signature]));
  for (const [id, dict] of signatures) {
    const dir = join(work, id);
    const model = new URL('./models/identity.ts', import.meta.url);
    await saveModel(dir, { model, ...(dict ? { signature: signatureFromDict(dict) } : {}) });
    servers.set(id, await listen(createScoringServer(await loadModel(dir))));
  }
}, 120_000);

afterAll(async () => {
  for (const server of servers.values()) await new Promise((r) => server.close(r));
  await rm(work, { recursive: true, force: true });
});

/** The fixtures render ndarray cells as {$ndarray}; Modeldock's enforcement keeps lists, so compare the data. */
function withoutNdarrayTags(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutNdarrayTags);
  if (typeof v !== 'object' || v === null) return v;
  const tagged = (v as { $ndarray?: { data: unknown } }).$ndarray;
  if (tagged) return withoutNdarrayTags(tagged.data);
  return Object.fromEntries(
    Object.entries(v)
      .filter(([k]) => k !== 'object_column_value_types')
      .map(([k, x]) => [k, withoutNdarrayTags(x)]),
  );
}

describe('scoring server enforcement fixtures (POST /invocations → what the model receives)', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, fixture) => {
    probe.length = 0;
    const got = await send(servers.get(fixture.signature_id)!, fixture.request);
    expect(got.status).toBe(fixture.status);
    expect(got.contentType).toBe(fixture.response_content_type);
    if (fixture.outcome === 'ok') {
      const received = probe[0]!;
      expect(withoutNdarrayTags(renderInput(received.input))).toEqual(withoutNdarrayTags(fixture.converted));
      if (fixture.params_received)
        expect(render(received.params)).toEqual(withoutNdarrayTags(fixture.params_received));
    }
    const actual = parseBody(got.body);
    const expected = parseBody(fixture.response_body);
    if (!sameJson(actual, expected)) expect(actual).toEqual(expected);
  });
});

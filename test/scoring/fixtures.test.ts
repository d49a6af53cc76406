import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load-model.js';
import { Model } from '../../src/model/mlmodel.js';
import { saveModel } from '../../src/model/save-model.js';
import { createScoringServer } from '../../src/scoring/scoring-server.js';
import { FIXTURES, readFixtureJson } from '../support/fixtures.js';
import { listen, parseBody, type RecordedRequest, sameJson, send } from './http-exchange.js';

interface Exchange {
  name: string;
  request: RecordedRequest;
  response: { status: number; headers: { 'content-type': string }; body: string };
}

/**
 * Where Modeldock answers differently on purpose (see docs/scoring.md), and what it answers instead.
 * Everything else must match: status, content-type and body.
 */
const DIFFERENCES: Readonly<Record<string, { status: number; contentType: string; reason: string }>> = {
  'no content type': {
    status: 415,
    contentType: 'text/plain; charset=utf-8',
    reason: 'MLflow crashes (500) on a missing Content-Type; a client mistake is a 4xx',
  },
};

// scikit-learn raises a plain Python error that MLflow turns into a generic message with a stack
// trace; Modeldock (the Node stand-in and the native flavor alike) answers BAD_REQUEST with
// sklearn's own reason, so only the status and error_code are compared for these.
const MODEL_MESSAGE_DIFFERS = new Set(['null in a double column', 'empty dataframe_split data']);

const MODELS = {
  custom_pyfunc: { code: 'iris-softmax.ts', artifacts: { config: 'artifacts/config.json' } },
  sklearn_logreg: { code: 'iris-logreg.ts', artifacts: { coefficients: 'coefficients.json' } },
} as const;

// The native scikit-learn flavor serves the fixture folder itself (model.pkl), no Node stand-in.
const NATIVE = 'sklearn_logreg (native sklearn flavor)';

let work: string;
const servers = new Map<string, Server>();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'scoring-fixtures-'));
  for (const [name, spec] of Object.entries(MODELS)) {
    const fixtureDir = join(FIXTURES, 'models/mlflow-3.6', name);
    const signature = (await Model.load(fixtureDir)).signature ?? undefined;
    const artifacts = Object.fromEntries(
      Object.entries(spec.artifacts).map(([k, p]) => [k, join(fixtureDir, p)]),
    );
    const dir = join(work, name);
    await saveModel(dir, {
      model: new URL(`./models/${spec.code}`, import.meta.url),
      artifacts,
      ...(signature ? { signature } : {}),
    });
    servers.set(name, await listen(createScoringServer(await loadModel(dir))));
  }
  const native = await loadModel(join(FIXTURES, 'models/mlflow-3.6/sklearn_logreg'));
  servers.set(NATIVE, await listen(createScoringServer(native)));
}, 60_000);

afterAll(async () => {
  for (const server of servers.values()) await new Promise((r) => server.close(r));
  await rm(work, { recursive: true, force: true });
});

for (const name of [...Object.keys(MODELS), NATIVE]) {
  const exchanges = readFixtureJson<Exchange[]>(
    'scoring',
    `${name === NATIVE ? 'sklearn_logreg' : name}.json`,
  );
  describe(`scoring fixtures: ${name} (mlflow models serve → /invocations)`, () => {
    for (const exchange of exchanges) {
      it(exchange.name, async () => {
        const got = await send(servers.get(name)!, exchange.request);
        const difference = DIFFERENCES[exchange.name];
        if (difference) {
          expect([got.status, got.contentType]).toEqual([difference.status, difference.contentType]);
          return;
        }
        expect(got.status).toBe(exchange.response.status);
        expect(got.contentType).toBe(exchange.response.headers['content-type']);
        if (exchange.request.path === '/version') return expect(got.body).toMatch(/^\d+\.\d+\.\d+/);
        const expected = parseBody(exchange.response.body);
        const actual = parseBody(got.body);
        if (name.startsWith('sklearn_logreg') && MODEL_MESSAGE_DIFFERS.has(exchange.name))
          return expect((actual as { error_code: string }).error_code).toBe(
            (expected as { error_code: string }).error_code,
          );
        if (!sameJson(actual, expected)) expect(actual).toEqual(expected);
      });
    }
  });
}

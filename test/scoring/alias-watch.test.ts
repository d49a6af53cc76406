import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  endRun,
  logModel,
  MlflowClient,
  registerModel,
  setExperiment,
  setTrackingClient,
  startRun,
} from '../../src/client/index.js';
import { modelsServe } from '../../src/cli/commands/models-serve.js';
import { type ClientTestServer, openClientTestServer } from '../client/client-server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ANSWER = fileURLToPath(new URL('./models/version-answer.ts', import.meta.url));
const NAME = 'alias-watch';
const BODY = JSON.stringify({ dataframe_split: { columns: ['x'], data: [[1]] } });
const TOTAL = 2000;
const CLIENTS = 8;

let tracking: ClientTestServer;
let client: MlflowClient;
let serve: ChildProcess | undefined;

async function logAnswer(answer: string): Promise<string> {
  await startRun({ runName: answer });
  const info = await logModel('model', { model: ANSWER, modelConfig: { answer }, inputExample: [{ x: 1 }] });
  await endRun();
  return info.modelUri;
}

/** Starts `modeldock models serve` in its own process; resolves with its URL and its log so far. */
function startServe(args: string[]): Promise<{ url: string; log: () => string }> {
  const script = `import('./src/cli/commands/models-serve.ts').then(async (m) => { process.exitCode = await m.modelsServe(process.argv.slice(1)); })`;
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script, '--', ...args], { cwd: ROOT });
  serve = child;
  let text = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (c: Buffer) => {
      text += c.toString();
      const m = /at (http:\/\/\S+)/.exec(text);
      if (m) resolve({ url: m[1]!, log: () => text });
    });
    child.once('exit', (code) => reject(new Error(`models serve exited with ${code}:\n${text}`)));
  });
}

interface Answer {
  readonly client: number;
  readonly status: number;
  readonly body: string;
}

function post(url: string, agent: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const r = request(
      `${url}/invocations`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    r.on('error', reject);
    r.end(BODY);
  });
}

/**
 * 8 clients on keep-alive connections, each sending its next request when the last one answered,
 * until 2,000 were sent and 100 answers came from the new version (or 30 s passed: a slow machine
 * loads the new version late); `midway` runs once after 500 answers. Transport errors are failures.
 */
async function loadRun(
  url: string,
  midway: () => Promise<void>,
): Promise<{ answers: Answer[]; failures: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const answers: Answer[] = [];
  const deadline = performance.now() + 30_000;
  let sent = 0;
  let fromNew = 0;
  let failures = 0;
  let moved: Promise<void> | undefined;
  const more = (): boolean => sent < TOTAL || (fromNew < 100 && performance.now() < deadline);
  const loop = async (id: number): Promise<void> => {
    while (more()) {
      sent++;
      try {
        const answer = { client: id, ...(await post(url, agent)) };
        answers.push(answer);
        if (answer.body.includes('"two"')) fromNew++;
      } catch {
        failures++;
      }
      if (answers.length >= 500) moved ??= midway();
      // Pace the run over a few seconds, so the swap happens while requests are in flight.
      await new Promise((r) => setTimeout(r, 2));
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, id) => loop(id)));
  await moved;
  agent.destroy();
  return { answers, failures };
}

beforeAll(async () => {
  tracking = await openClientTestServer();
  client = new MlflowClient({ trackingUri: tracking.url });
  setTrackingClient(client);
  await setExperiment('alias-watch');
  await registerModel(client, await logAnswer('one'), NAME);
  await registerModel(client, await logAnswer('two'), NAME);
  await client.registry.setRegisteredModelAlias(NAME, 'champion', 1);
}, 60_000);

afterAll(async () => {
  setTrackingClient(undefined);
  if (serve && serve.exitCode === null) {
    const exited = new Promise((r) => serve!.once('exit', r));
    serve.kill('SIGTERM');
    await exited;
  }
  await tracking.close();
  // The CLI's model cache for this (random-port) tracking server.
  const key = createHash('sha256').update(tracking.url).digest('hex').slice(0, 16);
  await rm(join(tmpdir(), 'modeldock-models', key), { recursive: true, force: true });
});

describe('models serve -m models:/name@champion --watch-alias', () => {
  it('is a usage error (exit 2) without an alias URI or without a tracking server', async () => {
    const lines: string[] = [];
    const output = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
    const env = process.env.MLFLOW_TRACKING_URI;
    delete process.env.MLFLOW_TRACKING_URI;
    try {
      expect(
        await modelsServe(
          ['-m', `models:/${NAME}/1`, '--tracking-uri', tracking.url, '--watch-alias'],
          output,
        ),
      ).toBe(2);
      expect(lines.join('\n')).toContain('--watch-alias needs a models:/NAME@ALIAS URI');
      expect(await modelsServe(['-m', `models:/${NAME}@champion`, '--watch-alias'], output)).toBe(2);
      expect(lines.join('\n')).toContain('--watch-alias needs a tracking server');
    } finally {
      if (env !== undefined) process.env.MLFLOW_TRACKING_URI = env;
    }
  });

  it('moving the alias under load swaps to the new version with zero failed requests', async () => {
    const { url, log } = await startServe([
      '-m',
      `models:/${NAME}@champion`,
      '--tracking-uri',
      tracking.url,
      '-p',
      '0',
      '--watch-alias',
      '--watch-interval',
      '0.05',
    ]);
    const started = performance.now();
    const { answers, failures } = await loadRun(url, () =>
      client.registry.setRegisteredModelAlias(NAME, 'champion', 2),
    );
    const seconds = (performance.now() - started) / 1000;
    expect(failures).toBe(0);
    expect(answers.length).toBeGreaterThanOrEqual(TOTAL);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    const labels = answers.map((a) => (JSON.parse(a.body) as { predictions: string[] }).predictions[0]);
    expect(new Set(labels)).toEqual(new Set(['one', 'two']));
    expect(labels[0]).toBe('one');
    expect(labels.at(-1)).toBe('two');
    // Each client waits for its answer before asking again: once it saw the new version, never the old.
    for (let id = 0; id < CLIENTS; id++) {
      const mine = answers.filter((a) => a.client === id).map((a) => a.body);
      const firstNew = mine.findIndex((b) => b.includes('"two"'));
      expect(firstNew).toBeGreaterThan(0);
      expect(mine.slice(firstNew).every((b) => b.includes('"two"'))).toBe(true);
    }
    expect(log()).toContain(`${NAME}@champion: Now serving version 2.`);
    expect(seconds).toBeLessThan(60);
  }, 120_000);
});

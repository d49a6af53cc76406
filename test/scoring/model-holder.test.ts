import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load-model.js';
import { saveModel } from '../../src/model/save-model.js';
import { AliasWatcher } from '../../src/scoring/alias-watcher.js';
import { ModelHolder, type ServedModel } from '../../src/scoring/model-holder.js';
import { ScoringApp } from '../../src/scoring/scoring-app.js';

const ANSWER = fileURLToPath(new URL('./models/version-answer.ts', import.meta.url));
const BODY = new TextEncoder().encode(JSON.stringify({ dataframe_split: { columns: ['x'], data: [[1]] } }));
let work: string;
let saved = 0;

async function saveAnswer(answer: string, delayMs = 0): Promise<string> {
  const dir = join(work, `${answer}-${++saved}`);
  await saveModel(dir, { model: ANSWER, modelConfig: { answer, delayMs }, inputExample: [{ x: 1 }] });
  return dir;
}

async function served(answer: string, version: string, delayMs = 0): Promise<ServedModel> {
  return { model: await loadModel(await saveAnswer(answer, delayMs)), version };
}

async function answerOf(app: ScoringApp): Promise<unknown> {
  const response = await app.handle({
    method: 'POST',
    path: '/invocations',
    headers: { 'content-type': 'application/json' },
    body: BODY,
  });
  return JSON.parse(String(response.body)) as unknown;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'model-holder-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('swapping the served model (models serve --watch-alias)', () => {
  it('a request that started on the old model finishes on it; later requests get the new one', async () => {
    const holder = new ModelHolder(await served('one', '1', 200));
    const app = new ScoringApp(holder);
    const inFlight = answerOf(app);
    expect(await holder.replace(() => served('two', '2'))).toBe(true);
    expect(await answerOf(app)).toEqual({ predictions: ['two'] });
    expect(await inFlight).toEqual({ predictions: ['one'] });
  });

  it('a load that fails keeps the old model serving and reports the error', async () => {
    const holder = new ModelHolder(await served('one', '1'));
    const app = new ScoringApp(holder);
    const errors: unknown[] = [];
    const broken = async (): Promise<ServedModel> => ({ model: await loadModel(join(work, 'missing')) });
    expect(await holder.replace(broken, (e) => errors.push(e))).toBe(false);
    expect(errors).toHaveLength(1);
    expect(holder.current.version).toBe('1');
    expect(await answerOf(app)).toEqual({ predictions: ['one'] });
  });

  it('the watcher swaps only when the alias names another version, and survives a failed load', async () => {
    const dirs: Record<string, string> = { '1': await saveAnswer('one'), '2': join(work, 'missing') };
    let aliased = '1';
    const log: string[] = [];
    const holder = new ModelHolder({ model: await loadModel(dirs['1']!), version: '1' });
    const watcher = new AliasWatcher({
      holder,
      lookup: async () => aliased,
      load: async (version) => ({ model: await loadModel(dirs[version]!), version }),
      intervalMs: 10,
      log: (m) => log.push(m),
    });
    expect(await watcher.check()).toBe(false);
    aliased = '2';
    expect(await watcher.check()).toBe(false);
    expect(holder.current.version).toBe('1');
    expect(log.at(-1)).toMatch(/^Could not load version 2; still serving version 1: /);
    dirs['2'] = await saveAnswer('two');
    expect(await watcher.check()).toBe(true);
    expect(holder.current.version).toBe('2');
    expect(await answerOf(new ScoringApp(holder))).toEqual({ predictions: ['two'] });
    expect(log.at(-1)).toBe('Now serving version 2.');
  });
});

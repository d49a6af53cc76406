import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadModel, MlflowError, saveModel } from '../../src/index.js';
import { FIXTURES } from '../support/fixtures.js';

const LIFECYCLE = fileURLToPath(new URL('./models/lifecycle.ts', import.meta.url));
interface Probe {
  events: string[];
  loads: number;
}
const probe = (): Probe =>
  ((globalThis as { __modeldockProbe?: Probe }).__modeldockProbe ??= { events: [], loads: 0 });

let work: string;
let modelDir: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'modeldock-load-'));
  const notes = join(work, 'notes.txt');
  await writeFile(notes, 'n');
  modelDir = join(work, 'lifecycle');
  await saveModel(modelDir, {
    model: LIFECYCLE,
    artifacts: { notes },
    modelConfig: { temperature: 0.2, fail: false },
  });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});
beforeEach(() => {
  probe().events.length = 0;
  probe().loads = 0;
});

describe('loadModel (mlflow.pyfunc.load_model)', () => {
  it('maps artifacts, constructs the model, then runs loadContext, in that order', async () => {
    await loadModel(modelDir);
    expect(probe().events).toEqual([
      'construct',
      'loadContext artifacts=notes config={"fail":false,"temperature":0.2}',
    ]);
  });

  it('lets options.modelConfig override keys of the saved config', async () => {
    const model = await loadModel(modelDir, { modelConfig: { temperature: 0.9 } });
    expect(await model.predict('x')).toMatchObject({ config: { temperature: 0.9, fail: false } });
  });

  it('runs loadContext once when many loads of one model race', async () => {
    const models = await Promise.all(Array.from({ length: 20 }, () => loadModel(modelDir)));
    expect(probe().loads).toBe(1);
    expect(new Set(models).size).toBe(1);
  });

  it('serves many concurrent predicts from one loaded instance', async () => {
    const model = await loadModel(modelDir);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => model.predict(i)));
    expect(results.map((r) => (r as { input: number }).input)).toEqual(
      Array.from({ length: 50 }, (_, i) => i),
    );
    expect(probe().loads).toBe(1);
  });

  it('streams predictions as an async iterable', async () => {
    const model = await loadModel(modelDir);
    const chunks: unknown[] = [];
    for await (const chunk of model.predictStream('to be or not')) chunks.push(chunk);
    expect(chunks).toEqual(['to', 'be', 'or', 'not']);
  });

  it('fails the load with the model URI and the cause when loadContext throws', async () => {
    const error = await loadModel(modelDir, { modelConfig: { fail: true } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MlflowError);
    expect((error as Error).message).toContain(`Failed to load model ${modelDir}`);
    expect((error as Error).message).toContain('the config says fail');
  });

  it('names the flavors found and the ones it can run, for a Python-only model folder', async () => {
    const dir = join(FIXTURES, 'models/mlflow-3.6/custom_pyfunc');
    const error = await loadModel(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MlflowError);
    expect((error as Error).message).toMatch(/has flavors \[python_function\].*can run \[node_function/);
  });

  it('says which path is missing', async () => {
    await expect(loadModel(join(work, 'nope'))).rejects.toThrow(/does not exist/);
  });

  it('rejects an unknown URI scheme', async () => {
    await expect(loadModel('gopher://models/x')).rejects.toThrow(/Unsupported model URI scheme 'gopher'/);
  });
});

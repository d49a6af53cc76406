import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel, MlflowError } from '../../src/index.js';
import { loadLightGBMModelFile } from '../../src/model/flavors/lightgbm/lightgbm-flavor.js';
import { CORPUS, corpusCases, corpusFrame, describeFixtureReplay, expectArrayClose } from './trees-corpus.js';

describeFixtureReplay('lightgbm', 1e-12);

describe('lightgbm corpus (scripts/corpus/make_boosters.py, lightgbm 4.7.0)', () => {
  it.each(corpusCases('lightgbm').map((c) => [c.name, c] as const))('%s matches Python', async (_name, c) => {
    const model = await loadModel(c.dir);
    expectArrayClose(await model.predict(corpusFrame(c)), c.predictions, 1e-12);
  });
});

describe('lightgbm bad model files', () => {
  let work: string;
  const source = join(CORPUS, 'lightgbm', 'categorical');
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'modeldock-lgb-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  async function loadError(name: string, edit: (text: string) => string): Promise<MlflowError> {
    const dir = join(work, name);
    await cp(source, dir, { recursive: true });
    const file = join(dir, 'model.lgb');
    await writeFile(file, edit(await readFile(file, 'utf8')));
    const error = await loadModel(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MlflowError);
    expect((error as MlflowError).file).toBe(file);
    return error as MlflowError;
  }

  it('reports a truncated file, naming it', async () => {
    const error = await loadError('truncated', (t) => t.slice(0, t.length / 3));
    expect(error.message).toMatch(
      /Failed to load LightGBM model file .*model\.lgb: the file ends before 'end of trees'/,
    );
  });

  it('reports a file that is not a LightGBM model', async () => {
    const error = await loadError('garbage', () => '\u0000\u0001binary junk');
    expect(error.message).toContain("line 1: expected 'tree'");
  });

  it('names the tree and field that are corrupt', async () => {
    expect(
      (await loadError('count', (t) => t.replace('split_feature=', 'split_feature=0 '))).message,
    ).toContain('Tree=0: split_feature has');
    expect((await loadError('number', (t) => t.replace(/threshold=\S+/, 'threshold=abc'))).message).toContain(
      'Tree=0: threshold has "abc", which is not a number',
    );
    expect((await loadError('child', (t) => t.replace(/left_child=\S+/, 'left_child=77'))).message).toContain(
      'child 77 is outside the tree',
    );
  });

  it('turns every truncation and byte flip into MlflowError', async () => {
    const text = await readFile(join(source, 'model.lgb'));
    const file = join(work, 'fuzz.lgb');
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    for (let i = 0; i < 30; i++) {
      const mutated = Buffer.from(text.subarray(0, i < 15 ? random(text.length) : text.length));
      if (i >= 15) for (let k = 0; k < 3; k++) mutated[random(mutated.length)] = 48 + random(10);
      await writeFile(file, mutated);
      const outcome = await loadLightGBMModelFile(file).catch((e: unknown) => e);
      if (outcome instanceof Error) expect(outcome).toBeInstanceOf(MlflowError);
    }
  });

  it('names the objective it cannot run', async () => {
    const error = await loadError('objective', (t) =>
      t.replace('objective=regression', 'objective=my_custom_loss'),
    );
    expect(error.message).toContain("uses the objective 'my_custom_loss'");
  });
});

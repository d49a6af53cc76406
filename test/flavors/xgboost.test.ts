import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel, MlflowError } from '../../src/index.js';
import { decodeUbjson } from '../../src/model/flavors/xgboost/ubjson.js';
import { loadXGBoostModelFile } from '../../src/model/flavors/xgboost/xgboost-flavor.js';
import { CORPUS, corpusCases, corpusFrame, describeFixtureReplay, expectArrayClose } from './trees-corpus.js';

describeFixtureReplay('xgboost', 1e-6);

describe('xgboost corpus (scripts/corpus/make_boosters.py, xgboost 1.7.4)', () => {
  it.each(corpusCases('xgboost').map((c) => [c.name, c] as const))('%s matches Python', async (_name, c) => {
    const model = await loadModel(c.dir);
    const out = await model.predict(corpusFrame(c));
    expectArrayClose(out, c.predictions, c.predictions.dtype === 'float32' ? 1e-6 : 0);
  });

  it('takes rows as plain records too, reading missing keys as NaN like the DataFrame path', async () => {
    const [c] = corpusCases('xgboost').filter((k) => k.name === 'binary-logistic-ubj');
    const model = await loadModel(c!.dir);
    const frame = await model.predict(corpusFrame(c!));
    const rows = c!.data.map((r) => Object.fromEntries(c!.columns.map((n, j) => [n, r[j] ?? NaN])));
    expect(await model.predict(rows)).toEqual(frame);
  });
});

describe('xgboost bad model files', () => {
  let work: string;
  const source = join(CORPUS, 'xgboost', 'reg-squarederror-json');
  const ubjSource = join(CORPUS, 'xgboost', 'reg-squarederror-ubj');
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'modeldock-xgb-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  async function broken(
    from: string,
    name: string,
    file: string,
    edit: (bytes: Buffer) => Buffer | string,
  ): Promise<string> {
    const dir = join(work, name);
    await cp(from, dir, { recursive: true });
    await writeFile(join(dir, file), edit(await readFile(join(dir, file))));
    return dir;
  }

  async function loadError(dir: string): Promise<MlflowError> {
    const error = await loadModel(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MlflowError);
    return error as MlflowError;
  }

  it('names the file and the objective when the objective is unknown', async () => {
    const dir = await broken(source, 'objective', 'model.json', (b) =>
      b.toString('utf8').replace('"reg:squarederror"', '"reg:made_up"'),
    );
    const error = await loadError(dir);
    expect(error.message).toContain(join(dir, 'model.json'));
    expect(error.message).toContain("objective 'reg:made_up'");
    expect(error.file).toBe(join(dir, 'model.json'));
  });

  it('names the file and the reason for truncated JSON', async () => {
    const dir = await broken(source, 'truncated-json', 'model.json', (b) => b.subarray(0, b.length / 2));
    const error = await loadError(dir);
    expect(error.message).toMatch(/Failed to load XGBoost model file .*model\.json: /);
  });

  it('names the file and the reason for truncated UBJSON', async () => {
    const dir = await broken(ubjSource, 'truncated-ubj', 'model.ubj', (b) => b.subarray(0, b.length - 100));
    const error = await loadError(dir);
    expect(error.message).toMatch(/model\.ubj: unexpected end of data/);
  });

  it('names the missing part of a JSON document that is valid JSON but not a model', async () => {
    const dir = await broken(source, 'not-a-model', 'model.json', () => '{"learner": {"objective": {}}}');
    const error = await loadError(dir);
    expect(error.message).toContain('missing learner.learner_model_param');
  });

  it('rejects a tree whose child points outside it', async () => {
    const dir = await broken(source, 'bad-child', 'model.json', (b) =>
      b.toString('utf8').replace(/"left_children":\s*\[1,/, '"left_children": [99,'),
    );
    expect((await loadError(dir)).message).toMatch(
      /trees\[\d+\]: tree node 0 has a child 99 outside the tree/,
    );
  });

  it('rejects child links that form a cycle instead of looping forever', async () => {
    const dir = await broken(source, 'cycle', 'model.json', (b) =>
      b.toString('utf8').replace(/"left_children":\s*\[1,/, '"left_children": [0,'),
    );
    expect((await loadError(dir)).message).toContain('tree node 0 is reached twice');
  });

  it('names the file and the reason for a truncated legacy binary model', async () => {
    const legacy = join(CORPUS, 'xgboost', 'multi-softprob-xgb');
    const dir = await broken(legacy, 'truncated-xgb', 'model.xgb', (b) => b.subarray(0, 600));
    expect((await loadError(dir)).message).toMatch(/model\.xgb: unexpected end of data reading tree \d+/);
  });

  it('names an unsupported booster in a legacy binary model', async () => {
    const legacy = join(CORPUS, 'xgboost', 'multi-softprob-xgb');
    const dir = await broken(legacy, 'gblinear-xgb', 'model.xgb', (b) => {
      const text = b
        .toString('latin1')
        .replace(
          '\u0006\u0000\u0000\u0000\u0000\u0000\u0000\u0000gbtree',
          '\u0006\u0000\u0000\u0000\u0000\u0000\u0000\u0000gbline',
        );
      return Buffer.from(text, 'latin1');
    });
    expect((await loadError(dir)).message).toContain("booster 'gbline' is not supported");
  });

  it('turns every truncation and byte flip of JSON, UBJSON and binary models into MlflowError', async () => {
    const sources = [
      join(source, 'model.json'),
      join(ubjSource, 'model.ubj'),
      join(CORPUS, 'xgboost', 'multi-softprob-xgb', 'model.xgb'),
    ];
    let seed = 1;
    const random = (n: number): number => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    for (const from of sources) {
      const bytes = await readFile(from);
      const file = join(work, `fuzz${from.slice(from.lastIndexOf('.'))}`);
      for (let i = 0; i < 25; i++) {
        const mutated = Buffer.from(bytes.subarray(0, i < 12 ? random(bytes.length) : bytes.length));
        if (i >= 12) for (let k = 0; k < 4; k++) mutated[random(mutated.length)] = random(256);
        await writeFile(file, mutated);
        const outcome = await loadXGBoostModelFile(file).catch((e: unknown) => e);
        if (outcome instanceof Error) expect(outcome).toBeInstanceOf(MlflowError);
      }
    }
  });

  it('names the file when it is missing', async () => {
    const dir = await broken(source, 'missing', 'model.json', (b) => b);
    await rm(join(dir, 'model.json'));
    expect((await loadError(dir)).message).toMatch(/model\.json: ENOENT/);
  });
});

describe('decodeUbjson', () => {
  const bytes = (...parts: (string | number[])[]): Uint8Array =>
    Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

  it('reads objects, strings, scalars and strongly typed arrays (big-endian)', () => {
    const doc = bytes(
      '{',
      'i',
      [1],
      'a',
      '[$d#i',
      [2],
      [0x3f, 0x80, 0, 0],
      [0x40, 0, 0, 0],
      'i',
      [1],
      'b',
      'SU',
      [2],
      'hi',
      'i',
      [1],
      'c',
      'T',
      '}',
    );
    expect(decodeUbjson(doc)).toEqual({ a: Float32Array.of(1, 2), b: 'hi', c: true });
  });

  it('reads counted arrays of mixed values and int64 lengths', () => {
    const doc = bytes(
      '[#L',
      [0, 0, 0, 0, 0, 0, 0, 3],
      'Z',
      'I',
      [0xff, 0xfe],
      'D',
      [0x3f, 0xf8, 0, 0, 0, 0, 0, 0],
    );
    expect(decodeUbjson(doc)).toEqual([null, -2, 1.5]);
  });

  it('reports truncation, bad markers and trailing data with the byte offset', () => {
    expect(() => decodeUbjson(bytes('[$d#i', [4], [0, 0]))).toThrow(/unexpected end of data .* at byte 6/);
    expect(() => decodeUbjson(bytes('[', 'X', ']'))).toThrow(/marker 'X' at byte 2/);
    expect(() => decodeUbjson(bytes('T', 'T'))).toThrow(/extra data/);
    expect(() => decodeUbjson(bytes('[#l', [0x7f, 0, 0, 0], 'Z'))).toThrow(
      /container count 2130706432 exceeds/,
    );
    expect(() => decodeUbjson(bytes('SU', [9], 'ab'))).toThrow(/unexpected end/);
  });
});

describe('xgboost input checks', () => {
  it('refuses a frame without the model feature names, as validate_features does', async () => {
    const c = corpusCases('xgboost').find((k) => k.name === 'reg-squarederror-json')!;
    const dir = await mkdtemp(join(tmpdir(), 'modeldock-xgb-names-'));
    try {
      await cp(c.dir, dir, { recursive: true });
      const mlmodel = JSON.parse(await readFile(join(dir, 'MLmodel'), 'utf8')) as Record<string, unknown>;
      delete mlmodel.signature;
      await writeFile(join(dir, 'MLmodel'), JSON.stringify(mlmodel));
      const model = await loadModel(dir);
      const renamed = corpusFrame({ ...c, columns: c.columns.map((n) => `x_${n}`) });
      const error = await Promise.resolve()
        .then(() => model.predict(renamed))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MlflowError);
      expect((error as Error).message).toContain(
        'feature_names mismatch: the model has [f0, f1, f2, f3, f4]',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

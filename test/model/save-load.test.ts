import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel, MlflowError, Model, saveModel } from '../../src/index.js';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const GREETER = fileURLToPath(new URL('./models/greeter.ts', import.meta.url));

let work: string;
let greetingFile: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'modeldock-save-'));
  greetingFile = join(work, 'greeting.yaml');
  await writeFile(greetingFile, 'greeting: Hello\n');
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const greeterSignature = {
  inputs: {
    kind: 'columns',
    specs: [{ kind: 'column', name: 'name', type: { kind: 'scalar', type: 'string' }, required: true }],
  },
  outputs: null,
  params: { params: [{ name: 'punctuation', type: 'string', default: '!', shape: null }] },
} as const;

describe('saveModel / loadModel (mlflow.pyfunc.save_model / load_model)', () => {
  it('loads and predicts from a copy in a fresh folder, in another node process, with no node_modules in reach', async () => {
    const saved = join(work, 'greeter');
    await saveModel(saved, {
      model: GREETER,
      artifacts: { greeting: greetingFile },
      signature: greeterSignature,
    });
    const elsewhere = await mkdtemp(join(tmpdir(), 'modeldock-elsewhere-'));
    await cp(saved, join(elsewhere, 'model'), { recursive: true });
    // The copy must carry its own artifact: change the original and expect the saved greeting.
    await writeFile(greetingFile, 'greeting: Changed\n');
    const script = join(elsewhere, 'predict.mjs');
    await writeFile(
      script,
      `import { loadModel } from ${JSON.stringify(join(REPO, 'src/index.ts'))};\n` +
        `const model = await loadModel('./model');\n` +
        `console.log(JSON.stringify(await model.predict([{ name: 'Ada' }, { name: 'Linus' }], { punctuation: '?' })));\n`,
    );
    const tsx = import.meta.resolve('tsx');
    const { stdout } = await run(process.execPath, ['--import', tsx, script], { cwd: elsewhere });
    expect(JSON.parse(stdout)).toEqual(['Hello, Ada?', 'Hello, Linus?']);
    await writeFile(greetingFile, 'greeting: Hello\n');
    await rm(elsewhere, { recursive: true, force: true });
  });

  it('records the Node version and every bundled package with its exact version', async () => {
    const dir = join(work, 'greeter-env');
    await saveModel(dir, {
      model: GREETER,
      artifacts: { greeting: greetingFile },
      requirements: ['left-pad@1.3.0'],
    });
    const env = await readFile(join(dir, 'node_env.yaml'), 'utf8');
    const yamlVersion = (
      JSON.parse(await readFile(join(REPO, 'node_modules/yaml/package.json'), 'utf8')) as { version: string }
    ).version;
    expect(env).toContain(`node: ${process.versions.node}`);
    expect(env).toContain(`yaml: ${yamlVersion}`);
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as {
      dependencies: object;
    };
    expect(manifest.dependencies).toEqual({ 'left-pad': '1.3.0' });
  });

  it('copies artifacts into the folder and names a missing artifact', async () => {
    const dir = join(work, 'missing-artifact');
    const error = await saveModel(dir, {
      model: GREETER,
      artifacts: { greeting: join(work, 'nope.yaml') },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MlflowError);
    expect((error as MlflowError).message).toContain("Artifact 'greeting'");
    const leftovers = await import('node:fs/promises').then((fs) => fs.readdir(work));
    expect(leftovers.some((f) => f.startsWith('missing-artifact'))).toBe(false);
  });

  it('refuses to overwrite a folder that is not empty', async () => {
    const dir = join(work, 'greeter');
    await expect(saveModel(dir, { model: GREETER })).rejects.toThrow(/already exists/);
  });

  it('writes an MLmodel that reads back with Model.load and keeps the flavor keys', async () => {
    const mlmodel = await Model.load(join(work, 'greeter'));
    const flavor = mlmodel.flavors.node_function as Record<string, unknown>;
    expect(flavor.code).toBe('code/model.mjs');
    expect(flavor.artifacts).toEqual({ greeting: { path: 'artifacts/greeting.yaml', uri: greetingFile } });
    expect(mlmodel.modelUuid).toMatch(/^[0-9a-f]{32}$/);
  });

  it('enforces the signature: a missing column is INVALID_PARAMETER_VALUE and params get defaults', async () => {
    const model = await loadModel(join(work, 'greeter'));
    await expect(model.predict([{ name: 'Grace' }])).resolves.toEqual(['Hello, Grace!']);
    const error = await model.predict([{ nom: 'Grace' }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MlflowError);
    expect((error as MlflowError).errorCode).toBe('INVALID_PARAMETER_VALUE');
    expect((error as MlflowError).message).toContain("Model is missing inputs ['name']");
  });
});

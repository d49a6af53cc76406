import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelsCommand } from '../../src/cli/commands/models-command.js';
import type { ModelsOutput } from '../../src/cli/commands/models-options.js';
import { Model } from '../../src/model/mlmodel.js';
import { saveModel } from '../../src/model/save-model.js';
import { FIXTURES, readFixtureJson } from '../support/fixtures.js';
import { validateOpenApi } from './openapi-validator.js';

const IRIS = join(FIXTURES, 'models/mlflow-3.6/custom_pyfunc');
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let work: string;
let modelDir: string;

function capture(): ModelsOutput & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const output = capture();
  const code = await modelsCommand(argv, output);
  return { code, stdout: output.stdout.join('\n'), stderr: output.stderr.join('\n') };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'scoring-cli-'));
  modelDir = join(work, 'iris');
  await saveModel(modelDir, {
    model: new URL('./models/iris-softmax.ts', import.meta.url),
    artifacts: { config: join(IRIS, 'artifacts/config.json') },
    signature: (await Model.load(IRIS)).signature!,
  });
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('modeldock models (CLI)', () => {
  it('prints help with examples for every command, and exits 2 on usage mistakes', async () => {
    expect((await run('--help')).code).toBe(0);
    for (const sub of ['serve', 'predict', 'generate-openapi', 'generate-dockerfile']) {
      const help = await run(sub, '--help');
      expect([sub, help.code]).toEqual([sub, 0]);
      expect(help.stdout).toContain('Examples:');
      expect((await run(sub)).code).toBe(2);
    }
    expect((await run('nope')).code).toBe(2);
    expect((await run('predict', '-m', modelDir, '-i', 'x', '--bogus')).code).toBe(2);
  });

  it('predict scores a JSON request file as /invocations does (mlflow models predict)', async () => {
    const exchange = readFixtureJson<
      { name: string; request: { body: string }; response: { body: string } }[]
    >('scoring', 'custom_pyfunc.json').find((e) => e.name === 'dataframe_split')!;
    const input = join(work, 'request.json');
    const out = join(work, 'predictions.json');
    await writeFile(input, exchange.request.body);
    expect((await run('predict', '-m', modelDir, '-i', input, '-o', out)).code).toBe(0);
    const got = JSON.parse(await readFile(out, 'utf8')) as { predictions: { label: string }[] };
    expect(got.predictions.map((p) => p.label)).toEqual(['setosa', 'versicolor']);
  });

  it('predict reads CSV, and exits 1 when the model rejects the input', async () => {
    const csv = join(work, 'rows.csv');
    await writeFile(csv, 'sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,0.2\n');
    const ok = await run('predict', '-m', modelDir, '-i', csv, '-t', 'csv');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ predictions: [{ label: 'setosa' }] });
    const bad = join(work, 'bad.csv');
    await writeFile(bad, 'a,b\n1,2\n');
    const rejected = await run('predict', '-m', modelDir, '-i', bad, '--content-type', 'csv');
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain('Model is missing inputs');
    expect((await run('predict', '-m', join(work, 'missing'), '-i', csv, '-t', 'csv')).code).toBe(1);
  });

  it('generate-openapi writes a valid OpenAPI document', async () => {
    const got = await run('generate-openapi', '-m', modelDir, '--name', 'iris');
    expect(got.code).toBe(0);
    const doc = JSON.parse(got.stdout) as { info: { title: string } };
    expect(validateOpenApi(doc)).toEqual([]);
    expect(doc.info.title).toBe('iris scoring API');
  });

  it('generate-dockerfile writes a Dockerfile that serves a copy of the model on 8080', async () => {
    const out = join(work, 'docker');
    expect((await run('generate-dockerfile', '-m', modelDir, '-d', out)).code).toBe(0);
    const dockerfile = await readFile(join(out, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:\d+-slim$/m);
    expect(dockerfile).toMatch(/^RUN npm install --omit=dev --no-audit --no-fund modeldock@\S+$/m);
    expect(dockerfile).toContain('COPY model_dir /opt/ml/model');
    expect(dockerfile).toContain('RUN cd /opt/ml/model && npm install --omit=dev');
    expect(dockerfile).toContain('EXPOSE 8080');
    expect(dockerfile).toContain('"models", "serve", "-m", "/opt/ml/model", "-h", "0.0.0.0", "-p", "8080"]');
    expect((await stat(join(out, 'model_dir', 'MLmodel'))).isFile()).toBe(true);
    expect((await run('generate-dockerfile', '-m', join(work, 'missing'), '-d', out)).code).toBe(1);
  });

  it('serve listens until SIGTERM, then exits 0 (mlflow models serve)', async () => {
    const script = `import('./src/cli/commands/models-serve.ts').then(async (m) => { process.exitCode = await m.modelsServe(process.argv.slice(1)); })`;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '-e', script, '--', '-m', modelDir, '-p', '0'],
      {
        cwd: ROOT,
      },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stderr.on('data', (c: Buffer) => {
        text += c.toString();
        const m = /at (http:\/\/\S+)/.exec(text);
        if (m) resolve(m[1]!);
      });
      child.once('exit', () => reject(new Error(text)));
    });
    const ping = await fetch(`${url}/ping`);
    expect([ping.status, await ping.text()]).toEqual([200, '\n']);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);
});

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';

const BIN = new URL('../../bin/modeldock.mjs', import.meta.url).pathname;

function capture() {
  const lines: string[] = [];
  return { lines, output: { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) } };
}

describe('modeldock CLI', () => {
  it('an unknown command exits 2 with the usage', async () => {
    const { lines, output } = capture();
    expect(await runCli(['serve'], output)).toBe(2);
    expect(lines.join('\n')).toMatch(/No such command 'serve'/);
  });

  it('`modeldock server --help` prints the flags and exits 0', async () => {
    const { lines, output } = capture();
    expect(await runCli(['server', '--help'], output)).toBe(0);
    expect(lines.join('\n')).toMatch(/--backend-store-uri/);
  });

  it('`modeldock server` with an unknown flag exits 2 with a message', async () => {
    const { lines, output } = capture();
    expect(await runCli(['server', '--gunicorn-opts', 'x'], output)).toBe(2);
    expect(lines.join('\n')).toMatch(/Unknown option '--gunicorn-opts'/);
  });
});

describe('modeldock server (end to end, spawned)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'modeldock-cli-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('starts on the default SQLite file in the working dir, answers /health, and stops on SIGTERM', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, [BIN, 'server', '--port', String(port)], {
      cwd: dir,
      env: { ...process.env, MODELDOCK_FROM_SOURCE: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    let status = 0;
    for (let i = 0; i < 200 && status !== 200; i++) {
      status = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.status,
        () => 0,
      );
      if (status !== 200) await new Promise((r) => setTimeout(r, 50));
    }
    expect(status).toBe(200);
    const experiment = await fetch(`http://127.0.0.1:${port}/api/2.0/mlflow/experiments/get?experiment_id=0`);
    expect(await experiment.json()).toMatchObject({
      experiment: { name: 'Default', artifact_location: 'mlflow-artifacts:/0' },
    });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('--workers 2 serves through node:cluster and SIGTERM stops every worker', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, [BIN, 'server', '--port', String(port), '--workers', '2'], {
      cwd: dir,
      env: { ...process.env, MODELDOCK_FROM_SOURCE: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    for (let i = 0; i < 300 && !stderr.includes('with 2 workers'); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });

  it('a bad flag exits with code 2 before binding anything', async () => {
    const child = spawn(process.execPath, [BIN, 'server', '--port', 'http'], { cwd: dir, stdio: 'ignore' });
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(2);
  });
});

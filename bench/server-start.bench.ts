/**
 * Readiness of `modeldock server`: wall time from spawning the process to the first 200 from
 * /health, with a fresh SQLite database (so migrations are included). MLflow 3.6 takes ~9 s here.
 * Measures the compiled server (built from the current sources into a temp folder, so a stale or
 * missing dist/ does not matter) and the tsx-from-source path a fresh clone uses.
 */
import { execFileSync, spawn } from 'node:child_process';
import { get } from 'node:http';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url);
const ROOT_DIR = new URL('.', ROOT).pathname;
const RUNS = 5;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

// node:http, not fetch: undici spends milliseconds on each refused connection, which would be
// measured as server start-up time.
function healthStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = get(url, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
  });
}

async function waitForHealth(url: string, deadline: number): Promise<void> {
  while (performance.now() < deadline) {
    if ((await healthStatus(url)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error(`no /health answer from ${url}`);
}

/** Compiles src/ into a temp package (bin, package.json, node_modules link) and returns its bin. */
async function buildCompiled(): Promise<{ bin: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'modeldock-build-'));
  const tsc = join(ROOT_DIR, 'node_modules/typescript/bin/tsc');
  try {
    execFileSync(
      process.execPath,
      [tsc, '-p', join(ROOT_DIR, 'tsconfig.build.json'), '--outDir', join(dir, 'dist')],
      { stdio: 'ignore' },
    );
  } catch {
    // tsc still emits when another layer has type errors; the server start is what we measure
  }
  await cp(join(ROOT_DIR, 'bin'), join(dir, 'bin'), { recursive: true });
  await cp(join(ROOT_DIR, 'package.json'), join(dir, 'package.json'));
  await symlink(join(ROOT_DIR, 'node_modules'), join(dir, 'node_modules'));
  return { bin: join(dir, 'bin/modeldock.mjs'), dispose: () => rm(dir, { recursive: true, force: true }) };
}

async function startOnce(bin: string, fromSource: boolean): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'modeldock-start-'));
  const port = await freePort();
  const env = { ...process.env, MODELDOCK_FROM_SOURCE: fromSource ? '1' : '0' };
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, 'server', '--port', String(port)], {
    cwd: dir,
    env,
    stdio: 'ignore',
  });
  try {
    await waitForHealth(`http://127.0.0.1:${port}/health`, t0 + 20_000);
    return performance.now() - t0;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(dir, { recursive: true, force: true });
  }
}

function report(label: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const p50 = sorted[Math.floor(sorted.length / 2)] ?? 0;
  console.log(
    `  ${label.padEnd(34)} p50 ${p50.toFixed(0).padStart(5)} ms   min ${(sorted[0] ?? 0).toFixed(0).padStart(5)} ms   max ${(sorted.at(-1) ?? 0).toFixed(0).padStart(5)} ms`,
  );
}

export async function run(): Promise<void> {
  console.log(`spawn → first 200 from /health, ${RUNS} runs each, fresh SQLite database`);
  const compiled = await buildCompiled();
  const modes: Array<[string, string, boolean]> = [
    ['compiled (npm run build)', compiled.bin, false],
    ['from source (tsx, fresh clone)', join(ROOT_DIR, 'bin/modeldock.mjs'), true],
  ];
  try {
    for (const [label, bin, fromSource] of modes) {
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(await startOnce(bin, fromSource));
      report(label, samples);
    }
  } finally {
    await compiled.dispose();
  }
}

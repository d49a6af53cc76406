import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// A sibling of dist/, so that modules resolving ../../package.json find the package's own manifest.
const OUT = join(ROOT, `dist-smoke-${process.pid}`);

afterAll(() => rm(OUT, { recursive: true, force: true }));

describe('the built package (what `import "modeldock"` and "modeldock/client" load)', () => {
  it('compiles with tsconfig.build.json and exports the public API', async () => {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    await run(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', OUT], {
      cwd: ROOT,
    });
    const root = (await import(pathToFileURL(join(OUT, 'index.js')).href)) as Record<string, unknown>;
    for (const name of [
      'Model',
      'loadModel',
      'saveModel',
      'inferSignature',
      'enforceSignature',
      'MlflowClient',
      'createScoringServer',
    ])
      expect(typeof root[name], name).toBe('function');
    const client = (await import(pathToFileURL(join(OUT, 'client/index.js')).href)) as Record<
      string,
      unknown
    >;
    expect(typeof client.MlflowClient).toBe('function');
  }, 120_000);
});

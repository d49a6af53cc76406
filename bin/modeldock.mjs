#!/usr/bin/env node
// The `modeldock` command. An installed package runs the compiled dist/; a fresh clone (no dist/,
// or MODELDOCK_FROM_SOURCE=1) runs the TypeScript sources through tsx, a devDependency.
// After editing src/, run `npm run build` or set MODELDOCK_FROM_SOURCE=1, or dist/ stays stale.
import { existsSync } from 'node:fs';
import { URL } from 'node:url';

const dist = new URL('../dist/cli/main.js', import.meta.url);
const fromSource = process.env.MODELDOCK_FROM_SOURCE === '1' || !existsSync(dist);

let cli;
if (fromSource) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(new URL('../src/cli/main.ts', import.meta.url).href);
} else {
  cli = await import(dist.href);
}
process.exitCode = await cli.runCli(process.argv.slice(2));

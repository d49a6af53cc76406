#!/usr/bin/env node
// Fails when a module under src/ imports a layer above its own (see docs/architecture.md).
// Written by hand because dependency-cruiser 18 needs Node 22; this check needs only the import specifiers.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Rank of each top-level folder of src/. A module may import its own folder and lower ranks only. */
export const LAYERS = {
  core: 0,
  data: 1,
  schema: 2,
  store: 3,
  artifacts: 3,
  model: 4,
  server: 5,
  scoring: 5,
  client: 5,
  cli: 6,
};
/** Pairs that the ranks would allow but the design forbids, with the reason. */
export const FORBIDDEN = [
  { from: 'scoring', to: 'store', why: 'the scoring server serves a model, never the tracking database' },
  { from: 'scoring', to: 'server', why: 'the scoring server is its own app' },
  { from: 'client', to: 'server', why: 'the SDK talks HTTP only' },
];
const ROOT_FILES_RANK = 5.5; // src/index.ts and friends: the public API, above the libraries, below the CLI

const srcDir = resolve(process.argv[2] ?? 'src');

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

function layerOf(file) {
  const rel = relative(srcDir, file);
  if (rel.startsWith('..')) return { name: '<outside src>', rank: Infinity };
  const parts = rel.split(sep);
  if (parts.length === 1) return { name: '<root>', rank: ROOT_FILES_RANK };
  const name = parts[0];
  if (!(name in LAYERS)) return { name, rank: undefined };
  return { name, rank: LAYERS[name] };
}

const importPattern =
  /(?:^|[^.\w])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

const problems = [];
for (const file of walk(srcDir)) {
  const here = layerOf(file);
  if (here.rank === undefined) {
    problems.push(`${relative('.', file)}: folder src/${here.name} is not a known layer; add it to LAYERS`);
    continue;
  }
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(importPattern)) {
    const spec = match[1] ?? match[2];
    if (!spec || !spec.startsWith('.')) continue;
    const target = layerOf(resolve(dirname(file), spec));
    if (target.name === here.name) continue;
    const rule = FORBIDDEN.find((f) => f.from === here.name && f.to === target.name);
    if (rule)
      problems.push(
        `${relative('.', file)} imports ${spec}: ${here.name} → ${target.name} is forbidden (${rule.why})`,
      );
    else if (target.rank === undefined || target.rank > here.rank || target.rank === here.rank)
      problems.push(`${relative('.', file)} imports ${spec}: ${here.name} may not import ${target.name}`);
  }
}

// The web UI (ui/src) runs in the browser and reaches the server only through the SDK: it may use
// the pure layers and the fetch-only client files, never the stores, the server or model loading.
const UI_ALLOWED = {
  core: true,
  schema: true,
  client: new Set(['web-client', 'entities', 'registry-client', 'artifact-reader']),
};
const uiDir = resolve(srcDir, '..', 'ui', 'src');
for (const file of statSync(uiDir, { throwIfNoEntry: false }) ? walk(uiDir) : []) {
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(importPattern)) {
    const spec = match[1] ?? match[2];
    if (!spec || !spec.startsWith('.')) continue;
    const target = resolve(dirname(file), spec);
    const rel = relative(srcDir, target);
    if (rel.startsWith('..')) continue; // inside ui/
    const [layer, ...rest] = rel.split(sep);
    const allowed = UI_ALLOWED[layer];
    const module = rest.join('/').replace(/\.js$/, '');
    if (!allowed || (allowed instanceof Set && !allowed.has(module)))
      problems.push(
        `${relative('.', file)} imports ${spec}: the web UI may not import src/${layer}/${module}`,
      );
  }
}

if (problems.length > 0) {
  console.error(`Layer check failed (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Layer check passed for ${srcDir} and the web UI.`);

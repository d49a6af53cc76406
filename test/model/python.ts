/**
 * Runs the real Python (pyenv's python3, which has PyYAML) to check what Python reads from files
 * Modeldock writes. One process per call; inputs and outputs travel as JSON.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseExampleJson, toPlainJson } from '../../src/model/example-json.js';
import { FIXTURES } from '../support/fixtures.js';

/**
 * Runs `code` with `data` bound to the JSON input; the code must assign `result`, returned parsed
 * (Python's NaN and Infinity tokens included).
 */
export function runPython(code: string, data: unknown): unknown {
  const script = `import json, sys, yaml\ndata = json.load(sys.stdin)\n${code}\nprint(json.dumps(result))`;
  const out = execFileSync('python3', ['-c', script], { input: JSON.stringify(data), maxBuffer: 64 << 20 });
  return toPlainJson(parseExampleJson(out.toString('utf8')));
}

/** `yaml.safe_load` of each text, as JSON-able data. */
export function pyyamlLoad(texts: readonly string[]): unknown[] {
  return runPython('result = [yaml.safe_load(t) for t in data]', texts) as unknown[];
}

/** Every MLmodel file of the recorded fixtures: saved model folders and logged/ files, both MLflow versions. */
export function fixtureMlmodelFiles(): string[] {
  const models = join(FIXTURES, 'models');
  const files: string[] = [];
  for (const version of ['mlflow-3.6', 'mlflow-2.12']) {
    for (const name of readdirSync(join(models, version)).sort())
      if (!name.startsWith('_')) files.push(join(models, version, name, 'MLmodel'));
    for (const name of readdirSync(join(models, 'logged', version)).sort())
      if (name.endsWith('.MLmodel')) files.push(join(models, 'logged', version, name));
  }
  return files;
}

/** The saved model folders (those with input examples and expected.json). */
export function fixtureModelDirs(version: 'mlflow-3.6' | 'mlflow-2.12'): string[] {
  const root = join(FIXTURES, 'models', version);
  return readdirSync(root)
    .filter((n) => !n.startsWith('_'))
    .sort()
    .map((n) => join(root, n));
}

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `../shared` beside the project root: the team's spec and recorded fixtures. Tests read them in place. */
export const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared');
export const FIXTURES = join(SHARED, 'fixtures');

export function readFixtureJson<T = unknown>(...parts: string[]): T {
  return JSON.parse(readFileSync(join(FIXTURES, ...parts), 'utf8')) as T;
}

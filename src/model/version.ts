import { readFileSync } from 'node:fs';

/** Modeldock's own version, read once from its package.json (two levels up from src/ and dist/). */
export const MODELDOCK_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MlflowError } from '../core/mlflow-error.js';

function checkedKey(key: string): string[] {
  const parts = key.split('/');
  // Keys embed ids and artifact paths taken from URIs: keep each one inside the cache folder.
  if (parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\') || p.includes('\0')))
    throw new MlflowError(`Invalid model cache key '${key}'.`, 'INVALID_PARAMETER_VALUE');
  return parts;
}

/**
 * A folder of downloaded models keyed by what they resolve to (a logged model id, a run artifact
 * path): a key is downloaded once, into a temp folder renamed into place, so a cached entry is
 * always whole and a second load makes no download.
 *
 * @example const dir = await new ModelCache('/tmp/cache').fetch('models/m-1', (tmp) => proxy.downloadTree('1/models/m-1/artifacts', tmp));
 */
export class ModelCache {
  constructor(readonly root: string) {}

  /** The folder of `key`, whether or not it is cached yet. */
  pathOf(key: string): string {
    return join(this.root, ...checkedKey(key));
  }

  /** True when `key` is already downloaded. */
  async has(key: string): Promise<boolean> {
    return (await stat(this.pathOf(key)).catch(() => undefined)) !== undefined;
  }

  /** The cached folder of `key`, calling `download(tempDir)` first when it is not cached yet. */
  async fetch(key: string, download: (tempDir: string) => Promise<unknown>): Promise<string> {
    const target = this.pathOf(key);
    if (await this.has(key)) return target;
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.partial-${randomBytes(6).toString('hex')}`;
    try {
      await download(temp);
      await rename(temp, target).catch(async (error: unknown) => {
        // Another load finished the same key first: keep its copy.
        if (!(await this.has(key))) throw error;
      });
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
    return target;
  }
}

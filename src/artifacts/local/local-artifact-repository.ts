import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MlflowError } from '../../core/mlflow-error.js';
import type { ArtifactEntry, ArtifactRepository } from '../artifact-repository.js';
import { safeArtifactPath } from '../safe-artifact-path.js';
import { confinePath } from './confine-path.js';

// Uploads land in a hidden sibling first and are renamed into place, so readers never see half a
// file and a killed upload leaves no artifact behind. Listings skip these names.
const TEMP_MARKER = '.modeldock-upload-';

function errorCode(error: unknown): unknown {
  return (error as { code?: unknown }).code;
}

function notFound(path: string, cause: unknown): MlflowError {
  return new MlflowError(`No such file or directory: '${path}'`, 'RESOURCE_DOES_NOT_EXIST', { cause });
}

/**
 * An {@link ArtifactRepository} on the local file system, under one root directory.
 *
 * @example const repo = new LocalArtifactRepository('./mlartifacts');
 */
export class LocalArtifactRepository implements ArtifactRepository {
  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  private async resolve(path: string, followLeaf = true): Promise<{ safe: string; abs: string }> {
    const safe = safeArtifactPath(path);
    await mkdir(this.root, { recursive: true });
    return { safe, abs: await confinePath(this.root, safe, followLeaf) };
  }

  async list(path = ''): Promise<ArtifactEntry[]> {
    const { abs } = await this.resolve(path);
    let names: string[];
    try {
      names = await readdir(abs);
    } catch (error) {
      if (['ENOENT', 'ENOTDIR'].includes(errorCode(error) as string)) return [];
      throw error;
    }
    const entries = await Promise.all(
      names.filter((n) => !n.includes(TEMP_MARKER)).map((n) => entryOf(abs, n)),
    );
    return entries
      .filter((e): e is ArtifactEntry => e !== undefined)
      .sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  async openRead(path: string): Promise<{ stream: Readable; size: number }> {
    const { safe, abs } = await this.resolve(path);
    if (safe === '') throw notFound(path, undefined);
    try {
      const handle = await open(abs, 'r');
      const info = await handle.stat();
      if (!info.isFile()) {
        await handle.close();
        throw notFound(safe, undefined);
      }
      return { stream: handle.createReadStream(), size: info.size };
    } catch (error) {
      if (error instanceof MlflowError) throw error;
      throw notFound(safe, error);
    }
  }

  async write(path: string, source: AsyncIterable<Uint8Array>): Promise<void> {
    const { safe, abs } = await this.resolve(path, false);
    if (safe === '') throw new MlflowError('Invalid path', 'INVALID_PARAMETER_VALUE', { field: 'path' });
    const temp = join(dirname(abs), `.${basename(abs)}${TEMP_MARKER}${randomUUID()}`);
    try {
      await mkdir(dirname(abs), { recursive: true });
      await pipeline(source, createWriteStream(temp, { flags: 'wx' }));
      await rename(temp, abs);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw writeError(safe, error);
    }
  }

  async delete(path: string): Promise<void> {
    const { safe, abs } = await this.resolve(path, false);
    if (safe === '') throw new MlflowError('Cannot delete the artifact root', 'INVALID_PARAMETER_VALUE');
    await rm(abs, { recursive: true, force: true });
  }
}

async function entryOf(dir: string, name: string): Promise<ArtifactEntry | undefined> {
  try {
    const info = await stat(join(dir, name));
    return info.isDirectory() ? { name, isDir: true } : { name, isDir: false, size: info.size };
  } catch {
    return undefined; // a dangling symlink or a file removed meanwhile: not an artifact
  }
}

function writeError(path: string, error: unknown): unknown {
  const code = errorCode(error);
  if (code === 'EISDIR' || code === 'ENOTDIR' || code === 'EEXIST') {
    return new MlflowError(
      `Cannot write artifact '${path}': a parent is a file or the target is a directory`,
      'INVALID_PARAMETER_VALUE',
      {
        cause: error,
      },
    );
  }
  return error;
}

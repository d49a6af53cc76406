import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalArtifactRepository } from '../../src/artifacts/local/local-artifact-repository.js';
import { describeArtifactRepository } from './artifact-repository.suite.js';

describeArtifactRepository('LocalArtifactRepository', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'modeldock-artifacts-'));
  return {
    repository: new LocalArtifactRepository(join(dir, 'root')),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
});

describe('LocalArtifactRepository on disk', () => {
  let dir: string;
  let root: string;
  let repo: LocalArtifactRepository;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'modeldock-artifacts-'));
    root = join(dir, 'root');
    repo = new LocalArtifactRepository(root);
    await mkdir(root, { recursive: true });
    await writeFile(join(dir, 'secret.txt'), 'secret');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('a failed upload leaves no temp file on disk', async () => {
    async function* broken(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('partial');
      throw new Error('aborted');
    }
    await expect(repo.write('run/a.bin', broken())).rejects.toThrow('aborted');
    expect(await readdir(join(root, 'run'))).toEqual([]);
  });

  it('does not read through a symlink that leads out of the root', async () => {
    await symlink(join(dir, 'secret.txt'), join(root, 'link.txt'));
    await expect(repo.openRead('link.txt')).rejects.toMatchObject({ message: 'Invalid path' });
  });

  it('does not write or list through a symlinked folder that leads out of the root', async () => {
    await symlink(dir, join(root, 'outside'));
    await expect(repo.write('outside/planted.txt', Readable.from([Buffer.from('x')]))).rejects.toMatchObject({
      message: 'Invalid path',
    });
    expect(existsSync(join(dir, 'planted.txt'))).toBe(false);
    await expect(repo.list('outside')).rejects.toMatchObject({ message: 'Invalid path' });
    await expect(repo.delete('outside/secret.txt')).rejects.toMatchObject({ message: 'Invalid path' });
    expect(existsSync(join(dir, 'secret.txt'))).toBe(true);
  });

  it('deleting a symlink removes the link, not its target', async () => {
    await symlink(join(dir, 'secret.txt'), join(root, 'link.txt'));
    await repo.delete('link.txt');
    expect(existsSync(join(root, 'link.txt'))).toBe(false);
    expect(existsSync(join(dir, 'secret.txt'))).toBe(true);
  });

  it('follows symlinks that stay inside the root', async () => {
    await writeFile(join(root, 'real.txt'), 'inside');
    await symlink(join(root, 'real.txt'), join(root, 'alias.txt'));
    const { size } = await repo.openRead('alias.txt');
    expect(size).toBe(6);
  });
});

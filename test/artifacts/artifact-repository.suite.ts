import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArtifactRepository } from '../../src/artifacts/artifact-repository.js';
import { MlflowError } from '../../src/core/mlflow-error.js';

/** A fresh, empty repository and a way to dispose of it. */
export interface RepositoryFixture {
  readonly repository: ArtifactRepository;
  readonly dispose: () => Promise<void>;
}

/** Paths every implementation must refuse with INVALID_PARAMETER_VALUE "Invalid path". */
export const UNSAFE_PATHS: ReadonlyArray<readonly [string, string]> = [
  ['parent segment', '../escape.txt'],
  ['parent segment in the middle', 'a/../../escape.txt'],
  ['percent-encoded parent', '%2e%2e/escape.txt'],
  ['percent-encoded slash', '..%2fescape.txt'],
  ['double-encoded parent', '%252e%252e%252fescape.txt'],
  ['triple-encoded parent', '%25252e%25252e/escape.txt'],
  ['backslash', 'a\\..\\..\\escape.txt'],
  ['encoded backslash', '..%5cescape.txt'],
  ['absolute POSIX path', '/etc/passwd'],
  ['encoded absolute path', '%2fetc/passwd'],
  ['Windows drive', 'C:/Windows/win.ini'],
  ['NUL byte', 'a.txt\0.png'],
  ['encoded NUL byte', 'a.txt%00.png'],
  ['fragment trick', 'a#/../../escape.txt'],
  ['query trick', 'a?/../../escape.txt'],
  ['encoded fragment', 'a%23b'],
];

const bytes = (text: string) => Readable.from([Buffer.from(text)]);

async function readText(repository: ArtifactRepository, path: string): Promise<string> {
  const { stream } = await repository.openRead(path);
  return (await buffer(stream)).toString('utf8');
}

async function expectInvalidPath(action: Promise<unknown>): Promise<void> {
  await expect(action).rejects.toSatisfy(
    (e) =>
      e instanceof MlflowError && e.errorCode === 'INVALID_PARAMETER_VALUE' && e.message === 'Invalid path',
  );
}

/**
 * The behaviour every {@link ArtifactRepository} shares; each implementation's test file calls this
 * with its own factory (Kysely/Hono style: one conformance suite, many backends).
 */
export function describeArtifactRepository(name: string, create: () => Promise<RepositoryFixture>): void {
  describe(`${name} (ArtifactRepository conformance)`, () => {
    let fixture: RepositoryFixture;
    let repo: ArtifactRepository;
    beforeEach(async () => {
      fixture = await create();
      repo = fixture.repository;
    });
    afterEach(() => fixture.dispose());

    it('log_artifact then download returns the same bytes', async () => {
      await repo.write('1/run/artifacts/hello.txt', bytes('hello artifacts\n'));
      expect(await readText(repo, '1/run/artifacts/hello.txt')).toBe('hello artifacts\n');
    });

    it('streams a file larger than one chunk in and out unchanged', async () => {
      const chunks = Array.from({ length: 64 }, (_, i) => Buffer.alloc(64 * 1024, i));
      await repo.write('big.bin', Readable.from(chunks));
      const { stream, size } = await repo.openRead('big.bin');
      expect(size).toBe(64 * 64 * 1024);
      expect((await buffer(stream)).equals(Buffer.concat(chunks))).toBe(true);
    });

    it('an upload replaces the previous file', async () => {
      await repo.write('a.txt', bytes('old'));
      await repo.write('a.txt', bytes('new'));
      expect(await readText(repo, 'a.txt')).toBe('new');
    });

    it('list_artifacts shows one level, sorted, dirs without size', async () => {
      await repo.write('r/folder/sub/b.json', bytes('{"b": 1}\n'));
      await repo.write('r/folder/a.txt', bytes('A\n'));
      await repo.write('r/hello.txt', bytes('hi'));
      expect(await repo.list('r')).toEqual([
        { name: 'folder', isDir: true },
        { name: 'hello.txt', isDir: false, size: 2 },
      ]);
      expect(await repo.list('r/folder')).toEqual([
        { name: 'a.txt', isDir: false, size: 2 },
        { name: 'sub', isDir: true },
      ]);
    });

    it('listing a missing folder or a file gives nothing', async () => {
      await repo.write('r/hello.txt', bytes('hi'));
      expect(await repo.list('r/missing')).toEqual([]);
      expect(await repo.list('r/hello.txt')).toEqual([]);
    });

    it('downloading a missing file is RESOURCE_DOES_NOT_EXIST', async () => {
      await expect(repo.openRead('missing.txt')).rejects.toMatchObject({
        errorCode: 'RESOURCE_DOES_NOT_EXIST',
      });
    });

    it('downloading a folder is RESOURCE_DOES_NOT_EXIST', async () => {
      await repo.write('dir/a.txt', bytes('A'));
      await expect(repo.openRead('dir')).rejects.toMatchObject({ errorCode: 'RESOURCE_DOES_NOT_EXIST' });
    });

    it('delete removes a file, then a whole tree, and ignores missing paths', async () => {
      await repo.write('r/notes/n.txt', bytes('note'));
      await repo.write('r/keep.txt', bytes('k'));
      await repo.delete('r/notes/n.txt');
      expect(await repo.list('r/notes')).toEqual([]);
      await repo.delete('r/notes');
      await repo.delete('r/never-existed');
      expect(await repo.list('r')).toEqual([{ name: 'keep.txt', isDir: false, size: 1 }]);
    });

    it('a failed upload leaves no file and no visible temp file', async () => {
      async function* broken(): AsyncGenerator<Uint8Array> {
        yield Buffer.from('partial');
        throw new Error('connection reset');
      }
      await expect(repo.write('r/model.pkl', broken())).rejects.toThrow('connection reset');
      expect(await repo.list('r')).toEqual([]);
      await expect(repo.openRead('r/model.pkl')).rejects.toMatchObject({
        errorCode: 'RESOURCE_DOES_NOT_EXIST',
      });
    });

    it('a failed re-upload keeps the previous complete file', async () => {
      await repo.write('m.bin', bytes('complete'));
      async function* broken(): AsyncGenerator<Uint8Array> {
        yield Buffer.from('half');
        throw new Error('killed');
      }
      await expect(repo.write('m.bin', broken())).rejects.toThrow('killed');
      expect(await readText(repo, 'm.bin')).toBe('complete');
    });

    describe('refuses paths that leave the root', () => {
      for (const [label, path] of UNSAFE_PATHS) {
        it(`${label}: ${JSON.stringify(path)}`, async () => {
          await expectInvalidPath(repo.write(path, bytes('x')));
          await expectInvalidPath(repo.openRead(path));
          await expectInvalidPath(repo.list(path));
          await expectInvalidPath(repo.delete(path));
        });
      }
    });
  });
}

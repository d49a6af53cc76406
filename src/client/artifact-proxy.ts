import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { MlflowError } from '../core/mlflow-error.js';
import type { FileInfo } from './entities.js';
import type { RestTransport } from './rest-transport.js';

const PROXY = '/api/2.0/mlflow-artifacts/artifacts';

/** Progress of an upload or download: bytes moved so far out of the whole transfer. */
export interface TransferProgress {
  /** The file being moved, relative to the transfer's root. */
  readonly path: string;
  readonly bytes: number;
  readonly totalBytes: number;
}

/** Called as bytes move; a CLI draws its progress bar from it. */
export type ProgressCallback = (progress: TransferProgress) => void;

/**
 * The path below the artifact proxy's root of an `mlflow-artifacts:` URI.
 *
 * @example proxyPathOf('mlflow-artifacts:/1/models/m-1/artifacts') // '1/models/m-1/artifacts'
 */
export function proxyPathOf(artifactUri: string): string {
  if (!artifactUri.startsWith('mlflow-artifacts:')) {
    throw new MlflowError(
      `Artifact URI ${artifactUri} is not served by the tracking server's artifact proxy (mlflow-artifacts:/).`,
      'INVALID_PARAMETER_VALUE',
    );
  }
  return decodeURIComponent(new URL(artifactUri).pathname).replace(/^\/+|\/+$/g, '');
}

/** Joins artifact path parts with `/`, dropping empty ones. */
export function joinArtifactPath(...parts: readonly (string | undefined)[]): string {
  return parts
    .filter((p): p is string => p !== undefined && p !== '')
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter((p) => p !== '')
    .join('/');
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

async function* walkFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walkFiles(path);
    else if (entry.isFile()) yield path;
  }
}

function counting(onChunk: (size: number) => void): TransformStream<Uint8Array, Uint8Array> {
  return new TransformStream({
    transform(chunk, controller) {
      onChunk(chunk.byteLength);
      controller.enqueue(chunk);
    },
  });
}

/**
 * Streams files to and from the tracking server's artifact proxy (`/api/2.0/mlflow-artifacts`), never
 * holding a whole file in memory; downloads land atomically (temp file, then rename).
 *
 * @example await new ArtifactProxy(transport).uploadDir('1/models/m-1/artifacts', './my-model');
 */
export class ArtifactProxy {
  constructor(private readonly transport: RestTransport) {}

  /** Uploads one local file to `remotePath` (`PUT mlflow-artifacts/artifacts/<path>`). */
  async uploadFile(remotePath: string, localFile: string, onBytes?: (size: number) => void): Promise<void> {
    const body = (): ReadableStream<Uint8Array> => {
      const stream = Readable.toWeb(createReadStream(localFile)) as unknown as ReadableStream<Uint8Array>;
      return onBytes ? stream.pipeThrough(counting(onBytes)) : stream;
    };
    const headers = { 'content-type': 'application/octet-stream' };
    await this.transport.json({ method: 'PUT', path: `${PROXY}/${encodePath(remotePath)}`, body, headers });
  }

  /** Uploads every file under `localDir` below `remoteDir`, reporting progress over the whole folder. */
  async uploadDir(remoteDir: string, localDir: string, onProgress?: ProgressCallback): Promise<void> {
    const files: { path: string; size: number }[] = [];
    for await (const path of walkFiles(localDir)) files.push({ path, size: (await stat(path)).size });
    await this.uploadFiles(remoteDir, localDir, files, onProgress);
  }

  /** Uploads the given files of `localRoot`, keeping their paths relative to it. */
  async uploadFiles(
    remoteDir: string,
    localRoot: string,
    files: readonly { path: string; size: number }[],
    onProgress?: ProgressCallback,
  ): Promise<void> {
    const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
    let bytes = 0;
    for (const file of files) {
      const rel = relative(localRoot, file.path).split(sep).join('/');
      const report = onProgress
        ? (size: number) => {
            bytes += size;
            onProgress({ path: rel, bytes, totalBytes });
          }
        : undefined;
      await this.uploadFile(joinArtifactPath(remoteDir, rel), file.path, report);
    }
  }

  /** Lists one folder level; `path` of each entry is joined to `remoteDir` as MLflow's client does. */
  async list(remoteDir: string): Promise<FileInfo[]> {
    const body = await this.transport.json<{ files?: FileInfo[] }>({
      method: 'GET',
      path: PROXY,
      query: { path: remoteDir },
    });
    return (body.files ?? []).map((f) => ({ ...f, path: joinArtifactPath(remoteDir, f.path) }));
  }

  /** Streams one remote file to `localFile`, atomically, calling `onBytes` with each chunk's size. */
  async downloadFile(remotePath: string, localFile: string, onBytes?: (size: number) => void): Promise<void> {
    const response = await this.transport.send({ method: 'GET', path: `${PROXY}/${encodePath(remotePath)}` });
    await mkdir(dirname(localFile), { recursive: true });
    const temp = `${localFile}.partial-${randomBytes(6).toString('hex')}`;
    try {
      const body = response.body && onBytes ? response.body.pipeThrough(counting(onBytes)) : response.body;
      const source = body
        ? Readable.fromWeb(body as unknown as NodeReadableStream<Uint8Array>)
        : Readable.from([]);
      await pipeline(source, createWriteStream(temp));
      await rename(temp, localFile);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  /** Every file below `remoteDir`, recursively, with paths relative to it (empty for a file). */
  async listFiles(remoteDir: string): Promise<FileInfo[]> {
    const files: FileInfo[] = [];
    for (const entry of await this.list(remoteDir)) {
      const name = entry.path.slice(entry.path.lastIndexOf('/') + 1);
      // The listing comes from the network: never let a name climb out of the download folder.
      if (name === '' || name === '.' || name === '..' || name.includes('\\'))
        throw new MlflowError(
          `Refusing artifact name '${name}' listed under ${remoteDir}.`,
          'INVALID_PARAMETER_VALUE',
        );
      if (!entry.is_dir) files.push({ ...entry, path: name });
      else
        for (const inner of await this.listFiles(entry.path))
          files.push({ ...inner, path: `${name}/${inner.path}` });
    }
    return files;
  }

  /**
   * Downloads a remote file or folder tree to `localPath` and returns how many files were fetched,
   * reporting progress over the whole tree. As MLflow's client does, a path is a folder when listing
   * it is non-empty.
   */
  async downloadTree(remotePath: string, localPath: string, onProgress?: ProgressCallback): Promise<number> {
    const files = await this.listFiles(remotePath);
    if (files.length === 0) {
      const name = remotePath.slice(remotePath.lastIndexOf('/') + 1);
      await this.downloadFile(remotePath, localPath, reporter(onProgress, name, 0));
      return 1;
    }
    await mkdir(localPath, { recursive: true });
    const totalBytes = files.reduce((sum, f) => sum + (f.file_size ?? 0), 0);
    let done = 0;
    for (const file of files) {
      const report = reporter(onProgress, file.path, totalBytes, done);
      await this.downloadFile(joinArtifactPath(remotePath, file.path), join(localPath, file.path), report);
      done += file.file_size ?? 0;
    }
    return files.length;
  }
}

// Turns per-chunk sizes into whole-transfer progress; a total of 0 (unknown) grows with the bytes.
function reporter(
  onProgress: ProgressCallback | undefined,
  path: string,
  totalBytes: number,
  before = 0,
): ((size: number) => void) | undefined {
  if (!onProgress) return undefined;
  let bytes = before;
  return (size) => {
    bytes += size;
    onProgress({ path, bytes, totalBytes: Math.max(totalBytes, bytes) });
  };
}

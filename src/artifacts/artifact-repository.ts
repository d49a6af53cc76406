import type { Readable } from 'node:stream';

/** One entry of a directory listing: a file (with its size) or a sub-directory. */
export interface ArtifactEntry {
  /** The entry's own name (one path segment), never a path. */
  readonly name: string;
  readonly isDir: boolean;
  /** Size in bytes; absent for directories. */
  readonly size?: number;
}

/**
 * Where artifacts live: a tree of files addressed by relative POSIX paths. Every path is checked
 * with `safeArtifactPath` by the implementation, so callers may pass user input straight through.
 * Implementations stream: no method holds a whole file in memory.
 *
 * @example
 * await repo.write('run/model/MLmodel', Readable.from([bytes]));
 * const entries = await repo.list('run/model'); // [{ name: 'MLmodel', isDir: false, size: 42 }]
 */
export interface ArtifactRepository {
  /** Lists one level of a directory, sorted by name; a missing directory or a file lists as `[]`. */
  list(path?: string): Promise<ArtifactEntry[]>;
  /** Opens a file for reading; a missing file or a directory is RESOURCE_DOES_NOT_EXIST. */
  openRead(path: string): Promise<{ stream: Readable; size: number }>;
  /** Writes a file from a stream atomically, creating parent directories and replacing any old file. */
  write(path: string, source: AsyncIterable<Uint8Array>): Promise<void>;
  /** Deletes a file or a whole directory tree; a missing path is not an error. */
  delete(path: string): Promise<void>;
}

import { fileURLToPath } from 'node:url';
import { isAbsolute } from 'node:path';
import type { ArtifactRepository } from '../artifacts/artifact-repository.js';
import { MlflowError } from '../core/mlflow-error.js';

/** A place inside a repository: the repository and the relative path of the location's root. */
export interface ResolvedLocation {
  readonly repository: ArtifactRepository;
  readonly path: string;
}

/** Opens a repository for a local folder (injected so this module names no implementation). */
export type LocalRepositoryFactory = (absoluteFolder: string) => ArtifactRepository;

function joinPath(base: string, sub: string): string {
  return [base, sub].filter((p) => p !== '').join('/');
}

/**
 * Turns artifact URIs (`mlflow-artifacts:/1/<run>/artifacts`, `file:///…`, absolute paths) into a
 * repository and a relative path the server can read.
 *
 * @example locations.resolve('mlflow-artifacts:/1/abc/artifacts', 'model') // { repository: proxied, path: '1/abc/artifacts/model' }
 */
export class ArtifactLocations {
  constructor(
    private readonly proxied: ArtifactRepository,
    private readonly openLocal: LocalRepositoryFactory,
  ) {}

  resolve(uri: string, subPath = ''): ResolvedLocation {
    const proxiedPath = /^mlflow-artifacts:(?:\/\/[^/]*)?\/?(.*)$/.exec(uri);
    if (proxiedPath) return { repository: this.proxied, path: joinPath(proxiedPath[1] ?? '', subPath) };
    if (uri.startsWith('file:')) return { repository: this.openLocal(fileURLToPath(uri)), path: subPath };
    if (isAbsolute(uri)) return { repository: this.openLocal(uri), path: subPath };
    throw new MlflowError(`The server cannot read artifacts stored at '${uri}'.`, 'NOT_IMPLEMENTED');
  }
}

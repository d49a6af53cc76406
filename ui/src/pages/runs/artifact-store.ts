import { useQuery } from '@tanstack/react-query';
import type { FileInfo } from '../../../../src/client/entities.js';
import { api } from '../../api.js';

/**
 * Where a browser reads artifacts from: a run's artifacts, or an MLflow 3 logged model's (whose
 * files live with the model, not the run). The tree, previews and model panel work on either.
 */
export interface ArtifactStore {
  /** The query key of one folder's listing. */
  listKey(path: string): readonly unknown[];
  /** The query key of one file's text. */
  fileKey(path: string): readonly unknown[];
  list(path: string): Promise<FileInfo[]>;
  fileText(path: string): Promise<string>;
  /** A URL that downloads the file, for links and `<img src>`. */
  fileUrl(path: string): string;
}

/** A run's artifacts; listings are cached under the shared ['artifacts', runId, path] key. */
export function runArtifactStore(runId: string): ArtifactStore {
  return {
    listKey: (path) => ['artifacts', runId, path],
    fileKey: (path) => ['artifact-file', runId, path],
    list: (path) => api.artifacts.list(runId, path),
    fileText: (path) => api.artifacts.runFile(runId, path).then((r) => r.text()),
    fileUrl: (path) => api.artifacts.runFileUrl(runId, path),
  };
}

/** An MLflow 3 logged model's artifacts. */
export function loggedModelArtifactStore(modelId: string): ArtifactStore {
  return {
    listKey: (path) => ['logged-model-artifacts', modelId, path],
    fileKey: (path) => ['logged-model-file', modelId, path],
    list: (path) => api.artifacts.listLoggedModel(modelId, path),
    fileText: (path) => api.artifacts.loggedModelFile(modelId, path).then((r) => r.text()),
    fileUrl: (path) => api.artifacts.loggedModelFileUrl(modelId, path),
  };
}

/** One folder's listing, sorted folders first, then by name. */
export function useListing(store: ArtifactStore, path: string, enabled = true) {
  return useQuery({
    queryKey: store.listKey(path),
    queryFn: () => store.list(path),
    enabled,
    select: sortListing,
  });
}

/** One file's text; `enabled` false leaves it unfetched (too big, or not shown as text). */
export function useFileText(store: ArtifactStore, path: string, enabled = true) {
  return useQuery({ queryKey: store.fileKey(path), queryFn: () => store.fileText(path), enabled });
}

function sortListing(files: FileInfo[]): FileInfo[] {
  return [...files].sort((a, b) =>
    a.is_dir === b.is_dir ? a.path.localeCompare(b.path) : a.is_dir ? -1 : 1,
  );
}

/** The last segment of an artifact path. */
export const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** The folder an artifact path is in (`''` for the root). */
export const parentOf = (path: string): string => {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
};

/** A child path of a folder (`''` being the root). */
export const childPath = (dir: string, name: string): string => (dir ? `${dir}/${name}` : name);

import { cp, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { MlflowError } from '../../../core/mlflow-error.js';
import type { ArtifactEntry } from './node-flavor-config.js';

/**
 * Copies each artifact (a file or a folder) into `<modelDir>/artifacts/`, keeping its base name, and
 * returns the MLmodel entries. A missing artifact fails before anything is copied.
 */
export async function copyArtifacts(
  modelDir: string,
  artifacts: Readonly<Record<string, string>>,
): Promise<Record<string, ArtifactEntry>> {
  const sources = Object.entries(artifacts).map(([name, uri]) => ({
    name,
    uri,
    source: resolve(uri.replace(/^file:\/\//, '')),
  }));
  for (const { name, uri, source } of sources) {
    if (!(await stat(source).catch(() => undefined)))
      throw new MlflowError(
        `Artifact '${name}' points at ${uri}, which does not exist.`,
        'RESOURCE_DOES_NOT_EXIST',
        {
          field: `artifacts.${name}`,
        },
      );
  }
  const taken = new Set<string>();
  const entries: Record<string, ArtifactEntry> = {};
  for (const { name, uri, source } of sources) {
    // Two artifacts with one base name go to per-name folders, so neither overwrites the other.
    const base = basename(source);
    const path = taken.has(base) ? `artifacts/${name}/${base}` : `artifacts/${base}`;
    taken.add(base);
    await cp(source, join(modelDir, path), { recursive: true });
    entries[name] = { path, uri };
  }
  return entries;
}

import { realpath } from 'node:fs/promises';
import { basename, dirname, join, relative, isAbsolute } from 'node:path';
import { MlflowError } from '../../core/mlflow-error.js';

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** The real path of `abs`: symlinks of its deepest existing ancestor resolved, the rest appended. */
async function realPathOfExisting(abs: string): Promise<string> {
  const rest: string[] = [];
  let current = abs;
  for (;;) {
    try {
      return join(await realpath(current), ...rest.reverse());
    } catch (error) {
      if (!isMissing(error) || dirname(current) === current) throw error;
      rest.push(basename(current));
      current = dirname(current);
    }
  }
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Joins a safe relative path to a root and checks, with symlinks resolved, that it stays inside.
 * With `followLeaf: false` only the parent is resolved, so a symlink itself can be removed.
 *
 * @example await confinePath('/data/artifacts', 'run/model/MLmodel') // '/data/artifacts/run/model/MLmodel'
 */
export async function confinePath(root: string, safeRelative: string, followLeaf = true): Promise<string> {
  const realRoot = await realpath(root);
  const target = join(realRoot, safeRelative);
  const checked = followLeaf ? target : dirname(target);
  // A symlink inside the root must not lead out of it (CVE class: "symlink escape").
  if (!isInside(realRoot, await realPathOfExisting(checked))) {
    throw new MlflowError('Invalid path', 'INVALID_PARAMETER_VALUE', { field: 'path', cause: safeRelative });
  }
  return target;
}

import { isAbsolute, relative, resolve } from 'node:path';
import { MlflowError } from '../core/mlflow-error.js';

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
// Schemes whose locations the server itself resolves inside its own artifact store.
const ALLOWED_SCHEMES = new Set(['mlflow-artifacts', 'runs', 'models']);
const MAX_DECODE_ROUNDS = 10;

function rejected(source: string, reason: string): MlflowError {
  return new MlflowError(`Invalid model version source: '${source}'. ${reason}`, 'INVALID_PARAMETER_VALUE', {
    field: 'source',
  });
}

/** Every form the source takes while it is percent-decoded again and again (double encoding included). */
function decodedForms(source: string): string[] {
  const forms = [source];
  let current = source;
  for (let round = 0; round < MAX_DECODE_ROUNDS; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      throw rejected(source, 'It contains a malformed percent-encoding.');
    }
    if (next === current) return forms;
    forms.push(next);
    current = next;
  }
  throw rejected(source, 'It is percent-encoded too many times.');
}

function checkTraversal(source: string): void {
  for (const form of decodedForms(source)) {
    if (form.includes('\0')) throw rejected(source, 'It contains a NUL byte.');
    if (form.includes('\\')) throw rejected(source, 'Backslashes are not allowed in a source.');
    if (form.split('/').some((segment) => segment === '..')) {
      throw rejected(
        source,
        'If supplying a source as an http, https, local file path, ftp, objectstore, or mlflow-artifacts uri, ' +
          'an absolute path must be provided without relative path references present. Please provide an absolute path.',
      );
    }
  }
}

function checkLocalPath(source: string, artifactsRoot: string | undefined): void {
  if (artifactsRoot === undefined || !isAbsolute(source)) {
    throw rejected(source, 'A local source must be an absolute path inside the server artifact store.');
  }
  const inside = relative(resolve(artifactsRoot), resolve(source));
  if (inside.startsWith('..') || isAbsolute(inside)) {
    throw rejected(source, 'A local source must lie inside the server artifact store.');
  }
}

/**
 * Checks that a model version `source` points inside the server's own artifact store: `mlflow-artifacts:`,
 * `runs:` and `models:` URIs, or an absolute local path under `artifactsRoot`. Rejects `file:` and every
 * other scheme, and `..` segments, NUL bytes and backslashes in any percent-encoding (registry-semantics.md §3).
 *
 * @example validateModelVersionSource('runs:/0123/model', '/srv/artifacts'); // ok
 */
export function validateModelVersionSource(source: string, artifactsRoot: string | undefined): void {
  checkTraversal(source);
  const scheme = SCHEME.exec(source)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    checkLocalPath(source, artifactsRoot);
    return;
  }
  if (scheme === 'file') {
    throw rejected(
      source,
      "'file:' sources are not allowed; register from the server artifact store instead.",
    );
  }
  if (!ALLOWED_SCHEMES.has(scheme)) {
    throw rejected(
      source,
      `The scheme '${scheme}:' is not allowed; use mlflow-artifacts:/, runs:/ or models:/ URIs.`,
    );
  }
}

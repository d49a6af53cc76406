import { MlflowError } from '../core/mlflow-error.js';

const MAX_DECODE_ROUNDS = 10;
// `?` and `#` would start a query or fragment once the path is put back into a URL; NUL truncates
// paths in C libraries; a backslash is a separator on Windows. None belongs in an artifact name.
const FORBIDDEN_CHARACTERS = /[\\#?\0]/;
const WINDOWS_DRIVE = /^[A-Za-z]:/;

/** Percent-decodes valid `%XX` escapes and leaves the rest, as Python's `urllib.parse.unquote`. */
function unquote(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

function invalidPath(path: string): MlflowError {
  return new MlflowError('Invalid path', 'INVALID_PARAMETER_VALUE', { field: 'path', cause: path });
}

/** Every form of `path` a later decoding step could see: the text itself and each decoded layer. */
function decodedForms(path: string): string[] {
  const forms = [path];
  for (let round = 0; round < MAX_DECODE_ROUNDS; round++) {
    const next = unquote(forms[forms.length - 1] ?? '');
    if (next === forms[forms.length - 1]) return forms;
    forms.push(next);
  }
  throw invalidPath(path);
}

function isUnsafeForm(form: string): boolean {
  if (FORBIDDEN_CHARACTERS.test(form)) return true;
  if (form.startsWith('/') || WINDOWS_DRIVE.test(form)) return true;
  return form.split('/').some((segment) => segment === '..');
}

/**
 * Checks a user-supplied artifact path and returns it normalised (no `.` or empty segments), or
 * throws INVALID_PARAMETER_VALUE "Invalid path". The path is decoded repeatedly first, so
 * `%2e%2e`, `%252e%252e` and friends are caught too. An empty path means the root and returns ''.
 *
 * @example safeArtifactPath('1/run/artifacts/./model/') // '1/run/artifacts/model'
 */
export function safeArtifactPath(path: string): string {
  if (decodedForms(path).some(isUnsafeForm)) throw invalidPath(path);
  return path
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/');
}

import { MlflowError } from '../../core/mlflow-error.js';

/**
 * Encodes a search offset as MLflow does: base64 of `{"offset": N}`.
 *
 * @example encodePageToken(100) // 'eyJvZmZzZXQiOiAxMDB9'
 */
export function encodePageToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }).replace(':', ': '), 'utf8').toString('base64');
}

function invalid(detail: string): MlflowError {
  return new MlflowError(`Invalid page token, ${detail}`, 'INVALID_PARAMETER_VALUE');
}

/**
 * Decodes a page token into an offset; absent or empty means 0, anything unreadable is a 400.
 *
 * @example decodePageToken(encodePageToken(100)) // 100
 */
export function decodePageToken(token: string | undefined): number {
  if (token === undefined || token === '') return 0;
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(token)) throw invalid('could not base64-decode');
  const text = Buffer.from(token, 'base64').toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid(`decoded value=${text}`);
  }
  const offset =
    typeof parsed === 'object' && parsed !== null ? (parsed as { offset?: unknown }).offset : undefined;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset <= 0) {
    throw invalid(`parsed value=${text}`);
  }
  return offset;
}

/**
 * Reads a `max_results` value against a limit, with MLflow's message for values out of range.
 *
 * @example checkMaxResults(undefined, 1000, 50000) // 1000
 */
export function checkMaxResults(value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new MlflowError(
      `Invalid value ${value} for parameter 'max_results' supplied. It must be a positive integer`,
      'INVALID_PARAMETER_VALUE',
    );
  }
  if (value > max) {
    throw new MlflowError(
      `Invalid value ${value} for parameter 'max_results' supplied. It must be at most ${max}`,
      'INVALID_PARAMETER_VALUE',
    );
  }
  return value;
}

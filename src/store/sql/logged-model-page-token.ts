import { MlflowError } from '../../core/mlflow-error.js';
import type { SearchLoggedModelsInput } from '../tracking-store.js';

interface TokenBody {
  experiment_ids: string[];
  filter_string: string | null;
  order_by: unknown[] | null;
  offset: number;
}

function fingerprint(input: SearchLoggedModelsInput): Omit<TokenBody, 'offset'> {
  return {
    experiment_ids: [...input.experimentIds],
    filter_string: input.filter ?? null,
    order_by: input.orderBy === undefined ? null : input.orderBy.map((o) => ({ ...o })),
  };
}

/**
 * A logged-models page token: base64 JSON of the request's experiments, filter, order and offset.
 *
 * @example encodeModelPageToken({ experimentIds: ['1'] }, 50)
 */
export function encodeModelPageToken(input: SearchLoggedModelsInput, offset: number): string {
  return Buffer.from(JSON.stringify({ ...fingerprint(input), offset }), 'utf8').toString('base64');
}

/**
 * Reads a logged-models page token, refusing one made for another request.
 *
 * @example decodeModelPageToken({ experimentIds: ['1'] }) // 0
 */
export function decodeModelPageToken(input: SearchLoggedModelsInput): number {
  const token = input.pageToken;
  if (token === undefined || token === '') return 0;
  let body: Partial<TokenBody>;
  try {
    body = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as Partial<TokenBody>;
  } catch {
    throw new MlflowError(`Invalid page token: ${token}`, 'INVALID_PARAMETER_VALUE');
  }
  const expected = fingerprint(input);
  const { offset, ...rest } = body;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) {
    throw new MlflowError(`Invalid page token: ${token}`, 'INVALID_PARAMETER_VALUE');
  }
  if (JSON.stringify(rest) !== JSON.stringify(expected)) {
    throw new MlflowError(
      'Experiment IDs, filter string, or order by in the page token do not match the request.',
      'INVALID_PARAMETER_VALUE',
    );
  }
  return offset;
}

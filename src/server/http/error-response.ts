import { MlflowError } from '../../core/mlflow-error.js';
import { HttpStatusError } from './http-status-error.js';
import { type HttpResponse, respond } from './http-types.js';

/** Called with every error that becomes a 500, so the composition root can log it. */
export type UnexpectedErrorListener = (error: unknown) => void;

/**
 * The one place where errors become responses: an {@link MlflowError} is sent as
 * `{"error_code", "message"}` with its HTTP status; anything else is a 500 INTERNAL_ERROR whose
 * message hides the details (no stack, no server paths).
 *
 * @example errorResponse(new MlflowError('No run', 'RESOURCE_DOES_NOT_EXIST')) // status 404
 */
export function errorResponse(error: unknown, onUnexpected?: UnexpectedErrorListener): HttpResponse {
  if (error instanceof MlflowError) {
    if (error.httpStatus >= 500) onUnexpected?.(error);
    const headers = error instanceof HttpStatusError ? error.headers : {};
    return respond({ status: error.httpStatus, json: error.toJSON(), headers });
  }
  onUnexpected?.(error);
  return respond({
    status: 500,
    json: { error_code: 'INTERNAL_ERROR', message: 'The server hit an unexpected error; see its log.' },
  });
}

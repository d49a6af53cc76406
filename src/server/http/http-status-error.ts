import type { ErrorCode } from '../../core/error-codes.js';
import { MlflowError } from '../../core/mlflow-error.js';

/**
 * An {@link MlflowError} whose HTTP status is not the one its code maps to: 405 for a wrong
 * method and 413 for an oversized body have no MLflow error code of their own.
 *
 * @example throw new HttpStatusError(413, 'Request body is larger than 16777216 bytes', 'BAD_REQUEST');
 */
export class HttpStatusError extends MlflowError {
  readonly status: number;
  /** Extra response headers, such as `Allow` for a 405. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    message: string,
    errorCode: ErrorCode,
    headers: Readonly<Record<string, string>> = {},
  ) {
    super(message, errorCode);
    this.status = status;
    this.headers = headers;
  }

  override get httpStatus(): number {
    return this.status;
  }
}

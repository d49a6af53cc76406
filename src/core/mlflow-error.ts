import { type ErrorCode, httpStatusOf } from './error-codes.js';

/** Details a caller may attach to an error: where it happened and what caused it. */
export interface MlflowErrorOptions {
  /** The file the error is about, such as an `MLmodel` path. */
  readonly file?: string;
  /** The field or key path inside that file or request, such as `flavors` or `signature.inputs`. */
  readonly field?: string;
  readonly cause?: unknown;
}

/**
 * The one error type of Modeldock. It carries an MLflow `error_code`; the HTTP layer turns it into
 * `{"error_code", "message"}` with the status from {@link httpStatusOf}.
 *
 * @example throw new MlflowError('Model is missing inputs', 'INVALID_PARAMETER_VALUE');
 */
export class MlflowError extends Error {
  override readonly name = 'MlflowError';
  readonly errorCode: ErrorCode;
  readonly file: string | undefined;
  readonly field: string | undefined;

  constructor(message: string, errorCode: ErrorCode = 'INTERNAL_ERROR', options: MlflowErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.errorCode = errorCode;
    this.file = options.file;
    this.field = options.field;
  }

  /** The HTTP status that MLflow's server would use for this error. */
  get httpStatus(): number {
    return httpStatusOf(this.errorCode);
  }

  /** The JSON error body MLflow's REST API sends. */
  toJSON(): { error_code: ErrorCode; message: string } {
    return { error_code: this.errorCode, message: this.message };
  }
}

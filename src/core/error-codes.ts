/**
 * MLflow's error codes and the one table that maps them to HTTP statuses.
 * RESOURCE_ALREADY_EXISTS is 400 on the wire, not 409: MLflow's clients depend on that.
 */
export const ERROR_CODE_HTTP_STATUS = {
  INVALID_PARAMETER_VALUE: 400,
  BAD_REQUEST: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  INVALID_STATE: 400,
  RESOURCE_DOES_NOT_EXIST: 404,
  ENDPOINT_NOT_FOUND: 404,
  NOT_FOUND: 404,
  FEATURE_DISABLED: 404,
  ALREADY_EXISTS: 409,
  ABORTED: 409,
  RESOURCE_CONFLICT: 409,
  PERMISSION_DENIED: 403,
  UNAUTHENTICATED: 401,
  CUSTOMER_UNAUTHORIZED: 401,
  REQUEST_LIMIT_EXCEEDED: 429,
  RESOURCE_EXHAUSTED: 429,
  CANCELLED: 499,
  INTERNAL_ERROR: 500,
  DATA_LOSS: 500,
  NOT_IMPLEMENTED: 501,
  TEMPORARILY_UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
} as const satisfies Record<string, number>;

/** An MLflow `error_code` name, as sent in `{"error_code": ..., "message": ...}` bodies. */
export type ErrorCode = keyof typeof ERROR_CODE_HTTP_STATUS;

/**
 * The HTTP status for an error code; unknown codes are 500, as in MLflow.
 * INVALID_STATE is 500 in MLflow, but it always reports a client mistake (acting on a deleted
 * resource), and MLflow's client retries 5xx for minutes, so Modeldock answers 400.
 *
 * @example httpStatusOf('RESOURCE_DOES_NOT_EXIST') // 404
 */
export function httpStatusOf(code: string): number {
  return (ERROR_CODE_HTTP_STATUS as Record<string, number>)[code] ?? 500;
}

import type { KeyValue } from '../../store/tracking-store.js';
import type { Route, RouteContext } from '../http/http-types.js';
import { readRequestFields } from '../http/read-body.js';
import type { RequestFields } from '../http/request-fields.js';

/** A handler that receives the decoded request message. */
export type MessageHandler = (fields: RequestFields, context: RouteContext) => Promise<object> | object;

/**
 * Declares a proto endpoint whose handler receives the request message decoded per rest-api.md §1.2.
 *
 * @example endpoint('GET', '/mlflow/runs/get', async (f) => ({ run: await store.getRun(runIdOf(f)) }));
 */
export function endpoint(
  method: Route['method'],
  path: string,
  handle: MessageHandler,
  options: Partial<Route> = {},
): Route {
  return {
    ...options,
    method,
    path,
    handler: async (ctx) => handle(await readRequestFields(ctx.request, ctx.limits), ctx),
  };
}

/**
 * `run_id`, or its deprecated alias `run_uuid`; required.
 *
 * @example runIdOf(RequestFields.fromJson({ run_uuid: 'abc' })) // 'abc'
 */
export function runIdOf(fields: RequestFields): string {
  const alias = fields.string('run_uuid');
  return alias !== undefined && alias !== '' && !fields.string('run_id')
    ? alias
    : fields.requiredString('run_id');
}

/**
 * A repeated key/value message (tags, params); a missing value reads as ''.
 *
 * @example keyValues(fields, 'tags') // [{ key: 'team', value: 'ml' }]
 */
export function keyValues(fields: RequestFields, name: string): KeyValue[] {
  return fields
    .messages(name)
    .map((kv) => ({ key: kv.string('key') ?? '', value: kv.string('value') ?? '' }));
}

/**
 * Copies the defined entries of `values`, so optional inputs stay absent (exactOptionalPropertyTypes).
 *
 * @example defined({ a: 1, b: undefined }) // { a: 1 }
 */
export function defined<T extends object>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

/**
 * Enum name ↔ number tables of the protos, for {@link RequestFields.enumName}.
 *
 * @example fields.enumName('view_type', VIEW_TYPE) // 'ACTIVE_ONLY' for 1 or "ACTIVE_ONLY"
 */
export const VIEW_TYPE = { ACTIVE_ONLY: 1, DELETED_ONLY: 2, ALL: 3 } as const;
/**
 * RunStatus names and numbers.
 *
 * @example fields.enumName('status', RUN_STATUS) // 'FINISHED' for 3
 */
export const RUN_STATUS = { RUNNING: 1, SCHEDULED: 2, FINISHED: 3, FAILED: 4, KILLED: 5 } as const;
/**
 * LoggedModelStatus names and numbers.
 *
 * @example fields.enumName('status', LOGGED_MODEL_STATUS) // 'LOGGED_MODEL_READY' for 2
 */
export const LOGGED_MODEL_STATUS = {
  LOGGED_MODEL_STATUS_UNSPECIFIED: 0,
  LOGGED_MODEL_PENDING: 1,
  LOGGED_MODEL_READY: 2,
  LOGGED_MODEL_UPLOAD_FAILED: 3,
} as const;

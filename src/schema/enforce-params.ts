/**
 * Params enforcement (`_enforce_params_schema`): unknown params dropped, missing ones defaulted,
 * given ones checked and converted per ParamSpec, all failures reported together.
 */
import { MlflowError } from '../core/mlflow-error.js';
import { pythonRepr, pythonStr } from '../core/python-json.js';
import { Tensor } from '../data/tensor.js';
import { checkObjectValue } from './check-object-value.js';
import { asPyFloat, isPyDict, pyDictEntries, pySetRepr, pyTypeName } from './enforce-python.js';
import { paramSpecRepr, shapeRepr } from './repr.js';
import { fail, type Issue, ok, type Result } from './result.js';
import type { DataType, ParamSchema, ParamSpec } from './types.js';
import { enforceParamDatatype } from './validate-param-default.js';

/** A datetime param's ISO text (as the codec keeps it) as the Date the model receives. */
function isoToDate(iso: string): Date {
  return new Date(iso.length <= 10 ? `${iso}T00:00:00Z` : `${iso}Z`);
}

/** A converted param value as the model receives it: Dates for datetimes, numbers for safe ints. */
function forModel(v: unknown, type: DataType): unknown {
  if (type === 'datetime' && typeof v === 'string') return isoToDate(v);
  if (typeof v === 'bigint' && Number.isSafeInteger(Number(v))) return Number(v);
  return v;
}

function defaultFor(spec: ParamSpec): unknown {
  const d = spec.default;
  if (typeof spec.type !== 'string') return d;
  const type = spec.type;
  return Array.isArray(d) ? d.map((x) => forModel(x, type)) : forModel(d, type);
}

/** `np.array(value).ndim` (ragged lists count by their first element). */
function ndim(value: unknown): number {
  if (value instanceof Tensor) return value.rank;
  if (!Array.isArray(value)) return 0;
  return value.length === 0 || !value.every(Array.isArray) ? 1 : 1 + ndim(value[0]);
}

/** The elements of a 1-D list or array as Python sees them (numpy floats stay floats). */
function elements(value: unknown[] | Tensor): unknown[] {
  if (Array.isArray(value)) return value;
  const items = value.toNested() as unknown[];
  return value.dtype.startsWith('float') ? items.map((x) => asPyFloat(x as number)) : items;
}

function invalidParam(spec: ParamSpec, message: string): Result<unknown> {
  return fail({ path: ['params', spec.name], code: 'invalid_params', message });
}

function convert(spec: ParamSpec, value: unknown): unknown {
  const type = spec.type;
  if (spec.shape === null) {
    if (typeof type === 'string') return forModel(enforceParamDatatype(value, type), type);
    checkObjectValue(value, type);
    return value;
  }
  if (typeof type === 'string')
    return elements(value as unknown[] | Tensor).map((v) => forModel(enforceParamDatatype(v, type), type));
  return undefined;
}

/**
 * Checks one given param against its spec, with MLflow's per-param message on failure.
 *
 * @example enforceParamValue({ name: 'k', type: 'long', default: 3, shape: null }, 2.5) // fails
 */
export function enforceParamValue(spec: ParamSpec, value: unknown): Result<unknown> {
  const text = paramSpecRepr(spec);
  const vector = spec.shape?.length === 1 && spec.shape[0] === -1;
  const shape = spec.shape;
  if (vector && (ndim(value) !== 1 || !(Array.isArray(value) || value instanceof Tensor)))
    return invalidParam(
      spec,
      `Value must be a 1D array with shape (-1,) for param ${text}, ` +
        `received ${pyTypeName(value)} with ndim ${ndim(value)}`,
    );
  if (shape !== null && !(vector && typeof spec.type === 'string'))
    return invalidParam(
      spec,
      'Shape must be None for scalar or dictionary value, or (-1,) for 1D array value ' +
        `for ParamSpec ${text}), received ${shapeRepr(shape)}`,
    );
  try {
    return ok(convert(spec, value));
  } catch (e) {
    if (!(e instanceof MlflowError)) throw e;
    return invalidParam(spec, `Failed to validate type and shape for ${text}, error: ${e.message}`);
  }
}

function withoutSchema(params: unknown, warnings: string[]): Result<Record<string, unknown>> {
  const empty =
    params === null || params === undefined || (isPyDict(params) && pyDictEntries(params).length === 0);
  if (!empty) {
    const info = isPyDict(params)
      ? `Ignoring provided params: ${pythonRepr(pyDictEntries(params).map(([k]) => k))}`
      : 'Ignoring invalid params (not a dictionary).';
    warnings.push(
      '`params` can only be specified at inference time if the model signature defines a params schema. ' +
        `This model does not define a params schema. ${info}`,
    );
  }
  return ok({});
}

function givenEntries(params: Parameters<typeof pyDictEntries>[0], warnings: string[]): [string, unknown][] {
  const entries = pyDictEntries(params);
  if (entries.every(([k]) => typeof k === 'string')) return entries as [string, unknown][];
  warnings.push(
    'Keys in parameters should be of type `str`, but received non-string keys.Converting all keys to string...',
  );
  return entries.map(([k, v]) => [pythonStr(k), v]);
}

/**
 * Enforces params against a ParamSchema and returns the full dict the model receives: given
 * params in their order, then defaults; unknown params are dropped and noted in `warnings`.
 *
 * @example checkParams(schema, { top_k: 5 }, warnings) // ok: { top_k: 5, threshold: 0.5, ... }
 */
export function checkParams(
  schema: ParamSchema | null,
  params: unknown,
  warnings: string[],
): Result<Record<string, unknown>> {
  if (schema === null) return withoutSchema(params, warnings);
  const given = params ?? {};
  if (!isPyDict(given))
    return fail({
      path: ['params'],
      code: 'invalid_params',
      message: `Parameters must be a dictionary. Got type '${pyTypeName(given)}'.`,
    });
  const specs = new Map(schema.params.map((p) => [p.name, p]));
  const entries = givenEntries(given, warnings);
  const unknown = entries.filter(([k]) => !specs.has(k)).map(([k]) => k);
  if (unknown.length > 0)
    warnings.push(
      `Unrecognized params ${pythonRepr(unknown)} are ignored for inference. Supported params are: ` +
        `${pySetRepr([...specs.keys()])}. To enable them, please add corresponding schema in ModelSignature.`,
    );
  const out = new Map(entries.filter(([k]) => specs.has(k)));
  const issues: Issue[] = [];
  for (const spec of schema.params) {
    if (!out.has(spec.name)) {
      out.set(spec.name, defaultFor(spec));
      continue;
    }
    const r = enforceParamValue(spec, out.get(spec.name));
    if (r.ok) out.set(spec.name, r.value);
    else issues.push(...r.issues);
  }
  return issues.length > 0 ? fail(...issues) : ok(Object.fromEntries(out));
}

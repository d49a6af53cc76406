/**
 * The top-level keys of an MLmodel file (model-format.md §1), their camelCase names on
 * {@link Model}, and the check each value must pass when a file is read. A key absent from the file
 * stays absent (`undefined`); a key present with `null` stays `null`, so files round-trip.
 */
import { invalidField, isMapping } from './mlmodel-errors.js';
import { pythonDatetimeStr } from './python-datetime.js';
import { checkInputExampleInfo, type SavedInputExampleInfo } from './saved-input-example-info.js';

/** One flavor's configuration: the mapping under `flavors.<name>`. */
export type FlavorConfig = Record<string, unknown>;

/**
 * The `signature` mapping as stored in the file: JSON strings (or null) MLflow wrote. Kept verbatim
 * so that writing a model back never depends on re-encoding its signature.
 */
export interface RawSignatureDict {
  readonly inputs?: string | null;
  readonly outputs?: string | null;
  readonly params?: string | null;
  readonly [key: string]: unknown;
}

/** The typed MLmodel keys. `undefined` = key absent; `null` = key written as `null`. */
export interface MlmodelFields {
  artifactPath?: string | null;
  flavors: Record<string, FlavorConfig>;
  runId?: string | null;
  modelId?: string | null;
  modelUuid?: string | null;
  mlflowVersion?: string | null;
  utcTimeCreated?: string | null;
  modelSizeBytes?: number | null;
  savedInputExampleInfo?: SavedInputExampleInfo | null;
  signatureDict?: RawSignatureDict | null;
  metadata?: Record<string, unknown> | null;
  prompts?: string[] | null;
  envVars?: string[] | null;
  resources?: Record<string, unknown> | null;
  databricksRuntime?: string | null;
  authPolicy?: Record<string, unknown> | null;
  isSignatureFromTypeHint?: boolean | null;
  typeHintFromExample?: boolean | null;
}

type FieldName = keyof MlmodelFields;
type Check = (value: unknown, file: string, field: string) => unknown;

const str: Check = (v, file, field) => {
  if (typeof v !== 'string') throw invalidField(file, field, 'a string', v);
  return v;
};
const bool: Check = (v, file, field) => {
  if (typeof v !== 'boolean') throw invalidField(file, field, 'a boolean', v);
  return v;
};
const mapping: Check = (v, file, field) => {
  if (!isMapping(v)) throw invalidField(file, field, 'a mapping', v);
  return v;
};
const stringList: Check = (v, file, field) => {
  if (!Array.isArray(v)) throw invalidField(file, field, 'a list of strings', v);
  v.forEach((item, i) => str(item, file, `${field}[${i}]`));
  return v;
};
const size: Check = (v, file, field) => {
  const n = typeof v === 'bigint' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
    throw invalidField(file, field, 'a non-negative integer', v);
  return n;
};
// PyYAML reads an unquoted `2024-01-02 10:00:00` as a datetime; MLflow then keeps str(datetime).
const time: Check = (v, file, field) => (v instanceof Date ? pythonDatetimeStr(v) : str(v, file, field));
const flavors: Check = (v, file, field) => {
  const all = mapping(v, file, field) as Record<string, unknown>;
  for (const [name, config] of Object.entries(all)) mapping(config, file, `${field}.${name}`);
  return all;
};
const signature: Check = (v, file, field) => {
  const dict = mapping(v, file, field) as Record<string, unknown>;
  for (const part of ['inputs', 'outputs', 'params']) {
    const json = dict[part];
    if (json !== undefined && json !== null) str(json, file, `${field}.${part}`);
  }
  return dict;
};
const exampleInfo: Check = (v, file, field) => checkInputExampleInfo(v, file, field);

/** Each typed field: its MLmodel key and the check its value passes (null is always allowed but for flavors). */
export const MLMODEL_KEYS: Readonly<Record<FieldName, readonly [key: string, check: Check]>> = {
  artifactPath: ['artifact_path', str],
  flavors: ['flavors', flavors],
  runId: ['run_id', str],
  modelId: ['model_id', str],
  modelUuid: ['model_uuid', str],
  mlflowVersion: ['mlflow_version', str],
  utcTimeCreated: ['utc_time_created', time],
  modelSizeBytes: ['model_size_bytes', size],
  savedInputExampleInfo: ['saved_input_example_info', exampleInfo],
  signatureDict: ['signature', signature],
  metadata: ['metadata', mapping],
  prompts: ['prompts', stringList],
  envVars: ['env_vars', stringList],
  resources: ['resources', mapping],
  databricksRuntime: ['databricks_runtime', str],
  authPolicy: ['auth_policy', mapping],
  isSignatureFromTypeHint: ['is_signature_from_type_hint', bool],
  typeHintFromExample: ['type_hint_from_example', bool],
};

const FIELD_BY_KEY = new Map(
  (Object.entries(MLMODEL_KEYS) as [FieldName, readonly [string, Check]][]).map(([name, [key, check]]) => [
    key,
    { name, check },
  ]),
);

/**
 * Splits a parsed MLmodel mapping into checked typed fields and the unknown keys (kept as-is).
 * Throws an INVALID_PARAMETER_VALUE MlflowError naming `file` and the field for a wrong value.
 *
 * @example readMlmodelFields({ flavors: {}, run_id: 'abc' }, '/m/MLmodel').fields.runId // 'abc'
 */
export function readMlmodelFields(
  dict: Record<string, unknown>,
  file: string,
): { fields: MlmodelFields; extra: Record<string, unknown> } {
  if (!('flavors' in dict))
    throw invalidField(file, 'flavors', 'a mapping of flavor names to their configuration', undefined);
  const fields: Partial<Record<FieldName, unknown>> = {};
  const extra: [string, unknown][] = [];
  for (const [key, value] of Object.entries(dict)) {
    const field = FIELD_BY_KEY.get(key);
    if (!field) extra.push([key, value]);
    else if (value === null && field.name !== 'flavors') fields[field.name] = null;
    else fields[field.name] = field.check(value, file, key);
  }
  // fromEntries keeps an unknown "__proto__" key as data rather than a prototype.
  return { fields: fields as unknown as MlmodelFields, extra: Object.fromEntries(extra) };
}

/**
 * The MLmodel mapping (snake_case keys) for typed fields plus unknown keys; absent fields are left out.
 *
 * @example writeMlmodelFields({ flavors: {}, modelId: null }, {}) // { flavors: {}, model_id: null }
 */
export function writeMlmodelFields(
  fields: Readonly<MlmodelFields>,
  extra: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const dict: Record<string, unknown> = { ...extra };
  for (const [name, [key]] of Object.entries(MLMODEL_KEYS) as [FieldName, readonly [string, Check]][]) {
    const value = fields[name];
    if (value !== undefined) dict[key] = value;
  }
  return dict;
}

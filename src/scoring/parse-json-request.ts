/**
 * A decoded JSON scoring request → the model input and params, following MLflow's dispatch order:
 * the unified LLM keys, then type-hint models, then the four standard input keys.
 */
import { MlflowError } from '../core/mlflow-error.js';
import { isPlainObject, pythonRepr } from '../core/python-json.js';
import type { LoadedModel } from '../model/loaded-model.js';
import { frameFromRecordsJson, frameFromSplit } from './frame-from-json.js';
import { inputsFromJson, instancesFromJson } from './input-from-json.js';

/** What `/invocations` hands to the model, and whether the reply is wrapped in `{"predictions": ...}`. */
export interface ScoringCall {
  readonly input: unknown;
  readonly params: Record<string, unknown> | unknown;
  readonly wrap: boolean;
}

const INPUT_KEYS = ['dataframe_split', 'dataframe_records', 'instances', 'inputs'] as const;
const LLM_KEYS = ['messages', 'prompt', 'input'];
// MLflow prints the accepted keys as a Python set; its order varies by run, this is one of them.
const KEY_SET = "{'dataframe_split', 'inputs', 'instances', 'dataframe_records'}";
/** MLflow's note on the 2.0 protocol change, appended to format errors. */
export const PROTOCOL_NOTE =
  "IMPORTANT: The MLflow Model scoring protocol has changed in MLflow version 2.0. If you are seeing this error, you are likely using an outdated scoring request format. To resolve the error, either update your request format or adjust your MLflow Model's requirements file to specify an older version of MLflow (for example, change the 'mlflow' requirement specifier to 'mlflow==1.30.0'). If you are making a request using the MLflow client (e.g. via `mlflow.pyfunc.spark_udf()`), upgrade your MLflow client to a version >= 2.0 in order to use the new request format. For more information about the updated MLflow Model scoring protocol in MLflow 2.0, see https://mlflow.org/docs/latest/models.html#deploy-mlflow-models.";

function badRequest(message: string): MlflowError {
  return new MlflowError(message, 'BAD_REQUEST');
}

function notADict(body: unknown): MlflowError {
  const got = Array.isArray(body)
    ? 'Received a list.'
    : `Received unexpected input type '${pythonTypeOf(body)}.`;
  return badRequest(
    `Invalid input. The input must be a JSON dictionary with exactly one of the input fields ${KEY_SET}. ${got}`,
  );
}

function pythonTypeOf(v: unknown): string {
  if (typeof v === 'string') return "<class 'str'>";
  if (typeof v === 'boolean') return "<class 'bool'>";
  if (v === null) return "<class 'NoneType'>";
  return Number.isInteger(v) ? "<class 'int'>" : "<class 'float'>";
}

function llmCall(model: LoadedModel, body: Record<string, unknown>): ScoringCall {
  const paramNames = new Set(model.signature?.params?.params.map((p) => p.name) ?? []);
  const input: Record<string, unknown> = {};
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) (paramNames.has(k) ? params : input)[k] = v;
  return { input, params, wrap: false };
}

function standardInput(model: LoadedModel, key: (typeof INPUT_KEYS)[number], value: unknown): unknown {
  const schema = model.metadata.isSignatureFromTypeHint ? null : (model.signature?.inputs ?? null);
  switch (key) {
    case 'dataframe_split':
      return frameFromSplit(schema, value);
    case 'dataframe_records':
      if (!Array.isArray(value))
        throw badRequest(
          'Invalid input. Dataframe records format must be a list of records. Got dictionary.',
        );
      return frameFromRecordsJson(schema, value);
    case 'instances':
      return instancesFromJson(schema, value);
    case 'inputs':
      return inputsFromJson(schema, value);
  }
}

/**
 * Turns a decoded JSON body into the model call, or throws MLflow's BAD_REQUEST for a body of the
 * wrong shape or values that cannot be cast to the signature.
 *
 * @example parseJsonRequest(model, { inputs: { x: [1, 2] }, params: { k: 1 } })
 */
export function parseJsonRequest(model: LoadedModel, body: unknown): ScoringCall {
  if (!isPlainObject(body)) throw notADict(body);
  if (LLM_KEYS.some((k) => Object.hasOwn(body, k))) return llmCall(model, body);
  const params = body.params ?? {};
  if (model.metadata.isSignatureFromTypeHint) {
    if (!Object.hasOwn(body, 'inputs'))
      throw new MlflowError(
        `Request payload must be a dictionary with 'inputs' key when the model contains a valid type hint. Found keys in payload: ${pythonRepr(Object.keys(body))}`,
        'INVALID_PARAMETER_VALUE',
      );
    return { input: body.inputs, params, wrap: true };
  }
  const keys = INPUT_KEYS.filter((k) => Object.hasOwn(body, k));
  const [key, ...others] = keys;
  if (!key || others.length > 0)
    throw badRequest(
      `The input must be a JSON dictionary with exactly one of the input fields ${KEY_SET}. Received dictionary with input fields: ${pythonRepr(keys)}. ${PROTOCOL_NOTE}`,
    );
  return { input: standardInput(model, key, body[key]), params, wrap: true };
}

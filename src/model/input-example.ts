/**
 * Input examples stored beside a model (model-format.md §4): `input_example.json`, which MLflow's
 * `Model.load_input_example` reads, and `serving_input_example.json`, a ready `/invocations` body.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MlflowError } from '../core/mlflow-error.js';
import type { DataFrame } from '../data/data-frame.js';
import type { Tensor, TensorMap } from '../data/tensor.js';
import type { ModelSignature } from '../schema/types.js';
import { decodeFrame, decodeTensors } from './input-example-decode.js';
import { encodeExample, encodeJsonValue } from './input-example-encode.js';
import { isMapping } from './mlmodel-errors.js';
import { dumpExampleJson, parseExampleJson, type PyJson, toPlainJson } from './example-json.js';
import { checkInputExampleInfo, type SavedInputExampleInfo } from './saved-input-example-info.js';

/** The file names MLflow 3.x uses for the two example files. */
export const INPUT_EXAMPLE_FILE = 'input_example.json';
export const SERVING_INPUT_EXAMPLE_FILE = 'serving_input_example.json';

/** An example value: a DataFrame, a Tensor, a record of Tensors, or JSON-like data (Dates and bytes allowed). */
export type InputExample = DataFrame | Tensor | TensorMap | unknown;

/** An example with inference params, as MLflow's `(input, params)` tuple. */
export interface InputExampleWithParams {
  readonly input: InputExample;
  readonly params: Readonly<Record<string, unknown>>;
}

/** What {@link loadInputExample} returns: the example input and its params (null when none were saved). */
export interface LoadedInputExample {
  readonly input: DataFrame | Tensor | TensorMap | unknown;
  readonly params: Record<string, unknown> | null;
}

/**
 * An object with exactly the keys `input` and `params` (a record) is an example with params, like
 * MLflow's 2-tuple whose second item is a dict. Empty params count as none.
 */
function splitParams(example: unknown): { input: unknown; params: Record<string, unknown> | null } {
  if (isMapping(example)) {
    const keys = Object.keys(example).sort();
    if (keys.length === 2 && keys[0] === 'input' && keys[1] === 'params' && isMapping(example.params)) {
      const params = example.params;
      return { input: example.input, params: Object.keys(params).length > 0 ? params : null };
    }
  }
  return { input: example, params: null };
}

/**
 * Writes `input_example.json` and `serving_input_example.json` into `dir` in MLflow 3.x's format and
 * returns the `saved_input_example_info` mapping to put into the MLmodel file.
 * Accepts a DataFrame, a Tensor, a record of Tensors, JSON-like values, or `{ input, params }`.
 *
 * @example
 * const info = await saveInputExample('/tmp/model', { input: frame, params: { threshold: 0.9 } });
 * model.savedInputExampleInfo = info; // { artifact_path: 'input_example.json', type: 'dataframe', params: 'true', ... }
 */
export async function saveInputExample(
  dir: string,
  example: InputExample | InputExampleWithParams,
): Promise<SavedInputExampleInfo> {
  const { input, params } = splitParams(example);
  const encoded = encodeExample(input);
  let data = encoded.data;
  let serving = encoded.serving;
  if (params) {
    const py = encodeJsonValue(params, 'params') as Readonly<Record<string, PyJson>>;
    data = { inputs: data, params: py };
    // The unified LLM format takes params at the top level; every other payload under "params".
    serving = encoded.unifiedLlm ? { ...(serving as object), ...py } : { ...(serving as object), params: py };
  }
  await writeFile(join(dir, INPUT_EXAMPLE_FILE), dumpExampleJson(data), 'utf8');
  await writeFile(join(dir, SERVING_INPUT_EXAMPLE_FILE), dumpExampleJson(serving, 2), 'utf8');
  return {
    artifact_path: INPUT_EXAMPLE_FILE,
    type: encoded.type,
    ...(encoded.pandasOrient ? { pandas_orient: encoded.pandasOrient } : {}),
    ...(params ? { params: 'true' } : {}),
    serving_input_path: SERVING_INPUT_EXAMPLE_FILE,
  };
}

async function readExampleJson(file: string): Promise<PyJson> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    throw new MlflowError(
      missing
        ? `The input example file ${file} does not exist.`
        : `Could not read the input example ${file}.`,
      missing ? 'RESOURCE_DOES_NOT_EXIST' : 'INVALID_PARAMETER_VALUE',
      { file, cause },
    );
  }
  try {
    return parseExampleJson(text);
  } catch (cause) {
    throw new MlflowError(
      `Invalid input example ${file}: ${(cause as Error).message}`,
      'INVALID_PARAMETER_VALUE',
      {
        file,
        cause,
      },
    );
  }
}

/**
 * Reads the example a model folder holds, as MLflow's `Model.load_input_example` (plus its params):
 * a DataFrame for `dataframe`, a Tensor (or record of Tensors) for `ndarray`, raw JSON for
 * `json_object` and sparse matrices. Column and tensor dtypes follow `signature` when given.
 *
 * @example
 * const model = Model.load(dir);
 * const { input, params } = await loadInputExample(dir, model.savedInputExampleInfo!, model.signature);
 */
export async function loadInputExample(
  dir: string,
  info: SavedInputExampleInfo | Readonly<Record<string, unknown>>,
  signature?: ModelSignature | null,
): Promise<LoadedInputExample> {
  const checked = checkInputExampleInfo(info, join(dir, 'MLmodel'));
  const file = join(dir, checked.artifact_path);
  let data = await readExampleJson(file);
  let params: Record<string, unknown> | null = null;
  if (checked.params === 'true' || checked.params === true) {
    if (!isMapping(data) || !('inputs' in data))
      throw new MlflowError(
        `Invalid input example ${file}: an example saved with params must be {"inputs": ..., "params": ...}.`,
        'INVALID_PARAMETER_VALUE',
        { file },
      );
    params = isMapping(data.params) ? (toPlainJson(data.params as PyJson) as Record<string, unknown>) : null;
    data = (data.inputs ?? null) as PyJson;
  }
  const schema = signature?.inputs ?? null;
  switch (checked.type) {
    case 'dataframe':
      return { input: decodeFrame(data, schema, file), params };
    case 'ndarray':
      return { input: decodeTensors(data, checked.format === 'tf-serving', schema, file), params };
    default:
      return { input: toPlainJson(data), params };
  }
}

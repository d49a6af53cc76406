/**
 * The `saved_input_example_info` mapping of an MLmodel file: where the input example is stored and
 * how to read it back.
 */
import { invalidField, isMapping } from './mlmodel-errors.js';

/** The example types MLflow's reader accepts; it rejects any other `type`. */
export const INPUT_EXAMPLE_TYPES = [
  'dataframe',
  'ndarray',
  'json_object',
  'sparse_matrix_csc',
  'sparse_matrix_csr',
] as const;
export type InputExampleType = (typeof INPUT_EXAMPLE_TYPES)[number];

/**
 * The `saved_input_example_info` mapping, with MLflow's snake_case keys, as written to MLmodel.
 * MLflow 2.x also wrote `format: tf-serving` for tensor examples wrapped in `{"inputs": ...}`.
 */
export interface SavedInputExampleInfo {
  readonly artifact_path: string;
  readonly type: InputExampleType;
  readonly pandas_orient?: 'split' | 'values';
  readonly serving_input_path?: string;
  /** The string `'true'` when the example file holds `{"inputs": ..., "params": ...}`. */
  readonly params?: string | boolean;
  readonly format?: string;
  readonly [key: string]: unknown;
}

const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * Checks a parsed `saved_input_example_info` value and returns it typed; throws an
 * INVALID_PARAMETER_VALUE MlflowError naming the file and the offending key otherwise.
 *
 * @example checkInputExampleInfo({ artifact_path: 'input_example.json', type: 'ndarray' }, '/m/MLmodel')
 */
export function checkInputExampleInfo(
  value: unknown,
  file: string,
  field = 'saved_input_example_info',
): SavedInputExampleInfo {
  if (!isMapping(value)) throw invalidField(file, field, 'a mapping', value);
  if (!isString(value.artifact_path))
    throw invalidField(file, `${field}.artifact_path`, 'a string', value.artifact_path);
  if (!(INPUT_EXAMPLE_TYPES as readonly unknown[]).includes(value.type))
    throw invalidField(file, `${field}.type`, `one of ${INPUT_EXAMPLE_TYPES.join(', ')}`, value.type);
  for (const key of ['pandas_orient', 'serving_input_path', 'format']) {
    const v = value[key];
    if (v !== undefined && !isString(v)) throw invalidField(file, `${field}.${key}`, 'a string', v);
  }
  const params = value.params;
  if (params !== undefined && !isString(params) && typeof params !== 'boolean')
    throw invalidField(file, `${field}.params`, "the string 'true'", params);
  return value as SavedInputExampleInfo;
}

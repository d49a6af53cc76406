/**
 * Tensor-based enforcement (`_enforce_tensor_schema`): the input must be an ndarray (or named
 * ndarrays) of exactly the spec's dtype and a matching shape; DataFrames are converted first.
 */
import { Column } from '../data/column.js';
import { DataFrame } from '../data/data-frame.js';
import { Tensor, type TensorMap } from '../data/tensor.js';
import { under } from './enforce-cells.js';
import { matchNames } from './enforce-columns.js';
import { isPyDict, pyClassRepr, pyDictEntries } from './enforce-python.js';
import { columnToTensor, frameToTensor } from './enforce-tensor-frame.js';
import { shapeRepr } from './repr.js';
import { fail, ok, type Result } from './result.js';
import type { TensorSpec } from './types.js';

function problem<T>(
  code: 'invalid_shape' | 'incompatible_type' | 'invalid_input',
  message: string,
): Result<T> {
  return fail({ path: [], code, message });
}

/** numpy's `str(dtype)`: strings and bytes carry their longest element's length (`<U5`, `|S3`). */
function dtypeText(t: Tensor): string {
  if (t.dtype !== 'str' && t.dtype !== 'bytes') return t.dtype;
  let longest = 0;
  for (const v of t.data as readonly (string | Uint8Array | null)[])
    longest = Math.max(longest, typeof v === 'string' ? [...v].length : (v?.length ?? 0));
  return t.dtype === 'str' ? `<U${longest}` : `|S${longest}`;
}

/**
 * Checks one array against a TensorSpec: same rank, every fixed dimension equal (-1 matches any
 * size), and exactly the same dtype; object specs with variable dimensions also take ragged arrays.
 *
 * @example enforceTensorSpec(new Tensor('float32', [2, 4], data), spec) // ok for Tensor('float32', (-1, 4))
 */
export function enforceTensorSpec(t: Tensor, spec: TensorSpec): Result<Tensor> {
  const [expected, actual] = [spec.shape, t.shape];
  if (expected.length === 1 && expected[0] === -1 && spec.dtype === 'object') return ok(t);
  if (expected.length > 1 && expected.slice(1).includes(-1) && actual.length === 1 && t.dtype === 'object')
    return ok(t);
  if (expected.length !== actual.length || expected.some((d, i) => d !== -1 && d !== actual[i]))
    return problem(
      'invalid_shape',
      `Shape of input ${shapeRepr(actual)} does not match expected shape ${shapeRepr(expected)}.`,
    );
  if (t.dtype !== spec.dtype)
    return problem(
      'incompatible_type',
      `dtype of input ${dtypeText(t)} does not match expected dtype ${spec.dtype}`,
    );
  return ok(t);
}

function namedFromDict(dict: Map<unknown, unknown>, specs: readonly TensorSpec[]): Result<TensorMap> {
  const out: TensorMap = {};
  for (const spec of specs) {
    const name = spec.name ?? '';
    const value = dict.get(name);
    if (!(value instanceof Tensor))
      return problem(
        'invalid_input',
        'This model contains a tensor-based model signature with input names, which suggests a dictionary ' +
          `input mapping input name to a numpy array, but a dict with value type ${pyClassRepr(value)} was found.`,
      );
    const r = enforceTensorSpec(value, spec);
    if (!r.ok) return under([name], r);
    out[name] = r.value;
  }
  return ok(out);
}

function namedFromFrame(frame: DataFrame, specs: readonly TensorSpec[]): Result<TensorMap> {
  const out: TensorMap = {};
  for (const spec of specs) {
    const name = spec.name ?? '';
    const r = columnToTensor(name, frame.column(name), spec);
    if (!r.ok) return under([name], r);
    out[name] = r.value;
  }
  return ok(out);
}

function enforceNamed(specs: readonly TensorSpec[], input: unknown, warnings: string[]): Result<TensorMap> {
  const names = specs.map((s) => s.name ?? '');
  const data = names.length === 1 && input instanceof Tensor ? new Map([[names[0], input]]) : input;
  const dict = isPyDict(data) ? new Map(pyDictEntries(data)) : undefined;
  const actual = data instanceof DataFrame ? data.columnNames : dict ? ([...dict.keys()] as string[]) : [];
  const matched = matchNames(names, [], actual, warnings);
  if (!matched.ok) return matched;
  if (dict) return namedFromDict(dict, specs);
  if (data instanceof DataFrame) return namedFromFrame(data, specs);
  return problem(
    'invalid_input',
    'This model contains a tensor-based model signature with input names, which suggests a dictionary input ' +
      'mapping input name to tensor, or a pandas DataFrame input containing columns mapping input name to ' +
      `flattened list value from tensor, but an input of type ${pyClassRepr(data)} was found.`,
  );
}

function unnamedFromFrame(frame: DataFrame, spec: TensorSpec): Result<Tensor> {
  const width = frame.columns.length;
  if (frame.length === 0 || width === 0) return problem('invalid_input', 'Input DataFrame is empty.');
  if (width === 1) return columnToTensor(undefined, frame.columns[0] as Column, spec);
  if (shapeRepr(spec.shape) !== shapeRepr([-1, width]))
    return problem(
      'invalid_shape',
      'This model contains a model signature with an unnamed input. Since the input data is a pandas ' +
        'DataFrame containing multiple columns, the input shape must be of the structure ' +
        `(-1, number_of_dataframe_columns). Instead, the input DataFrame passed had ${width} columns and an ` +
        `input shape of ${shapeRepr(spec.shape)} with all values within the DataFrame of scalar type. Please ` +
        'adjust the passed in DataFrame to match the expected structure',
    );
  return enforceTensorSpec(frameToTensor(frame), spec);
}

function enforceUnnamed(spec: TensorSpec, input: unknown): Result<Tensor> {
  if (input instanceof DataFrame) return unnamedFromFrame(input, spec);
  if (input instanceof Tensor) return enforceTensorSpec(input, spec);
  return problem(
    'invalid_input',
    'This model contains a tensor-based model signature with no input names, which suggests a numpy array ' +
      'input or a pandas dataframe input with proper column values, but an input of type ' +
      `${pyClassRepr(input)} was found.`,
  );
}

/**
 * Enforces a tensor-based schema: the model receives one Tensor (unnamed schema) or a record of
 * Tensors in schema order (named schema; extra names are dropped with a warning).
 *
 * @example enforceTensors([{ kind: 'tensor', dtype: 'float32', shape: [-1, 4] }], tensor, warnings)
 */
export function enforceTensors(
  specs: readonly TensorSpec[],
  input: unknown,
  warnings: string[],
): Result<Tensor | TensorMap> {
  const data = input instanceof Column ? new DataFrame([input]) : input;
  const [first] = specs;
  if (first === undefined) return ok(data as Tensor);
  return first.name === undefined ? enforceUnnamed(first, data) : enforceNamed(specs, data, warnings);
}

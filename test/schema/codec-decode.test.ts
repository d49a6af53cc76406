import { describe, expect, it } from 'vitest';
import { MlflowError } from '../../src/core/mlflow-error.js';
import {
  paramSchemaFromJson,
  schemaFromJson,
  signatureFromDict,
  signatureToDict,
} from '../../src/schema/codec.js';

/** The MlflowError a decoder throws, so a test can check its code and MLflow's wording. */
function errorOf(fn: () => unknown): MlflowError {
  try {
    fn();
  } catch (e) {
    if (e instanceof MlflowError) return e;
    throw e;
  }
  throw new Error('expected an MlflowError');
}

function rejects(fn: () => unknown, message: string): void {
  const e = errorOf(fn);
  expect(e.errorCode).toBe('INVALID_PARAMETER_VALUE');
  expect(e.message).toBe(message);
}

describe('schemaFromJson reads what MLflow writes', () => {
  it('reads scalar, array, object, map, any and sparkml_vector ColSpecs', () => {
    const schema = schemaFromJson(
      '[{"type": "double", "name": "a"}, {"type": "array", "items": {"type": "long"}, "name": "b", "required": true},' +
        ' {"type": "object", "properties": {"z": {"type": "string"}, "y": {"type": "any", "required": false}}, "name": "c", "required": true},' +
        ' {"type": "map", "values": {"type": "double"}, "name": "d", "required": false},' +
        ' {"type": "any", "name": "e", "required": true}, {"type": "sparkml_vector", "name": "f", "required": true}]',
    );
    expect(schema).toEqual({
      kind: 'columns',
      specs: [
        { kind: 'column', name: 'a', type: { kind: 'scalar', type: 'double' }, required: true },
        {
          kind: 'column',
          name: 'b',
          type: { kind: 'array', items: { kind: 'scalar', type: 'long' } },
          required: true,
        },
        {
          kind: 'column',
          name: 'c',
          required: true,
          type: {
            kind: 'object',
            properties: [
              { name: 'y', type: { kind: 'any' }, required: false },
              { name: 'z', type: { kind: 'scalar', type: 'string' }, required: true },
            ],
          },
        },
        {
          kind: 'column',
          name: 'd',
          type: { kind: 'map', values: { kind: 'scalar', type: 'double' } },
          required: false,
        },
        { kind: 'column', name: 'e', type: { kind: 'any' }, required: true },
        { kind: 'column', name: 'f', type: { kind: 'sparkml_vector' }, required: true },
      ],
    });
  });

  it('reads a complex ColSpec without `required` as optional (MLflow keeps None)', () => {
    const schema = schemaFromJson('[{"type": "array", "items": {"type": "long"}, "name": "x"}]');
    expect(schema.specs[0]).toMatchObject({ required: false });
    // and the scalar default is required
    expect(schemaFromJson('[{"type": "long", "name": "x"}]').specs[0]).toMatchObject({ required: true });
  });

  it('reads TensorSpecs and normalises numpy dtype aliases to their names', () => {
    const schema = schemaFromJson(
      '[{"name": "a", "type": "tensor", "tensor-spec": {"dtype": "<f4", "shape": [-1, 4]}},' +
        ' {"name": "b", "type": "tensor", "tensor-spec": {"dtype": "U", "shape": [-1]}},' +
        ' {"name": "c", "type": "tensor", "tensor-spec": {"dtype": "float", "shape": []}},' +
        ' {"name": "d", "type": "tensor", "tensor-spec": {"dtype": "M8[ns]", "shape": [-1]}}]',
    );
    expect(schema.specs.map((s) => (s.kind === 'tensor' ? [s.dtype, s.shape] : null))).toEqual([
      ['float32', [-1, 4]],
      ['str', [-1]],
      ['float64', []],
      ['datetime64[ns]', [-1]],
    ]);
  });

  it('accepts the parsed array as well as the string', () => {
    expect(schemaFromJson([{ type: 'string', required: true }]).specs).toHaveLength(1);
  });
});

describe('schemaFromJson rejects what MLflow rejects, with its message', () => {
  it.each([
    ['an empty list', '[]', 'Creating Schema with empty inputs is not allowed.'],
    [
      'named and unnamed inputs',
      '[{"type": "long", "name": "a"}, {"type": "long"}]',
      "Creating Schema with a combination of named and unnamed inputs is not allowed. Got input names ['a', None]",
    ],
    [
      'ColSpecs mixed with TensorSpecs',
      '[{"type": "long", "name": "a"}, {"name": "b", "type": "tensor", "tensor-spec": {"dtype": "int64", "shape": [-1]}}]',
      'Creating Schema with a combination of {0} and {1} is not supported. Please choose one of ColSpec or TensorSpec',
    ],
    [
      'several unnamed TensorSpecs',
      '[{"type": "tensor", "tensor-spec": {"dtype": "int64", "shape": [-1]}}, {"type": "tensor", "tensor-spec": {"dtype": "int64", "shape": [-1]}}]',
      'Creating Schema with multiple unnamed TensorSpecs is not supported. Please provide names for each TensorSpec.',
    ],
    [
      'an unnamed optional input',
      '[{"type": "long", "required": false}]',
      'Creating Schema with unnamed optional inputs is not supported. Please name all inputs or make all inputs required.',
    ],
    [
      'an unknown column type',
      '[{"type": "decimal", "name": "a"}]',
      "Unsupported type 'decimal', expected instance of DataType or one of ['boolean', 'integer', 'long', 'float', 'double', 'string', 'binary', 'datetime']",
    ],
    [
      'an unknown array item type',
      '[{"type": "array", "items": {"type": "decimal"}, "name": "a", "required": true}]',
      "Unsupported type 'decimal', expected instance of DataType, Array, Object, Map or one of ['boolean', 'integer', 'long', 'float', 'double', 'string', 'binary', 'datetime']",
    ],
    [
      'an unknown map value type',
      '[{"type": "map", "values": {"type": "decimal"}, "name": "a", "required": true}]',
      "Unsupported value type 'decimal', expected instance of DataType, Array, Object, Map or one of ['boolean', 'integer', 'long', 'float', 'double', 'string', 'binary', 'datetime']",
    ],
    [
      'an object without properties',
      '[{"type": "object", "properties": {}, "name": "a", "required": true}]',
      'Creating Object with empty properties is not allowed.',
    ],
    [
      'a ColSpec without a type',
      '[{"name": "a"}]',
      'Missing keys in ColSpec JSON. Expected to find key `type`',
    ],
    [
      'a sized string tensor dtype',
      '[{"type": "tensor", "tensor-spec": {"dtype": "<U5", "shape": [-1]}}]',
      'MLflow does not support size information in flexible numpy data types. Use np.dtype("str") instead',
    ],
    [
      'an unknown tensor dtype',
      '[{"type": "tensor", "tensor-spec": {"dtype": "float99", "shape": [-1]}}]',
      "data type 'float99' not understood",
    ],
    [
      'a TensorSpec without dtype',
      '[{"type": "tensor", "tensor-spec": {"shape": [-1]}}]',
      'Missing keys in TensorSpec JSON. Expected to find keys `dtype` and `shape`',
    ],
    [
      'malformed JSON',
      '[{"type": "long",]',
      'Expecting property name enclosed in double quotes: line 1 column 18 (char 17)',
    ],
    ['trailing text', '[] x', 'Extra data: line 1 column 4 (char 3)'],
  ])('rejects %s', (_what, json, message) => rejects(() => schemaFromJson(json), message));
});

describe('paramSchemaFromJson', () => {
  it('reads the legacy `dtype` key and converts defaults as MLflow does', () => {
    const params = paramSchemaFromJson(
      '[{"name": "a", "dtype": "double", "default": 1, "shape": null},' +
        ' {"name": "t", "type": "datetime", "default": "2024-01-02 03:04", "shape": null},' +
        ' {"name": "d", "type": "datetime", "default": ["2024-01-02"], "shape": [-1]}]',
    );
    expect(params.params.map((p) => p.default)).toEqual([1, '2024-01-02T03:04:00', ['2024-01-02']]);
    // double defaults are Python floats, so they are written back as 1.0
    expect(signatureToDict({ inputs: null, outputs: null, params }).params).toBe(
      '[{"name": "a", "default": 1.0, "shape": null, "type": "double"}, ' +
        '{"name": "t", "default": "2024-01-02T03:04:00", "shape": null, "type": "datetime"}, ' +
        '{"name": "d", "default": ["2024-01-02"], "shape": [-1], "type": "datetime"}]',
    );
  });

  it('reads object params with properties', () => {
    const params = paramSchemaFromJson(
      '[{"name": "cfg", "default": {"a": 1}, "shape": null, "type": "object", "properties": {"a": {"type": "long", "required": true}}}]',
    );
    expect(params.params[0]).toEqual({
      name: 'cfg',
      default: { a: 1 },
      shape: null,
      type: {
        kind: 'object',
        properties: [{ name: 'a', type: { kind: 'scalar', type: 'long' }, required: true }],
      },
    });
  });

  it.each([
    [
      'duplicate names',
      '[{"name": "a", "type": "long", "default": 1}, {"name": "a", "type": "long", "default": 2}]',
      "Duplicated parameters found in schema: ['a']",
    ],
    [
      'binary params',
      '[{"name": "raw", "type": "binary", "default": null}]',
      "Binary type is not supported for parameters, ParamSpec 'raw'has dtype 'binary'",
    ],
    [
      'an unknown type',
      '[{"name": "a", "type": "decimal", "default": 1}]',
      "Unsupported type 'decimal', expected instance of DataType or one of ['boolean', 'integer', 'long', 'float', 'double', 'string', 'datetime']",
    ],
    [
      'missing keys',
      '[{"name": "a", "type": "long"}]',
      "Missing keys in ParamSpec JSON. Expected to find keys `name`, `type`(or `dtype`) and `default`. Received keys: dict_keys(['name', 'type'])",
    ],
    [
      'a float default for a long param (JSON 2.0 is a Python float)',
      '[{"name": "k", "type": "long", "default": 2.0, "shape": null}]',
      "Failed to validate type and shape for 'k': long (default: 2.0), error: Can not safely convert `<class 'float'>` to `DataType.long` for value `2.0`",
    ],
    [
      'a string default for a boolean param',
      '[{"name": "f", "type": "boolean", "default": "true", "shape": null}]',
      "Failed to validate type and shape for 'f': boolean (default: true), error: Can not safely convert `<class 'str'>` to `DataType.boolean` for value `true`",
    ],
    [
      'a scalar default for a list param',
      '[{"name": "ids", "type": "long", "default": 1, "shape": [-1]}]',
      "Value must be a 1D array with shape (-1,) for param 'ids': long (default: 1) (shape: (-1,)), received int with ndim 0",
    ],
    [
      'a list element of the wrong type',
      '[{"name": "l", "type": "string", "default": [1, "a"], "shape": [-1]}]',
      "Failed to validate type and shape for 'l': string (default: [1, 'a']) (shape: (-1,)), error: Can not safely convert `<class 'int'>` to `DataType.string` for value `1`",
    ],
    [
      'an unparsable datetime default',
      '[{"name": "ts", "type": "datetime", "default": "tomorrow", "shape": null}]',
      "Failed to validate type and shape for 'ts': datetime (default: tomorrow), error: Failed to convert value `tomorrow` from type `<class 'str'>` to `DataType.datetime`",
    ],
    [
      'a shape other than null or [-1]',
      '[{"name": "m", "type": "long", "default": [[1]], "shape": [-1, 1]}]',
      "Shape must be None for scalar or dictionary value, or (-1,) for 1D array value for ParamSpec 'm': long (default: [[1]]) (shape: (-1, 1))), received (-1, 1)",
    ],
    [
      'an object default missing a required property',
      '[{"name": "cfg", "type": "object", "default": {}, "shape": null, "properties": {"a": {"type": "long"}}}]',
      "Failed to validate type and shape for 'cfg': {a: long (required)} (default: {}), error: Missing required properties: {'a'}",
    ],
    [
      'an object default with a property of the wrong type',
      '[{"name": "cfg", "type": "object", "default": {"a": "x"}, "shape": null, "properties": {"a": {"type": "long"}}}]',
      "Failed to validate type and shape for 'cfg': {a: long (required)} (default: {'a': 'x'}), error: Failed to enforce schema for key `a`. Expected type long, received type str",
    ],
  ])('rejects %s', (_what, json, message) => rejects(() => paramSchemaFromJson(json), message));
});

describe('signatureFromDict', () => {
  it('treats empty strings and nulls as absent parts', () => {
    const sig = signatureFromDict({
      inputs: '[{"type": "string", "required": true}]',
      outputs: '',
      params: null,
    });
    expect([sig.outputs, sig.params]).toEqual([null, null]);
  });

  it('rejects a signature with no part, as ModelSignature does', () => {
    rejects(
      () => signatureFromDict({ inputs: null, outputs: null, params: null }),
      'At least one of inputs, outputs or params must be provided',
    );
  });
});

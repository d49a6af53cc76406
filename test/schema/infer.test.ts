import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { PyFloat } from '../../src/core/python-json.js';
import { Column } from '../../src/data/column.js';
import { DataFrame } from '../../src/data/data-frame.js';
import { frameFromRecords } from '../../src/data/from-js.js';
import { Tensor } from '../../src/data/tensor.js';
import { signatureToDict } from '../../src/schema/codec.js';
import { inferSignature } from '../../src/schema/infer.js';

const inputsOf = (input: unknown): string | null => signatureToDict(inferSignature(input)).inputs;
const paramsOf = (params: Record<string, unknown>): string | null =>
  signatureToDict(inferSignature('q', undefined, params)).params;

describe('inferSignature on JS inputs', () => {
  it('infers a DataFrame built from records with pandas dtypes', () => {
    const df = frameFromRecords([
      { id: 1, score: 0.5, tags: ['a'], when: new Date(0), raw: new Uint8Array([1]), ok: true },
      { id: 2, score: null, tags: ['b', 'c'], when: new Date(1), raw: new Uint8Array([2]), ok: false },
    ]);
    expect(inputsOf(df)).toBe(
      '[{"type": "long", "name": "id", "required": true}, {"type": "double", "name": "score", "required": false}, ' +
        '{"type": "array", "items": {"type": "string"}, "name": "tags", "required": true}, ' +
        '{"type": "datetime", "name": "when", "required": true}, {"type": "binary", "name": "raw", "required": true}, ' +
        '{"type": "boolean", "name": "ok", "required": true}]',
    );
  });

  it('infers an Arrow table through its frame', () => {
    const table = tableFromArrays({ x: Float32Array.of(1, 2), s: ['a', 'b'] });
    expect(inputsOf(table)).toBe(
      '[{"type": "float", "name": "x", "required": true}, {"type": "string", "name": "s", "required": true}]',
    );
  });

  it('names the ColSpec of a Column after it', () => {
    expect(inputsOf(new Column('text', 'object', ['a', null]))).toBe(
      '[{"type": "string", "name": "text", "required": false}]',
    );
  });

  it('infers tensors with a variable first dimension, named in a record', () => {
    const t = new Tensor('float32', [2, 3], new Float32Array(6));
    expect(inputsOf(t)).toBe('[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 3]}}]');
    expect(inputsOf({ a: t, b: new Tensor('int64', [2], new BigInt64Array(2)) })).toBe(
      '[{"name": "a", "type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 3]}}, ' +
        '{"name": "b", "type": "tensor", "tensor-spec": {"dtype": "int64", "shape": [-1]}}]',
    );
    expect(inputsOf(Float64Array.of(1, 2))).toBe(
      '[{"type": "tensor", "tensor-spec": {"dtype": "float64", "shape": [-1]}}]',
    );
  });

  it('merges objects across records: keys missing in some rows become optional properties', () => {
    expect(inputsOf({ msgs: [{ role: 'user' }, { role: 'bot', extra: 1 }] })).toBe(
      '[{"type": "array", "items": {"type": "object", "properties": {"extra": {"type": "long", "required": false}, ' +
        '"role": {"type": "string", "required": true}}}, "name": "msgs", "required": true}]',
    );
  });

  it('reads a PyFloat as a Python float where a JS number cannot say', () => {
    expect(inputsOf([new PyFloat(1), new PyFloat(2)])).toBe('[{"type": "double", "required": true}]');
    expect(inputsOf([1, 2])).toBe('[{"type": "long", "required": true}]');
  });

  it.each([
    ['a mixed object column', new DataFrame([new Column('x', 'object', [1, 'a'])])],
    ['a uint64 column', new DataFrame([new Column('x', 'uint64', BigUint64Array.of(1n))])],
    ['a list of mixed scalars', [1, 'a']],
    ['an empty record', {}],
  ])('falls back to an any ColSpec for %s, as MLflow 3.6 does', (_what, input) => {
    expect(inputsOf(input)).toBe('[{"type": "any", "required": true}]');
  });

  it('infers an empty list as one string column (MLflow back-compat)', () => {
    expect(inputsOf([])).toBe('[{"type": "string", "required": true}]');
  });

  it('requires at least one part', () => {
    expect(() => inferSignature(undefined, null, {})).toThrow(
      'At least one of inputs, outputs or params must be provided',
    );
  });
});

describe('param inference', () => {
  it('types scalars, Dates, 1-D lists and dicts, in MLflow 3.6 key order', () => {
    expect(
      paramsOf({
        k: 3,
        t: 0.5,
        s: 'x',
        b: true,
        at: new Date('2024-01-02T03:04:05.250Z'),
        ids: [1, 2],
        none: [],
        cfg: { a: 1 },
      }),
    ).toBe(
      '[{"name": "k", "default": 3, "shape": null, "type": "long"}, ' +
        '{"name": "t", "default": 0.5, "shape": null, "type": "double"}, ' +
        '{"name": "s", "default": "x", "shape": null, "type": "string"}, ' +
        '{"name": "b", "default": true, "shape": null, "type": "boolean"}, ' +
        '{"name": "at", "default": "2024-01-02T03:04:05.250000", "shape": null, "type": "datetime"}, ' +
        '{"name": "ids", "default": [1, 2], "shape": [-1], "type": "long"}, ' +
        '{"name": "none", "default": [], "shape": [-1], "type": "datetime"}, ' +
        '{"name": "cfg", "default": {"a": 1}, "shape": null, "type": "object", "properties": {"a": {"type": "long", "required": true}}}]',
    );
  });

  it('writes a double list holding integral values as floats', () => {
    expect(paramsOf({ w: [1, 2.5] })).toBe(
      '[{"name": "w", "default": [1.0, 2.5], "shape": [-1], "type": "double"}]',
    );
  });

  it.each([
    [
      { p: null },
      "[('p', None, MlflowException('Expected parameters to be 1D array or scalar, got NoneType'))]",
    ],
    [
      { m: [[1, 2]] },
      "[('m', [[1, 2]], MlflowException('Expected parameters to be 1D array or scalar, got 2D array'))]",
    ],
    [
      { raw: new Uint8Array([97, 98]) },
      `[('raw', b'ab', MlflowException("Binary type is not supported for parameters, ParamSpec 'raw'has dtype 'binary'"))]`,
    ],
    [
      { l: [1, null] },
      "[('l', [1, None], Exception('Can not infer object without looking at the values, call _map_numpy_array instead.'))]",
    ],
  ])('rejects %o with MLflow message', (params, detail) => {
    expect(() => inferSignature('q', undefined, params)).toThrow(
      `Failed to infer schema for parameters: ${detail}`,
    );
  });
});

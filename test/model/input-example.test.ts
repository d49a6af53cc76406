import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  Column,
  DataFrame,
  loadInputExample,
  MlflowError,
  type ModelSignature,
  saveInputExample,
  Tensor,
} from '../../src/index.js';
import { NAT } from '../../src/data/dtype.js';
import { runPython } from './python.js';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'input-example-'));
const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');
const ns = (iso: string): bigint => BigInt(Date.parse(iso)) * 1_000_000n;

function mixedFrame(): DataFrame {
  return new DataFrame([
    new Column('f', 'float64', Float64Array.of(1.5, NaN)),
    new Column('i', 'int64', BigInt64Array.of(1n, -2n)),
    new Column('b', 'bool', Uint8Array.of(1, 0)),
    new Column('t', 'datetime64[ns]', BigInt64Array.of(ns('2024-01-02T03:04:05Z'), NAT)),
    new Column('s', 'object', ['é ☃', null]),
    new Column('y', 'object', [new TextEncoder().encode('hi'), null]),
  ]);
}

describe('saveInputExample writes the files MLflow 3.x writes', () => {
  it('a DataFrame: split JSON with NaN → null, datetimes ISO, bytes base64; a dataframe_split serving body', async () => {
    const dir = tempDir();
    const info = await saveInputExample(dir, mixedFrame());
    expect(info).toEqual({
      artifact_path: 'input_example.json',
      type: 'dataframe',
      pandas_orient: 'split',
      serving_input_path: 'serving_input_example.json',
    });
    expect(read(dir, 'input_example.json')).toBe(
      '{"columns": ["f", "i", "b", "t", "s", "y"], "data": [[1.5, 1, true, "2024-01-02T03:04:05", "\\u00e9 \\u2603", "aGk=\\n"], [null, -2, false, null, null, null]]}',
    );
    const serving = runPython('result = json.loads(data)', read(dir, 'serving_input_example.json'));
    expect(serving).toEqual({ dataframe_split: JSON.parse(read(dir, 'input_example.json')) });
    expect(read(dir, 'serving_input_example.json')).toMatch(
      /^\{\n {2}"dataframe_split": \{\n {4}"columns": \[\n/,
    );
  });

  it('reads that frame back: pandas dtypes without a signature, the signature types with one', async () => {
    const dir = tempDir();
    const info = await saveInputExample(dir, mixedFrame());
    const plain = (await loadInputExample(dir, info)).input as DataFrame;
    expect(plain.columns.map((c) => c.dtype)).toEqual([
      'float64',
      'int64',
      'bool',
      'object',
      'object',
      'object',
    ]);
    expect(plain.column('f').toArray()).toEqual([1.5, NaN]);
    expect(plain.column('t').toArray()).toEqual(['2024-01-02T03:04:05', null]);
    const scalar = (name: string, type: string) => ({
      kind: 'column',
      name,
      required: true,
      type: { kind: 'scalar', type },
    });
    const signature = {
      inputs: {
        kind: 'columns',
        specs: [scalar('f', 'float'), scalar('i', 'long'), scalar('t', 'datetime'), scalar('y', 'binary')],
      },
      outputs: null,
      params: null,
    } as unknown as ModelSignature;
    const typed = (await loadInputExample(dir, info, signature)).input as DataFrame;
    expect(typed.columns.map((c) => c.dtype)).toEqual([
      'float32',
      'int64',
      'bool',
      'datetime64[ns]',
      'object',
      'object',
    ]);
    expect(typed.column('t').toArray()).toEqual([ns('2024-01-02T03:04:05Z'), NAT]);
    expect(typed.column('y').toArray()).toEqual([new TextEncoder().encode('hi'), null]);
  });

  it('default integer column labels are left out (pandas_orient: values) and come back as 0..n-1', async () => {
    const dir = tempDir();
    const frame = new DataFrame([
      new Column(0, 'int64', BigInt64Array.of(1n)),
      new Column(1, 'float64', Float64Array.of(2)),
    ]);
    const info = await saveInputExample(dir, frame);
    expect(info.pandas_orient).toBe('values');
    expect(read(dir, 'input_example.json')).toBe('{"data": [[1, 2.0]]}');
    const back = (await loadInputExample(dir, info)).input as DataFrame;
    expect(back.columnNames).toEqual([0, 1]);
    expect(back.columns.map((c) => c.dtype)).toEqual(['int64', 'float64']);
  });

  it('a Tensor: the bare nested list (NaN → null), {"inputs": ...} to serve; float32 comes back with the signature', async () => {
    const dir = tempDir();
    const tensor = new Tensor('float32', [2, 2], Float32Array.of(0.1, NaN, 3, -4));
    const info = await saveInputExample(dir, tensor);
    expect(info).toEqual({
      artifact_path: 'input_example.json',
      type: 'ndarray',
      serving_input_path: 'serving_input_example.json',
    });
    expect(read(dir, 'input_example.json')).toBe('[[0.10000000149011612, null], [3.0, -4.0]]');
    expect(read(dir, 'serving_input_example.json')).toBe(
      '{\n  "inputs": [\n    [\n      0.10000000149011612,\n      null\n    ],\n    [\n      3.0,\n      -4.0\n    ]\n  ]\n}',
    );
    const signature = {
      inputs: { kind: 'tensors', specs: [{ kind: 'tensor', dtype: 'float32', shape: [-1, 2] }] },
      outputs: null,
      params: null,
    } as ModelSignature;
    const back = (await loadInputExample(dir, info, signature)).input as Tensor;
    expect([back.dtype, back.shape, Array.from(back.data as Float32Array)]).toEqual([
      'float32',
      [2, 2],
      [Math.fround(0.1), NaN, 3, -4],
    ]);
    const untyped = (await loadInputExample(dir, info)).input as Tensor;
    expect(untyped.dtype).toBe('object'); // numpy: a list holding None is an object array
  });

  it('a record of Tensors is an ndarray example keyed by name; mixing Tensors and other values is rejected', async () => {
    const dir = tempDir();
    const info = await saveInputExample(dir, {
      ids: new Tensor('int64', [2], BigInt64Array.of(1n, 2n)),
      mask: new Tensor('bool', [2], Uint8Array.of(1, 0)),
    });
    expect(info.type).toBe('ndarray');
    expect(read(dir, 'input_example.json')).toBe('{"ids": [1, 2], "mask": [true, false]}');
    const back = (await loadInputExample(dir, info)).input as Record<string, Tensor>;
    expect([back.ids?.dtype, back.mask?.dtype]).toEqual(['int64', 'bool']);
    await expect(
      saveInputExample(dir, { a: new Tensor('int64', [1], BigInt64Array.of(1n)), b: 2 }),
    ).rejects.toThrow(/Mixed types/);
  });

  it('JSON values are json_object examples, returned raw', async () => {
    const dir = tempDir();
    const records = [{ text: 'hi', n: 2, score: 0.5, when: new Date('2024-01-02T00:00:00Z') }];
    const info = await saveInputExample(dir, records);
    expect(info.type).toBe('json_object');
    expect(read(dir, 'input_example.json')).toBe(
      '[{"text": "hi", "n": 2, "score": 0.5, "when": "2024-01-02T00:00:00"}]',
    );
    expect(JSON.parse(read(dir, 'serving_input_example.json'))).toEqual({
      inputs: JSON.parse(read(dir, 'input_example.json')),
    });
    expect((await loadInputExample(dir, info)).input).toEqual([
      { text: 'hi', n: 2, score: 0.5, when: '2024-01-02T00:00:00' },
    ]);
    const scalarInfo = await saveInputExample(dir, 'just text');
    expect([scalarInfo.type, read(dir, 'input_example.json')]).toEqual(['json_object', '"just text"']);
  });

  it('{ input, params } stores {"inputs", "params"} and params: true; a unified LLM request keeps params at the top level', async () => {
    const dir = tempDir();
    const chat = { messages: [{ role: 'user', content: 'Hi' }] };
    const info = await saveInputExample(dir, { input: chat, params: { temperature: 0.5, max_tokens: 10 } });
    expect(info).toMatchObject({ type: 'json_object', params: 'true' });
    expect(read(dir, 'input_example.json')).toBe(
      '{"inputs": {"messages": [{"role": "user", "content": "Hi"}]}, "params": {"temperature": 0.5, "max_tokens": 10}}',
    );
    expect(JSON.parse(read(dir, 'serving_input_example.json'))).toEqual({
      ...chat,
      temperature: 0.5,
      max_tokens: 10,
    });
    expect(await loadInputExample(dir, info)).toEqual({
      input: chat,
      params: { temperature: 0.5, max_tokens: 10 },
    });

    const frameInfo = await saveInputExample(dir, { input: mixedFrame(), params: { k: 1 } });
    expect(JSON.parse(read(dir, 'serving_input_example.json'))).toMatchObject({ params: { k: 1 } });
    expect((await loadInputExample(dir, frameInfo)).params).toEqual({ k: 1 });
  });
});

describe('bad input examples', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a function', () => 1],
    ['a Map', new Map()],
    ['tensors inside a list', [new Tensor('int64', [1], BigInt64Array.of(1n))]],
  ])('saving %s is INVALID_PARAMETER_VALUE', async (_kind, value) => {
    await expect(saveInputExample(tempDir(), value)).rejects.toMatchObject({
      errorCode: 'INVALID_PARAMETER_VALUE',
    });
  });

  it('a missing example file is RESOURCE_DOES_NOT_EXIST naming it', async () => {
    const dir = tempDir();
    const error = (await loadInputExample(dir, {
      artifact_path: 'input_example.json',
      type: 'dataframe',
    }).catch((e: unknown) => e)) as MlflowError;
    expect([error.errorCode, error.file]).toEqual([
      'RESOURCE_DOES_NOT_EXIST',
      join(dir, 'input_example.json'),
    ]);
  });

  it('broken JSON is INVALID_PARAMETER_VALUE naming the file, with the parser error as cause', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'input_example.json'), '{"data": [[1, 2]');
    const error = (await loadInputExample(dir, {
      artifact_path: 'input_example.json',
      type: 'dataframe',
    }).catch((e: unknown) => e)) as MlflowError;
    expect(error.errorCode).toBe('INVALID_PARAMETER_VALUE');
    expect(error.message).toContain(join(dir, 'input_example.json'));
    expect(error.cause).toBeInstanceOf(MlflowError);
  });

  it('an example type MLflow rejects, or a ragged tensor, is INVALID_PARAMETER_VALUE', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'input_example.json'), '[[1, 2], [3]]');
    await expect(
      loadInputExample(dir, { artifact_path: 'input_example.json', type: 'csv' }),
    ).rejects.toMatchObject({
      errorCode: 'INVALID_PARAMETER_VALUE',
      field: 'saved_input_example_info.type',
    });
    await expect(
      loadInputExample(dir, { artifact_path: 'input_example.json', type: 'ndarray' }),
    ).rejects.toThrow(/rectangular/);
  });
});

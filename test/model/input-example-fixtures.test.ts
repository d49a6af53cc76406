import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFrame, loadInputExample, Model, saveInputExample, Tensor } from '../../src/index.js';
import { render } from '../support/python-values.js';
import { fixtureModelDirs } from './python.js';

interface Expected {
  input_rendered: unknown;
}

/** A loaded example in the fixtures' rendering (a record of tensors rendered key by key). */
function rendered(input: unknown): unknown {
  if (input instanceof DataFrame || input instanceof Tensor) return render(input);
  return Object.fromEntries(Object.entries(input as Record<string, unknown>).map(([k, t]) => [k, render(t)]));
}

const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');
const expected = (dir: string): Expected => JSON.parse(read(dir, 'expected.json')) as Expected;

async function loadFixture(dir: string) {
  const model = Model.load(dir);
  return { model, ...(await loadInputExample(dir, model.savedInputExampleInfo!, model.signature)) };
}

async function rewrite(input: unknown, params: Record<string, unknown> | null) {
  const out = mkdtempSync(join(tmpdir(), 'example-'));
  const info = await saveInputExample(out, params ? { input, params } : input);
  return { out, info };
}

const v36 = fixtureModelDirs('mlflow-3.6').map((d) => [basename(d), d] as const);
const v212 = fixtureModelDirs('mlflow-2.12').map((d) => [basename(d), d] as const);

describe('input examples written by MLflow 3.6', () => {
  it.each(v36)('%s: loads (with the signature) to exactly what MLflow fed the model', async (_name, dir) => {
    const { input } = await loadFixture(dir);
    expect(rendered(input)).toEqual(expected(dir).input_rendered);
  });

  it.each(v36)(
    '%s: written again from the loaded value, both files are byte-identical',
    async (_name, dir) => {
      const { model, input, params } = await loadFixture(dir);
      const { out, info } = await rewrite(input, params);
      expect(read(out, 'input_example.json')).toBe(read(dir, 'input_example.json'));
      expect(read(out, 'serving_input_example.json')).toBe(read(dir, 'serving_input_example.json'));
      expect(info).toEqual(model.savedInputExampleInfo);
    },
  );

  it('custom_pyfunc: the params saved with the example come back', async () => {
    const { params, input } = await loadFixture(v36.find(([n]) => n === 'custom_pyfunc')![1]);
    expect(params).toEqual({ threshold: 0.9 });
    expect(input).toBeInstanceOf(DataFrame);
  });

  it('without a signature, numbers take numpy/pandas dtypes (float64 tensors, int64 counts)', async () => {
    const tensorDir = v36.find(([n]) => n === 'tensor_model')![1];
    const info = Model.load(tensorDir).savedInputExampleInfo!;
    const { input } = await loadInputExample(tensorDir, info);
    expect((input as Tensor).dtype).toBe('float64');
    const textDir = v36.find(([n]) => n === 'pyfunc_from_code')![1];
    const frame = (await loadInputExample(textDir, Model.load(textDir).savedInputExampleInfo!))
      .input as DataFrame;
    expect(frame.columns.map((c) => c.dtype)).toEqual(['object', 'int64']);
  });
});

describe('input examples written by MLflow 2.12', () => {
  it.each(v212)('%s: loads (with the signature) to exactly what MLflow fed the model', async (_name, dir) => {
    const { input } = await loadFixture(dir);
    expect(rendered(input)).toEqual(expected(dir).input_rendered);
  });

  it.each(v212)(
    '%s: written again, input_example.json matches but for the 2.x tensor wrapper',
    async (_name, dir) => {
      const { model, input, params } = await loadFixture(dir);
      const { out } = await rewrite(input, params);
      const ours = read(out, 'input_example.json');
      // MLflow 2.x wrapped tensors as {"inputs": ...} (format: tf-serving); 3.x stores the bare value.
      const legacy = model.savedInputExampleInfo?.format === 'tf-serving';
      expect(read(dir, 'input_example.json')).toBe(legacy ? `{"inputs": ${ours}}` : ours);
    },
  );
});

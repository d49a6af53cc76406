import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { tableFromArrays } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel, MlflowError, saveModel, Tensor } from '../../src/index.js';

const run = promisify(execFile);
const model = (name: string): string => fileURLToPath(new URL(`./models/${name}.ts`, import.meta.url));

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'modeldock-custom-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('custom Node models (mlflow.pyfunc.PythonModel)', () => {
  it('a module that default-exports an instance (set_model) infers a string signature from its example', async () => {
    const dir = join(work, 'upper');
    const saved = await saveModel(dir, { model: model('instance-export'), inputExample: ['a', 'b'] });
    expect(saved.signatureDict?.inputs).toBe('[{"type": "string", "required": true}]');
    const loaded = await loadModel(dir);
    expect(await loaded.predict(['x', 'y'])).toEqual(['X', 'Y']);
    await expect(loaded.predict([1, 2])).rejects.toThrow(MlflowError);
  });

  it('a plain function model takes a record of tensors and params with defaults', async () => {
    const dir = join(work, 'sums');
    await saveModel(dir, {
      model: model('function-export'),
      signature: {
        inputs: {
          kind: 'tensors',
          specs: [
            { kind: 'tensor', name: 'a', dtype: 'float64', shape: [-1, 2] },
            { kind: 'tensor', name: 'b', dtype: 'int64', shape: [-1] },
          ],
        },
        outputs: null,
        params: { params: [{ name: 'scale', type: 'double', default: 1, shape: null }] },
      },
    });
    const loaded = await loadModel(dir);
    const input = {
      a: new Tensor('float64', [2, 2], Float64Array.of(1, 2, 3, 4)),
      b: new Tensor('int64', [2], BigInt64Array.of(10n, 20n)),
    };
    expect(await loaded.predict(input)).toEqual([13, 27]);
    expect(await loaded.predict(input, { scale: 2 })).toEqual([26, 54]);
    const wrongDtype = { ...input, b: new Tensor('int32', [2], Int32Array.of(1, 2)) };
    const error = await loaded.predict(wrongDtype).catch((e: unknown) => e);
    expect((error as MlflowError).errorCode).toBe('INVALID_PARAMETER_VALUE');
    expect((error as Error).message).toContain('dtype of input int32 does not match expected dtype int64');
  });

  it('an LLM-style model takes chat messages, predicts and streams', async () => {
    const dir = join(work, 'chat');
    const example = { messages: [{ role: 'user', content: 'hello there' }] };
    const saved = await saveModel(dir, { model: model('chat'), inputExample: example });
    expect(saved.signatureDict?.inputs).toBe(
      '[{"type": "array", "items": {"type": "object", "properties": {"content": {"type": "string", "required": true}, "role": {"type": "string", "required": true}}}, "name": "messages", "required": true}]',
    );
    const loaded = await loadModel(dir);
    const request = { messages: [{ role: 'user', content: 'ship it' }] };
    expect(await loaded.predict(request)).toEqual({
      choices: [{ message: { role: 'assistant', content: 'you said: ship it' } }],
    });
    const deltas: unknown[] = [];
    for await (const chunk of loaded.predictStream(request)) deltas.push(chunk);
    expect(deltas).toEqual([{ delta: 'you' }, { delta: 'said:' }, { delta: 'ship' }, { delta: 'it' }]);
    await expect(loaded.predict({ messages: [{ role: 'user' }] })).rejects.toThrow(
      /Missing required properties/,
    );
  });

  it('takes an Apache Arrow table as input and enforces its column types', async () => {
    const dir = join(work, 'doubler');
    const doubler = fileURLToPath(new URL('../../examples/doubler/my-model.ts', import.meta.url));
    await saveModel(dir, { model: doubler, inputExample: [{ x: 0.5 }] });
    const loaded = await loadModel(dir);
    expect(await loaded.predict(tableFromArrays({ x: Float64Array.of(1, 2.5) }))).toEqual([2, 5]);
    await expect(loaded.predict(tableFromArrays({ x: ['a'] }))).rejects.toThrow(
      /Failed to convert column x from type object to DataType.double/,
    );
  });

  it("writes an MLmodel that Python's PyYAML reads as the same data", async () => {
    const dir = join(work, 'chat');
    const script = 'import yaml, json, sys; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))';
    const { stdout } = await run('python3', ['-c', script, join(dir, 'MLmodel')]);
    const fromPython = JSON.parse(stdout) as Record<string, unknown>;
    const { Model } = await import('../../src/index.js');
    expect(fromPython).toEqual(JSON.parse(JSON.stringify(Model.load(dir).toDict())));
    expect(fromPython.utc_time_created).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?$/);
  });
});

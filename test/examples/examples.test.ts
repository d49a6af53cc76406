import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as doubler } from '../../examples/doubler/run.js';
import { main as onnxModel } from '../../examples/onnx-model/run.js';
import { main as randomPredictor } from '../../examples/random-predictor/run.js';
import { main as vectorStore } from '../../examples/vector-store/run.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'modeldock-examples-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('examples/', () => {
  it("doubler (the README's quick start): predicts, and names the missing input", async () => {
    const { predictions, error } = await doubler(work);
    expect(predictions).toEqual([5, 8]);
    expect(error).toContain("Model is missing inputs ['x']");
  });

  it('random-predictor: one 0/1 per row, with a signature inferred from the input example', async () => {
    const predictions = (await randomPredictor(work)) as number[];
    expect(predictions).toHaveLength(3);
    expect(predictions.every((p) => p === 0 || p === 1)).toBe(true);
  });

  it('vector-store: loadContext reads the config artifact, predict queries the local store', async () => {
    expect(await vectorStore(work)).toEqual([['doc-btc'], ['doc-ml']]);
  });

  it('onnx-model: relu(x·W + b) through onnxruntime-node, recorded as a native dependency', async () => {
    const rows = (await onnxModel(work)) as number[][];
    const env = await readFile(join(work, 'onnx-model', 'node_env.yaml'), 'utf8');
    expect(env).toMatch(/dependencies:\n {2}onnxruntime-node: 1\.30\.0/);
    expect(rows[0]![0]).toBeCloseTo(1.1, 5);
    expect(rows[0]![1]).toBeCloseTo(5.3, 5);
    expect(rows[1]).toEqual([Math.fround(0.1), 0]);
  });
});

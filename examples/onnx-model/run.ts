/** Saves the ONNX-wrapping model with a tensor signature, loads it back and predicts two rows. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModel, saveModel } from '../../src/index.js';

export async function main(outDir?: string): Promise<unknown> {
  const dir = join(outDir ?? (await mkdtemp(join(tmpdir(), 'modeldock-'))), 'onnx-model');
  await saveModel(dir, {
    model: new URL('./model.ts', import.meta.url),
    artifacts: { network: fileURLToPath(new URL('./tiny-net.onnx', import.meta.url)) },
    signature: {
      inputs: { kind: 'tensors', specs: [{ kind: 'tensor', dtype: 'float32', shape: [-1, 3] }] },
      outputs: { kind: 'tensors', specs: [{ kind: 'tensor', dtype: 'float32', shape: [-1, 2] }] },
      params: null,
    },
  });
  const model = await loadModel(dir);
  return model.predict([
    [1, 2, 3],
    [0, 0, 0],
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await main());

/** Saves RandomPredictor with an input example (its signature is inferred), loads it back and predicts. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel, saveModel } from '../../src/index.js';

export async function main(outDir?: string): Promise<unknown> {
  const dir = join(outDir ?? (await mkdtemp(join(tmpdir(), 'modeldock-'))), 'random-predictor');
  await saveModel(dir, {
    model: new URL('./model.ts', import.meta.url),
    inputExample: [
      { open: 101.5, volume: 1200 },
      { open: 99.25, volume: 800 },
    ],
  });
  const model = await loadModel(dir);
  return model.predict([
    { open: 100, volume: 1000 },
    { open: 102, volume: 900 },
    { open: 98, volume: 1100 },
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await main());

/** The README's quick start, runnable: save, load, predict, and see a rejected input. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel, saveModel } from '../../src/index.js';

export async function main(outDir?: string): Promise<{ predictions: unknown; error: string }> {
  const dir = join(outDir ?? (await mkdtemp(join(tmpdir(), 'modeldock-'))), 'doubler');
  await saveModel(dir, { model: new URL('./my-model.ts', import.meta.url), inputExample: [{ x: 1.5 }] });
  const model = await loadModel(dir);
  const predictions = await model.predict([{ x: 2.5 }, { x: 4 }]);
  const error = await model.predict([{ y: 1 }]).catch((e: Error) => `${e.name}: ${e.message}`);
  return { predictions, error: String(error) };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await main());

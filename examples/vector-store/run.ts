/** Starts a local vector store, saves the retrieval model with its config artifact, loads it and queries. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel, saveModel } from '../../src/index.js';
import { startVectorStore } from './store.js';

export async function main(outDir?: string): Promise<unknown> {
  const work = outDir ?? (await mkdtemp(join(tmpdir(), 'modeldock-')));
  const store = await startVectorStore();
  try {
    const configPath = join(work, 'store-config.json');
    await writeFile(configPath, JSON.stringify({ url: 'http://127.0.0.1:9', collection: 'news', topK: 2 }));
    const dir = join(work, 'retrieval-model');
    await saveModel(dir, {
      model: new URL('./model.ts', import.meta.url),
      artifacts: { store_config: configPath },
      signature: {
        inputs: {
          kind: 'columns',
          specs: [
            { kind: 'column', name: 'query', type: { kind: 'scalar', type: 'string' }, required: true },
          ],
        },
        outputs: null,
        params: { params: [{ name: 'top_k', type: 'long', default: 2, shape: null }] },
      },
    });
    // The saved config points nowhere; the model config points the loaded model at the live store.
    const model = await loadModel(dir, { modelConfig: { url: store.url } });
    return await model.predict([{ query: 'bitcoin volume' }, { query: 'mlflow models' }], { top_k: 1 });
  } finally {
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await main());

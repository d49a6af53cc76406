import { readFile } from 'node:fs/promises';
import type { CustomModel, DataFrame, ModelContext } from '../../src/index.js';

interface StoreConfig {
  url: string;
  collection: string;
  topK: number;
}

/**
 * Retrieval model: `loadContext` reads a config artifact once, and `predict` asks a vector store over
 * HTTP for the nearest documents to each query. The store's URL can be overridden with the model config.
 */
export default class RetrievalModel implements CustomModel<DataFrame, string[][]> {
  private config!: StoreConfig;

  async loadContext(context: ModelContext): Promise<void> {
    const saved = JSON.parse(await readFile(context.artifacts.store_config!, 'utf8')) as StoreConfig;
    this.config = { ...saved, ...(context.modelConfig as Partial<StoreConfig>) };
  }

  async predict(
    _context: ModelContext,
    input: DataFrame,
    params: Readonly<Record<string, unknown>>,
  ): Promise<string[][]> {
    const topK = (params.top_k as number | undefined) ?? this.config.topK;
    const queries = input.column('query').values as string[];
    return Promise.all(queries.map((query) => this.search(query, topK)));
  }

  private async search(query: string, topK: number): Promise<string[]> {
    const response = await fetch(`${this.config.url}/collections/${this.config.collection}/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, top_k: topK }),
    });
    if (!response.ok) throw new Error(`vector store answered ${response.status}`);
    return ((await response.json()) as { ids: string[] }).ids;
  }
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Bag-of-letters embedding: enough for a deterministic "nearest documents" demo. */
function embed(text: string): number[] {
  const v = new Array<number>(26).fill(0);
  for (const ch of text.toLowerCase()) {
    const i = ch.charCodeAt(0) - 97;
    if (i >= 0 && i < 26) v[i]! += 1;
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

const DOCUMENTS: Record<string, string> = {
  'doc-btc': 'bitcoin price rallies as volume grows',
  'doc-eth': 'ether gas fees fall after upgrade',
  'doc-rates': 'central bank holds interest rates',
  'doc-ml': 'mlflow tracks models and experiments',
};
const INDEX = Object.entries(DOCUMENTS).map(([id, text]) => ({ id, vector: embed(text) }));

/** A tiny local vector store with one collection, listening on a free loopback port. */
export async function startVectorStore(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/collections/news/search') {
        res.writeHead(404).end();
        return;
      }
      const { query, top_k } = JSON.parse(body) as { query: string; top_k: number };
      const q = embed(query);
      const ranked = INDEX.map((d) => ({ id: d.id, score: d.vector.reduce((s, x, i) => s + x * q[i]!, 0) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, top_k);
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ids: ranked.map((r) => r.id) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

import { request } from 'node:http';
import type { Server } from 'node:http';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalArtifactRepository } from '../../src/artifacts/local/local-artifact-repository.js';
import { createApp } from '../../src/server/http/app.js';
import { metaRoutes } from '../../src/server/routes/meta.js';
import { mlflowArtifactRoutes } from '../../src/server/routes/mlflow-artifacts.js';
import { startServer } from '../../src/server/start-server.js';

/** Sends a request over a real socket and collects the answer. */
function send(url: string, method: string, chunks: Buffer[] = []): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { 'content-type': 'application/octet-stream' } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts) }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('tracking server over node:http', () => {
  let dir: string;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'modeldock-http-'));
    const routes = [
      ...metaRoutes(),
      ...mlflowArtifactRoutes(new LocalArtifactRepository(join(dir, 'a')), true),
    ];
    ({ server, url } = await startServer(createApp({ routes, limits: { maxUploadBytes: 3 * 1024 * 1024 } }), {
      host: '127.0.0.1',
      port: 0,
    }));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('answers /health over a socket', async () => {
    const response = await send(`${url}/health`, 'GET');
    expect(response).toMatchObject({ status: 200 });
    expect(response.body.toString()).toBe('OK');
  });

  it('streams a chunked 2 MiB upload to disk and back byte for byte', async () => {
    const chunks = Array.from({ length: 32 }, (_, i) => Buffer.alloc(64 * 1024, i));
    expect((await send(`${url}/api/2.0/mlflow-artifacts/artifacts/run/big.bin`, 'PUT', chunks)).status).toBe(
      200,
    );
    const download = await send(`${url}/api/2.0/mlflow-artifacts/artifacts/run/big.bin`, 'GET');
    expect(download.body.equals(Buffer.concat(chunks))).toBe(true);
  });

  it('refuses an upload over the limit with a clean 413 JSON answer', async () => {
    const chunks = Array.from({ length: 64 }, () => Buffer.alloc(64 * 1024, 1));
    const response = await send(
      `${url}/api/2.0/mlflow-artifacts/artifacts/run/huge.bin`,
      'PUT',
      chunks,
    ).catch(() => ({ status: 413, body: Buffer.from('{}') }));
    expect(response.status).toBe(413);
    const listing = await send(`${url}/api/2.0/mlflow-artifacts/artifacts?path=run`, 'GET');
    expect(JSON.parse(listing.body.toString())).toEqual({
      files: [{ path: 'big.bin', is_dir: false, file_size: 2 * 1024 * 1024 }],
    });
  });

  it('a client that dies mid-upload leaves no file and no temp file behind', async () => {
    const req = request(`${url}/api/2.0/mlflow-artifacts/artifacts/killed/model.pkl`, { method: 'PUT' });
    req.on('error', () => undefined);
    req.write(Buffer.alloc(256 * 1024, 2));
    await new Promise((resolve) => setTimeout(resolve, 100));
    req.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await readdir(join(dir, 'a', 'killed'))).toEqual([]);
  });
});

import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalArtifactRepository } from '../../src/artifacts/local/local-artifact-repository.js';
import { type App, createApp } from '../../src/server/http/app.js';
import { mlflowArtifactRoutes } from '../../src/server/routes/mlflow-artifacts.js';

const RUN = '1/31cd8116ab8947ecb7fbb1d56d666876/artifacts';
const BASE = '/api/2.0/mlflow-artifacts/artifacts';

describe('artifact proxy (mlflow-artifacts)', () => {
  let dir: string;
  let app: App;
  const put = (path: string, body: string | Uint8Array, contentType = 'text/plain') =>
    app.request(`${BASE}/${path}`, { method: 'PUT', body, headers: { 'content-type': contentType } });
  const list = async (path: string) => (await app.request(`${BASE}?path=${encodeURIComponent(path)}`)).json();

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'modeldock-proxy-'));
    app = createApp({
      routes: mlflowArtifactRoutes(new LocalArtifactRepository(join(dir, 'artifacts')), true),
      limits: { maxUploadBytes: 100_000 },
    });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('log_artifact (PUT …/artifacts/<path>) answers {} and download returns the bytes with MLflow headers', async () => {
    const upload = await put(`${RUN}/hello.txt`, 'hello artifacts\n');
    expect(upload.status).toBe(200);
    expect(await upload.json()).toEqual({});
    const download = await app.request(`${BASE}/${RUN}/hello.txt`);
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('hello artifacts\n');
    expect(download.headers.get('content-type')).toBe('text/plain');
    expect(download.headers.get('content-disposition')).toBe('attachment; filename=hello.txt');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('a 70 000-byte binary round-trips with the same sha256', async () => {
    const blob = Buffer.alloc(70_000, 7);
    await put(`${RUN}/bin/blob.bin`, blob, 'application/octet-stream');
    const download = await app.request(`${BASE}/${RUN}/bin/blob.bin`);
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    const hash = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(hash(new Uint8Array(await download.arrayBuffer()))).toBe(hash(blob));
  });

  it('list_artifacts (GET …/artifacts?path=) answers basenames, dirs without size; missing → {}', async () => {
    await put(`${RUN}/hello.txt`, 'hello artifacts\n');
    await put(`${RUN}/folder/a.txt`, 'A\n');
    await put(`${RUN}/folder/sub/b.json`, '{"b": 1}\n');
    expect(await list(RUN)).toEqual({
      files: [
        { path: 'folder', is_dir: true },
        { path: 'hello.txt', is_dir: false, file_size: 16 },
      ],
    });
    expect(await list(`${RUN}/folder`)).toEqual({
      files: [
        { path: 'a.txt', is_dir: false, file_size: 2 },
        { path: 'sub', is_dir: true },
      ],
    });
    expect(await list(`${RUN}/missing`)).toEqual({});
    expect(await list(`${RUN}/hello.txt`)).toEqual({});
  });

  it('raw DELETE of an artifact answers {} and the file is gone', async () => {
    await put(`${RUN}/notes/n.txt`, 'note\n');
    const response = await app.request(`${BASE}/${RUN}/notes/n.txt`, { method: 'DELETE' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    expect(await list(`${RUN}/notes`)).toEqual({});
  });

  it('download of a missing file is 404 RESOURCE_DOES_NOT_EXIST (MLflow: a retried 500) without server paths', async () => {
    const response = await app.request(`${BASE}/${RUN}/missing.txt`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error_code: string; message: string };
    expect(body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect(body.message).not.toContain(dir);
  });

  for (const path of [
    '..%2F..%2Fetc%2Fpasswd',
    '%252e%252e/%252e%252e/etc/passwd',
    'a/..%5c..%5cetc',
    '%2Fetc%2Fpasswd',
  ]) {
    it(`path traversal ${path} is 400 "Invalid path"`, async () => {
      for (const method of ['GET', 'PUT', 'DELETE']) {
        const response = await app.request(
          `${BASE}/${path}`,
          method === 'PUT' ? { method, body: 'x' } : { method },
        );
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({
          error_code: 'INVALID_PARAMETER_VALUE',
          message: 'Invalid path',
        });
      }
    });
  }

  it('a listing with a traversal path is 400', async () => {
    const response = await app.request(`${BASE}?path=../../etc`);
    expect(response.status).toBe(400);
  });

  it('an upload over the limit is 413 and leaves nothing behind', async () => {
    const response = await put(`${RUN}/huge.bin`, Buffer.alloc(100_001));
    expect(response.status).toBe(413);
    expect(await list(RUN)).toEqual({});
    expect(await readdir(join(dir, 'artifacts', RUN))).toEqual([]);
  });

  it('multipart upload is 501 NOT_IMPLEMENTED so the client falls back to one PUT', async () => {
    const response = await app.request(`/api/2.0/mlflow-artifacts/mpu/create/${RUN}/big.bin`, {
      method: 'POST',
      json: { path: 'big.bin', num_parts: 2 },
    });
    expect(response.status).toBe(501);
    const body = (await response.json()) as { error_code: string; message: string };
    expect(body.error_code).toBe('NOT_IMPLEMENTED');
    expect(body.message).toMatch(/^Multipart upload is not supported for the current artifact repository/);
  });

  it('with --no-serve-artifacts every proxy route is 503 text', async () => {
    const off = createApp({
      routes: mlflowArtifactRoutes(new LocalArtifactRepository(join(dir, 'x')), false),
    });
    const response = await off.request(`${BASE}/${RUN}/hello.txt`);
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/--no-serve-artifacts/);
  });
});

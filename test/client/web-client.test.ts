import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { WebClient } from '../../src/client/web-client.js';
import { openClientTestServer } from './client-server.js';

describe('WebClient, the browser half of the SDK', () => {
  it('bundles for the browser: nothing it reaches imports a node: module', async () => {
    const result = await build({
      entryPoints: ['src/client/web-client.ts'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    expect(result.outputFiles[0]?.text).not.toMatch(/from\s*["']node:/);
  });

  it('lists and downloads run artifacts over the endpoints the UI uses', async () => {
    const server = await openClientTestServer();
    try {
      const web = new WebClient({ trackingUri: server.url });
      const run = await web.runs.createRun('0');
      const upload = await fetch(
        `${server.url}/ajax-api/2.0/mlflow/upload-artifact?run_uuid=${run.info.run_id}&path=notes/readme.txt`,
        { method: 'POST', body: 'hello' },
      );
      expect(upload.status).toBe(200);
      expect(await web.artifacts.list(run.info.run_id)).toEqual([{ path: 'notes', is_dir: true }]);
      expect((await web.artifacts.list(run.info.run_id, 'notes'))[0]).toMatchObject({
        path: 'notes/readme.txt',
      });
      expect(await (await web.artifacts.runFile(run.info.run_id, 'notes/readme.txt')).text()).toBe('hello');
      expect(await (await fetch(web.artifacts.runFileUrl(run.info.run_id, 'notes/readme.txt'))).text()).toBe(
        'hello',
      );
      await expect(web.artifacts.runFile(run.info.run_id, 'missing.txt')).rejects.toMatchObject({
        errorCode: 'RESOURCE_DOES_NOT_EXIST',
      });
    } finally {
      await server.close();
    }
  });
});

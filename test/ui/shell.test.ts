import { get, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUiHarness, type UiHarness } from './support/ui-harness.js';

let ui: UiHarness;
beforeAll(async () => {
  ui = await openUiHarness();
}, 60_000);
afterAll(async () => ui?.close());

describe('the web UI shell', () => {
  it('is served at / with a policy that keeps injected scripts from running', async () => {
    const response = await fetch(`${ui.server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    const script = /src="\.\/(static-files\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${ui.server.url}/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('answers 404 for an asset that is not part of the build, including escapes from its folder', async () => {
    for (const path of [
      '/static-files/nope.js',
      '/static-files/..%2Findex.html',
      '/static-files/../package.json',
    ])
      expect((await fetch(`${ui.server.url}${path}`)).status).toBe(404);
  });

  it('opens on the experiments page and shows a not-found page for unknown routes', async () => {
    const { page, open, errors } = await ui.newPage();
    await open('/');
    await page.waitForURL(/#\/experiments$/);
    await open('/no/such/page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Models' }).first().click();
    expect(page.url()).toMatch(/#\/models$/);
    expect(errors).toEqual([]);
  });
});

describe('keyboard use', () => {
  it('offers a skip link first, which moves focus past the navigation to the page', async () => {
    const { page, open, errors } = await ui.newPage();
    await open('/models');
    await page.getByRole('heading', { level: 1, name: 'Models' }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await skip.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.locator('main').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(page.url()).toMatch(/#\/models$/); // the router's hash is untouched
    await page.keyboard.press('Tab');
    expect(
      await page
        .getByRole('button', { name: 'Create model' })
        .evaluate((el) => el === el.ownerDocument.activeElement),
    ).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('the web UI assets', () => {
  it('are sent Brotli- or gzip-compressed when the browser accepts it, and plain otherwise', async () => {
    const html = await (await fetch(`${ui.server.url}/`)).text();
    const script = /src="\.\/(static-files\/[^"]+\.js)"/.exec(html)?.[1];
    const url = `${ui.server.url}/${script}`;
    const plain = await rawGet(url, undefined);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await rawGet(url, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(br.body.byteLength).toBeLessThan(plain.body.byteLength / 2);
    const gz = await rawGet(url, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
  });
});

/** A GET that leaves the body as sent (fetch would decode it). */
function rawGet(url: string, acceptEncoding: string | undefined) {
  return new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const headers = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

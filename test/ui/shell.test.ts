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

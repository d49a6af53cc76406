import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ServerConfig } from '../../../src/server/config.js';
import { MlflowClient } from '../../../src/client/mlflow-client.js';
import { type ClientTestServer, openClientTestServer } from '../../client/client-server.js';
import { launchChromium } from '../../support/chromium.js';

/** Where screenshots go: test output, looked at by people, never committed. */
export const SCREENSHOT_DIR = join(process.cwd(), 'test-output', 'ui');

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/** A real tracking server with the built UI, a browser, and an SDK client pointed at the server. */
export interface UiHarness {
  readonly server: ClientTestServer;
  readonly browser: Browser;
  readonly sdk: MlflowClient;
  /** A fresh page at the given viewport, recording what goes wrong in it. */
  newPage(viewport?: { width: number; height: number }): Promise<UiPage>;
  close(): Promise<void>;
}

/** A page plus what the browser reported: uncaught errors, console errors and API calls. */
export interface UiPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Uncaught exceptions and `console.error` lines; a healthy page has none. */
  readonly errors: string[];
  /** `METHOD path` of every request the page sent to the server's API, in order. */
  readonly apiCalls: string[];
  /** Opens an in-app route such as `/models/churn` and waits for the network to settle. */
  open(route: string): Promise<void>;
}

/**
 * Starts a real Modeldock server on a free loopback port (SQLite in a temp folder unless
 * `overrides` says otherwise) and headless Chromium. Call in `beforeAll`, and `close()` in `afterAll`.
 */
export async function openUiHarness(overrides: Partial<ServerConfig> = {}): Promise<UiHarness> {
  // UI_TEST_ROOT points at another build of the UI (say, one per parallel worker); default: dist-ui/.
  const uiRoot = process.env.UI_TEST_ROOT;
  const server = await openClientTestServer({ ...(uiRoot ? { uiRoot } : {}), ...overrides });
  const browser = await launchChromium();
  const sdk = new MlflowClient({ trackingUri: server.url });
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    sdk,
    newPage: async (viewport = DESKTOP) => {
      const context = await browser.newContext({ viewport });
      contexts.push(context);
      return instrument(await context.newPage(), context, server.url);
    },
    close: async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.close();
    },
  };
}

function instrument(page: Page, context: BrowserContext, baseUrl: string): UiPage {
  const errors: string[] = [];
  const apiCalls: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === baseUrl && url.pathname !== '/' && !url.pathname.startsWith('/static-files/'))
      apiCalls.push(`${request.method()} ${url.pathname}`);
  });
  return {
    page,
    context,
    errors,
    apiCalls,
    open: async (route) => {
      await page.goto(`${baseUrl}/#${route}`);
      await page.waitForLoadState('networkidle');
    },
  };
}

/** Saves a full-page screenshot as test-output/ui/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Whether the page scrolls sideways, which at phone width means something overflows. */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  // A string, because this file is type-checked for Node, where `document` does not exist.
  return page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth + 1');
}

/**
 * `errors` less Chromium's console line for an answer with one of `statuses`. Chromium logs every
 * 4xx response as an error; a test that provokes one on purpose names its status here.
 */
export function withoutHttpErrors(errors: readonly string[], ...statuses: number[]): string[] {
  return errors.filter(
    (e) =>
      !statuses.some((s) =>
        e.includes(`Failed to load resource: the server responded with a status of ${s}`),
      ),
  );
}

/** The query inside the page's hash route (`#/experiments/1?orderByKey=…`). */
export function hashQuery(page: Page): URLSearchParams {
  return new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');
}

/**
 * The experiment page's runs table in headless Chromium, at 10,000 runs against a baseline of 100
 * runs measured in the same process: time to first row (open the page sorted by a metric, until the
 * first page of rows is rendered) and next-page time (click Next until page 2 is rendered), at 50
 * rows a page so that the baseline has a second page. The page asks for one page of runs per view,
 * so 10k runs should cost about what 100 do: the ratios are the claim. Also checks that the DOM holds one page of rows and that each view sent
 * exactly one runs/search.
 *
 * The UI is built from ui/ into a temp folder first (dist-ui/ may be stale or being rebuilt), the
 * server runs in this process on SQLite, and runs are seeded over HTTP with the SDK, 16 at a time.
 * Chromium is Debian's (CHROMIUM_PATH, default /usr/bin/chromium). Takes a few minutes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { MlflowClient } from '../src/client/mlflow-client.js';
import { composeServer } from '../src/server/compose.js';
import type { ServerConfig } from '../src/server/config.js';
import { DEFAULT_LIMITS } from '../src/server/http/app.js';
import { startServer } from '../src/server/start-server.js';
import { launchChromium } from '../test/support/chromium.js';

const ROOT = new URL('..', import.meta.url).pathname;
const SIZES = [100, 10_000] as const;
const SAMPLES = 7;
// 50 rows a page, so the 100-run baseline has a page 2 to go to.
const PAGE_SIZE = 50;
const CONCURRENCY = 16;
const ROWS = 'table[aria-label="Runs"][aria-busy="false"] tbody tr';
const RUNS_SEARCH = '/api/2.0/mlflow/runs/search';

async function buildUi(outDir: string): Promise<void> {
  await build({
    configFile: join(ROOT, 'ui/vite.config.ts'),
    build: { outDir, emptyOutDir: true },
    logLevel: 'warn',
  });
}

/** `count` finished runs, each with an f1 and an accuracy metric and two params, 16 in flight. */
async function seed(sdk: MlflowClient, name: string, count: number): Promise<string> {
  const experimentId = await sdk.createExperiment(name);
  const start = Date.now() - count * 1000;
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const startTime = start + i * 1000;
      const run = await sdk.createRun(experimentId, { runName: `run-${i}`, startTime });
      await sdk.logBatch(run.info.run_id, {
        metrics: [
          { key: 'f1', value: Math.random(), timestamp: startTime },
          { key: 'accuracy', value: Math.random(), timestamp: startTime },
        ],
        params: { model: i % 2 ? 'xgb' : 'logreg', depth: i % 7 },
      });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return experimentId;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

interface Sample {
  firstRowMs: number;
  nextPageMs: number;
  rowsInDom: number;
  searchesPerView: number;
}

/** Opens the page sorted by f1 in a fresh tab, then goes to page 2. */
async function sample(browser: Browser, base: string, experimentId: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page: Page = await context.newPage();
    let searches = 0;
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === RUNS_SEARCH) searches += 1;
    });
    const route = `${base}/#/experiments/${experimentId}?orderByKey=metrics.%60f1%60&orderByAsc=false&pageSize=${PAGE_SIZE}`;
    const t0 = performance.now();
    await page.goto(route, { waitUntil: 'commit' });
    await page.locator(ROWS).first().waitFor();
    const firstRowMs = performance.now() - t0;
    const rowsInDom = await page.locator(ROWS).count();
    const firstSearches = searches;

    const firstName = await page.locator(`${ROWS} td.run-name`).first().textContent();
    const t1 = performance.now();
    await page.getByRole('button', { name: 'Next →' }).click();
    await page.getByText('Page 2').waitFor();
    await page
      .locator(`${ROWS}:first-child td.run-name`)
      .filter({ hasNotText: firstName ?? '' })
      .waitFor();
    const nextPageMs = performance.now() - t1;
    return {
      firstRowMs,
      nextPageMs,
      rowsInDom,
      searchesPerView: Math.max(firstSearches, searches - firstSearches),
    };
  } finally {
    await context.close();
  }
}

async function measureSize(browser: Browser, base: string, experimentId: string) {
  await sample(browser, base, experimentId); // warm-up: JIT, SQLite page cache, HTTP cache
  const samples: Sample[] = [];
  for (let i = 0; i < SAMPLES; i++) samples.push(await sample(browser, base, experimentId));
  return {
    firstRowMs: median(samples.map((s) => s.firstRowMs)),
    nextPageMs: median(samples.map((s) => s.nextPageMs)),
    rowsInDom: Math.max(...samples.map((s) => s.rowsInDom)),
    searchesPerView: Math.max(...samples.map((s) => s.searchesPerView)),
  };
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'modeldock-ui-bench-'));
  const uiRoot = join(dir, 'ui');
  await buildUi(uiRoot);
  const config: ServerConfig = {
    host: '127.0.0.1',
    port: 0,
    backendStoreUri: `sqlite:///${join(dir, 'mlflow.db')}`,
    artifactsDestination: join(dir, 'artifacts'),
    serveArtifacts: true,
    defaultArtifactRoot: 'mlflow-artifacts:/',
    workers: 1,
    limits: DEFAULT_LIMITS,
    uiRoot,
  };
  const composed = await composeServer(config);
  const { server, url } = await startServer(composed.app, config);
  const browser = await launchChromium();
  try {
    const sdk = new MlflowClient({ trackingUri: url });
    const results = [];
    for (const size of SIZES) {
      const t0 = performance.now();
      const experimentId = await seed(sdk, `bench-${size}`, size);
      console.log(`  seeded ${size} runs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      results.push({ size, ...(await measureSize(browser, url, experimentId)) });
    }
    print(results);
  } finally {
    await browser.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await composed.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function print(
  results: {
    size: number;
    firstRowMs: number;
    nextPageMs: number;
    rowsInDom: number;
    searchesPerView: number;
  }[],
): void {
  const base = results[0]!;
  console.log(
    `\nRuns table in Chromium, sorted by metrics.f1 DESC, ${PAGE_SIZE} rows a page (median of ${SAMPLES})`,
  );
  console.log(
    '  runs'.padEnd(10) +
      'first row ms'.padStart(14) +
      '×100'.padStart(7) +
      'next page ms'.padStart(14) +
      '×100'.padStart(7) +
      'rows in DOM'.padStart(13) +
      'searches/view'.padStart(15),
  );
  for (const r of results)
    console.log(
      `  ${r.size}`.padEnd(10) +
        r.firstRowMs.toFixed(0).padStart(14) +
        (r.firstRowMs / base.firstRowMs).toFixed(2).padStart(7) +
        r.nextPageMs.toFixed(0).padStart(14) +
        (r.nextPageMs / base.nextPageMs).toFixed(2).padStart(7) +
        String(r.rowsInDom).padStart(13) +
        String(r.searchesPerView).padStart(15),
    );
}

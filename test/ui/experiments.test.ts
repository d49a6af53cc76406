// The Experiments pages in a real Chromium against a real server: the experiments list, an
// experiment's runs table (sort, columns, filter, pages, deep links, selection) and the compare page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  hashQuery,
  openUiHarness,
  overflowsHorizontally,
  PHONE,
  screenshot,
  type UiHarness,
  withoutHttpErrors,
} from './support/ui-harness.js';

const T = 60_000;
const RUN_COUNT = 30;
const START = Date.UTC(2025, 0, 15, 9, 0, 0);

interface SeededRun {
  readonly id: string;
  readonly name: string;
  readonly f1: number;
  readonly model: string;
}

let ui: UiHarness;
let experimentId: string;
let seeded: SeededRun[];

// f1 values are distinct (7 is coprime to 30), so every sort has exactly one right answer.
function f1Of(i: number): number {
  return Number((0.05 + ((i * 7) % RUN_COUNT) * 0.03).toFixed(4));
}

async function seedRuns(): Promise<SeededRun[]> {
  experimentId = await ui.sdk.createExperiment('Churn model', { tags: { team: 'growth' } });
  return Promise.all(
    Array.from({ length: RUN_COUNT }, async (_, i) => {
      const name = `run-${String(i).padStart(2, '0')}`;
      const startTime = START + i * 60_000;
      const run = await ui.sdk.createRun(experimentId, { runName: name, startTime, userId: 'ana' });
      const id = run.info.run_id;
      const f1 = f1Of(i);
      const model = i % 3 === 0 ? 'xgb' : 'logreg';
      await ui.sdk.logBatch(id, {
        metrics: [
          { key: 'f1', value: f1, timestamp: startTime },
          { key: 'accuracy', value: 0.6 + ((i * 11) % RUN_COUNT) * 0.01, timestamp: startTime },
          { key: 'loss', value: Number((1 - f1).toFixed(4)), timestamp: startTime },
        ],
        params: { model, depth: 3 + (i % 4), lr: 0.1, seed: 1000 + i },
      });
      // A running and a failed run, so the Status column shows more than one state.
      if (i !== RUN_COUNT - 1)
        await ui.sdk.setTerminated(id, i === 5 ? 'FAILED' : 'FINISHED', startTime + (i + 1) * 1500);
      return { id, name, f1, model };
    }),
  );
}

beforeAll(async () => {
  ui = await openUiHarness();
  seeded = await seedRuns();
}, T);
afterAll(async () => ui?.close());

/** Run names by f1, best first. */
function namesByF1(): string[] {
  return [...seeded].sort((a, b) => b.f1 - a.f1).map((r) => r.name);
}

const RUNS_TABLE = 'table[aria-label="Runs"]';

// The page's CSP forbids eval, so waits poll locators (never page.waitForFunction with a string).
const SETTLED = `${RUNS_TABLE}[aria-busy="false"]`;

/** Waits until the runs table shows `count` rows and no request is in flight. */
async function waitForRows(page: Page, count: number): Promise<void> {
  await expect.poll(() => page.locator(`${SETTLED} tbody tr`).count(), { timeout: 30_000 }).toBe(count);
}

/** Waits until the runs table's first row is `name` and settled, then returns every row's name. */
async function rowNamesStartingWith(page: Page, name: string): Promise<string[]> {
  await page
    .locator(`${SETTLED} tbody tr:first-child td.run-name`)
    .getByRole('link', { name, exact: true })
    .waitFor();
  return page.locator(`${SETTLED} tbody td.run-name`).allTextContents();
}

function header(page: Page, name: string) {
  return page.getByRole('columnheader', { name, exact: true });
}

/** Presses Tab until `test` (JS over the focused element `el`) holds; fails after `max` presses. */
async function tabTo(page: Page, test: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate<boolean>(
      `(() => { const el = document.activeElement; return !!el && (${test}); })()`,
    );
    if (hit) return;
  }
  throw new Error(`Tab never reached an element where ${test}`);
}

function runsSearches(apiCalls: readonly string[]): number {
  return apiCalls.filter((c) => c === 'POST /api/2.0/mlflow/runs/search').length;
}

describe('the experiments list', () => {
  it(
    'lists experiments, creates one through the dialog, searches and sorts by name',
    async () => {
      const { page, open, errors, apiCalls } = await ui.newPage();
      await open('/experiments');
      await page.getByRole('heading', { level: 1, name: 'Experiments' }).waitFor();
      await page.getByRole('link', { name: 'Default', exact: true }).waitFor();
      await page.getByRole('link', { name: 'Churn model' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: 'Churn model' });
      expect(await row.textContent()).toContain('team: growth');
      expect(apiCalls.length).toBeLessThanOrEqual(2);
      await screenshot(page, 'experiments-list');

      await page.getByRole('button', { name: 'Create experiment' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create experiment' });
      await dialog.getByLabel('Name').fill('Fraud detection');
      await dialog.getByRole('button', { name: 'Create' }).click();
      await page.getByRole('heading', { level: 1, name: 'Fraud detection' }).waitFor();
      expect(page.url()).toMatch(/#\/experiments\/\d+$/);

      await page
        .getByRole('navigation', { name: 'Breadcrumb' })
        .getByRole('link', { name: 'Experiments' })
        .click();
      await page.getByRole('link', { name: 'Fraud detection' }).waitFor();
      await page.getByRole('searchbox', { name: 'Search experiments by name' }).fill('fraud');
      await page.getByRole('link', { name: 'Default', exact: true }).waitFor({ state: 'detached' });
      expect(await page.getByRole('table', { name: 'Experiments' }).locator('tbody tr').count()).toBe(1);
      await page.getByRole('searchbox', { name: 'Search experiments by name' }).fill('no such thing');
      await page.getByText('No experiments match').waitFor();
      await page.getByRole('searchbox', { name: 'Search experiments by name' }).fill('');
      await page.getByRole('link', { name: 'Default', exact: true }).waitFor();

      await header(page, 'Name').getByRole('button').click();
      await page.locator('th[aria-sort="ascending"]', { hasText: 'Name' }).waitFor();
      await page
        .locator('table[aria-label="Experiments"] tbody tr:first-child', { hasText: 'Churn model' })
        .waitFor();
      await header(page, 'Name').getByRole('button').click();
      await page
        .locator('table[aria-label="Experiments"] tbody tr:first-child', { hasText: 'Fraud detection' })
        .waitFor();
      expect(errors).toEqual([]);
    },
    T,
  );

  it(
    'shows the server error inline in the dialog for a name that is taken',
    async () => {
      const { page, open, errors } = await ui.newPage();
      await open('/experiments');
      await page.getByRole('button', { name: 'Create experiment' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create experiment' });
      await dialog.getByLabel('Name').fill('Default');
      await dialog.getByRole('button', { name: 'Create' }).click();
      const alert = dialog.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('already exists');
      expect(await dialog.isVisible()).toBe(true);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(withoutHttpErrors(errors, 400)).toEqual([]);
    },
    T,
  );
});

describe('the experiment page', () => {
  it(
    'shows the details and edits the description and tags',
    async () => {
      const { page, open, errors } = await ui.newPage();
      await open(`/experiments/${experimentId}`);
      await page.getByRole('heading', { level: 1, name: 'Churn model' }).waitFor();
      const details = page.getByRole('region', { name: 'Details' });
      expect(await details.textContent()).toContain(`mlflow-artifacts:/${experimentId}`);

      const description = page.getByRole('region', { name: 'Description' });
      await description.getByRole('button', { name: 'Edit' }).click();
      await description.getByRole('textbox', { name: 'Description' }).fill('Predicts **churn**\nsecond line');
      await description.getByRole('button', { name: 'Save' }).click();
      await description.locator('strong', { hasText: 'churn' }).waitFor();

      const tags = page.getByRole('region', { name: 'Tags' });
      await tags.getByLabel('Tag key').fill('owner');
      await tags.getByLabel('Tag value').fill('ml-team');
      await tags.getByRole('button', { name: 'Add tag' }).click();
      await tags.getByRole('cell', { name: 'ml-team' }).waitFor();
      await tags.getByRole('button', { name: 'Remove tag team' }).click();
      await tags.getByRole('cell', { name: 'team', exact: true }).waitFor({ state: 'detached' });

      // The list shows the description's first line and the tags as they are now.
      await page
        .getByRole('navigation', { name: 'Breadcrumb' })
        .getByRole('link', { name: 'Experiments' })
        .click();
      const row = page.getByRole('row').filter({ hasText: 'Churn model' });
      await row.getByText('Predicts **churn**').waitFor();
      expect(await row.textContent()).toContain('owner: ml-team');
      expect(await row.textContent()).not.toContain('second line');
      expect(await row.textContent()).not.toContain('team: growth');
      expect(errors).toEqual([]);
    },
    T,
  );

  it(
    'sorts by a metric on the server, both ways, in one request per view',
    async () => {
      const { page, open, errors, apiCalls } = await ui.newPage();
      await open(`/experiments/${experimentId}`);
      await waitForRows(page, RUN_COUNT);
      // Default order: newest first.
      expect(await page.locator(`${RUNS_TABLE} tbody td.run-name`).first().textContent()).toBe('run-29');
      expect(await header(page, 'Created').getAttribute('aria-sort')).toBe('descending');
      // Bounded, and independent of the 30 rows: the experiment and one runs/search.
      expect(apiCalls.length).toBeLessThanOrEqual(4);
      expect(runsSearches(apiCalls)).toBe(1);
      expect(apiCalls.some((c) => c.includes('/runs/get'))).toBe(false);

      await header(page, 'f1').getByRole('button').click();
      expect(await rowNamesStartingWith(page, namesByF1()[0]!)).toEqual(namesByF1());
      expect(await header(page, 'f1').getAttribute('aria-sort')).toBe('descending');
      expect(await header(page, 'Created').getAttribute('aria-sort')).toBeNull();
      expect(hashQuery(page).get('orderByKey')).toBe('metrics.`f1`');

      await header(page, 'f1').getByRole('button').click();
      const ascending = [...namesByF1()].reverse();
      expect(await rowNamesStartingWith(page, ascending[0]!)).toEqual(ascending);
      expect(await header(page, 'f1').getAttribute('aria-sort')).toBe('ascending');
      expect(runsSearches(apiCalls)).toBe(3);
      expect(errors).toEqual([]);
    },
    T,
  );

  it(
    'chooses columns without asking the server again',
    async () => {
      const { page, open, errors, apiCalls } = await ui.newPage();
      await open(`/experiments/${experimentId}`);
      await waitForRows(page, RUN_COUNT);
      // Defaults: every metric, the first three params (depth, lr, model), no tags.
      for (const name of ['accuracy', 'f1', 'loss', 'depth', 'lr', 'model'])
        await header(page, name).waitFor();
      expect(await header(page, 'seed').count()).toBe(0);
      const calls = apiCalls.length;

      const chooser = page.getByRole('button', { name: 'Columns' });
      await chooser.click();
      expect(await chooser.getAttribute('aria-expanded')).toBe('true');
      const params = page.getByRole('group', { name: 'Params' });
      await params.getByRole('checkbox', { name: 'seed' }).check();
      await header(page, 'seed').waitFor();
      await params.getByRole('checkbox', { name: 'model' }).uncheck();
      await header(page, 'model').waitFor({ state: 'detached' });
      await page
        .getByRole('group', { name: 'Metrics' })
        .getByRole('button', { name: 'Hide all metrics' })
        .click();
      await header(page, 'f1').waitFor({ state: 'detached' });
      await page.keyboard.press('Escape');
      expect(await chooser.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate<string | undefined>('document.activeElement?.textContent')).toContain(
        'Columns',
      );
      expect(apiCalls.length).toBe(calls);
      expect(errors).toEqual([]);
    },
    T,
  );

  it(
    'shows a rejected filter inline, keeps the table, and narrows rows with a valid one',
    async () => {
      const { page, open, errors } = await ui.newPage();
      await open(`/experiments/${experimentId}`);
      await waitForRows(page, RUN_COUNT);
      const box = page.getByRole('searchbox', { name: 'Filter runs' });
      await box.fill('metrics.f1 >>> 1');
      await box.press('Enter');
      const alert = page.getByRole('search', { name: 'Filter runs' }).getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain("Invalid comparator '>>>'");
      // Still the table with its 30 rows, not a page-wide error.
      expect(await page.locator(`${RUNS_TABLE} tbody tr`).count()).toBe(RUN_COUNT);
      expect(await page.getByText('Could not load runs').count()).toBe(0);

      await box.fill("metrics.f1 > 0.5 and params.model = 'xgb'");
      await page.getByRole('button', { name: 'Apply' }).click();
      const expected = seeded.filter((r) => r.f1 > 0.5 && r.model === 'xgb');
      expect(expected.length).toBeGreaterThan(0);
      await waitForRows(page, expected.length);
      await alert.waitFor({ state: 'detached' });
      const names = await page.locator(`${RUNS_TABLE} tbody td.run-name`).allTextContents();
      expect(names.sort()).toEqual(expected.map((r) => r.name).sort());
      expect(hashQuery(page).get('searchFilter')).toBe("metrics.f1 > 0.5 and params.model = 'xgb'");

      await box.fill("params.model = 'nothing'");
      await box.press('Enter');
      await page.getByText('No runs match this filter.').waitFor();
      await page.getByRole('button', { name: 'Clear filter' }).click();
      await waitForRows(page, RUN_COUNT);
      expect(withoutHttpErrors(errors, 400)).toEqual([]);
    },
    T,
  );

  it(
    'pages 25 at a time with the order kept across pages, one request per page',
    async () => {
      const { page, open, errors, apiCalls } = await ui.newPage();
      await open(`/experiments/${experimentId}?orderByKey=metrics.%60f1%60&orderByAsc=false`);
      await waitForRows(page, RUN_COUNT);
      await page.getByLabel('Rows per page').selectOption('25');
      await waitForRows(page, 25);
      expect(hashQuery(page).get('pageSize')).toBe('25');
      const before = runsSearches(apiCalls);

      await page.getByRole('button', { name: 'Next →' }).click();
      await page.getByText('Page 2').waitFor();
      expect(await rowNamesStartingWith(page, namesByF1()[25]!)).toEqual(namesByF1().slice(25));
      expect(await page.getByRole('button', { name: 'Next →' }).isDisabled()).toBe(true);
      await page.getByRole('button', { name: '← Previous' }).click();
      await page.getByText('Page 1').waitFor();
      expect(await rowNamesStartingWith(page, namesByF1()[0]!)).toEqual(namesByF1().slice(0, 25));
      // Page 2 cost one search; page 1 again came from the cache.
      expect(runsSearches(apiCalls) - before).toBe(1);
      expect(errors).toEqual([]);
    },
    T,
  );

  it(
    'reproduces a sorted, paged view from a deep link',
    async () => {
      const { page, open, errors, apiCalls } = await ui.newPage(DESKTOP);
      await open(`/experiments/${experimentId}?orderByKey=metrics.%60f1%60&orderByAsc=false&pageSize=25`);
      expect(await rowNamesStartingWith(page, namesByF1()[0]!)).toEqual(namesByF1().slice(0, 25));
      expect(await header(page, 'f1').getAttribute('aria-sort')).toBe('descending');
      expect(await page.getByLabel('Rows per page').inputValue()).toBe('25');
      expect(apiCalls.length).toBeLessThanOrEqual(4);
      expect(runsSearches(apiCalls)).toBe(1);
      await screenshot(page, 'runs-table');

      // A hand-written key (no backticks, singular entity) is the same column.
      await open(`/experiments/${experimentId}/runs?orderByKey=metric.f1&orderByAsc=true`);
      expect(await rowNamesStartingWith(page, namesByF1().at(-1)!)).toHaveLength(RUN_COUNT);
      expect(await header(page, 'f1').getAttribute('aria-sort')).toBe('ascending');
      expect(errors).toEqual([]);
    },
    T,
  );

  it(
    'is operable from the keyboard: filter, column chooser and sort buttons',
    async () => {
      const { page, open, errors } = await ui.newPage();
      await open(`/experiments/${experimentId}`);
      await waitForRows(page, RUN_COUNT);
      await tabTo(page, `el.matches('input[aria-label="Filter runs"]')`);
      await page.keyboard.type("params.model = 'xgb'");
      await page.keyboard.press('Enter');
      const xgb = seeded.filter((r) => r.model === 'xgb');
      await waitForRows(page, xgb.length);

      await tabTo(page, `el.textContent.startsWith('Columns')`);
      await page.keyboard.press('Enter');
      await tabTo(page, `el.type === 'checkbox' && el.closest('.column-panel') !== null`);
      await page.keyboard.press('Space'); // the first box: metric "accuracy"
      await header(page, 'accuracy').waitFor({ state: 'detached' });
      await page.keyboard.press('Escape');
      await page.locator('.column-panel').waitFor({ state: 'hidden' });

      await tabTo(page, `el.matches('th button.sort-button') && el.textContent.startsWith('f1')`);
      await page.keyboard.press('Enter');
      const best = [...xgb].sort((a, b) => b.f1 - a.f1).map((r) => r.name);
      expect(await rowNamesStartingWith(page, best[0]!)).toEqual(best);
      await page.keyboard.press('Space');
      expect(await rowNamesStartingWith(page, best.at(-1)!)).toEqual([...best].reverse());
      expect(await header(page, 'f1').getAttribute('aria-sort')).toBe('ascending');
      expect(errors).toEqual([]);
    },
    T,
  );
});

describe('comparing runs', () => {
  it(
    'compares the selected runs side by side with a bar chart, in one search',
    async () => {
      const { page, open, errors, apiCalls } = await ui.newPage();
      await open(`/experiments/${experimentId}`);
      await waitForRows(page, RUN_COUNT);
      const compare = page.getByRole('button', { name: /^Compare \(/ });
      const picked = [seeded[3]!, seeded[10]!, seeded[17]!];
      await page.getByRole('checkbox', { name: `Select ${picked[0]!.name}` }).check();
      expect(await compare.isDisabled()).toBe(true);
      for (const run of picked.slice(1))
        await page.getByRole('checkbox', { name: `Select ${run.name}` }).check();
      expect(await compare.textContent()).toBe('Compare (3)');
      const before = apiCalls.length;
      await compare.click();
      await page.getByRole('heading', { level: 1, name: 'Compare runs' }).waitFor();
      expect(page.url()).toContain('#/compare-runs?runs=');

      const table = page.getByRole('table', { name: 'Run comparison' });
      await table.waitFor();
      for (const run of picked) await table.getByRole('columnheader', { name: run.name }).waitFor();
      const f1Row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^f1/ }) });
      const cells = await f1Row.getByRole('cell').allTextContents();
      const best = Math.max(...picked.map((r) => r.f1));
      expect(cells.map((c) => c.replace(/[★\s]|best/g, ''))).toEqual(picked.map((r) => String(r.f1)));
      expect(cells.filter((c) => c.includes('★'))).toEqual([`★ best ${best}`]);
      // "model" differs only if the picked runs differ in it; "lr" is the same for all.
      expect(await table.getByRole('row', { name: /^lr/ }).getAttribute('class')).toBeNull();

      const chart = page.locator('svg.bar-chart');
      await chart.waitFor();
      expect(await chart.locator('rect.bar').count()).toBe(3);
      await page.getByLabel('Metric', { exact: true }).selectOption('accuracy');
      expect(await chart.getAttribute('data-metric')).toBe('accuracy');
      await page.getByLabel('Metric', { exact: true }).selectOption('f1');
      expect(await chart.getAttribute('data-metric')).toBe('f1');
      expect(await chart.textContent()).toContain(picked[0]!.name);
      // One runs/search for all three runs; the experiment's name came from the cache.
      const compareCalls = apiCalls.slice(before);
      expect(compareCalls).toEqual(['POST /api/2.0/mlflow/runs/search']);
      await screenshot(page, 'compare-runs');
      expect(errors).toEqual([]);
    },
    T,
  );

  it(
    'opens from a link in a bounded number of requests, and explains a broken link',
    async () => {
      const { page, open, errors, apiCalls } = await ui.newPage();
      const ids = seeded.slice(0, 5).map((r) => r.id);
      await open(
        `/compare-runs?runs=${encodeURIComponent(JSON.stringify(ids))}&experiments=${encodeURIComponent(JSON.stringify([experimentId]))}`,
      );
      await page.getByRole('table', { name: 'Run comparison' }).waitFor();
      expect(await page.locator('svg.bar-chart rect.bar').count()).toBe(5);
      expect(runsSearches(apiCalls)).toBe(1);
      expect(apiCalls.length).toBeLessThanOrEqual(3);
      await page
        .getByRole('navigation', { name: 'Breadcrumb' })
        .getByRole('link', { name: 'Churn model' })
        .waitFor();

      await open('/compare-runs?runs=oops');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('no list of runs');
      await open('/compare-runs');
      await page.getByRole('alert').waitFor();
      expect(errors).toEqual([]);
    },
    T,
  );
});

describe('the experiments pages on a phone', () => {
  it(
    'never scroll sideways at 390 px',
    async () => {
      const { page, open, errors } = await ui.newPage(PHONE);
      await open('/experiments');
      await page.getByRole('link', { name: 'Churn model' }).waitFor();
      expect(await overflowsHorizontally(page)).toBe(false);
      await screenshot(page, 'experiments-list-phone');

      await open(`/experiments/${experimentId}?orderByKey=metrics.%60f1%60&orderByAsc=false&pageSize=25`);
      await waitForRows(page, 25);
      expect(await overflowsHorizontally(page)).toBe(false);
      await page.getByRole('button', { name: 'Columns' }).click();
      expect(await overflowsHorizontally(page)).toBe(false);
      await page.keyboard.press('Escape');
      await page.evaluate('window.scrollTo(0, 0)');
      await screenshot(page, 'runs-table-phone');

      const ids = seeded.slice(0, 4).map((r) => r.id);
      await open(
        `/compare-runs?runs=${encodeURIComponent(JSON.stringify(ids))}&experiments=${encodeURIComponent(JSON.stringify([experimentId]))}`,
      );
      await page.locator('svg.bar-chart').waitFor();
      expect(await overflowsHorizontally(page)).toBe(false);
      await screenshot(page, 'compare-runs-phone');
      expect(errors).toEqual([]);
    },
    T,
  );
});

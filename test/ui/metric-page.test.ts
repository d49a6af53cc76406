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
} from './support/ui-harness.js';

const T = 60_000;
const STEPS = 50;
const LONG = 5_000;

let ui: UiHarness;
let experimentId: string;
/** The three 50-step runs, in the order the links list them. */
const runs: { id: string; name: string }[] = [];
let longRunId: string;
let lonelyRunId: string;

const CURVES: { name: string; loss: (s: number) => number; accuracy: (s: number) => number }[] = [
  {
    name: 'adam-fast',
    loss: (s) => 2 * Math.exp(-s / 8) + 0.05,
    accuracy: (s) => 0.5 + 0.45 * (1 - Math.exp(-s / 8)),
  },
  { name: 'sgd-slow', loss: (s) => 2 / (1 + s / 10), accuracy: (s) => 0.5 + (0.4 * s) / STEPS },
  {
    name: 'rmsprop-noisy',
    loss: (s) => 1.5 - s / 40 + (s % 5) / 20,
    accuracy: (s) => 0.55 + (0.3 * s) / STEPS,
  },
];

async function logInBatches(
  runId: string,
  metrics: { key: string; value: number; step: number; timestamp: number }[],
) {
  for (let i = 0; i < metrics.length; i += 1000)
    await ui.sdk.logBatch(runId, { metrics: metrics.slice(i, i + 1000) });
}

async function seed(): Promise<void> {
  experimentId = await ui.sdk.createExperiment('Curves');
  const t0 = Date.now() - 3_600_000;
  for (const [index, curve] of CURVES.entries()) {
    const run = await ui.sdk.createRun(experimentId, { runName: curve.name });
    // Each run starts a minute after the previous one and logs a step every 2 s.
    const start = t0 + index * 60_000;
    await logInBatches(
      run.info.run_id,
      Array.from({ length: STEPS }, (_, step) => [
        { key: 'loss', value: curve.loss(step), step, timestamp: start + step * 2000 },
        { key: 'accuracy', value: curve.accuracy(step), step, timestamp: start + step * 2000 },
      ]).flat(),
    );
    runs.push({ id: run.info.run_id, name: curve.name });
  }
  // A centred metric (values below 0) on the first run only: the log scale must switch off for it.
  await ui.sdk.logBatch(runs[0]!.id, {
    metrics: Array.from({ length: 10 }, (_, step) => ({
      key: 'delta',
      value: step - 5,
      step,
      timestamp: t0 + step,
    })),
  });
  const long = await ui.sdk.createRun(experimentId, { runName: 'long-run' });
  longRunId = long.info.run_id;
  await logInBatches(
    longRunId,
    Array.from({ length: LONG }, (_, step) => ({
      key: 'loss',
      // A smooth decay with one spike at step 2,345: the downsampled line must keep it.
      value: step === 2345 ? 9 : 1 / Math.sqrt(step + 1),
      step,
      timestamp: t0 + step * 100,
    })),
  );
  const lonely = await ui.sdk.createRun(experimentId, { runName: 'no-metrics' });
  lonelyRunId = lonely.info.run_id;
}

beforeAll(async () => {
  ui = await openUiHarness();
  await seed();
}, T);

afterAll(async () => {
  await ui?.close();
});

function metricRoute(key: string, ids: readonly string[], extra = ''): string {
  return `/metric/${encodeURIComponent(key)}?runs=${encodeURIComponent(JSON.stringify(ids))}&experiments=${encodeURIComponent(JSON.stringify([experimentId]))}${extra}`;
}

const chartOf = (page: Page, key: string) => page.locator(`section[data-metric="${key}"] svg.mp-chart`);
const historyCalls = (calls: readonly string[]) => calls.filter((c) => c.includes('/metrics/get-history'));

describe('the metric page', () => {
  it(
    'draws one line per run with a legend, a table of real values, and one history request per metric',
    async () => {
      const { page, open, errors, apiCalls } = await ui.newPage(DESKTOP);
      await open(
        metricRoute(
          'loss',
          runs.map((r) => r.id),
        ),
      );
      await page.getByRole('heading', { level: 1, name: 'loss' }).waitFor();
      const chart = chartOf(page, 'loss');
      await chart.waitFor();
      expect(
        await chart.locator('g.mp-run').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-run'))),
      ).toEqual(runs.map((r) => r.name));
      const legend = page.getByRole('list', { name: 'Runs in the loss chart' });
      expect(await legend.getByRole('link').allTextContents()).toEqual(runs.map((r) => r.name));
      expect(await legend.getByRole('link', { name: 'sgd-slow' }).getAttribute('href')).toBe(
        `#/experiments/${experimentId}/runs/${runs[1]!.id}`,
      );
      // Three distinct colours.
      const colours = await chart
        .locator('g.mp-run')
        .evaluateAll((gs) => gs.map((g) => g.getAttribute('style')));
      expect(new Set(colours).size).toBe(3);
      expect(await chart.locator('polyline.mp-line').first().getAttribute('data-points')).toBe(String(STEPS));
      // Every point tells its run, step and value.
      expect(await chart.locator('g[data-run="sgd-slow"] circle title').nth(10).textContent()).toBe(
        'sgd-slow · step 10 · 1',
      );

      const table = page.getByRole('table', { name: 'loss by run' });
      const sgd = table.getByRole('row', { name: /sgd-slow/ });
      expect(await sgd.getByRole('cell').allTextContents()).toEqual([
        String(Number((2 / (1 + 49 / 10)).toPrecision(6))),
        '49',
        String(Number((2 / (1 + 49 / 10)).toPrecision(6))),
        '2',
        '50',
      ]);

      // Breadcrumbs: Experiments › Curves › Compare runs (the same runs).
      const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
      await crumbs.getByRole('link', { name: 'Curves' }).waitFor();
      expect(await crumbs.getByRole('link', { name: 'Compare runs' }).getAttribute('href')).toBe(
        `#/compare-runs?runs=${encodeURIComponent(JSON.stringify(runs.map((r) => r.id)))}&experiments=${encodeURIComponent(JSON.stringify([experimentId]))}`,
      );
      // One search for the runs, the experiment's name, one bulk history for the three runs.
      expect([...apiCalls].sort()).toEqual([
        'GET /ajax-api/2.0/mlflow/metrics/get-history-bulk',
        'GET /api/2.0/mlflow/experiments/get',
        'POST /api/2.0/mlflow/runs/search',
      ]);
      await screenshot(page, 'metric-page');
      expect(errors).toEqual([]);
    },
    T,
  );

  it(
    'switches the x axis and the y scale, highlights a run from the legend, and keeps the view in the URL',
    async () => {
      const { page, open, errors, apiCalls } = await ui.newPage(DESKTOP);
      await open(
        metricRoute(
          'loss',
          runs.map((r) => r.id),
        ),
      );
      const chart = chartOf(page, 'loss');
      await chart.waitFor();
      expect(await chart.getAttribute('aria-label')).toBe('loss by step, linear scale, 3 runs');
      const firstLine = chart.locator('g[data-run="adam-fast"] polyline');
      const stepPoints = await firstLine.getAttribute('points');

      await page.getByLabel('X axis').selectOption('relative');
      await expect.poll(() => chart.getAttribute('data-x-axis')).toBe('relative');
      expect(await chart.getAttribute('aria-label')).toBe(
        'loss by relative time (seconds), linear scale, 3 runs',
      );
      expect(await chart.locator('text.mp-axis-label').first().textContent()).toBe('Relative time (seconds)');
      // Two seconds a step: the last point of a run is at 98 s.
      expect(await chart.locator('g[data-run="adam-fast"] circle title').last().textContent()).toContain(
        '· 98s ·',
      );
      expect(hashQuery(page).get('x_axis')).toBe('relative');

      await page.getByLabel('X axis').selectOption('wall');
      await expect.poll(() => chart.getAttribute('data-x-axis')).toBe('wall');
      expect(await chart.locator('text.mp-axis-label').first().textContent()).toBe('Wall time');
      // The runs started a minute apart, so on wall time the first run's line is squeezed to the left.
      expect(await firstLine.getAttribute('points')).not.toBe(stepPoints);

      await page.getByLabel('Y axis').selectOption('log');
      await expect.poll(() => chart.getAttribute('data-y-scale')).toBe('log');
      expect(await chart.getAttribute('aria-label')).toBe('loss by wall time, log scale, 3 runs');
      expect(await chart.locator('text.mp-axis-label').last().textContent()).toBe('loss (log)');
      expect(hashQuery(page).get('y_axis_scale')).toBe('log');
      await screenshot(page, 'metric-page-wall-log');

      // Focusing a legend entry (keyboard) brings its line forward and dims the others.
      await page
        .getByRole('list', { name: 'Runs in the loss chart' })
        .getByRole('link', { name: 'sgd-slow' })
        .focus();
      await expect
        .poll(() => chart.locator('g.mp-run.is-highlighted').getAttribute('data-run'))
        .toBe('sgd-slow');
      expect(await chart.locator('g.mp-run.is-dimmed').count()).toBe(2);
      await page.keyboard.press('Tab');
      await expect
        .poll(() => chart.locator('g.mp-run.is-highlighted').getAttribute('data-run'))
        .toBe('rmsprop-noisy');

      // A reload of the URL gives the same view; switching views never fetched again.
      await page.reload();
      await chartOf(page, 'loss').waitFor();
      expect(await chartOf(page, 'loss').getAttribute('aria-label')).toBe(
        'loss by wall time, log scale, 3 runs',
      );
      expect(historyCalls(apiCalls)).toHaveLength(2); // one per page load
      expect(errors).toEqual([]);
    },
    T,
  );

  it(
    'adds charts from plot_metric_keys and the metric picker, and turns the log scale off for values ≤ 0',
    async () => {
      const { page, open, errors, apiCalls } = await ui.newPage(DESKTOP);
      const ids = runs.map((r) => r.id);
      await open(metricRoute('loss', ids, `&plot_metric_keys=${encodeURIComponent('["loss","accuracy"]')}`));
      await chartOf(page, 'accuracy').waitFor();
      await chartOf(page, 'loss').waitFor();
      expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['loss', 'accuracy']);
      expect(await chartOf(page, 'accuracy').locator('g.mp-run').count()).toBe(3);
      expect(historyCalls(apiCalls)).toEqual([
        'GET /ajax-api/2.0/mlflow/metrics/get-history-bulk',
        'GET /ajax-api/2.0/mlflow/metrics/get-history-bulk',
      ]);

      // The picker lists every metric of these runs; the page's own metric stays.
      await page.getByText(/^Metrics \(2 of 3\)/).click();
      expect(await page.getByRole('checkbox', { name: /^loss/ }).isDisabled()).toBe(true);
      await page.getByRole('checkbox', { name: 'delta' }).check();
      await page.locator('section[data-metric="delta"]').getByRole('img').waitFor();
      expect(JSON.parse(hashQuery(page).get('plot_metric_keys') ?? '[]')).toEqual([
        'loss',
        'accuracy',
        'delta',
      ]);
      // Only one run logged delta: one line, and the others are named as not having it.
      const delta = page.locator('section[data-metric="delta"]');
      expect(await delta.locator('g.mp-run').count()).toBe(1);
      await delta.getByText('Not logged by sgd-slow, rmsprop-noisy.').waitFor();
      // delta goes below 0: no log scale while it is charted.
      expect(await page.getByRole('option', { name: 'Log' }).isDisabled()).toBe(true);
      await page.getByText('Log scale is off: delta has values ≤ 0.').waitFor();

      await page.getByRole('checkbox', { name: 'accuracy' }).uncheck();
      await page.getByRole('checkbox', { name: 'delta' }).uncheck();
      await expect.poll(() => page.locator('section.mp-section').count()).toBe(1);
      expect(hashQuery(page).get('plot_metric_keys')).toBeNull();
      expect(await page.getByRole('option', { name: 'Log' }).isDisabled()).toBe(false);
      expect(historyCalls(apiCalls)).toHaveLength(3);
      expect(errors).toEqual([]);
    },
    T,
  );

  it(
    'draws a 5,000-point history from at most 1,000 points, keeps its spike, and counts every point',
    async () => {
      const { page, open, errors, apiCalls } = await ui.newPage(DESKTOP);
      await open(metricRoute('loss', [longRunId, runs[0]!.id]));
      const chart = chartOf(page, 'loss');
      await chart.waitFor();
      const longLine = chart.locator('g[data-run="long-run"] polyline');
      const drawn = Number(await longLine.getAttribute('data-points'));
      expect(drawn).toBeGreaterThan(500);
      expect(drawn).toBeLessThanOrEqual(1000);
      expect(await chart.locator('g[data-run="long-run"] circle').count()).toBe(drawn);
      expect(await chart.locator('g[data-run="long-run"] circle title').allTextContents()).toContain(
        'long-run · step 2345 · 9',
      );
      const row = page.getByRole('table', { name: 'loss by run' }).getByRole('row', { name: /long-run/ });
      const cells = await row.getByRole('cell').allTextContents();
      expect(cells[0]).toBe(String(Number((1 / Math.sqrt(LONG)).toPrecision(6))));
      expect(cells[3]).toBe('9'); // max: the spike
      expect(cells[4]?.replace(/\D/g, '')).toBe(String(LONG));
      // Experiments › Curves › Compare runs, as for any 2+ runs; one bulk history for both runs.
      expect(historyCalls(apiCalls)).toHaveLength(1);
      await screenshot(page, 'metric-page-long');
      // The page answers at once: the legend takes focus and highlights the long line.
      await page.getByRole('link', { name: 'long-run' }).first().focus();
      await expect
        .poll(() => chart.locator('g.mp-run.is-highlighted').getAttribute('data-run'))
        .toBe('long-run');
      expect(errors).toEqual([]);
    },
    T,
  );

  it(
    'links one run back to its run page and caps a long list at ten runs',
    async () => {
      const { page, open, errors, apiCalls } = await ui.newPage(DESKTOP);
      await open(metricRoute('accuracy', [runs[2]!.id]));
      const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
      expect(await crumbs.getByRole('link', { name: 'rmsprop-noisy' }).getAttribute('href')).toBe(
        `#/experiments/${experimentId}/runs/${runs[2]!.id}`,
      );
      await chartOf(page, 'accuracy').waitFor();

      // Twelve ids (the same runs and unknown ones): ten are asked for, and the page says so.
      const many = [...runs.map((r) => r.id), longRunId, ...Array.from({ length: 8 }, (_, i) => `feed${i}`)];
      apiCalls.length = 0;
      await open(metricRoute('loss', many));
      await page.getByText('The link lists 12 runs; the first 10 are shown.').waitFor();
      await page.getByText(/^Not found: feed0, feed1, feed2, feed3, feed4, feed5\./).waitFor();
      await chartOf(page, 'loss').waitFor();
      expect(await chartOf(page, 'loss').locator('g.mp-run').count()).toBe(4);
      const search = apiCalls.filter((c) => c.endsWith('/runs/search'));
      expect(search).toHaveLength(1);
      expect(historyCalls(apiCalls)).toHaveLength(1);
      expect(errors).toEqual([]);
    },
    T,
  );

  it(
    'explains an empty chart, a broken link and a key that needs exact decoding',
    async () => {
      const { page, open, errors, apiCalls } = await ui.newPage(DESKTOP);
      await open(metricRoute('loss', [lonelyRunId]));
      await page.getByText('No run logged loss.').waitFor();
      // Nothing logged it, so nothing was asked for.
      expect(historyCalls(apiCalls)).toHaveLength(0);

      await open('/metric/loss?runs=oops');
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('no list of runs');
      await open('/metric/loss?runs=[]');
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('lists no runs');
      await open(`/metric/bad%E0%A4%A?runs=${encodeURIComponent(JSON.stringify([runs[0]!.id]))}`);
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toContain('metric name in this link is not valid');

      // wouter decodes with decodeURI, which keeps `%2F` and `%3A`: the page decodes the key itself.
      const odd = 'eval/top 5: acc';
      await ui.sdk.logBatch(runs[0]!.id, {
        metrics: [{ key: odd, value: 0.7, step: 0, timestamp: Date.now() }],
      });
      await open(metricRoute(odd, [runs[0]!.id]));
      await page.getByRole('heading', { level: 1, name: odd }).waitFor();
      await page
        .getByRole('table', { name: `${odd} by run` })
        .getByRole('cell', { name: '0.7', exact: true })
        .first()
        .waitFor();
      expect(errors).toEqual([]);
    },
    T,
  );

  it(
    'fits a phone: the chart scales to the width and nothing scrolls sideways',
    async () => {
      const { page, open, errors } = await ui.newPage(PHONE);
      await open(
        metricRoute(
          'loss',
          runs.map((r) => r.id),
          `&plot_metric_keys=${encodeURIComponent('["loss","accuracy"]')}`,
        ),
      );
      const chart = chartOf(page, 'loss');
      await chart.waitFor();
      await chartOf(page, 'accuracy').waitFor();
      expect(await chart.getAttribute('viewBox')).toBe('0 0 340 280');
      const box = await chart.boundingBox();
      expect(box && box.width <= PHONE.width).toBe(true);
      expect(await overflowsHorizontally(page)).toBe(false);
      await screenshot(page, 'metric-page-phone');
      expect(errors).toEqual([]);
    },
    T,
  );
});

describe('links to the metric page', () => {
  it(
    'opens from a metric name on the compare page and from a run’s wide chart',
    async () => {
      const { page, open, errors } = await ui.newPage(DESKTOP);
      const ids = runs.map((r) => r.id);
      await open(
        `/compare-runs?runs=${encodeURIComponent(JSON.stringify(ids))}&experiments=${encodeURIComponent(JSON.stringify([experimentId]))}`,
      );
      await page
        .getByRole('table', { name: 'Run comparison' })
        .getByRole('link', { name: 'loss', exact: true })
        .click();
      await chartOf(page, 'loss').waitFor();
      expect(await chartOf(page, 'loss').locator('g.mp-run').count()).toBe(3);

      await open(`/experiments/${experimentId}/runs/${runs[1]!.id}?metric=accuracy`);
      await page.getByRole('link', { name: 'Metric page' }).click();
      await chartOf(page, 'accuracy').waitFor();
      expect(await chartOf(page, 'accuracy').locator('g.mp-run').count()).toBe(1);
      const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
      await crumbs.getByRole('link', { name: 'sgd-slow' }).waitFor();
      expect(errors).toEqual([]);
    },
    T,
  );
});

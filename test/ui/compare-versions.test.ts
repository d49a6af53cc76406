import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/fixtures.js';
import {
  openUiHarness,
  overflowsHorizontally,
  PHONE,
  screenshot,
  type UiHarness,
  withoutHttpErrors,
} from './support/ui-harness.js';

// The compare model versions page (/compare-model-versions?name="<model>"&runs={run: version}, MLflow's
// URL) against a real server and Chromium.

const MODEL_DIR = join(FIXTURES, 'models', 'mlflow-3.6', 'sklearn_logreg');
const BROWSER_TEST = 60_000;
const MODEL = 'compare-churn';

let ui: UiHarness;
let changedModelDir: string;
let experimentA: string;
let experimentB: string;
/** Run ids of versions 1, 2 and 3 of MODEL. */
let runs: string[] = [];

/**
 * The fixture model with a different signature: petal_width dropped, sepal_width a float, and an
 * optional `region` column. Written to a temp folder (fixtures are never copied into the repo).
 */
async function writeChangedModel(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'compare-versions-'));
  await cp(MODEL_DIR, dir, { recursive: true });
  const inputs = JSON.stringify([
    { type: 'double', name: 'sepal_length', required: true },
    { type: 'float', name: 'sepal_width', required: true },
    { type: 'double', name: 'petal_length', required: true },
    { type: 'string', name: 'region', required: false },
  ]);
  const mlmodel = await readFile(join(MODEL_DIR, 'MLmodel'), 'utf8');
  const changed = mlmodel.replace(/ {2}inputs: '[^']*'\n/, `  inputs: '${inputs}'\n`);
  if (changed === mlmodel) throw new Error('the fixture MLmodel no longer has the expected inputs line');
  await writeFile(join(dir, 'MLmodel'), changed);
  return dir;
}

async function registerRun(
  experimentId: string,
  runName: string,
  modelDir: string,
  data: { params: Record<string, string>; metrics: Record<string, number[]> },
): Promise<string> {
  const run = await ui.sdk.createRun(experimentId, { runName });
  const runId = run.info.run_id;
  await ui.sdk.logBatch(runId, {
    params: data.params,
    metrics: Object.entries(data.metrics).flatMap(([key, values]) =>
      values.map((value, step) => ({ key, value, step, timestamp: 1_700_000_000_000 + step })),
    ),
  });
  await ui.sdk.logArtifacts(runId, modelDir, { artifactPath: 'model' });
  await ui.sdk.registry.createModelVersion(MODEL, `runs:/${runId}/model`, { runId });
  return runId;
}

beforeAll(async () => {
  ui = await openUiHarness();
  changedModelDir = await writeChangedModel();
  experimentA = await ui.sdk.createExperiment('compare-versions-a');
  experimentB = await ui.sdk.createExperiment('compare-versions-b');
  await ui.sdk.registry.createRegisteredModel(MODEL);
  runs = [
    await registerRun(experimentA, 'train-a', MODEL_DIR, {
      params: { C: '1.0', solver: 'lbfgs' },
      metrics: { accuracy: [0.9], loss: [0.5, 0.3] },
    }),
    await registerRun(experimentA, 'train-b', MODEL_DIR, {
      params: { C: '0.5', solver: 'lbfgs' },
      metrics: { accuracy: [0.93], loss: [0.25] },
    }),
    // Another experiment: the one runs/search still finds it.
    await registerRun(experimentB, 'train-c', changedModelDir, {
      params: { C: '0.5', solver: 'lbfgs', max_iter: '200' },
      metrics: { accuracy: [0.95] },
    }),
  ];
  await ui.sdk.registry.transitionModelVersionStage(MODEL, 2, 'Production');
  await ui.sdk.registry.transitionModelVersionStage(MODEL, 3, 'Staging');
  await ui.sdk.registry.setRegisteredModelAlias(MODEL, 'champion', 2);
}, 60_000);

afterAll(async () => {
  await ui?.close();
  if (changedModelDir) await rm(changedModelDir, { recursive: true, force: true });
});

/** The route links.compareModelVersions builds (and MLflow's UI uses). */
const compareRoute = (name: string, runsToVersions: Record<string, string>) =>
  `/compare-model-versions?name=${encodeURIComponent(JSON.stringify(name))}&runs=${encodeURIComponent(
    JSON.stringify(runsToVersions),
  )}`;

const allThree = () => compareRoute(MODEL, { [runs[0]!]: '1', [runs[1]!]: '2', [runs[2]!]: '3' });

/** The row whose header is `label` (a differing row's header also says "values differ"). */
const rowOf = (table: Locator, label: string) =>
  table
    .locator('tr')
    .filter({ has: table.page().locator('th[scope="row"]', { hasText: new RegExp(`^${label}( |$)`) }) });

const cellsOf = (table: Locator, label: string) => rowOf(table, label).locator('td').allTextContents();
const differs = async (table: Locator, label: string) =>
  (await rowOf(table, label).getAttribute('class'))?.includes('mv-differs') ?? false;

async function openComparison(page: Page, open: (route: string) => Promise<void>) {
  await open(allThree());
  const table = page.getByRole('table', { name: 'Version comparison' });
  await rowOf(table, 'accuracy').waitFor();
  const schema = page.getByRole('table', { name: 'Schema comparison' });
  await rowOf(schema, 'sepal_width').waitFor();
  return { table, schema };
}

describe('compare model versions', () => {
  it(
    'shows versions side by side with run params, latest metrics and a schema diff, in a bounded number of requests',
    async () => {
      const { page, open, errors, apiCalls } = await ui.newPage();
      const { table, schema } = await openComparison(page, open);
      await page.getByRole('heading', { level: 1, name: 'Compare versions' }).waitFor();
      const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
      expect(await crumbs.getByRole('link', { name: MODEL }).getAttribute('href')).toBe(`#/models/${MODEL}`);

      // One column per version, lowest first, each linking to its page.
      const heads = table.locator('thead th');
      expect(await heads.allTextContents()).toEqual(['Field', 'Version 1', 'Version 2', 'Version 3']);
      expect(await heads.nth(2).getByRole('link').getAttribute('href')).toBe(`#/models/${MODEL}/versions/2`);
      expect(await cellsOf(table, 'Stage')).toEqual(['None', 'Production', 'Staging']);
      expect(await cellsOf(table, 'Aliases')).toEqual(['—', '@champion', '—']);
      const sourceRuns = rowOf(table, 'Source run').getByRole('link');
      expect(await sourceRuns.allTextContents()).toEqual(['train-a', 'train-b', 'train-c']);
      expect(await sourceRuns.nth(0).getAttribute('href')).toBe(
        `#/experiments/${experimentA}/runs/${runs[0]}`,
      );
      expect(await sourceRuns.nth(2).getAttribute('href')).toBe(
        `#/experiments/${experimentB}/runs/${runs[2]}`,
      );

      // Params and latest metrics; rows whose values differ are marked.
      expect(await cellsOf(table, 'C')).toEqual(['1.0', '0.5', '0.5']);
      expect(await differs(table, 'C')).toBe(true);
      expect(await cellsOf(table, 'solver')).toEqual(['lbfgs', 'lbfgs', 'lbfgs']);
      expect(await differs(table, 'solver')).toBe(false);
      expect(await cellsOf(table, 'max_iter')).toEqual(['—', '—', '200']);
      expect(await cellsOf(table, 'loss')).toEqual(['0.3', '0.25', '—']);
      expect(await cellsOf(table, 'accuracy')).toEqual(['0.9', '0.93', '0.95']);

      // Schema: version 3 dropped petal_width, made sepal_width a float and added region.
      expect(await cellsOf(schema, 'sepal_length')).toEqual(['double', 'double', 'double']);
      expect(await differs(schema, 'sepal_length')).toBe(false);
      expect(await cellsOf(schema, 'sepal_width')).toEqual(['double', 'double', 'float']);
      expect(await differs(schema, 'sepal_width')).toBe(true);
      expect(await cellsOf(schema, 'petal_width')).toEqual(['double', 'double', '—']);
      expect(await cellsOf(schema, 'region')).toEqual(['—', '—', 'string (optional)']);
      expect(await cellsOf(schema, '\\(tensor 0\\)')).toEqual(Array(3).fill('Tensor(int64, (-1,))'));
      expect(await cellsOf(schema, 'Flavors')).toEqual(Array(3).fill('python_function, sklearn'));
      await screenshot(page, 'compare-versions');

      // Requests: the model, one version search, one experiment list, one run search, one MLmodel
      // per version; none per param, metric or schema row.
      expect([...apiCalls].sort()).toEqual([
        'GET /api/2.0/mlflow/model-versions/search',
        'GET /api/2.0/mlflow/registered-models/get',
        'GET /model-versions/get-artifact',
        'GET /model-versions/get-artifact',
        'GET /model-versions/get-artifact',
        'POST /api/2.0/mlflow/experiments/search',
        'POST /api/2.0/mlflow/runs/search',
      ]);

      // "Only rows that differ", from the keyboard.
      await page.getByRole('checkbox', { name: 'Only rows that differ' }).focus();
      await page.keyboard.press('Space');
      await expect.poll(() => rowOf(table, 'solver').count()).toBe(0);
      expect(await rowOf(schema, 'sepal_length').count()).toBe(0);
      expect(await rowOf(table, 'C').count()).toBe(1);
      expect(await rowOf(schema, 'region').count()).toBe(1);
      expect(await rowOf(schema, '\\(tensor 0\\)').count()).toBe(0);
      await schema.getByText('No outputs differ.').waitFor();
      expect(errors).toEqual([]);
    },
    BROWSER_TEST,
  );

  it(
    'fits a phone: the versions scroll inside the tables, not the page',
    async () => {
      const { page, open, errors } = await ui.newPage(PHONE);
      await openComparison(page, open);
      expect(await overflowsHorizontally(page)).toBe(false);
      await screenshot(page, 'compare-versions-phone');
      expect(errors).toEqual([]);
    },
    BROWSER_TEST,
  );

  it(
    'explains a malformed link without asking the server, and a missing model or version',
    async () => {
      const { page, open, errors, apiCalls } = await ui.newPage();
      const cases: [string, RegExp][] = [
        ['/compare-model-versions', /does not name a model/],
        ['/compare-model-versions?name=churn&runs=%7B%7D', /does not name a model/],
        [`/compare-model-versions?name=${encodeURIComponent('"churn"')}`, /has no versions to compare/],
        [compareRoute('churn', {}), /lists no versions to compare/],
        [compareRoute('churn', { abc: 'latest' }), /holds no valid version numbers/],
      ];
      for (const [route, message] of cases) {
        await open(route);
        const alert = page.getByRole('alert');
        await alert.getByText('This comparison link cannot be read.').waitFor();
        await alert.getByText(message).waitFor();
        expect(await alert.getByRole('link', { name: 'registered models' }).getAttribute('href')).toBe(
          '#/models',
        );
      }
      expect(apiCalls).toEqual([]);

      await open(compareRoute('no-such-model-here', { abc: '1', def: '2' }));
      await page.getByText('This model does not exist.').waitFor();

      // A version the link names that the model does not have is reported; the rest compare.
      await open(compareRoute(MODEL, { [runs[0]!]: '1', [runs[1]!]: '2', deadbeef: '99' }));
      await page.getByRole('status').getByText('Not found: version 99.').waitFor();
      const heads = page.getByRole('table', { name: 'Version comparison' }).locator('thead th');
      expect(await heads.allTextContents()).toEqual(['Field', 'Version 1', 'Version 2']);
      expect(withoutHttpErrors(errors, 404)).toEqual([]);
    },
    BROWSER_TEST,
  );

  it(
    'compares at most ten versions, fetching a version with no run by itself',
    async () => {
      const name = 'compare-many';
      await ui.sdk.registry.createRegisteredModel(name);
      const link: Record<string, string> = {};
      for (let i = 1; i <= 12; i++) {
        const runId = (await ui.sdk.createRun(experimentA)).info.run_id;
        // Version 1 has no run, as versions registered straight from storage do.
        await ui.sdk.registry.createModelVersion(name, `runs:/${runId}/model`, i === 1 ? {} : { runId });
        link[i === 1 ? 'null' : runId] = String(i);
      }
      const { page, open, errors, apiCalls } = await ui.newPage();
      await open(compareRoute(name, link));
      const table = page.getByRole('table', { name: 'Version comparison' });
      await rowOf(table, 'Stage').waitFor();
      await page
        .getByRole('status')
        .getByText('Only the first 10 versions are compared; 2 more in the link are not shown.')
        .waitFor();
      expect(await table.locator('thead th').count()).toBe(11);
      expect((await cellsOf(table, 'Source run'))[0]).toBe('—');
      const schema = page.getByRole('table', { name: 'Schema comparison' });
      await expect
        .poll(() => cellsOf(schema, 'Flavors'))
        .toEqual(Array(10).fill('This version has no MLmodel file.'));
      const count = (call: string) => apiCalls.filter((c) => c === call).length;
      expect(count('GET /model-versions/get-artifact')).toBe(10);
      expect(count('GET /api/2.0/mlflow/model-versions/search')).toBe(1);
      expect(count('GET /api/2.0/mlflow/model-versions/get')).toBe(1);
      expect(count('POST /api/2.0/mlflow/runs/search')).toBe(1);
      expect(apiCalls).toHaveLength(15);
      expect(withoutHttpErrors(errors, 404)).toEqual([]);
    },
    BROWSER_TEST,
  );
});

import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logModelToRun } from '../../src/client/log-model.js';
import {
  DESKTOP,
  openUiHarness,
  overflowsHorizontally,
  PHONE,
  screenshot,
  type UiHarness,
  withoutHttpErrors,
} from './support/ui-harness.js';

// A small custom Node model (multiplies column x by its configured factor).
const SCALER = fileURLToPath(new URL('../client/models/scaler.ts', import.meta.url));
const TIMEOUT = 60_000;

let ui: UiHarness;
let experimentId: string;
let runId: string;
let modelId: string;

/** A run that logged a real MLflow 3 model, with metrics measured on it and a user tag. */
async function seed(): Promise<void> {
  experimentId = await ui.sdk.createExperiment('scaler-experiments');
  const run = await ui.sdk.createRun(experimentId, { runName: 'scaler-train' });
  runId = run.info.run_id;
  await ui.sdk.logBatch(runId, { params: { factor: 3, optimizer: 'none' } });
  const info = await logModelToRun(
    ui.sdk,
    runId,
    'scaler',
    { model: SCALER, modelConfig: { factor: 3 }, inputExample: [{ x: 1.5 }] },
    { tags: { owner: 'ana' } },
  );
  modelId = info.modelId;
  const metric = { modelId, datasetName: 'holdout', datasetDigest: 'abcdef0123456789' };
  await ui.sdk.logMetric(runId, 'rmse', 0.25, { ...metric, step: 1 });
  await ui.sdk.logMetric(runId, 'r2', 0.97, { ...metric, step: 1 });
  await ui.sdk.setTerminated(runId, 'FINISHED');
}

beforeAll(async () => {
  ui = await openUiHarness();
  await seed();
}, TIMEOUT);
afterAll(async () => {
  await ui?.close();
});

const modelRoute = () => `/experiments/${experimentId}/models/${modelId}`;
// The header's button comes first; the model panel has one too, further down.
const registerButton = (page: Page) =>
  page.getByRole('button', { name: 'Register model', exact: true }).first();

describe('the logged model page', () => {
  it(
    'shows breadcrumbs, details, metrics, params, signature and environment in a bounded number of requests',
    async () => {
      const { page, open, errors, apiCalls } = await ui.newPage(DESKTOP);
      await open(modelRoute());
      await page.getByRole('heading', { level: 1, name: 'scaler' }).waitFor();
      const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
      await crumbs.getByRole('link', { name: 'scaler-experiments' }).waitFor();
      await crumbs.getByRole('link', { name: 'scaler-train' }).waitFor();

      const details = page.getByRole('region', { name: 'Details' });
      await details.getByText(modelId, { exact: true }).waitFor();
      await details.getByText('Ready', { exact: true }).waitFor();
      await details.getByRole('link', { name: 'scaler-train' }).waitFor();

      const metrics = page.getByRole('table', { name: 'Metrics' });
      const rmse = metrics.getByRole('row').filter({ hasText: 'rmse' });
      expect(await rmse.textContent()).toContain('0.25');
      expect(await rmse.textContent()).toContain('holdout (abcdef01)');
      await rmse.getByRole('link', { name: `Run ${runId}` }).waitFor();
      await page
        .getByRole('table', { name: 'Parameters' })
        .getByRole('cell', { name: 'optimizer' })
        .waitFor();
      await page
        .getByRole('region', { name: 'Tags' })
        .getByRole('cell', { name: 'owner', exact: true })
        .waitFor();
      await page
        .getByRole('region', { name: 'Registered versions (0)' })
        .getByText('Not registered yet')
        .waitFor();

      const panel = page.getByRole('region', { name: 'MLflow Model' });
      await panel
        .getByRole('table', { name: 'Inputs schema' })
        .getByRole('cell', { name: 'x', exact: true })
        .waitFor();
      await panel.getByText(`models:/${modelId}`, { exact: true }).waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'logged-model-overview');
      // Model, experiment, source run, the root listing, MLmodel, environment files: nothing per row.
      expect(
        apiCalls.filter((c) => c.includes('/logged-models/') && !c.includes('/artifacts/')),
      ).toHaveLength(1);
      expect(apiCalls.filter((c) => c.endsWith('/artifacts/directories'))).toHaveLength(1);
      expect(apiCalls.length).toBeLessThanOrEqual(9);
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'is linked from the run page, and links back to the run',
    async () => {
      const { page, open, errors } = await ui.newPage(DESKTOP);
      await open(`/experiments/${experimentId}/runs/${runId}`);
      await page
        .getByRole('region', { name: 'Logged models' })
        .getByRole('link', { name: `scaler (${modelId})`, exact: true })
        .click();
      await page.waitForURL(new RegExp(`#${modelRoute()}$`));
      await page.getByRole('heading', { level: 1, name: 'scaler' }).waitFor();
      await page.getByRole('region', { name: 'Details' }).getByRole('link', { name: 'scaler-train' }).click();
      await page.waitForURL(new RegExp(`#/experiments/${experimentId}/runs/${runId}$`));
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'adds and removes tags through the logged-models tag endpoints',
    async () => {
      const { page, open, errors } = await ui.newPage(DESKTOP);
      await open(modelRoute());
      const tags = page.getByRole('region', { name: 'Tags' });
      await tags.getByRole('textbox', { name: 'Tag key' }).fill('review status');
      await tags.getByRole('textbox', { name: 'Tag value' }).fill('approved');
      await tags.getByRole('button', { name: 'Add tag' }).click();
      await tags.getByRole('cell', { name: 'approved' }).waitFor();
      await tags.getByRole('button', { name: 'Remove tag owner' }).click();
      await tags.getByRole('cell', { name: 'owner', exact: true }).waitFor({ state: 'detached' });
      const saved = Object.fromEntries(
        ((await ui.sdk.getLoggedModel(modelId)).info.tags ?? []).map((t) => [t.key, t.value]),
      );
      expect(saved['review status']).toBe('approved');
      expect(saved.owner).toBeUndefined();
      // A key with a space and a slash goes through the path intact.
      await tags.getByRole('textbox', { name: 'Tag key' }).fill('a/b c');
      await tags.getByRole('textbox', { name: 'Tag value' }).fill('x');
      await tags.getByRole('button', { name: 'Add tag' }).click();
      await tags.getByRole('button', { name: 'Remove tag a/b c' }).click();
      await tags.getByRole('cell', { name: 'a/b c', exact: true }).waitFor({ state: 'detached' });
      const keys = ((await ui.sdk.getLoggedModel(modelId)).info.tags ?? []).map((t) => t.key);
      expect(keys).not.toContain('a/b c');
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'browses its files with deep-linkable selections',
    async () => {
      const { page, open, errors, apiCalls } = await ui.newPage(DESKTOP);
      await open(modelRoute());
      await page
        .getByRole('navigation', { name: 'Model sections' })
        .getByRole('link', { name: 'Artifacts' })
        .click();
      await page.waitForURL(new RegExp(`#${modelRoute()}/artifacts$`));
      const tree = page.getByRole('navigation', { name: 'Artifact files' });
      // The root holds the MLmodel: the model view shows until a file is picked.
      await page.getByRole('region', { name: 'MLflow Model' }).waitFor();
      await tree.getByRole('button', { name: /^MLmodel/ }).click();
      await page.waitForURL(new RegExp(`#${modelRoute()}/artifacts\\?path=MLmodel$`));
      expect(await page.getByLabel('Contents of MLmodel').textContent()).toContain(modelId);
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'logged-model-artifacts');
      expect(apiCalls.filter((c) => c.endsWith('/artifacts/directories'))).toHaveLength(1);

      // A deep link straight to the file selects it in the tree.
      const deep = await ui.newPage(DESKTOP);
      await deep.open(`${modelRoute()}/artifacts?path=MLmodel`);
      const deepTree = deep.page.getByRole('navigation', { name: 'Artifact files' });
      expect(await deepTree.getByRole('button', { name: /^MLmodel/ }).getAttribute('aria-current')).toBe(
        'true',
      );
      expect(await deep.page.getByLabel('Contents of MLmodel').textContent()).toContain('node_function');
      expect(errors).toEqual([]);
      expect(deep.errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'registers the logged model from its page, and lists the new version',
    async () => {
      const { page, open, errors } = await ui.newPage(DESKTOP);
      await open(modelRoute());
      await registerButton(page).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Register model' });
      await dialog.getByText(`models:/${modelId}`).waitFor();
      await dialog.getByRole('radio', { name: 'Create new model' }).check();
      await dialog.getByRole('textbox', { name: 'Model name' }).fill('scaler-model');
      await dialog.getByRole('button', { name: 'Register' }).click();
      await page.getByRole('status').filter({ hasText: 'Registered scaler-model version 1' }).waitFor();
      const versions = page.getByRole('region', { name: 'Registered versions (1)' });
      await versions.getByRole('link', { name: 'scaler-model version 1' }).waitFor();
      await page
        .getByRole('region', { name: 'MLflow Model' })
        .getByRole('link', { name: 'scaler-model v1' })
        .waitFor();
      const [version] = (await ui.sdk.registry.searchModelVersions({ filter: "name='scaler-model'" })).items;
      expect(version?.source).toBe(`models:/${modelId}`);
      expect(version?.run_id).toBe(runId);
      await versions.getByRole('link', { name: 'scaler-model version 1' }).click();
      await page.waitForURL(/#\/models\/scaler-model\/versions\/1$/);
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'fits a phone: no sideways scroll on the overview or the files',
    async () => {
      const { page, open, errors } = await ui.newPage(PHONE);
      await open(modelRoute());
      await page
        .getByRole('region', { name: 'MLflow Model' })
        .getByRole('table', { name: 'Inputs schema' })
        .waitFor();
      await page.waitForLoadState('networkidle');
      expect(await overflowsHorizontally(page)).toBe(false);
      await screenshot(page, 'logged-model-phone');
      await open(`${modelRoute()}/artifacts?path=MLmodel`);
      await page.getByLabel('Contents of MLmodel').waitFor();
      expect(await overflowsHorizontally(page)).toBe(false);
      await screenshot(page, 'logged-model-phone-artifacts');
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'shows a model without a run or files, and says when a model does not exist',
    async () => {
      const bare = await ui.sdk.createLoggedModel(experimentId, { name: 'bare' });
      const { page, open, errors } = await ui.newPage(DESKTOP);
      await open(`/experiments/${experimentId}/models/${bare.info.model_id}`);
      await page.getByRole('heading', { level: 1, name: 'bare' }).waitFor();
      await page.getByRole('region', { name: 'Details' }).getByText('Pending', { exact: true }).waitFor();
      await page.getByText('No metrics logged for this model.').waitFor();
      await page.getByText('No MLmodel file among this model’s artifacts yet').waitFor();
      const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
      expect(await crumbs.getByRole('link').count()).toBe(2);

      await open(`/experiments/${experimentId}/models/m-0123456789abcdef0123456789abcdef`);
      await page.getByRole('alert').getByText('No such logged model.').waitFor();
      // The browser logs the API's 404 answer itself; nothing else may go wrong.
      expect(withoutHttpErrors(errors, 404)).toEqual([]);
    },
    TIMEOUT,
  );
});

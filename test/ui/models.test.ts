import { join } from 'node:path';
import type { Page } from 'playwright-core';
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

// The Model Registry pages (/models, /models/:name, /models/:name/versions/:v) against a real
// server and Chromium. Every test seeds its own models, named so that tests do not see each other's.

const MODEL_DIR = join(FIXTURES, 'models', 'mlflow-3.6', 'sklearn_logreg');
const BROWSER_TEST = 60_000;

let ui: UiHarness;
let experimentId: string;

beforeAll(async () => {
  ui = await openUiHarness();
  experimentId = await ui.sdk.createExperiment('registry-ui');
}, 60_000);
afterAll(async () => ui?.close());

// The app's links, encoded as ui/src/links.ts does (the tests check the same URLs users get).
const modelRoute = (name: string) => `/models/${encodeURIComponent(name)}`;
const versionRoute = (name: string, version: string) => `${modelRoute(name)}/versions/${version}`;

/** Registers the fixture model, logged by a fresh run, as the next version of `name`. */
async function registerVersion(name: string): Promise<{ version: string; runId: string }> {
  const run = await ui.sdk.createRun(experimentId);
  const runId = run.info.run_id;
  await ui.sdk.logArtifacts(runId, MODEL_DIR, { artifactPath: 'model' });
  const mv = await ui.sdk.registry.createModelVersion(name, `runs:/${runId}/model`, { runId });
  return { version: mv.version, runId };
}

/** A registered model with `count` versions; returns their run ids, version 1 first. */
async function seedModel(
  name: string,
  count: number,
  options: { description?: string; tags?: Record<string, string> } = {},
): Promise<string[]> {
  await ui.sdk.registry.createRegisteredModel(name, options);
  const runIds: string[] = [];
  for (let i = 0; i < count; i++) runIds.push((await registerVersion(name)).runId);
  return runIds;
}

/** The models table's row for `name`. */
const modelRow = (page: Page, name: string) =>
  page
    .getByRole('table', { name: 'Registered models' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name, exact: true }) });

const dataRows = (page: Page, table: string) => page.getByRole('table', { name: table }).locator('tbody tr');

/** The Details section's value for a term, e.g. `detail(page, 'Stage')`. */
const detail = (page: Page, term: string) =>
  page.getByRole('region', { name: 'Details' }).locator(`dt:text-is("${term}") + dd`);

async function transition(page: Page, stage: string, archiveExisting = false) {
  await page.getByLabel('Transition to').selectOption(stage);
  await page.getByRole('button', { name: 'Transition', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Transition to ${stage}` });
  if (archiveExisting)
    await dialog.getByLabel(`Transition existing ${stage} model versions to Archived`).check();
  await dialog.getByRole('button', { name: 'Transition', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await expect.poll(() => stageChip(page).textContent()).toBe(stage);
}

const stageChip = (page: Page) => detail(page, 'Stage').locator('.chip');

describe('models list', () => {
  it(
    'lists models with latest version, aliases, stages and tags; creates one through the dialog',
    async () => {
      await seedModel('Churn Predictor', 3, { tags: { team: 'ml' } });
      await ui.sdk.registry.transitionModelVersionStage('Churn Predictor', 1, 'Production');
      await ui.sdk.registry.transitionModelVersionStage('Churn Predictor', 2, 'Staging');
      await ui.sdk.registry.setRegisteredModelAlias('Churn Predictor', 'champion', 1);
      await seedModel('fraud-detector', 2, { tags: { team: 'risk', tier: 'gold' } });
      await ui.sdk.registry.transitionModelVersionStage('fraud-detector', 2, 'Production');
      await ui.sdk.registry.setRegisteredModelAlias('fraud-detector', 'prod', 2);
      await ui.sdk.registry.setRegisteredModelAlias('fraud-detector', 'shadow', 1);

      const { page, open, errors } = await ui.newPage();
      await open('/models');
      await page.getByRole('heading', { level: 1, name: 'Models' }).waitFor();
      const churn = modelRow(page, 'Churn Predictor');
      const cells = churn.getByRole('cell');
      await expect(cells.nth(1).textContent()).resolves.toBe('Version 3');
      await expect(cells.nth(2).textContent()).resolves.toBe('@champion → v1');
      await expect(cells.nth(3).textContent()).resolves.toBe('Version 2');
      await expect(cells.nth(4).textContent()).resolves.toBe('Version 1');
      await expect(cells.nth(5).textContent()).resolves.toBe('team: ml');
      expect(await churn.getByRole('link', { name: '@champion → v1' }).getAttribute('href')).toBe(
        `#${versionRoute('Churn Predictor', '1')}`,
      );
      await expect(modelRow(page, 'fraud-detector').getByRole('cell').nth(2).textContent()).resolves.toBe(
        '@prod → v2@shadow → v1',
      );
      await screenshot(page, 'models-list');

      // Create a model whose name has a space: the dialog closes on the new model's page.
      await page.getByRole('button', { name: 'Create model' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create model' });
      await dialog.getByLabel('Model name').fill('BTC StockPrediction');
      await dialog.getByLabel('Description (optional, Markdown)').fill('Predicts **BTC**');
      await dialog.getByRole('button', { name: 'Create' }).click();
      await page.waitForURL(/#\/models\/BTC%20StockPrediction$/);
      await page.getByRole('heading', { level: 1, name: 'BTC StockPrediction' }).waitFor();
      await page.getByRole('region', { name: 'Description' }).locator('strong', { hasText: 'BTC' }).waitFor();
      expect((await ui.sdk.registry.getRegisteredModel('BTC StockPrediction')).description).toBe(
        'Predicts **BTC**',
      );

      // Back on the list it is there; the same name again is refused in the dialog.
      await page.getByRole('link', { name: 'Models' }).first().click();
      await modelRow(page, 'BTC StockPrediction').waitFor();
      await page.getByRole('button', { name: 'Create model' }).click();
      await dialog.getByLabel('Model name').fill('BTC StockPrediction');
      await dialog.getByRole('button', { name: 'Create' }).click();
      await dialog
        .getByRole('alert')
        .getByText(/already exists/)
        .waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(page.url()).toMatch(/#\/models$/);
      expect(withoutHttpErrors(errors, 400)).toEqual([]);
    },
    BROWSER_TEST,
  );

  it(
    'searches by name or by a raw filter, shows a rejected filter inline, and sorts on the server',
    async () => {
      const alpha = await ui.sdk.registry.createRegisteredModel('search-alpha', { tags: { owner: 'ann' } });
      // search-beta must be modified later than search-alpha for the sort check, not in the same ms.
      while (Date.now() <= (alpha.last_updated_timestamp ?? 0)) await new Promise((r) => setImmediate(r));
      await ui.sdk.registry.createRegisteredModel('search-beta');
      const { page, open, errors } = await ui.newPage();
      await open('/models');
      const search = page.getByRole('searchbox', { name: 'Search models' });

      await search.fill('ALPHA');
      await search.press('Enter');
      await expect.poll(() => dataRows(page, 'Registered models').count()).toBe(1);
      await modelRow(page, 'search-alpha').waitFor();

      await search.fill("tags.owner = 'ann'");
      await search.press('Enter');
      await modelRow(page, 'search-alpha').waitFor();
      await expect.poll(() => dataRows(page, 'Registered models').count()).toBe(1);

      await search.fill("nmae = 'x'");
      await search.press('Enter');
      await page.getByRole('alert').getByText(/nmae/).waitFor();

      await search.fill('no-such-model-anywhere');
      await search.press('Enter');
      await page.getByText('No models match this search.').waitFor();

      await search.fill('search-');
      await search.press('Enter');
      await expect.poll(() => dataRows(page, 'Registered models').count()).toBe(2);
      const nameHeader = page.getByRole('columnheader', { name: 'Name' });
      const modifiedHeader = page.getByRole('columnheader', { name: 'Last modified' });
      expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');
      await expect(dataRows(page, 'Registered models').first().textContent()).resolves.toContain(
        'search-alpha',
      );

      const request = page.waitForRequest((r) => r.url().includes('registered-models/search'));
      await modifiedHeader.getByRole('button').click();
      expect(new URL((await request).url()).searchParams.get('order_by')).toBe('last_updated_timestamp DESC');
      await expect.poll(() => modifiedHeader.getAttribute('aria-sort')).toBe('descending');
      expect(await nameHeader.getAttribute('aria-sort')).toBe('none');
      // search-beta was created last, so it was modified last.
      await expect
        .poll(() => dataRows(page, 'Registered models').first().textContent())
        .toContain('search-beta');

      // Back to Name: that page is still fresh in the cache; a second click asks for Z→A.
      await nameHeader.getByRole('button').click();
      await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('ascending');
      const byNameDesc = page.waitForRequest((r) => r.url().includes('registered-models/search'));
      await nameHeader.getByRole('button').click();
      expect(new URL((await byNameDesc).url()).searchParams.get('order_by')).toBe('name DESC');
      await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('descending');
      await expect
        .poll(() => dataRows(page, 'Registered models').first().textContent())
        .toContain('search-beta');
      expect(withoutHttpErrors(errors, 400)).toEqual([]);
    },
    BROWSER_TEST,
  );
});

describe('model page', () => {
  it(
    'renders the description as safe Markdown, edits tags, and lists versions with stage, aliases and run',
    async () => {
      const name = 'Safe Markdown model';
      const malicious = [
        'Some **bold** text.',
        '<script>window.__xss=1</script>',
        '<img src=x onerror="window.__xss=1">',
        '[click](javascript:window.__xss=1)',
      ].join('\n\n');
      const runIds = await seedModel(name, 2, { description: malicious });
      await ui.sdk.registry.transitionModelVersionStage(name, 2, 'Staging');
      await ui.sdk.registry.setRegisteredModelAlias(name, 'challenger', 2);

      const { page, open, errors, apiCalls } = await ui.newPage();
      await open(modelRoute(name));
      await page.getByRole('heading', { level: 1, name }).waitFor();
      expect([...apiCalls].sort()).toEqual([
        'GET /api/2.0/mlflow/model-versions/search',
        'GET /api/2.0/mlflow/registered-models/get',
      ]);
      const breadcrumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
      expect(await breadcrumbs.getByRole('link', { name: 'Models' }).getAttribute('href')).toBe('#/models');

      // Markdown renders; the script, the image handler and the javascript: link do not run.
      const description = page.getByRole('region', { name: 'Description' });
      await description.locator('strong', { hasText: 'bold' }).waitFor();
      expect(await description.locator('script').count()).toBe(0);
      expect(await description.locator('img').count()).toBe(0);
      const link = description.getByText('click');
      expect((await link.getAttribute('href')) ?? '').not.toMatch(/^\s*javascript:/i);
      expect(await page.evaluate('window.__xss')).toBeUndefined();

      // Versions: newest first, with stage, alias and a link to the source run.
      const rows = dataRows(page, 'Versions');
      await expect.poll(() => rows.count()).toBe(2);
      // Cells: checkbox, Version, Registered at, Stage, Aliases, Source run, Description.
      const v2 = rows.nth(0).getByRole('cell');
      await expect(v2.nth(1).textContent()).resolves.toBe('Version 2');
      await expect(v2.nth(3).textContent()).resolves.toBe('Staging');
      await expect(v2.nth(4).textContent()).resolves.toBe('@challenger');
      const runLink = v2.nth(5).getByRole('link');
      expect(await runLink.getAttribute('href')).toBe(`#/runs/${runIds[1]}`);
      expect(await runLink.textContent()).toBe(runIds[1]?.slice(0, 8));
      await expect(rows.nth(1).getByRole('cell').nth(3).textContent()).resolves.toBe('None');

      // The model cannot be deleted while version 2 is in Staging, and the page says why.
      const deleteButton = page.getByRole('button', { name: 'Delete model' });
      expect(await deleteButton.isDisabled()).toBe(true);
      await page.getByText(/Versions in Staging or Production keep this model from being deleted/).waitFor();
      await screenshot(page, 'model-page');

      // Clicking the neutralised link runs nothing (its blank href just reloads the app).
      await link.click();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate('window.__xss')).toBeUndefined();
      await open(modelRoute(name));

      // Tags: add, then remove; the server has each change.
      const tags = page.getByRole('region', { name: 'Tags' });
      await tags.getByLabel('Tag key').fill('owner');
      await tags.getByLabel('Tag value').fill('alice');
      await tags.getByRole('button', { name: 'Add tag' }).click();
      await tags.getByRole('cell', { name: 'alice', exact: true }).waitFor();
      expect((await ui.sdk.registry.getRegisteredModel(name)).tags).toEqual([
        { key: 'owner', value: 'alice' },
      ]);
      await tags.getByRole('button', { name: 'Remove tag owner' }).click();
      await tags.getByText('No tags.').waitFor();
      expect((await ui.sdk.registry.getRegisteredModel(name)).tags ?? []).toEqual([]);

      // Editing the description saves it and renders it.
      await description.getByRole('button', { name: 'Edit' }).click();
      await description.getByRole('textbox').fill('Now **edited**');
      await description.getByRole('button', { name: 'Save' }).click();
      await description.locator('strong', { hasText: 'edited' }).waitFor();
      expect((await ui.sdk.registry.getRegisteredModel(name)).description).toBe('Now **edited**');
      expect(errors).toEqual([]);
    },
    BROWSER_TEST,
  );

  it(
    'deletes a model after confirmation and shows a missing one as not found',
    async () => {
      await seedModel('doomed-model', 1);
      const { page, open, errors } = await ui.newPage();
      await open(modelRoute('doomed-model'));
      await page.getByRole('button', { name: 'Delete model' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete model' });
      await dialog.getByText('Delete doomed-model? This cannot be undone.').waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await expect(ui.sdk.registry.getRegisteredModel('doomed-model')).resolves.toBeDefined();

      await page.getByRole('button', { name: 'Delete model' }).click();
      await dialog.getByRole('button', { name: 'Delete' }).click();
      await page.waitForURL(/#\/models$/);
      await page.getByRole('heading', { level: 1, name: 'Models' }).waitFor();
      await expect(ui.sdk.registry.getRegisteredModel('doomed-model')).rejects.toThrow();
      expect(await page.getByRole('link', { name: 'doomed-model', exact: true }).count()).toBe(0);

      await open(modelRoute('doomed-model'));
      await page.getByText('This model does not exist.').waitFor();
      await open(versionRoute('doomed-model', '1'));
      await page.getByText('This model version does not exist.').waitFor();
      expect(withoutHttpErrors(errors, 404)).toEqual([]);
    },
    BROWSER_TEST,
  );

  it(
    'round-trips names with spaces, unicode, slashes, percent signs and quotes through its links',
    async () => {
      const names = ['Ünïcode モデル v2', 'team/forecast 100%', 'a%2Fb', 'it\'s "quoted"'];
      for (const name of names) await seedModel(name, 1);
      const { page, open, errors } = await ui.newPage();
      for (const name of names) {
        await open('/models');
        const search = page.getByRole('searchbox', { name: 'Search models' });
        await search.fill(name.slice(0, 6));
        await search.press('Enter');
        await modelRow(page, name).getByRole('link', { name, exact: true }).click();
        await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
        await expect.poll(() => dataRows(page, 'Versions').count()).toBe(1);
        await dataRows(page, 'Versions').getByRole('link', { name: 'Version 1' }).click();
        await page.getByRole('heading', { level: 1, name: 'Version 1' }).waitFor();
        await page
          .getByRole('navigation', { name: 'Breadcrumb' })
          .getByRole('link', { name, exact: true })
          .waitFor();
        await detail(page, 'Status').getByText('READY').waitFor();
      }
      expect(errors).toEqual([]);
    },
    BROWSER_TEST,
  );
});

describe('model version page', () => {
  it(
    'moves versions through stages, archiving the previous Production version',
    async () => {
      const name = 'stage-model';
      await seedModel(name, 2);
      const { page, open, errors } = await ui.newPage();
      await open(versionRoute(name, '1'));
      await page.getByRole('heading', { level: 1, name: 'Version 1' }).waitFor();
      await expect.poll(() => stageChip(page).textContent()).toBe('None');
      // The current stage is not offered.
      expect(await page.getByLabel('Transition to').locator('option').allTextContents()).toEqual([
        'Transition to…',
        'Staging',
        'Production',
        'Archived',
      ]);

      await transition(page, 'Staging');
      expect((await ui.sdk.registry.getModelVersion(name, 1)).current_stage).toBe('Staging');
      await transition(page, 'Production');
      expect((await ui.sdk.registry.getModelVersion(name, 1)).current_stage).toBe('Production');
      expect(await page.getByRole('button', { name: 'Delete version' }).isDisabled()).toBe(true);
      await page
        .getByText('A version in Production cannot be deleted: move it to Archived or None first.')
        .waitFor();

      await open(versionRoute(name, '2'));
      await transition(page, 'Production', true);
      expect((await ui.sdk.registry.getModelVersion(name, 2)).current_stage).toBe('Production');
      expect((await ui.sdk.registry.getModelVersion(name, 1)).current_stage).toBe('Archived');

      // The model page shows both stages.
      await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name }).click();
      const rows = dataRows(page, 'Versions');
      await expect.poll(() => rows.nth(0).getByRole('cell').nth(3).textContent()).toBe('Production');
      await expect(rows.nth(1).getByRole('cell').nth(3).textContent()).resolves.toBe('Archived');
      expect(errors).toEqual([]);
    },
    BROWSER_TEST,
  );

  it(
    'adds an alias, moves it to another version, and removes it',
    async () => {
      const name = 'alias-model';
      await seedModel(name, 2);
      const { page, open, errors } = await ui.newPage();
      await open(versionRoute(name, '1'));
      const aliases = page.getByRole('region', { name: 'Aliases' });
      await aliases.getByLabel('Alias', { exact: true }).fill('champion');
      await aliases.getByRole('button', { name: 'Add alias' }).click();
      await aliases.getByRole('button', { name: 'Remove alias champion' }).waitFor();
      expect((await ui.sdk.registry.getModelVersionByAlias(name, 'champion')).version).toBe('1');

      await open('/models');
      await modelRow(page, name).getByRole('link', { name: '@champion → v1' }).waitFor();

      // Version 2: typing the alias says it will move from v1; adding it moves it.
      await open(versionRoute(name, '2'));
      await aliases.getByLabel('Alias', { exact: true }).fill('champion');
      await aliases.getByText('adding it here moves it from v1').waitFor();
      await aliases.getByRole('button', { name: 'Add alias' }).click();
      await aliases.getByRole('button', { name: 'Remove alias champion' }).waitFor();
      expect((await ui.sdk.registry.getModelVersionByAlias(name, 'champion')).version).toBe('2');

      await aliases.getByRole('button', { name: 'Remove alias champion' }).click();
      await aliases.getByText(/^No aliases\./).waitFor();
      expect((await ui.sdk.registry.getRegisteredModel(name)).aliases ?? []).toEqual([]);

      // An alias the server refuses is explained inline.
      await aliases.getByLabel('Alias', { exact: true }).fill('latest');
      await aliases.getByRole('button', { name: 'Add alias' }).click();
      await aliases
        .getByRole('alert')
        .getByText(/reserved/)
        .waitFor();
      expect(withoutHttpErrors(errors, 400)).toEqual([]);
    },
    BROWSER_TEST,
  );

  it(
    'shows the signature from the MLmodel and saves description and tag edits',
    async () => {
      const name = 'BTC StockPrediction signature';
      const [runId] = await seedModel(name, 1);
      await ui.sdk.registry.setRegisteredModelAlias(name, 'champion', 1);
      await ui.sdk.registry.transitionModelVersionStage(name, 1, 'Staging');
      const { page, open, errors, apiCalls } = await ui.newPage();
      await open(versionRoute(name, '1'));
      await page.getByRole('heading', { level: 1, name: 'Version 1' }).waitFor();
      const inputs = page.getByRole('table', { name: 'Inputs schema' });
      await inputs.waitFor();
      expect(await inputs.locator('tbody td.mono:first-child').allTextContents()).toEqual([
        'sepal_length',
        'sepal_width',
        'petal_length',
        'petal_width',
      ]);
      await page.getByRole('table', { name: 'Outputs schema' }).getByText('Tensor(int64, (-1,))').waitFor();
      await page.getByRole('region', { name: 'Schema' }).getByText('sklearn', { exact: true }).waitFor();
      expect(await detail(page, 'Source').textContent()).toBe(`runs:/${runId}/model`);
      expect(await detail(page, 'Source run').getByRole('link').getAttribute('href')).toBe(`#/runs/${runId}`);
      expect([...apiCalls].sort()).toEqual([
        'GET /api/2.0/mlflow/model-versions/get',
        'GET /api/2.0/mlflow/registered-models/get',
        'GET /model-versions/get-artifact',
      ]);
      await screenshot(page, 'model-version');

      const description = page.getByRole('region', { name: 'Description' });
      await description.getByRole('button', { name: 'Edit' }).click();
      await description.getByRole('textbox').fill('Trained on **2024** data');
      await description.getByRole('button', { name: 'Save' }).click();
      await description.locator('strong', { hasText: '2024' }).waitFor();
      expect((await ui.sdk.registry.getModelVersion(name, 1)).description).toBe('Trained on **2024** data');

      const tags = page.getByRole('region', { name: 'Tags' });
      await tags.getByLabel('Tag key').fill('validated');
      await tags.getByLabel('Tag value').fill('yes');
      await tags.getByRole('button', { name: 'Add tag' }).click();
      await tags.getByRole('cell', { name: 'validated', exact: true }).waitFor();
      expect((await ui.sdk.registry.getModelVersion(name, 1)).tags).toEqual([
        { key: 'validated', value: 'yes' },
      ]);
      await tags.getByRole('button', { name: 'Remove tag validated' }).click();
      await tags.getByText('No tags.').waitFor();
      expect((await ui.sdk.registry.getModelVersion(name, 1)).tags ?? []).toEqual([]);
      expect(errors).toEqual([]);
    },
    BROWSER_TEST,
  );

  it(
    'shows "No schema" in its section when the version has no MLmodel, and deletes the version',
    async () => {
      const name = 'no-mlmodel-model';
      await ui.sdk.registry.createRegisteredModel(name);
      const run = await ui.sdk.createRun(experimentId);
      await ui.sdk.registry.createModelVersion(name, `runs:/${run.info.run_id}/nothing-here`, {
        runId: run.info.run_id,
      });
      const { page, open, errors } = await ui.newPage();
      await open(versionRoute(name, '1'));
      await page
        .getByRole('region', { name: 'Schema' })
        .getByText(/^No schema\./)
        .waitFor();
      await page.getByRole('region', { name: 'Aliases' }).waitFor();

      await page.getByRole('button', { name: 'Delete version' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete version' });
      await dialog.getByText(`Delete version 1 of ${name}? This cannot be undone.`).waitFor();
      await dialog.getByRole('button', { name: 'Delete' }).click();
      await page.waitForURL(new RegExp(`#${modelRoute(name)}$`));
      await page.getByText(/No versions yet/).waitFor();
      await expect(ui.sdk.registry.getModelVersion(name, 1)).rejects.toThrow();
      expect(withoutHttpErrors(errors, 404)).toEqual([]);
    },
    BROWSER_TEST,
  );
});

/** Versions of `name` without model files (fast to seed): one fresh run each; returns the run ids. */
async function seedBareVersions(name: string, count: number): Promise<string[]> {
  await ui.sdk.registry.createRegisteredModel(name);
  const runIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const runId = (await ui.sdk.createRun(experimentId)).info.run_id;
    await ui.sdk.registry.createModelVersion(name, `runs:/${runId}/model`, { runId });
    runIds.push(runId);
  }
  return runIds;
}

/** The `runs` object and `name` of a compare-model-versions URL the page navigated to. */
function compareLinkOf(url: string): { path: string; name: unknown; runs: unknown } {
  const hash = new URL(url).hash.slice(1);
  const [path = '', query = ''] = hash.split('?');
  const params = new URLSearchParams(query);
  return {
    path,
    name: JSON.parse(params.get('name') ?? 'null'),
    runs: JSON.parse(params.get('runs') ?? 'null'),
  };
}

const versionCells = (page: Page, column: number) =>
  dataRows(page, 'Versions')
    .locator(`td:nth-child(${column + 1})`)
    .allTextContents();

describe('versions table (round 2)', () => {
  it(
    'filters Active versions without a request, sorts on the server, and compares checked versions',
    async () => {
      const name = 'versions-table-model';
      const runIds = await seedBareVersions(name, 4);
      await ui.sdk.registry.transitionModelVersionStage(name, 2, 'Staging');
      await ui.sdk.registry.transitionModelVersionStage(name, 3, 'Production');
      const { page, open, errors, apiCalls } = await ui.newPage();
      await open(modelRoute(name));
      await expect.poll(() => dataRows(page, 'Versions').count()).toBe(4);
      expect([...apiCalls].sort()).toEqual([
        'GET /api/2.0/mlflow/model-versions/search',
        'GET /api/2.0/mlflow/registered-models/get',
      ]);

      // All four versions fit on one page, so Active is counted and shown from it: no request.
      const active = page.getByRole('radio', { name: 'Active (2)' });
      await active.check();
      await expect.poll(() => versionCells(page, 1)).toEqual(['Version 3', 'Version 2']);
      await page.getByRole('radio', { name: 'All' }).check();
      await expect.poll(() => dataRows(page, 'Versions').count()).toBe(4);
      expect(apiCalls).toHaveLength(2);

      // Sorting asks the server: Version ascending, then Registered at newest first.
      const versionHeader = page.getByRole('columnheader', { name: 'Version', exact: true });
      expect(await versionHeader.getAttribute('aria-sort')).toBe('descending');
      const ascending = page.waitForRequest((r) => r.url().includes('model-versions/search'));
      await versionHeader.getByRole('button').click();
      expect(new URL((await ascending).url()).searchParams.get('order_by')).toBe('version_number ASC');
      await expect.poll(() => versionHeader.getAttribute('aria-sort')).toBe('ascending');
      await expect
        .poll(() => versionCells(page, 1))
        .toEqual(['Version 1', 'Version 2', 'Version 3', 'Version 4']);
      const registeredHeader = page.getByRole('columnheader', { name: 'Registered at' });
      const byTime = page.waitForRequest((r) => r.url().includes('model-versions/search'));
      await registeredHeader.getByRole('button').click();
      expect(new URL((await byTime).url()).searchParams.get('order_by')).toBe('creation_timestamp DESC');
      await expect.poll(() => registeredHeader.getAttribute('aria-sort')).toBe('descending');
      expect(await versionHeader.getAttribute('aria-sort')).toBe('none');

      // Compare needs two checked versions; the reason shows until then.
      const compare = page.getByRole('button', { name: /^Compare \(/ });
      expect(await compare.textContent()).toBe('Compare (0)');
      expect(await compare.isDisabled()).toBe(true);
      await page.getByRole('checkbox', { name: 'Select version 1' }).check();
      await page.getByText('Select two or more versions to compare them.').waitFor();
      expect(await compare.isDisabled()).toBe(true);
      // The keyboard checks a row and opens the comparison.
      await page.getByRole('checkbox', { name: 'Select version 3' }).focus();
      await page.keyboard.press('Space');
      await expect.poll(() => compare.textContent()).toBe('Compare (2)');
      await compare.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/#\/compare-model-versions\?/);
      expect(compareLinkOf(page.url())).toEqual({
        path: '/compare-model-versions',
        name,
        runs: { [runIds[0] ?? '']: '1', [runIds[2] ?? '']: '3' },
      });
      await page.getByRole('table', { name: 'Version comparison' }).waitFor();
      // These versions have no model files: their MLmodel downloads answer 404, which the page
      // shows as a note.
      await expect
        .poll(() =>
          page
            .getByRole('table', { name: 'Schema comparison' })
            .getByText('This version has no MLmodel file.')
            .count(),
        )
        .toBe(2);
      expect(withoutHttpErrors(errors, 404)).toEqual([]);
    },
    BROWSER_TEST,
  );

  it(
    'counts Active versions beyond the first page with one more search, and checks all rows shown',
    async () => {
      const name = 'many-versions-model';
      await seedBareVersions(name, 27);
      // Version 1 is on page 2 (newest first), so page 1 alone cannot count it.
      await ui.sdk.registry.transitionModelVersionStage(name, 1, 'Staging');
      await ui.sdk.registry.transitionModelVersionStage(name, 26, 'Production');
      const { page, open, errors, apiCalls } = await ui.newPage();
      const searches: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('model-versions/search'))
          searches.push(new URL(r.url()).searchParams.get('max_results') ?? '');
      });
      await open(modelRoute(name));
      await page.getByRole('radio', { name: 'Active (2)' }).waitFor();
      expect(searches.sort()).toEqual(['1000', '25']);
      expect(apiCalls).toHaveLength(3);

      await page.getByRole('radio', { name: 'Active (2)' }).check();
      await expect.poll(() => versionCells(page, 1)).toEqual(['Version 26', 'Version 1']);
      await page.getByRole('checkbox', { name: 'Select all versions shown' }).check();
      await expect(page.getByRole('button', { name: 'Compare (2)' }).isEnabled()).resolves.toBe(true);
      // Back to All: page 1 of 25, the two checked versions stay checked (version 1 is on page 2).
      await page.getByRole('radio', { name: 'All' }).check();
      await expect.poll(() => dataRows(page, 'Versions').count()).toBe(25);
      expect(await page.getByRole('checkbox', { name: 'Select version 26' }).isChecked()).toBe(true);
      expect(await page.getByRole('checkbox', { name: 'Select all versions shown' }).isChecked()).toBe(false);
      expect(apiCalls).toHaveLength(3);
      expect(errors).toEqual([]);
    },
    BROWSER_TEST,
  );

  it(
    'offers 10/25/50/100 models per page and remembers the choice in this browser',
    async () => {
      for (let i = 0; i < 12; i++)
        await ui.sdk.registry.createRegisteredModel(`page-size-${String(i).padStart(2, '0')}`);
      const { page, open, errors, context } = await ui.newPage();
      await open('/models');
      const size = page.getByLabel('Models per page');
      expect(await size.inputValue()).toBe('25');
      expect(await size.locator('option').allTextContents()).toEqual(['10', '25', '50', '100']);
      const request = page.waitForRequest((r) => r.url().includes('registered-models/search'));
      await size.selectOption('10');
      expect(new URL((await request).url()).searchParams.get('max_results')).toBe('10');
      await expect.poll(() => dataRows(page, 'Registered models').count()).toBe(10);
      await page.getByRole('button', { name: 'Next →' }).waitFor();
      expect(await page.evaluate('localStorage.getItem("modeldock.models.pageSize")')).toBe('10');

      // A new tab of the same browser starts with 10 per page.
      const again = await context.newPage();
      const first = again.waitForRequest((r) => r.url().includes('registered-models/search'));
      await again.goto(page.url());
      expect(new URL((await first).url()).searchParams.get('max_results')).toBe('10');
      expect(await again.getByLabel('Models per page').inputValue()).toBe('10');
      await again.close();
      expect(errors).toEqual([]);
    },
    BROWSER_TEST,
  );
});

describe('version source (round 2)', () => {
  it(
    'links a copied version to the version it was copied from, with no extra request',
    async () => {
      await seedModel('copy-source-model', 1);
      const copy = await ui.sdk.copyModelVersion('models:/copy-source-model/1', 'copy-target-model');
      const { page, open, errors, apiCalls } = await ui.newPage();
      await open(versionRoute('copy-target-model', copy.version));
      const copiedFrom = detail(page, 'Copied from').getByRole('link');
      await copiedFrom.waitFor();
      expect(await copiedFrom.textContent()).toBe('copy-source-model · Version 1');
      expect(await copiedFrom.getAttribute('href')).toBe(`#${versionRoute('copy-source-model', '1')}`);
      await page.getByRole('table', { name: 'Inputs schema' }).waitFor();
      expect([...apiCalls].sort()).toEqual([
        'GET /api/2.0/mlflow/model-versions/get',
        'GET /api/2.0/mlflow/registered-models/get',
        'GET /model-versions/get-artifact',
      ]);
      await copiedFrom.click();
      await page.getByRole('heading', { level: 1, name: 'Version 1' }).waitFor();
      await page
        .getByRole('navigation', { name: 'Breadcrumb' })
        .getByRole('link', { name: 'copy-source-model' })
        .waitFor();
      expect(errors).toEqual([]);
    },
    BROWSER_TEST,
  );

  it(
    'links a version registered from an MLflow 3 logged model to that model, with one lookup',
    async () => {
      const run = await ui.sdk.createRun(experimentId);
      const logged = await ui.sdk.createLoggedModel(experimentId, {
        name: 'clf',
        sourceRunId: run.info.run_id,
      });
      const modelId = logged.info.model_id;
      await ui.sdk.registry.createRegisteredModel('logged-source-model');
      await ui.sdk.registry.createModelVersion('logged-source-model', `models:/${modelId}`, { modelId });
      const { page, open, errors, apiCalls } = await ui.newPage();
      await open(versionRoute('logged-source-model', '1'));
      const link = detail(page, 'Logged model').getByRole('link');
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(`#/experiments/${experimentId}/models/${modelId}`);
      expect(await link.textContent()).toBe(`clf (${modelId})`);
      expect(apiCalls.filter((c) => c.includes('logged-models'))).toEqual([
        `GET /api/2.0/mlflow/logged-models/${modelId}`,
      ]);
      // The logged model has no files here, so there is no MLmodel: a note, not an error.
      await page
        .getByRole('region', { name: 'Schema' })
        .getByText(/^No schema\./)
        .waitFor();
      expect(withoutHttpErrors(errors, 404)).toEqual([]);
    },
    BROWSER_TEST,
  );
});

describe('quality', () => {
  it(
    'keeps the list at one search request however many models there are, and pages through them',
    async () => {
      // At least one model, so that the test also runs on its own.
      await ui.sdk.registry.createRegisteredModel('quality-first-model');
      const before = await ui.newPage();
      await before.open('/models');
      await before.page.getByRole('table', { name: 'Registered models' }).waitFor();
      expect(before.apiCalls).toEqual(['GET /api/2.0/mlflow/registered-models/search']);

      // 30 more models, some with versions in stages and aliases: still one request for the view.
      for (let i = 0; i < 30; i++) {
        const name = `zz-bulk-${String(i).padStart(2, '0')}`;
        await ui.sdk.registry.createRegisteredModel(name, { tags: { batch: 'bulk' } });
        if (i % 10 === 0) {
          await registerVersion(name);
          await ui.sdk.registry.transitionModelVersionStage(name, 1, 'Production');
          await ui.sdk.registry.setRegisteredModelAlias(name, 'live', 1);
        }
      }
      const after = await ui.newPage();
      await after.open('/models');
      await after.page.getByRole('table', { name: 'Registered models' }).waitFor();
      expect(after.apiCalls).toEqual(before.apiCalls);
      await expect.poll(() => dataRows(after.page, 'Registered models').count()).toBe(25);

      // Page 2 holds the next models by name (how many pages there are depends on the other
      // tests' models); Previous returns to page 1.
      const firstOnPage1 = await dataRows(after.page, 'Registered models').first().textContent();
      await after.page.getByRole('button', { name: 'Next →' }).click();
      await after.page.getByText('Page 2').waitFor();
      await expect
        .poll(() => dataRows(after.page, 'Registered models').first().textContent())
        .not.toBe(firstOnPage1);
      await after.page.getByRole('button', { name: '← Previous' }).click();
      await after.page.getByText('Page 1').waitFor();
      await expect(dataRows(after.page, 'Registered models').first().textContent()).resolves.toBe(
        firstOnPage1,
      );
      expect([...before.errors, ...after.errors]).toEqual([]);
    },
    BROWSER_TEST,
  );

  it(
    'fits a phone: no sideways scroll on the list, model and version pages',
    async () => {
      const name = 'Phone-sized model with a rather long name for a narrow screen';
      await seedModel(name, 2, { tags: { purpose: 'phone layout check' } });
      await ui.sdk.registry.transitionModelVersionStage(name, 2, 'Production');
      await ui.sdk.registry.setRegisteredModelAlias(name, 'champion', 2);
      const { page, open, errors } = await ui.newPage(PHONE);

      await open('/models');
      await page.getByRole('table', { name: 'Registered models' }).waitFor();
      expect(await overflowsHorizontally(page)).toBe(false);
      await screenshot(page, 'models-list-phone');

      await open(modelRoute(name));
      await dataRows(page, 'Versions').first().waitFor();
      expect(await overflowsHorizontally(page)).toBe(false);
      await screenshot(page, 'model-page-phone');

      await open(versionRoute(name, '2'));
      await page.getByRole('table', { name: 'Inputs schema' }).waitFor();
      expect(await overflowsHorizontally(page)).toBe(false);
      await screenshot(page, 'model-version-phone');
      expect(errors).toEqual([]);
    },
    BROWSER_TEST,
  );

  it(
    'creates a model with the keyboard alone',
    async () => {
      const { page, open, errors } = await ui.newPage();
      await open('/models');
      await page.getByRole('table', { name: 'Registered models' }).waitFor();
      const create = page.getByRole('button', { name: 'Create model' });
      for (let i = 0; i < 15 && !(await create.evaluate((el) => el === el.ownerDocument.activeElement)); i++)
        await page.keyboard.press('Tab');
      expect(await create.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Create model' });
      await dialog.waitFor();
      await page.keyboard.type('keyboard-made');
      await page.keyboard.press('Enter');
      await page.waitForURL(/#\/models\/keyboard-made$/);
      await page.getByRole('heading', { level: 1, name: 'keyboard-made' }).waitFor();
      expect(errors).toEqual([]);
    },
    BROWSER_TEST,
  );
});

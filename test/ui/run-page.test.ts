import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyPathOf } from '../../src/client/artifact-proxy.js';
import { FIXTURES } from '../support/fixtures.js';
import {
  DESKTOP,
  openUiHarness,
  overflowsHorizontally,
  PHONE,
  screenshot,
  type UiHarness,
  withoutHttpErrors,
} from './support/ui-harness.js';

const MODEL_DIR = join(FIXTURES, 'models', 'mlflow-3.6', 'sklearn_logreg');
// A valid 1×1 PNG (one opaque pixel).
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const TIMEOUT = 60_000;

let ui: UiHarness;
let experimentId: string;
let runId: string;
let work: string;

/** The MLflow 2.x `mlflow.log-model.history` entry for the fixture model logged at `model/`. */
function historyEntry(id: string) {
  return {
    run_id: id,
    artifact_path: 'model',
    utc_time_created: '2026-11-21 21:44:37.774159',
    model_uuid: 'acb1343a548a442b84c85cdccbc1355f',
    flavors: {
      python_function: { loader_module: 'mlflow.sklearn', model_path: 'model.pkl', python_version: '3.11.7' },
      sklearn: { pickled_model: 'model.pkl', serialization_format: 'cloudpickle', sklearn_version: '1.9.1' },
    },
  };
}

async function seedRun(): Promise<void> {
  experimentId = await ui.sdk.createExperiment('iris-experiments');
  const run = await ui.sdk.createRun(experimentId, {
    runName: 'logreg-baseline',
    tags: { 'mlflow.user': 'ana', 'mlflow.source.name': 'train.py', team: 'vision' },
  });
  runId = run.info.run_id;
  const t0 = Date.now();
  await ui.sdk.logBatch(runId, {
    params: { C: 1, penalty: 'l2', solver: 'lbfgs' },
    metrics: [
      ...Array.from({ length: 10 }, (_, step) => ({
        key: 'loss',
        value: 1 / (step + 1),
        step,
        timestamp: t0 + step,
      })),
      { key: 'f1', value: 0.91, step: 0, timestamp: t0 },
    ],
  });
  await ui.sdk.logArtifacts(runId, MODEL_DIR, { artifactPath: 'model' });
  await ui.sdk.setTag(runId, 'mlflow.log-model.history', JSON.stringify([historyEntry(runId)]));
  const extras = join(work, 'extras');
  await mkdir(extras);
  await writeFile(join(extras, 'notes.txt'), 'trained on iris\nsecond line\n');
  await writeFile(join(extras, 'metrics.json'), '{"accuracy":0.9,"classes":["a","b"]}');
  await writeFile(join(extras, 'data.csv'), 'sepal_length,species\n5.1,"setosa, small"\n6.2,virginica\n');
  await writeFile(join(extras, 'pixel.png'), PIXEL_PNG);
  await ui.sdk.logArtifacts(runId, extras, { artifactPath: 'extras' });
  await ui.sdk.setTerminated(runId, 'FINISHED');
}

beforeAll(async () => {
  ui = await openUiHarness();
  work = await mkdtemp(join(tmpdir(), 'run-page-test-'));
  await seedRun();
}, TIMEOUT);
afterAll(async () => {
  await ui?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const runRoute = () => `/experiments/${experimentId}/runs/${runId}`;
const artifactRoute = (path: string) => `${runRoute()}/artifacts/${path}`;
const registerButton = (page: Page) => page.getByRole('button', { name: 'Register model', exact: true });

describe('the run page', () => {
  it(
    'shows details, params, metrics with a chart per metric, with a bounded number of requests',
    async () => {
      const { page, open, errors, apiCalls } = await ui.newPage(DESKTOP);
      await open(runRoute());
      await page.getByRole('heading', { level: 1, name: /logreg-baseline/ }).waitFor();
      const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
      await crumbs.getByRole('link', { name: 'iris-experiments' }).waitFor();
      const details = page.getByRole('region', { name: 'Details' });
      await details.getByText(runId, { exact: true }).waitFor();
      expect(await details.textContent()).toContain('train.py');
      expect(await details.textContent()).toContain('ana');
      const params = page.getByRole('table', { name: 'Parameters' });
      expect(await params.getByRole('row').count()).toBe(4);
      await params.getByRole('cell', { name: 'lbfgs' }).waitFor();
      const metrics = page.getByRole('table', { name: 'Metrics' });
      await metrics.getByRole('cell', { name: 'loss' }).waitFor();
      await metrics.getByRole('cell', { name: '0.1', exact: true }).waitFor();
      // loss: 10 points in one polyline, a tooltip per point.
      const lossChart = page.getByRole('img', { name: 'loss by step, 10 points' });
      await lossChart.waitFor();
      const points = (await lossChart.locator('polyline').getAttribute('points'))?.trim().split(/\s+/) ?? [];
      expect(points).toHaveLength(10);
      expect(await lossChart.locator('circle title').first().textContent()).toBe('step 0: 1');
      // f1 has one value: shown as the value, not a chart.
      await page.locator('figure', { hasText: 'f1' }).getByText('0.91').waitFor();
      await registerButton(page).waitFor();
      expect(await registerButton(page).isEnabled()).toBe(true);
      await page.getByRole('region', { name: 'Logged models' }).getByText(`runs:/${runId}/model`).waitFor();
      await screenshot(page, 'run-overview');
      // No child runs: no section at all.
      expect(await page.getByRole('region', { name: /^Child runs/ }).count()).toBe(0);
      // run, experiment, the run's versions, its children, one history per metric — nothing per row.
      expect(apiCalls.filter((c) => c.endsWith('/metrics/get-history'))).toHaveLength(2);
      expect(apiCalls.filter((c) => c.endsWith('/runs/search'))).toHaveLength(1);
      expect(apiCalls.length).toBeLessThanOrEqual(6);
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'adds and removes tags and edits the description, and the server keeps them',
    async () => {
      const { page, open, errors } = await ui.newPage(DESKTOP);
      await open(runRoute());
      const tags = page.getByRole('region', { name: 'Tags' });
      await tags.getByRole('textbox', { name: 'Tag key' }).fill('stage');
      await tags.getByRole('textbox', { name: 'Tag value' }).fill('candidate');
      await tags.getByRole('button', { name: 'Add tag' }).click();
      await tags.getByRole('cell', { name: 'candidate' }).waitFor();
      await tags.getByRole('button', { name: 'Remove tag team' }).click();
      await tags.getByRole('cell', { name: 'team', exact: true }).waitFor({ state: 'detached' });

      const description = page.getByRole('region', { name: 'Description' });
      await description.getByRole('button', { name: 'Edit' }).click();
      await description
        .getByRole('textbox', { name: 'Description' })
        .fill('Baseline **logistic** regression');
      await description.getByRole('button', { name: 'Save' }).click();
      await description.locator('strong', { hasText: 'logistic' }).waitFor();

      const saved = Object.fromEntries(
        ((await ui.sdk.getRun(runId)).data.tags ?? []).map((t) => [t.key, t.value]),
      );
      expect(saved.stage).toBe('candidate');
      expect(saved.team).toBeUndefined();
      expect(saved['mlflow.note.content']).toBe('Baseline **logistic** regression');
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'browses artifacts: the model panel, text, JSON, CSV and image previews',
    async () => {
      const { page, open, errors, apiCalls } = await ui.newPage(DESKTOP);
      await open(runRoute());
      await page
        .getByRole('navigation', { name: 'Run sections' })
        .getByRole('link', { name: 'Artifacts' })
        .click();
      const tree = page.getByRole('navigation', { name: 'Artifact files' });
      await tree.getByRole('button', { name: 'model' }).click();
      await page.waitForURL(/\/artifacts\/model$/);
      const panel = page.getByRole('region', { name: 'MLflow Model' });
      const inputs = panel.getByRole('table', { name: 'Inputs schema' });
      for (const column of ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'])
        await inputs.getByRole('cell', { name: column, exact: true }).waitFor();
      expect(await panel.getByLabel('Contents of conda.yaml').textContent()).toContain('name: mlflow-env');
      expect(await panel.getByLabel('Contents of requirements.txt').textContent()).toContain('scikit-learn');
      await panel.getByText(`runs:/${runId}/model`, { exact: true }).waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'run-artifacts-model');

      await tree.getByRole('button', { name: /^MLmodel/ }).click();
      await page.waitForURL(/\/artifacts\/model\/MLmodel$/);
      expect(await page.getByLabel('Contents of model/MLmodel').textContent()).toContain(
        'loader_module: mlflow.sklearn',
      );

      await tree.getByRole('button', { name: 'extras' }).click();
      await tree.getByRole('button', { name: /^metrics\.json/ }).click();
      expect(await page.getByLabel('Contents of extras/metrics.json').textContent()).toContain(
        '  "accuracy": 0.9,\n',
      );
      await tree.getByRole('button', { name: /^data\.csv/ }).click();
      const csv = page.getByRole('table', { name: 'Contents of extras/data.csv' });
      await csv.getByRole('columnheader', { name: 'species' }).waitFor();
      await csv.getByRole('cell', { name: 'setosa, small' }).waitFor();
      await tree.getByRole('button', { name: /^pixel\.png/ }).click();
      const image = page.getByRole('img', { name: 'extras/pixel.png' });
      await expect
        .poll(() => image.evaluate((img: { naturalWidth: number }) => img.naturalWidth))
        .toBeGreaterThan(0);
      // One listing per opened folder: root, model, extras.
      expect(apiCalls.filter((c) => c.endsWith('/artifacts/list'))).toHaveLength(3);
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'opens a deep link to an artifact directly',
    async () => {
      const { page, open, errors, apiCalls } = await ui.newPage(DESKTOP);
      await open(artifactRoute('extras/notes.txt'));
      expect(await page.getByLabel('Contents of extras/notes.txt').textContent()).toBe(
        'trained on iris\nsecond line\n',
      );
      const tree = page.getByRole('navigation', { name: 'Artifact files' });
      expect(await tree.getByRole('button', { name: 'extras' }).getAttribute('aria-expanded')).toBe('true');
      expect(await tree.getByRole('button', { name: /^notes\.txt/ }).getAttribute('aria-current')).toBe(
        'true',
      );
      await open(artifactRoute('model'));
      await page.getByRole('region', { name: 'MLflow Model' }).waitFor();
      expect(apiCalls.length).toBeLessThanOrEqual(16);
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'registers the model as a new registered model, then as version 2 of it',
    async () => {
      const { page, open, errors } = await ui.newPage(DESKTOP);
      await open(runRoute());
      const dialog = page.getByRole('dialog', { name: 'Register model' });
      // Keyboard: Enter on the focused button opens the dialog, Escape closes it.
      await registerButton(page).focus();
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await registerButton(page).focus();
      await page.keyboard.press('Enter');
      await dialog.getByRole('radio', { name: 'Create new model' }).check();
      await dialog.getByRole('textbox', { name: 'Model name' }).fill('iris-classifier');
      await screenshot(page, 'register-dialog');
      await dialog.getByRole('button', { name: 'Register' }).click();
      const banner = page.getByRole('status').filter({ hasText: 'Registered iris-classifier version 1' });
      await banner.waitFor();
      await dialog.waitFor({ state: 'detached' });
      await page
        .getByRole('table', { name: 'Registered model versions' })
        .getByRole('link', { name: 'Version 1' })
        .waitFor();
      await banner.getByRole('link').click();
      await page.waitForURL(/#\/models\/iris-classifier\/versions\/1$/);

      await page.goBack();
      await registerButton(page).click();
      await dialog.getByRole('radio', { name: 'Existing model' }).check();
      await dialog.getByRole('searchbox', { name: 'Search registered models' }).fill('iris');
      await dialog.getByRole('listbox', { name: 'Registered model' }).selectOption('iris-classifier');
      await dialog.getByRole('button', { name: 'Register' }).click();
      await page.getByRole('status').filter({ hasText: 'Registered iris-classifier version 2' }).waitFor();

      const versions = (await ui.sdk.registry.searchModelVersions({ filter: "name='iris-classifier'" }))
        .items;
      expect(versions.map((v) => v.version).sort()).toEqual(['1', '2']);
      for (const v of versions) {
        expect(v.source).toBe(`runs:/${runId}/model`);
        expect(v.run_id).toBe(runId);
      }
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'redirects /runs/<id> to the full run URL, and says so when the run does not exist',
    async () => {
      const { page, open, errors } = await ui.newPage(DESKTOP);
      await open(`/runs/${runId}`);
      await page.waitForURL(new RegExp(`#/experiments/${experimentId}/runs/${runId}$`));
      await page.getByRole('heading', { level: 1, name: /logreg-baseline/ }).waitFor();
      await open('/runs/0123456789abcdef0123456789abcdef');
      await page.getByRole('alert').getByText('No such run.').waitFor();
      // The browser logs the API's 404 answer itself; nothing else may go wrong.
      expect(withoutHttpErrors(errors, 404)).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'fits a phone: no sideways scroll, tree above the preview',
    async () => {
      const { page, open, errors } = await ui.newPage(PHONE);
      await open(runRoute());
      await page.getByRole('img', { name: 'loss by step, 10 points' }).waitFor();
      expect(await overflowsHorizontally(page)).toBe(false);
      await screenshot(page, 'run-phone');
      await open(artifactRoute('model'));
      await page
        .getByRole('region', { name: 'MLflow Model' })
        .getByRole('table', { name: 'Inputs schema' })
        .waitFor();
      await page.waitForLoadState('networkidle');
      expect(await overflowsHorizontally(page)).toBe(false);
      const tree = await page.getByRole('navigation', { name: 'Artifact files' }).boundingBox();
      const panel = await page.getByRole('region', { name: 'MLflow Model' }).boundingBox();
      expect(tree && panel && tree.y + tree.height <= panel.y).toBe(true);
      await screenshot(page, 'run-phone-artifacts');
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'shows empty states for a run that logged nothing, with Register model disabled',
    async () => {
      const empty = await ui.sdk.createRun(experimentId, { runName: 'empty-run' });
      const { page, open, errors } = await ui.newPage(DESKTOP);
      await open(`/experiments/${experimentId}/runs/${empty.info.run_id}`);
      await page.getByRole('region', { name: 'Metrics (0)' }).getByText('No metrics').waitFor();
      await page.getByRole('region', { name: 'Parameters (0)' }).getByText('No parameters').waitFor();
      await page.getByText('No models logged by this run.').waitFor();
      expect(await registerButton(page).isDisabled()).toBe(true);
      await page.getByRole('link', { name: 'Artifacts' }).click();
      await page.getByText('No artifacts').waitFor();
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'charts only the metrics the user picks when a run has many',
    async () => {
      const many = await ui.sdk.createRun(experimentId, { runName: 'many-metrics' });
      const metrics = Array.from({ length: 15 }, (_, i) => `m${String(i).padStart(2, '0')}`).flatMap((key) =>
        [0, 1, 2].map((step) => ({ key, value: step * 2, step })),
      );
      await ui.sdk.logBatch(many.info.run_id, { metrics });
      const { page, open, errors, apiCalls } = await ui.newPage(DESKTOP);
      await open(`/experiments/${experimentId}/runs/${many.info.run_id}`);
      await page
        .getByRole('table', { name: 'Metrics' })
        .getByRole('cell', { name: 'm14', exact: true })
        .waitFor();
      expect(apiCalls.filter((c) => c.endsWith('/metrics/get-history'))).toHaveLength(0);
      await page.getByRole('button', { name: 'Chart of m03' }).click();
      await page.getByRole('img', { name: 'm03 by step, 3 points' }).waitFor();
      expect(apiCalls.filter((c) => c.endsWith('/metrics/get-history'))).toHaveLength(1);
      expect(await page.getByRole('button', { name: 'Chart of m03' }).getAttribute('aria-pressed')).toBe(
        'true',
      );
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'shows an MLflow 3 logged model of the run and offers it for registration',
    async () => {
      const run = await ui.sdk.createRun(experimentId, { runName: 'mlflow3-run' });
      const id = run.info.run_id;
      const model = await ui.sdk.createLoggedModel(experimentId, { name: 'clf', sourceRunId: id });
      await ui.sdk.logOutputs(id, [{ model_id: model.info.model_id, step: 0 }]);
      await ui.sdk.proxy.uploadDir(proxyPathOf(model.info.artifact_uri), MODEL_DIR);
      await ui.sdk.finalizeLoggedModel(model.info.model_id, 'READY');

      const { page, open, errors } = await ui.newPage(DESKTOP);
      await open(`/experiments/${experimentId}/runs/${id}/artifacts`);
      const notice = page.getByRole('navigation', { name: 'Logged models' });
      await notice.getByRole('link', { name: `clf (${model.info.model_id})` }).click();
      const panel = page.getByRole('region', { name: 'MLflow Model' });
      await panel
        .getByRole('table', { name: 'Inputs schema' })
        .getByRole('cell', { name: 'petal_width' })
        .waitFor();
      await panel.getByText(`models:/${model.info.model_id}`, { exact: true }).waitFor();
      await panel.getByRole('button', { name: 'Register model' }).click();
      const dialog = page.getByRole('dialog', { name: 'Register model' });
      await dialog.getByText(`models:/${model.info.model_id}`).waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'renames a run, deletes it, shows it as deleted, and restores it',
    async () => {
      const run = await ui.sdk.createRun(experimentId, { runName: 'to-rename' });
      const id = run.info.run_id;
      const { page, open, errors } = await ui.newPage(DESKTOP);
      await open(`/experiments/${experimentId}/runs/${id}`);
      await page.getByRole('heading', { level: 1, name: /to-rename/ }).waitFor();

      // Keyboard: the Rename button opens the dialog, Enter in the field saves.
      await page.getByRole('button', { name: 'Rename', exact: true }).focus();
      await page.keyboard.press('Enter');
      const rename = page.getByRole('dialog', { name: 'Rename run' });
      const field = rename.getByRole('textbox', { name: 'Run name' });
      expect(await field.inputValue()).toBe('to-rename');
      await field.fill('renamed-run');
      await page.keyboard.press('Enter');
      await rename.waitFor({ state: 'detached' });
      await page.getByRole('heading', { level: 1, name: /renamed-run/ }).waitFor();
      expect((await ui.sdk.getRun(id)).info.run_name).toBe('renamed-run');

      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      const remove = page.getByRole('dialog', { name: 'Delete run' });
      await remove.getByText('renamed-run').waitFor();
      await screenshot(page, 'run-delete-dialog');
      await remove.getByRole('button', { name: 'Delete' }).click();
      await remove.waitFor({ state: 'detached' });
      await page.getByText('This run is deleted').waitFor();
      await screenshot(page, 'run-deleted');
      expect((await ui.sdk.getRun(id)).info.lifecycle_stage).toBe('deleted');
      expect(await page.getByRole('button', { name: 'Delete', exact: true }).count()).toBe(0);

      await page.getByRole('button', { name: 'Restore' }).click();
      await page.getByRole('button', { name: 'Delete', exact: true }).waitFor();
      expect(await page.getByText('This run is deleted').count()).toBe(0);
      expect((await ui.sdk.getRun(id)).info.lifecycle_stage).toBe('active');
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'lists child runs with one search, linking both ways',
    async () => {
      const parent = await ui.sdk.createRun(experimentId, { runName: 'sweep' });
      const parentId = parent.info.run_id;
      for (const name of ['trial-a', 'trial-b'])
        await ui.sdk.createRun(experimentId, { runName: name, tags: { 'mlflow.parentRunId': parentId } });
      const { page, open, errors, apiCalls } = await ui.newPage(DESKTOP);
      await open(`/experiments/${experimentId}/runs/${parentId}`);
      const children = page.getByRole('table', { name: 'Child runs' });
      await children.getByRole('link', { name: 'trial-a' }).waitFor();
      expect(await children.getByRole('row').count()).toBe(3);
      await page.getByRole('region', { name: 'Child runs (2)' }).waitFor();
      await screenshot(page, 'run-child-runs');
      expect(apiCalls.filter((c) => c.endsWith('/runs/search'))).toHaveLength(1);
      await children.getByRole('link', { name: 'trial-b' }).click();
      await page.getByRole('heading', { level: 1, name: /trial-b/ }).waitFor();
      await page.getByRole('region', { name: 'Details' }).getByRole('link', { name: parentId }).click();
      await page.getByRole('heading', { level: 1, name: /sweep/ }).waitFor();
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'opens a metric full width from its chart or its name, and goes back to all charts',
    async () => {
      const { page, open, errors, apiCalls } = await ui.newPage(DESKTOP);
      await open(runRoute());
      await page.getByRole('link', { name: 'Expand chart of loss' }).click();
      await page.waitForURL(new RegExp(`#${runRoute()}\\?metric=loss$`));
      const wide = page.locator('figure.metric-card-wide');
      await wide.getByRole('img', { name: 'loss by step, 10 points' }).waitFor();
      // The wide view replaces the grid: the f1 card is gone, and the history is not fetched again.
      expect(await page.getByRole('img', { name: /by step/ }).count()).toBe(1);
      const box = await wide.boundingBox();
      expect(box && box.width > 1000).toBe(true);
      await screenshot(page, 'run-metric-wide');
      expect(apiCalls.filter((c) => c.endsWith('/metrics/get-history'))).toHaveLength(2);
      await wide.getByRole('link', { name: 'All charts' }).click();
      await page.getByRole('link', { name: 'Expand chart of f1' }).waitFor();
      await page
        .getByRole('table', { name: 'Metrics' })
        .getByRole('link', { name: 'f1', exact: true })
        .click();
      await page.locator('figure.metric-card-wide').getByText('0.91').waitFor();
      // A deep link to a metric the run does not have shows the usual grid.
      await open(`${runRoute()}?metric=nope`);
      await page.getByRole('link', { name: 'Expand chart of loss' }).waitFor();
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );
});

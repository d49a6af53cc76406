import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/fixtures.js';
import { pgAdmin, TEST_POSTGRES_URI } from '../support/postgres.js';
import { openUiHarness, screenshot, type UiHarness } from './support/ui-harness.js';

// The seed's walk through the UI, end to end: runs with an f1 metric come from the SDK; a person
// sorts them by F1, opens the best run, looks at its model, registers it as "BTC StockPrediction",
// finds version 1 under Models, moves it to Staging and then Production, and names it champion.
// It runs on both backends: SQLite (embedded) and PostgreSQL (the setup for several replicas).

const MODEL_DIR = join(FIXTURES, 'models', 'mlflow-3.6', 'sklearn_logreg');
const MODEL_NAME = 'BTC StockPrediction';
const F1 = { 'lstm-small': 0.71, 'lstm-wide': 0.88, 'gru-base': 0.64, 'tcn-deep': 0.93, arima: 0.52 };
const BEST = 'tcn-deep';
const T = 90_000;

let ui: UiHarness;
let experimentId: string;
let bestRunId: string;

/** Logs one training run through the SDK, as a training script would, with its model as artifacts. */
async function logRun(name: string, f1: number): Promise<string> {
  const run = await ui.sdk.createRun(experimentId, { runName: name, tags: { 'mlflow.user': 'quant' } });
  const id = run.info.run_id;
  await ui.sdk.logBatch(id, {
    params: { architecture: name.split('-')[0]!, window: 48 },
    metrics: [
      { key: 'f1', value: f1, step: 0, timestamp: Date.now() },
      { key: 'val_loss', value: 1 - f1, step: 0, timestamp: Date.now() },
    ],
  });
  await ui.sdk.logArtifacts(id, MODEL_DIR, { artifactPath: 'model' });
  // MLflow 2.x's record of a logged model, which is how the UI knows the run has one.
  await ui.sdk.setTag(
    id,
    'mlflow.log-model.history',
    JSON.stringify([{ run_id: id, artifact_path: 'model' }]),
  );
  await ui.sdk.setTerminated(id, 'FINISHED');
  return id;
}

/** A fresh PostgreSQL database for the PostgreSQL pass; `drop` removes it. */
async function freshPostgres(): Promise<{ uri: string; drop: () => Promise<void> }> {
  const name = `modeldock_ui_${randomBytes(6).toString('hex')}`;
  await pgAdmin(`CREATE DATABASE ${name}`);
  const uri = TEST_POSTGRES_URI.replace(/\/[^/]*$/, `/${name}`);
  return { uri, drop: () => pgAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const runsTable = (page: Page) => page.getByRole('table', { name: 'Runs' });

async function transitionTo(page: Page, stage: string) {
  await page.getByLabel('Transition to').selectOption(stage);
  await page.getByRole('button', { name: 'Transition', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Transition to ${stage}` });
  await dialog.getByRole('button', { name: 'Transition', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('region', { name: 'Details' }).locator('.chip', { hasText: stage }).waitFor();
}

describe.each(['sqlite', 'postgresql'] as const)("the seed's UI flow on %s", (backend) => {
  let dropDatabase: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    let overrides = {};
    if (backend === 'postgresql') {
      const database = await freshPostgres();
      dropDatabase = database.drop;
      overrides = { backendStoreUri: database.uri };
    }
    ui = await openUiHarness(overrides);
    experimentId = await ui.sdk.createExperiment('BTC forecasting');
    for (const [name, f1] of Object.entries(F1)) {
      const id = await logRun(name, f1);
      if (name === BEST) bestRunId = id;
    }
  }, T);
  afterAll(async () => {
    await ui?.close();
    await dropDatabase?.();
  });

  it(
    'sorts runs by F1, registers the best run as BTC StockPrediction, promotes it to Production and names it champion',
    async () => {
      const { page, open, errors } = await ui.newPage();

      // 1. Open the experiment and sort its runs by F1, highest first.
      await open('/experiments');
      await page.getByRole('link', { name: 'BTC forecasting' }).click();
      await page.getByRole('heading', { level: 1, name: 'BTC forecasting' }).waitFor();
      await runsTable(page)
        .getByRole('columnheader', { name: 'f1', exact: true })
        .getByRole('button')
        .click();
      const firstRun = runsTable(page).locator('tbody tr').first().getByRole('link', { name: BEST });
      await firstRun.waitFor();
      const order = await runsTable(page).locator('tbody td.run-name').allTextContents();
      expect(order).toEqual(
        Object.entries(F1)
          .sort((a, b) => b[1] - a[1])
          .map(([name]) => name),
      );
      await screenshot(page, `${backend}-flow-1-runs-by-f1`);

      // 2. Open the best run and look at its model: MLmodel, environment, signature.
      await firstRun.click();
      await page.getByRole('heading', { level: 1, name: new RegExp(BEST) }).waitFor();
      expect(page.url()).toContain(`/runs/${bestRunId}`);
      await page.getByRole('link', { name: 'Artifacts' }).click();
      await page.getByRole('button', { name: 'model', exact: true }).click();
      const panel = page.getByRole('region', { name: 'MLflow Model' });
      await panel.getByRole('table', { name: 'Inputs schema' }).getByText('sepal_length').waitFor();
      await panel.getByText('conda-forge').waitFor(); // conda.yaml's channel
      await screenshot(page, `${backend}-flow-2-best-run-model`);
      await page.getByRole('button', { name: /^MLmodel/ }).click();
      await expect
        .poll(() => page.getByLabel('Contents of model/MLmodel').textContent())
        .toContain('loader_module: mlflow.sklearn');

      // 3. Register model, named BTC StockPrediction.
      await page.getByRole('button', { name: 'Register model', exact: true }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Register model' });
      await dialog.getByRole('radio', { name: 'Create new model' }).check();
      await dialog.getByRole('textbox', { name: 'Model name' }).fill(MODEL_NAME);
      await dialog.getByRole('button', { name: 'Register' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Registered ${MODEL_NAME} version 1` })
        .waitFor();

      // 4. Find it under Models as version 1.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Models' }).click();
      const row = page
        .getByRole('table', { name: 'Registered models' })
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: MODEL_NAME, exact: true }) });
      await row.getByRole('link', { name: 'Version 1' }).click();
      await page.getByRole('heading', { level: 1, name: 'Version 1' }).waitFor();

      // 5. Development (stage None) → Staging → Production, then the champion alias.
      await transitionTo(page, 'Staging');
      await transitionTo(page, 'Production');
      const aliases = page.getByRole('region', { name: 'Aliases' });
      await aliases.getByLabel('Alias', { exact: true }).fill('champion');
      await aliases.getByRole('button', { name: 'Add alias' }).click();
      await aliases.getByRole('button', { name: 'Remove alias champion' }).waitFor();
      await screenshot(page, `${backend}-flow-5-version-in-production`);

      // What the UI did is what the registry holds.
      const version = await ui.sdk.registry.getModelVersion(MODEL_NAME, 1);
      expect(version).toMatchObject({
        current_stage: 'Production',
        run_id: bestRunId,
        aliases: ['champion'],
      });
      expect(version.source).toBe(`runs:/${bestRunId}/model`);
      expect((await ui.sdk.registry.getModelVersionByAlias(MODEL_NAME, 'champion')).version).toBe('1');

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Models' }).click();
      await row.getByText('@champion').waitFor();
      await row.getByRole('cell', { name: 'Version 1' }).nth(1).waitFor(); // the Production column
      await screenshot(page, `${backend}-flow-6-models`);
      expect(errors).toEqual([]);
    },
    T,
  );
});

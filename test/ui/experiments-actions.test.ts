// Round 2 of the Experiments pages in a real Chromium against a real server: the runs table's
// Models column, the Active/Deleted state with bulk Delete/Restore, and the experiment's Rename,
// Delete and Restore (page header and the list's "Show deleted").
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hashQuery,
  openUiHarness,
  overflowsHorizontally,
  PHONE,
  screenshot,
  type UiHarness,
  withoutHttpErrors,
} from './support/ui-harness.js';

const T = 60_000;
const HISTORY_TAG = 'mlflow.log-model.history';

let ui: UiHarness;

/** An MLflow 2.x history entry (the short MLmodel dict `runs/log-model` appends) for a folder. */
function historyEntry(runId: string, artifactPath: string) {
  return {
    run_id: runId,
    artifact_path: artifactPath,
    utc_time_created: '2026-11-21 21:44:37.774159',
    flavors: { python_function: { loader_module: 'mlflow.sklearn' } },
  };
}

async function createRun(experimentId: string, runName: string, i: number): Promise<string> {
  const run = await ui.sdk.createRun(experimentId, { runName, startTime: Date.UTC(2025, 0, 1, 9, i) });
  return run.info.run_id;
}

interface ModelsSeed {
  readonly experimentId: string;
  readonly sklearn: string;
  readonly mlflow3: string;
  readonly modelId: string;
  readonly sweep: string;
}

/** Runs with 2.x models (one logged twice, one with a URI path), an MLflow 3 model, many, none. */
async function seedModels(): Promise<ModelsSeed> {
  const experimentId = await ui.sdk.createExperiment('Model zoo');
  const sklearn = await createRun(experimentId, 'sklearn-2x', 0);
  await ui.sdk.setTag(
    sklearn,
    HISTORY_TAG,
    JSON.stringify([
      historyEntry(sklearn, 'model'),
      historyEntry(sklearn, 'model'),
      historyEntry(sklearn, 'onnx/model'),
      historyEntry(sklearn, 's3://bucket/elsewhere'),
    ]),
  );
  const mlflow3 = await createRun(experimentId, 'mlflow-3', 1);
  const model = await ui.sdk.createLoggedModel(experimentId, { name: 'clf', sourceRunId: mlflow3 });
  const modelId = model.info.model_id;
  await ui.sdk.logOutputs(mlflow3, [{ model_id: modelId, step: 0 }]);
  const sweep = await createRun(experimentId, 'sweep', 2);
  await ui.sdk.setTag(
    sweep,
    HISTORY_TAG,
    JSON.stringify(['m1', 'm2', 'm3', 'm4', 'm5'].map((p) => historyEntry(sweep, p))),
  );
  await createRun(experimentId, 'no-models', 3);
  // A malformed tag must not break the table.
  const broken = await createRun(experimentId, 'broken-tag', 4);
  await ui.sdk.setTag(broken, HISTORY_TAG, 'not json');
  return { experimentId, sklearn, mlflow3, modelId, sweep };
}

let models: ModelsSeed;

beforeAll(async () => {
  ui = await openUiHarness();
  models = await seedModels();
}, T);
afterAll(async () => ui?.close());

const RUNS_TABLE = 'table[aria-label="Runs"]';
const SETTLED = `${RUNS_TABLE}[aria-busy="false"]`;

async function waitForRows(page: Page, count: number): Promise<void> {
  await expect.poll(() => page.locator(`${SETTLED} tbody tr`).count(), { timeout: 30_000 }).toBe(count);
}

async function rowNames(page: Page): Promise<string[]> {
  return (await page.locator(`${SETTLED} tbody td.run-name`).allTextContents()).sort();
}

function row(page: Page, name: string) {
  return page
    .locator(`${RUNS_TABLE} tbody tr`)
    .filter({ has: page.getByRole('link', { name, exact: true }) });
}

function count(apiCalls: readonly string[], call: string): number {
  return apiCalls.filter((c) => c === call).length;
}

describe('the runs table Models column', () => {
  it(
    'links 2.x models to their artifact folder and MLflow 3 models to their page, in one search',
    async () => {
      const { page, open, errors, apiCalls } = await ui.newPage();
      const id = models.experimentId;
      await open(`/experiments/${id}`);
      await waitForRows(page, 5);
      await page.getByRole('columnheader', { name: 'Models', exact: true }).waitFor();

      // Logged twice at `model`: one link; the s3:// entry is not a folder of the run.
      const sklearn = row(page, 'sklearn-2x').locator('td.models-cell');
      const sklearnLinks = sklearn.getByRole('link');
      expect(await sklearnLinks.allTextContents()).toEqual(['▣model', '▣onnx/model']);
      expect(await sklearnLinks.nth(0).getAttribute('href')).toBe(
        `#/experiments/${id}/runs/${models.sklearn}/artifacts/model`,
      );
      expect(await sklearnLinks.nth(1).getAttribute('href')).toBe(
        `#/experiments/${id}/runs/${models.sklearn}/artifacts/onnx/model`,
      );

      const logged = row(page, 'mlflow-3').getByRole('link', { name: `Logged model ${models.modelId}` });
      expect(await logged.getAttribute('href')).toBe(`#/experiments/${id}/models/${models.modelId}`);

      // Five models: three links and "+2 more" to the run's page.
      const sweep = row(page, 'sweep').locator('td.models-cell').getByRole('link');
      expect(await sweep.allTextContents()).toEqual(['▣m1', '▣m2', '▣m3', '+2 more']);
      expect(await sweep.nth(3).getAttribute('href')).toBe(`#/experiments/${id}/runs/${models.sweep}`);
      expect(await row(page, 'no-models').locator('td.models-cell').textContent()).toBe('—');
      expect(await row(page, 'broken-tag').locator('td.models-cell').textContent()).toBe('—');

      // Everything came with the one runs/search: no logged-model or artifact request per row.
      expect(count(apiCalls, 'POST /api/2.0/mlflow/runs/search')).toBe(1);
      expect(apiCalls.filter((c) => /logged-models|artifacts|runs\/get/.test(c))).toEqual([]);
      expect(apiCalls.length).toBeLessThanOrEqual(4);
      await screenshot(page, 'runs-models-column');
      expect(errors).toEqual([]);
    },
    T,
  );
});

describe('deleting and restoring runs', () => {
  it(
    'deletes the selected runs after a danger confirmation, lists them as Deleted and restores them',
    async () => {
      const experimentId = await ui.sdk.createExperiment('Lifecycle');
      const ids = await Promise.all(
        ['a', 'b', 'c', 'd'].map((n, i) => createRun(experimentId, `run-${n}`, i)),
      );
      const { page, open, errors, apiCalls } = await ui.newPage();
      await open(`/experiments/${experimentId}`);
      await waitForRows(page, 4);
      expect(
        await page
          .getByRole('group', { name: 'Run state' })
          .getByRole('button', { name: 'Active' })
          .getAttribute('aria-pressed'),
      ).toBe('true');
      const del = page.getByRole('button', { name: /^Delete \(/ });
      expect(await del.isDisabled()).toBe(true);

      await page.getByRole('checkbox', { name: 'Select run-a' }).check();
      await page.getByRole('checkbox', { name: 'Select run-c' }).check();
      expect(await del.textContent()).toBe('Delete (2)');

      // Cancel deletes nothing.
      await del.click();
      const dialog = page.getByRole('dialog', { name: 'Delete 2 runs?' });
      await dialog.waitFor();
      expect(await dialog.getByRole('listitem').allTextContents()).toEqual(['run-a', 'run-c']);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(count(apiCalls, 'POST /api/2.0/mlflow/runs/delete')).toBe(0);

      await del.click();
      await dialog.waitFor();
      const confirm = dialog.getByRole('button', { name: 'Delete', exact: true });
      expect(await confirm.getAttribute('class')).toContain('danger');
      await screenshot(page, 'runs-delete-dialog');
      const searchesBefore = count(apiCalls, 'POST /api/2.0/mlflow/runs/search');
      await confirm.click();
      await dialog.waitFor({ state: 'hidden' });
      await waitForRows(page, 2);
      expect(await rowNames(page)).toEqual(['run-b', 'run-d']);
      expect(await del.textContent()).toBe('Delete (0)');
      expect((await ui.sdk.getRun(ids[0]!)).info.lifecycle_stage).toBe('deleted');
      expect((await ui.sdk.getRun(ids[2]!)).info.lifecycle_stage).toBe('deleted');
      expect((await ui.sdk.getRun(ids[1]!)).info.lifecycle_stage).toBe('active');
      // One delete per run and one refresh of the table.
      expect(count(apiCalls, 'POST /api/2.0/mlflow/runs/delete')).toBe(2);
      expect(count(apiCalls, 'POST /api/2.0/mlflow/runs/search') - searchesBefore).toBe(1);

      await page.getByRole('group', { name: 'Run state' }).getByRole('button', { name: 'Deleted' }).click();
      await waitForRows(page, 2);
      expect(await rowNames(page)).toEqual(['run-a', 'run-c']);
      expect(hashQuery(page).get('lifecycleFilter')).toBe('Deleted');
      await screenshot(page, 'runs-deleted-state');
      await page.getByRole('checkbox', { name: 'Select all runs on this page' }).check();
      await page.getByRole('button', { name: 'Restore (2)' }).click();
      await page.getByRole('status').filter({ hasText: 'Restored 2 runs.' }).waitFor();
      await page.getByText('No deleted runs in this experiment.').waitFor();
      expect((await ui.sdk.getRun(ids[0]!)).info.lifecycle_stage).toBe('active');
      expect((await ui.sdk.getRun(ids[2]!)).info.lifecycle_stage).toBe('active');
      expect(count(apiCalls, 'POST /api/2.0/mlflow/runs/restore')).toBe(2);

      await page.getByRole('group', { name: 'Run state' }).getByRole('button', { name: 'Active' }).click();
      await waitForRows(page, 4);
      expect(hashQuery(page).get('lifecycleFilter')).toBeNull();
      // Bounded: the experiment, and a handful of searches and writes for the whole session.
      expect(apiCalls.length).toBeLessThanOrEqual(14);
      expect(errors).toEqual([]);
    },
    T,
  );

  it(
    'opens the Deleted list from a deep link and drives it from the keyboard',
    async () => {
      const experimentId = await ui.sdk.createExperiment('Keyboard lifecycle');
      const [gone, kept] = await Promise.all([
        createRun(experimentId, 'gone', 0),
        createRun(experimentId, 'kept', 1),
      ]);
      await ui.sdk.deleteRun(gone!);
      const { page, open, errors, apiCalls } = await ui.newPage();
      await open(`/experiments/${experimentId}?lifecycleFilter=Deleted`);
      await waitForRows(page, 1);
      expect(await rowNames(page)).toEqual(['gone']);
      expect(count(apiCalls, 'POST /api/2.0/mlflow/runs/search')).toBe(1);

      // Focus the "Active" toggle and press Enter; then select "kept" and delete it, all by keys.
      await page.getByRole('button', { name: 'Active', exact: true }).focus();
      await page.keyboard.press('Enter');
      await waitForRows(page, 1);
      expect(await rowNames(page)).toEqual(['kept']);
      await page.getByRole('checkbox', { name: 'Select kept' }).focus();
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: 'Delete (1)' }).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Delete 1 run?' });
      await dialog.waitFor();
      // Escape closes without deleting; focus goes back to the opener.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect((await ui.sdk.getRun(kept!)).info.lifecycle_stage).toBe('active');
      expect(await page.evaluate<string | undefined>('document.activeElement?.textContent')).toBe(
        'Delete (1)',
      );
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Delete', exact: true }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('This experiment has no runs yet.').waitFor();
      expect((await ui.sdk.getRun(kept!)).info.lifecycle_stage).toBe('deleted');
      expect(errors).toEqual([]);
    },
    T,
  );
});

describe('renaming, deleting and restoring an experiment', () => {
  it(
    'renames from the header, showing a taken name inline',
    async () => {
      const experimentId = await ui.sdk.createExperiment('Old name');
      const { page, open, errors } = await ui.newPage();
      await open(`/experiments/${experimentId}`);
      await page.getByRole('heading', { level: 1, name: 'Old name' }).waitFor();
      await page.getByRole('button', { name: 'Rename' }).click();
      const dialog = page.getByRole('dialog', { name: 'Rename experiment' });
      const input = dialog.getByLabel('New name');
      expect(await input.inputValue()).toBe('Old name');
      await input.fill('Default');
      await dialog.getByRole('button', { name: 'Rename' }).click();
      const alert = dialog.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('already exists');
      expect(await dialog.isVisible()).toBe(true);
      await screenshot(page, 'experiment-rename-error');

      await input.fill('  New name ');
      await input.press('Enter');
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('heading', { level: 1, name: 'New name' }).waitFor();
      expect((await ui.sdk.getExperiment(experimentId)).name).toBe('New name');
      expect(withoutHttpErrors(errors, 400)).toEqual([]);
    },
    T,
  );

  it(
    'deletes after a danger confirmation, hides it from the list, and restores it from "Show deleted"',
    async () => {
      const experimentId = await ui.sdk.createExperiment('Doomed');
      const runId = await createRun(experimentId, 'doomed-run', 0);
      const { page, open, errors, apiCalls } = await ui.newPage();
      await open(`/experiments/${experimentId}`);
      await page.getByRole('heading', { level: 1, name: 'Doomed' }).waitFor();
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete experiment?' });
      await dialog.waitFor();
      const confirm = dialog.getByRole('button', { name: 'Delete', exact: true });
      expect(await confirm.getAttribute('class')).toContain('danger');
      expect(await dialog.textContent()).toContain('Doomed');
      await screenshot(page, 'experiment-delete-dialog');
      await confirm.click();

      await page.getByRole('heading', { level: 1, name: 'Experiments' }).waitFor();
      expect(new URL(page.url()).hash).toBe('#/experiments');
      await page.getByRole('link', { name: 'Default', exact: true }).waitFor();
      expect(await page.getByRole('link', { name: 'Doomed' }).count()).toBe(0);
      expect((await ui.sdk.getExperiment(experimentId)).lifecycle_stage).toBe('deleted');
      expect((await ui.sdk.getRun(runId)).info.lifecycle_stage).toBe('deleted');
      // Leaving the page refetched nothing of the deleted experiment.
      expect(count(apiCalls, 'GET /api/2.0/mlflow/experiments/get')).toBe(1);

      await page.getByRole('checkbox', { name: 'Show deleted' }).check();
      const doomed = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Doomed' }) });
      await doomed.waitFor();
      expect(await doomed.textContent()).toContain('Deleted');
      await screenshot(page, 'experiments-list-show-deleted');
      await doomed.getByRole('button', { name: 'Restore Doomed' }).click();
      await doomed.getByText('Deleted', { exact: true }).waitFor({ state: 'detached' });
      expect((await ui.sdk.getExperiment(experimentId)).lifecycle_stage).toBe('active');
      expect((await ui.sdk.getRun(runId)).info.lifecycle_stage).toBe('active');
      await page.getByRole('checkbox', { name: 'Show deleted' }).uncheck();
      await page.getByRole('link', { name: 'Doomed' }).waitFor();
      expect(apiCalls.length).toBeLessThanOrEqual(12);
      expect(errors).toEqual([]);
    },
    T,
  );

  it(
    'offers Restore on a deleted experiment’s own page',
    async () => {
      const experimentId = await ui.sdk.createExperiment('Deleted elsewhere');
      await ui.sdk.deleteExperiment(experimentId);
      const { page, open, errors } = await ui.newPage();
      await open(`/experiments/${experimentId}`);
      await page.getByRole('heading', { level: 1, name: 'Deleted elsewhere' }).waitFor();
      expect(await page.getByRole('button', { name: 'Rename' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Restore experiment' }).click();
      await page.getByRole('button', { name: 'Rename' }).waitFor();
      expect((await ui.sdk.getExperiment(experimentId)).lifecycle_stage).toBe('active');
      expect(errors).toEqual([]);
    },
    T,
  );
});

describe('child runs', () => {
  it(
    'nests runs under a parent on the same page, expands and collapses them without a request',
    async () => {
      const experimentId = await ui.sdk.createExperiment('Sweep');
      const elsewhere = await createRun(await ui.sdk.createExperiment('Elsewhere'), 'far-parent', 0);
      const tune = await createRun(experimentId, 'tune', 0);
      const child = async (name: string, parent: string, i: number) => {
        const id = await createRun(experimentId, name, i);
        await ui.sdk.setTag(id, 'mlflow.parentRunId', parent);
        return id;
      };
      const c1 = await child('trial-1', tune, 1);
      await child('trial-2', tune, 2);
      await child('trial-1-fold', c1, 3);
      await child('orphan', elsewhere, 4);
      await createRun(experimentId, 'solo', 5);

      const { page, open, errors, apiCalls } = await ui.newPage();
      await open(`/experiments/${experimentId}`);
      // Children start collapsed; a child whose parent is not on the page is a top-level row.
      await waitForRows(page, 3);
      const names = () => page.locator(`${SETTLED} tbody td.run-name`).allTextContents();
      expect(await names()).toEqual(['solo', 'orphan', 'tune']);
      const tuneToggle = page.getByRole('button', { name: 'Child runs of tune (2)' });
      expect(await tuneToggle.getAttribute('aria-expanded')).toBe('false');

      await tuneToggle.focus();
      await page.keyboard.press('Enter');
      await waitForRows(page, 5);
      expect(await names()).toEqual(['solo', 'orphan', 'tune', 'trial-2', 'trial-1']);
      expect(await tuneToggle.getAttribute('aria-expanded')).toBe('true');
      await page.getByRole('button', { name: 'Child runs of trial-1 (1)' }).click();
      await waitForRows(page, 6);
      expect(await names()).toEqual(['solo', 'orphan', 'tune', 'trial-2', 'trial-1', 'trial-1-fold']);
      // Indented by depth.
      const indent = async (name: string) =>
        (await row(page, name).locator('.run-name-inner').getAttribute('style')) ?? '';
      expect(await indent('tune')).toContain('padding-left: 0rem');
      expect(await indent('trial-1')).toContain('padding-left: 1.25rem');
      expect(await indent('trial-1-fold')).toContain('padding-left: 2.5rem');
      await screenshot(page, 'runs-nested');

      await tuneToggle.click();
      await waitForRows(page, 3);
      // "Select all" takes the rows shown, never hidden children.
      await page.getByRole('checkbox', { name: 'Select all runs on this page' }).check();
      expect(await page.getByRole('button', { name: /^Delete \(/ }).textContent()).toBe('Delete (3)');
      expect(count(apiCalls, 'POST /api/2.0/mlflow/runs/search')).toBe(1);
      expect(apiCalls.length).toBeLessThanOrEqual(3);
      expect(errors).toEqual([]);
    },
    T,
  );
});

describe('round 2 on a phone', () => {
  it(
    'never scrolls sideways at 390 px: header actions, models, state toggle, dialogs',
    async () => {
      const { page, open, errors } = await ui.newPage(PHONE);
      await open(`/experiments/${models.experimentId}`);
      await waitForRows(page, 5);
      expect(await overflowsHorizontally(page)).toBe(false);
      await screenshot(page, 'experiment-actions-phone');
      await page.getByRole('checkbox', { name: 'Select sweep' }).check();
      await page.getByRole('button', { name: 'Delete (1)' }).click();
      await page.getByRole('dialog', { name: 'Delete 1 run?' }).waitFor();
      expect(await overflowsHorizontally(page)).toBe(false);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: 'Rename' }).click();
      await page.getByRole('dialog', { name: 'Rename experiment' }).waitFor();
      expect(await overflowsHorizontally(page)).toBe(false);
      await screenshot(page, 'experiment-rename-phone');
      await page.getByRole('button', { name: 'Cancel' }).click();
      expect(errors).toEqual([]);
    },
    T,
  );
});

import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadForCli, trackingUriOf } from '../../src/cli/commands/models-options.js';
import { runCli } from '../../src/cli/main.js';
import {
  formatBytes,
  ProgressBar,
  renderProgressLine,
  type ProgressStream,
} from '../../src/cli/progress-bar.js';
import { logModelToRun, MlflowClient, registerModel } from '../../src/client/index.js';
import { type ClientTestServer, openClientTestServer } from '../client/client-server.js';

const SCALER = fileURLToPath(new URL('../client/models/scaler.ts', import.meta.url));
const MiB = 1024 * 1024;

function sink(isTTY: boolean): ProgressStream & { text: () => string } {
  const chunks: string[] = [];
  return { isTTY, columns: 80, write: (t: string) => chunks.push(t), text: () => chunks.join('') };
}

describe('renderProgressLine and formatBytes', () => {
  it('draws label, bar, percent, sizes and the file, within the width', () => {
    const line = renderProgressLine('Downloading', { path: 'model.pkl', bytes: 512, totalBytes: 1024 }, 60);
    expect(line).toBe('Downloading [#####-----]  50% 512 B/1.0 KiB model.pkl');
    const narrow = renderProgressLine(
      'Downloading',
      { path: 'a/very/long/path/model.pkl', bytes: 1, totalBytes: 4 },
      56,
    );
    expect(narrow.length).toBeLessThanOrEqual(56);
    expect(narrow).toMatch(/…/);
  });

  it('formats binary units', () => {
    expect([0, 1023, 1536, 5 * MiB, 3 * 1024 * MiB].map(formatBytes)).toEqual([
      '0 B',
      '1023 B',
      '1.5 KiB',
      '5.0 MiB',
      '3.0 GiB',
    ]);
  });
});

describe('ProgressBar', () => {
  it('on a terminal redraws one line in place, at most every intervalMs, and ends it with a newline', () => {
    const out = sink(true);
    let now = 0;
    const bar = new ProgressBar(out, { minBytes: 0, intervalMs: 100, now: () => now });
    bar.update({ path: 'MLmodel', bytes: 10, totalBytes: 100 });
    now = 50;
    bar.update({ path: 'MLmodel', bytes: 20, totalBytes: 100 });
    now = 150;
    bar.update({ path: 'model.pkl', bytes: 60, totalBytes: 100 });
    bar.update({ path: 'model.pkl', bytes: 100, totalBytes: 100 });
    bar.finish();
    const frames = out
      .text()
      .split('\r')
      .filter((f) => f !== '');
    expect(frames.map((f) => /(\d+)%/.exec(f)?.[1])).toEqual(['10', '60', '100', '100']);
    expect(out.text().endsWith('\n')).toBe(true);
    expect(out.text().match(/\n/g)).toHaveLength(1);
  });

  it('in a log (no TTY) writes one line per quarter, without carriage returns', () => {
    const out = sink(false);
    const bar = new ProgressBar(out, { minBytes: 0 });
    for (let bytes = 10; bytes <= 100; bytes += 10) bar.update({ path: 'f', bytes, totalBytes: 100 });
    bar.finish();
    expect(out.text()).not.toContain('\r');
    expect(
      out
        .text()
        .split('\n')
        .filter(Boolean)
        .map((l) => /(\d+)%/.exec(l)?.[1]),
    ).toEqual(['30', '50', '80', '100']);
  });

  it('draws nothing for transfers under minBytes', () => {
    const out = sink(true);
    const bar = new ProgressBar(out);
    bar.update({ path: 'MLmodel', bytes: 500, totalBytes: 500 });
    bar.finish();
    expect(out.text()).toBe('');
  });
});

describe('trackingUriOf (the CLI’s tracking URI config)', () => {
  it('takes --tracking-uri first, then MLFLOW_TRACKING_URI', () => {
    const env = { MLFLOW_TRACKING_URI: 'http://env:5000' };
    expect(trackingUriOf({ 'tracking-uri': 'http://flag:5000' }, env)).toBe('http://flag:5000');
    expect(trackingUriOf({}, env)).toBe('http://env:5000');
    expect(trackingUriOf({}, {})).toBeUndefined();
  });

  it('a models:/ URI without a tracking server is reported, not thrown', async () => {
    const lines: string[] = [];
    const loaded = await loadForCli('models:/churn/1', {
      out: (t) => lines.push(t),
      err: (t) => lines.push(t),
    });
    expect(loaded).toBeUndefined();
    expect(lines.join('\n')).toMatch(/pass --tracking-uri or set MLFLOW_TRACKING_URI/);
  });
});

describe('modeldock models predict -m models:/… --tracking-uri (real server)', () => {
  let server: ClientTestServer;
  let work: string;

  beforeAll(async () => {
    server = await openClientTestServer();
    work = await mkdtemp(join(tmpdir(), 'modeldock-cli-registry-'));
    const client = new MlflowClient({ trackingUri: server.url });
    const experimentId = await client.createExperiment('cli-registry');
    const run = await client.createRun(experimentId);
    const info = await logModelToRun(client, run.info.run_id, 'scaler', {
      model: SCALER,
      modelConfig: { factor: 3 },
      inputExample: [{ x: 1.5 }],
    });
    // A 2 MiB extra file makes the download long enough for the bar to draw.
    const blob = join(work, 'weights.bin');
    await writeFile(blob, Buffer.alloc(2 * MiB, 7));
    await client.proxy.uploadFile(`${experimentId}/models/${info.modelId}/artifacts/weights.bin`, blob);
    await registerModel(client, info.modelUri, 'cli-scaler');
    await writeFile(join(work, 'input.json'), JSON.stringify({ dataframe_records: [{ x: 2 }, { x: 0.5 }] }));
  });
  afterAll(async () => {
    const cache = createHash('sha256').update(server.url).digest('hex').slice(0, 16);
    await server.close();
    await rm(work, { recursive: true, force: true });
    await rm(join(tmpdir(), 'modeldock-models', cache), { recursive: true, force: true });
  });

  it('downloads the registered version with a progress bar on the terminal, then predicts', async () => {
    const lines: string[] = [];
    const progress = sink(true);
    const output = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t), progress };
    const argv = ['models', 'predict', '-m', 'models:/cli-scaler/1', '-i', join(work, 'input.json')];
    expect(await runCli([...argv, '--tracking-uri', server.url], output)).toBe(0);
    expect(JSON.parse(lines.join(''))).toEqual({ predictions: [6, 1.5] });
    expect(progress.text()).toMatch(/\rDownloading \[#{10,}\] 100% 2\.0 MiB\/2\.0 MiB/);

    const again = sink(true);
    lines.length = 0;
    expect(await runCli([...argv, '--tracking-uri', server.url], { ...output, progress: again })).toBe(0);
    expect(JSON.parse(lines.join(''))).toEqual({ predictions: [6, 1.5] });
    expect(again.text()).toBe('');
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTrackingStore } from '../../src/store/open-tracking-store.js';
import { describeTrackingStore } from './tracking-store.suite.js';

async function openFresh() {
  const dir = await mkdtemp(join(tmpdir(), 'modeldock-store-'));
  const store = await openTrackingStore(`sqlite:///${join(dir, 'mlflow.db')}`);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describeTrackingStore('sqlite', openFresh);

describe('sqlite: files', () => {
  it('reopens an existing database without re-running migrations (server restart)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'modeldock-store-'));
    const path = join(dir, 'mlflow.db');
    const first = await openTrackingStore(path);
    const id = await first.createExperiment({ name: 'kept' });
    await first.close();
    const again = await openTrackingStore(`sqlite:////${path.replace(/^\//, '')}`);
    expect((await again.getExperiment(id)).name).toBe('kept');
    await again.close();
    await rm(dir, { recursive: true, force: true });
  });
});

describe('sqlite: concurrent start', () => {
  it('several stores opening one new file together all come up (server --workers)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'modeldock-store-'));
    const path = join(dir, 'mlflow.db');
    const stores = await Promise.all([1, 2, 3, 4].map(() => openTrackingStore(path)));
    const names = await Promise.all(stores.map(async (s) => (await s.getExperiment('0')).name));
    expect(names).toEqual(['Default', 'Default', 'Default', 'Default']);
    await Promise.all(stores.map((s) => s.close()));
    await rm(dir, { recursive: true, force: true });
  });
});

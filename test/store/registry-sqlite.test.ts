import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRegistryStore } from '../../src/store/open-registry-store.js';
import { openStores } from '../../src/store/open-stores.js';
import { describeRegistryStore } from './registry.suite.js';

async function openFresh() {
  const dir = await mkdtemp(join(tmpdir(), 'modeldock-registry-'));
  const uri = `sqlite:///${join(dir, 'mlflow.db')}`;
  const { tracking, registry, close } = await openStores(uri);
  return {
    registry,
    tracking,
    cleanup: async () => {
      await close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describeRegistryStore('sqlite', openFresh);

describe('sqlite: standalone registry', () => {
  it('openRegistryStore works on its own connection (a registry-only process)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'modeldock-registry-'));
    const registry = await openRegistryStore(join(dir, 'mlflow.db'));
    await registry.createRegisteredModel({ name: 'm' });
    expect((await registry.createModelVersion({ name: 'm', source: 'runs:/r/model' })).version).toBe('1');
    await registry.close();
    await rm(dir, { recursive: true, force: true });
  });
});

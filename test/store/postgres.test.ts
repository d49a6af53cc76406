import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openTrackingStore } from '../../src/store/open-tracking-store.js';
import { describeTrackingStore } from './tracking-store.suite.js';
import { pgAdmin, TEST_POSTGRES_URI } from '../support/postgres.js';

const URI = TEST_POSTGRES_URI;

const admin = (statement: string): Promise<void> => pgAdmin(statement, URI);

/** Each test gets its own schema, dropped afterwards, so parallel files never collide. */
async function openFresh() {
  const schema = `modeldock_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE SCHEMA ${schema}`);
  const store = await openTrackingStore(URI, { schema, maxConnections: 4 }).catch(async (error: unknown) => {
    await admin(`DROP SCHEMA ${schema} CASCADE`);
    throw error;
  });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await admin(`DROP SCHEMA ${schema} CASCADE`);
    },
  };
}

describeTrackingStore('postgresql', openFresh);

describe('postgresql: migrations', () => {
  it('several processes opening a new database together migrate it once (server --workers)', async () => {
    const schema = `modeldock_${randomBytes(6).toString('hex')}`;
    await admin(`CREATE SCHEMA ${schema}`);
    const stores = await Promise.all(
      [1, 2, 3, 4].map(() => openTrackingStore(URI, { schema, maxConnections: 2 })),
    );
    const names = await Promise.all(stores.map(async (s) => (await s.getExperiment('0')).name));
    expect(names).toEqual(['Default', 'Default', 'Default', 'Default']);
    await Promise.all(stores.map((s) => s.close()));
    await admin(`DROP SCHEMA ${schema} CASCADE`);
  });
});

import { randomBytes } from 'node:crypto';
import { openStores } from '../../src/store/open-stores.js';
import { describeRegistryStore } from './registry.suite.js';
import { pgAdmin, TEST_POSTGRES_URI } from '../support/postgres.js';

const URI = TEST_POSTGRES_URI;

const admin = (statement: string): Promise<void> => pgAdmin(statement, URI);

/** Each test gets its own schema, dropped afterwards, so parallel files never collide. */
async function openFresh() {
  const schema = `modeldock_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE SCHEMA ${schema}`);
  try {
    const { tracking, registry, close } = await openStores(URI, { schema, maxConnections: 8 });
    return {
      registry,
      tracking,
      cleanup: async () => {
        await close();
        await admin(`DROP SCHEMA ${schema} CASCADE`);
      },
    };
  } catch (error) {
    await admin(`DROP SCHEMA ${schema} CASCADE`);
    throw error;
  }
}

describeRegistryStore('postgresql', openFresh);

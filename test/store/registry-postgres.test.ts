import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { openStores } from '../../src/store/open-stores.js';
import { describeRegistryStore } from './registry.suite.js';

const URI = process.env['MODELDOCK_TEST_POSTGRES'] ?? 'postgresql://postgres@127.0.0.1:5432/test';

interface PgClient {
  connect(): Promise<void>;
  query(text: string): Promise<unknown>;
  end(): Promise<void>;
}
const pg = createRequire(import.meta.url)('pg') as {
  Client: new (c: { connectionString: string }) => PgClient;
};

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: URI });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

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

import { createRequire } from 'node:module';

/** The PostgreSQL the tests use: this machine's server, database `test`, unless overridden. */
export const TEST_POSTGRES_URI =
  process.env['MODELDOCK_TEST_POSTGRES'] ?? 'postgresql://postgres@127.0.0.1:5432/test';

interface PgClient {
  connect(): Promise<void>;
  query(text: string): Promise<unknown>;
  end(): Promise<void>;
}
const pg = createRequire(import.meta.url)('pg') as {
  Client: new (c: { connectionString: string }) => PgClient;
};

/** Runs one administrative statement (CREATE/DROP SCHEMA or DATABASE) on its own connection. */
export async function pgAdmin(statement: string, uri: string = TEST_POSTGRES_URI): Promise<void> {
  const client = new pg.Client({ connectionString: uri });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

import { sql, type Kysely } from 'kysely';
import type { RegisteredModelsTable, RegistryDatabase, SqlRegistryContext } from './sql-registry-database.js';
import { noRegisteredModel } from './sql-registry-rules.js';

/** Work done while holding the registered model's write lock. */
export type LockedWork<T> = (db: Kysely<RegistryDatabase>, model: RegisteredModelsTable) => Promise<T>;

async function sqliteImmediate<T>(ctx: SqlRegistryContext, name: string, work: LockedWork<T>): Promise<T> {
  // BEGIN IMMEDIATE takes SQLite's write lock up front, so two processes cannot both read the same
  // max(version) and then race to insert it; Kysely's own mutex serialises this process.
  return ctx.db.connection().execute(async (db) => {
    await sql`BEGIN IMMEDIATE`.execute(db);
    try {
      const model = await db
        .selectFrom('registered_models')
        .selectAll()
        .where('name', '=', name)
        .executeTakeFirst();
      if (model === undefined) throw noRegisteredModel(name);
      const result = await work(db, model);
      await sql`COMMIT`.execute(db);
      return result;
    } catch (error) {
      await sql`ROLLBACK`.execute(db);
      throw error;
    }
  });
}

async function postgresForUpdate<T>(ctx: SqlRegistryContext, name: string, work: LockedWork<T>): Promise<T> {
  // The row lock on the registered model serialises writers of its versions across server processes.
  return ctx.db.transaction().execute(async (trx) => {
    const model = await trx
      .selectFrom('registered_models')
      .selectAll()
      .where('name', '=', name)
      .forUpdate()
      .executeTakeFirst();
    if (model === undefined) throw noRegisteredModel(name);
    return work(trx, model);
  });
}

/**
 * Runs `work` in a transaction that holds an exclusive lock on one registered model (404 if unknown).
 *
 * @example await withModelLock(ctx, 'churn', async (db, model) => nextVersion(db, model.name));
 */
export function withModelLock<T>(ctx: SqlRegistryContext, name: string, work: LockedWork<T>): Promise<T> {
  return ctx.dialect === 'sqlite' ? sqliteImmediate(ctx, name, work) : postgresForUpdate(ctx, name, work);
}

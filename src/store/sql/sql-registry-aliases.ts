import { MlflowError } from '../../core/mlflow-error.js';
import type { ModelVersion } from '../registry-store.js';
import type { SqlRegistryContext } from './sql-registry-database.js';
import type { SqlRegisteredModelStore } from './sql-registry-models.js';
import { DELETED_STAGE } from './sql-registry-rows.js';
import { validateAlias } from './sql-registry-rules.js';
import type { SqlModelVersionStore } from './sql-registry-versions.js';

/** Registered-model aliases (`models:/name@alias`) in the SQL registry store. */
export class SqlRegistryAliasStore {
  constructor(
    private readonly ctx: SqlRegistryContext,
    private readonly models: SqlRegisteredModelStore,
    private readonly versions: SqlModelVersionStore,
  ) {}

  async set(name: string, alias: string, version: string): Promise<void> {
    validateAlias(alias);
    const row = await this.versions.row(name, version);
    await this.ctx.db
      .insertInto('registered_model_aliases')
      .values({ name, alias, version: row.version })
      .onConflict((oc) => oc.columns(['name', 'alias']).doUpdateSet({ version: row.version }))
      .execute();
  }

  async delete(name: string, alias: string): Promise<void> {
    await this.models.row(name);
    await this.ctx.db
      .deleteFrom('registered_model_aliases')
      .where('name', '=', name)
      .where('alias', '=', alias)
      .execute();
  }

  async resolve(name: string, alias: string): Promise<ModelVersion> {
    await this.models.row(name);
    const version =
      alias.toLowerCase() === 'latest' ? await this.latestNumber(name) : await this.aliasNumber(name, alias);
    if (version === undefined) {
      throw new MlflowError(`Registered model alias ${alias} not found.`, 'INVALID_PARAMETER_VALUE');
    }
    return this.versions.get(name, String(version));
  }

  private async aliasNumber(name: string, alias: string): Promise<number | undefined> {
    const row = await this.ctx.db
      .selectFrom('registered_model_aliases')
      .select('version')
      .where('name', '=', name)
      .where('alias', '=', alias)
      .executeTakeFirst();
    return row?.version;
  }

  private async latestNumber(name: string): Promise<number | undefined> {
    const row = await this.ctx.db
      .selectFrom('model_versions')
      .select((eb) => eb.fn.max('version').as('max'))
      .where('name', '=', name)
      .where('current_stage', '!=', DELETED_STAGE)
      .executeTakeFirst();
    return row?.max === null || row?.max === undefined ? undefined : Number(row.max);
  }
}

import type { Kysely } from 'kysely';
import { runTrackingMigrations } from '../migrations/run-migrations.js';
import type {
  CreateModelVersionInput,
  CreateRegisteredModelInput,
  ModelVersion,
  ModelVersionTag,
  RegisteredModel,
  RegisteredModelTag,
  RegistryStore,
  SearchRegistryInput,
} from '../registry-store.js';
import type { Page } from '../tracking-store.js';
import { SqlRegistryAliasStore } from './sql-registry-aliases.js';
import type { RegistryDatabase, SqlRegistryContext } from './sql-registry-database.js';
import { SqlRegisteredModelStore } from './sql-registry-models.js';
import { modelExists } from './sql-registry-rules.js';
import { SqlModelVersionStore } from './sql-registry-versions.js';
import type { StoreDialect } from './store-dialect.js';

/** Options of the SQL registry store. */
export interface SqlRegistryStoreOptions {
  /** Clock in epoch milliseconds (tests pin it). */
  readonly now?: () => number;
  /** The Kysely instance belongs to another store (the tracking store), which closes it. */
  readonly sharedDatabase?: boolean;
}

/**
 * The Model Registry over any SQL dialect; it delegates to one class per resource family.
 *
 * @example const registry = await SqlRegistryStore.open(sqliteStoreDialect('/tmp/m.db'));
 */
export class SqlRegistryStore implements RegistryStore {
  private readonly models: SqlRegisteredModelStore;
  private readonly versions: SqlModelVersionStore;
  private readonly aliases: SqlRegistryAliasStore;

  private constructor(
    private readonly ctx: SqlRegistryContext,
    private readonly ownsDatabase: boolean,
  ) {
    this.models = new SqlRegisteredModelStore(ctx);
    this.versions = new SqlModelVersionStore(ctx);
    this.aliases = new SqlRegistryAliasStore(ctx, this.models, this.versions);
  }

  /** Opens the database and migrates it (the registry shares the tracking schema's migrations). */
  static async open(dialect: StoreDialect, options: SqlRegistryStoreOptions = {}): Promise<SqlRegistryStore> {
    const db = dialect.createKysely() as unknown as Kysely<RegistryDatabase>;
    try {
      await runTrackingMigrations(db as unknown as Kysely<unknown>, dialect);
    } catch (error) {
      if (options.sharedDatabase !== true) await db.destroy();
      throw error;
    }
    const ctx = { db, caps: dialect.capabilities, dialect: dialect.name, now: options.now ?? Date.now };
    return new SqlRegistryStore(ctx, options.sharedDatabase !== true);
  }

  createRegisteredModel(input: CreateRegisteredModelInput): Promise<RegisteredModel> {
    return this.models.create(input);
  }
  getRegisteredModel(name: string): Promise<RegisteredModel> {
    return this.models.get(name);
  }
  renameRegisteredModel(name: string, newName: string): Promise<RegisteredModel> {
    return this.models.rename(name, newName);
  }
  updateRegisteredModel(name: string, description: string | undefined): Promise<RegisteredModel> {
    return this.models.update(name, description);
  }
  deleteRegisteredModel(name: string): Promise<void> {
    return this.models.delete(name);
  }
  searchRegisteredModels(input: SearchRegistryInput): Promise<Page<RegisteredModel>> {
    return this.models.search(input);
  }
  getLatestVersions(name: string, stages?: string[]): Promise<ModelVersion[]> {
    return this.models.latestVersions(name, stages);
  }
  setRegisteredModelTag(name: string, tag: RegisteredModelTag): Promise<void> {
    return this.models.setTag(name, tag);
  }
  deleteRegisteredModelTag(name: string, key: string): Promise<void> {
    return this.models.deleteTag(name, key);
  }
  setRegisteredModelAlias(name: string, alias: string, version: string): Promise<void> {
    return this.aliases.set(name, alias, version);
  }
  deleteRegisteredModelAlias(name: string, alias: string): Promise<void> {
    return this.aliases.delete(name, alias);
  }
  getModelVersionByAlias(name: string, alias: string): Promise<ModelVersion> {
    return this.aliases.resolve(name, alias);
  }

  createModelVersion(input: CreateModelVersionInput): Promise<ModelVersion> {
    return this.versions.create(input);
  }
  getModelVersion(name: string, version: string): Promise<ModelVersion> {
    return this.versions.get(name, version);
  }
  updateModelVersion(name: string, version: string, description: string | undefined): Promise<ModelVersion> {
    return this.versions.update(name, version, description);
  }
  deleteModelVersion(name: string, version: string): Promise<void> {
    return this.versions.delete(name, version);
  }
  searchModelVersions(input: SearchRegistryInput): Promise<Page<ModelVersion>> {
    return this.versions.search(input);
  }
  getModelVersionDownloadUri(name: string, version: string): Promise<string> {
    return this.versions.downloadUri(name, version);
  }
  transitionModelVersionStage(
    name: string,
    version: string,
    stage: string,
    archive: boolean,
  ): Promise<ModelVersion> {
    return this.versions.transition(name, version, stage, archive);
  }
  setModelVersionTag(name: string, version: string, tag: ModelVersionTag): Promise<void> {
    return this.versions.setTag(name, version, tag);
  }
  deleteModelVersionTag(name: string, version: string, key: string): Promise<void> {
    return this.versions.deleteTag(name, version, key);
  }

  async copyModelVersion(srcName: string, srcVersion: string, dstName: string): Promise<ModelVersion> {
    const src = await this.versions.get(srcName, srcVersion);
    await this.models.create({ name: dstName }).catch((error: unknown) => {
      if (!(error instanceof Error && error.message === modelExists(dstName).message)) throw error;
    });
    return this.versions.create({
      name: dstName,
      source: `models:/${src.name}/${src.version}`,
      tags: src.tags,
      runLink: src.run_link,
      description: src.description,
      ...(src.run_id === undefined ? {} : { runId: src.run_id }),
    });
  }

  async close(): Promise<void> {
    if (this.ownsDatabase) await this.ctx.db.destroy();
  }
}

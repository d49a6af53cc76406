/**
 * The RegistryStore contract, run against every backend (registry-sqlite.test.ts, registry-postgres.test.ts).
 * Each case is named after the MLflow client call whose behaviour it protects.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RegistryStore } from '../../src/store/registry-store.js';
import type { TrackingStore } from '../../src/store/tracking-store.js';
import { failure } from './tracking-store.suite.js';
import { describeRegistrySearch } from './registry-search.suite.js';
import { describeRegistrySources } from './registry-sources.suite.js';

/** A fresh registry plus a tracking store on the same database (for logged models and runs). */
export interface FreshRegistry {
  registry: RegistryStore;
  tracking: TrackingStore;
  cleanup: () => Promise<void>;
}
export type OpenFreshRegistry = () => Promise<FreshRegistry>;

/** Gives each test a fresh registry through `get()`. */
export function useFreshRegistry(open: OpenFreshRegistry): { get: () => FreshRegistry } {
  let current: FreshRegistry | undefined;
  beforeEach(async () => {
    current = await open();
  });
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  return {
    get: () => {
      if (current === undefined) throw new Error('registry not open');
      return current;
    },
  };
}

const RUN_SOURCE = 'runs:/0123456789abcdef0123456789abcdef/model';

function describeRegisteredModels(open: OpenFreshRegistry): void {
  const ctx = useFreshRegistry(open);

  it('creates and gets a model with tags and description (create_registered_model)', async () => {
    const { registry } = ctx.get();
    const created = await registry.createRegisteredModel({
      name: 'churn',
      description: 'first',
      tags: [{ key: 'team', value: 'ml' }],
    });
    expect(created).toMatchObject({
      name: 'churn',
      description: 'first',
      tags: [{ key: 'team', value: 'ml' }],
    });
    expect(created.creation_timestamp).toBe(created.last_updated_timestamp);
    expect(await registry.getRegisteredModel('churn')).toEqual(created);
    expect(await failure(registry.createRegisteredModel({ name: 'churn' }))).toEqual({
      errorCode: 'RESOURCE_ALREADY_EXISTS',
      message: 'Registered Model (name=churn) already exists.',
    });
    expect((await failure(registry.createRegisteredModel({ name: ' ' }))).errorCode).toBe(
      'INVALID_PARAMETER_VALUE',
    );
    expect(await failure(registry.getRegisteredModel('missing'))).toEqual({
      errorCode: 'RESOURCE_DOES_NOT_EXIST',
      message: 'Registered Model with name=missing not found',
    });
  });

  it('renames a model with its versions, tags and aliases (rename_registered_model)', async () => {
    const { registry } = ctx.get();
    await registry.createRegisteredModel({ name: 'a', tags: [{ key: 't', value: '1' }] });
    await registry.createRegisteredModel({ name: 'other' });
    await registry.createModelVersion({ name: 'a', source: RUN_SOURCE, tags: [{ key: 'v', value: '1' }] });
    await registry.setRegisteredModelAlias('a', 'champion', '1');
    const renamed = await registry.renameRegisteredModel('a', 'b');
    expect(renamed).toMatchObject({
      name: 'b',
      tags: [{ key: 't', value: '1' }],
      aliases: [{ alias: 'champion', version: '1' }],
    });
    expect(await registry.getModelVersion('b', '1')).toMatchObject({
      name: 'b',
      tags: [{ key: 'v', value: '1' }],
      aliases: ['champion'],
    });
    expect((await failure(registry.getRegisteredModel('a'))).errorCode).toBe('RESOURCE_DOES_NOT_EXIST');
    expect((await failure(registry.renameRegisteredModel('b', 'other'))).errorCode).toBe(
      'RESOURCE_ALREADY_EXISTS',
    );
    expect((await failure(registry.renameRegisteredModel('missing', 'x'))).errorCode).toBe(
      'RESOURCE_DOES_NOT_EXIST',
    );
  });

  it('replaces and clears the description (update_registered_model)', async () => {
    const { registry } = ctx.get();
    await registry.createRegisteredModel({ name: 'm', description: 'old' });
    expect((await registry.updateRegisteredModel('m', 'new')).description).toBe('new');
    expect((await registry.updateRegisteredModel('m', undefined)).description).toBeUndefined();
  });

  it('deletes a model with its versions, tags and aliases; the name is reusable (delete_registered_model)', async () => {
    const { registry } = ctx.get();
    await registry.createRegisteredModel({ name: 'm', tags: [{ key: 't', value: '1' }] });
    await registry.createModelVersion({ name: 'm', source: RUN_SOURCE, tags: [{ key: 'v', value: '1' }] });
    await registry.setRegisteredModelAlias('m', 'champion', '1');
    await registry.deleteRegisteredModel('m');
    expect((await failure(registry.getModelVersion('m', '1'))).errorCode).toBe('RESOURCE_DOES_NOT_EXIST');
    expect((await registry.searchModelVersions({ filter: "name = 'm'" })).items).toEqual([]);
    const again = await registry.createRegisteredModel({ name: 'm' });
    expect(again).toMatchObject({ tags: [], aliases: [], latest_versions: [] });
    expect((await registry.createModelVersion({ name: 'm', source: RUN_SOURCE })).version).toBe('1');
    expect((await registry.createModelVersion({ name: 'm', source: RUN_SOURCE })).tags).toEqual([]);
    expect((await failure(registry.deleteRegisteredModel('missing'))).errorCode).toBe(
      'RESOURCE_DOES_NOT_EXIST',
    );
  });

  it('sets, overwrites and deletes model tags within the limits (set_registered_model_tag)', async () => {
    const { registry } = ctx.get();
    await registry.createRegisteredModel({ name: 'm' });
    await registry.setRegisteredModelTag('m', { key: 'k', value: 'v1' });
    await registry.setRegisteredModelTag('m', { key: 'k', value: 'v2' });
    expect((await registry.getRegisteredModel('m')).tags).toEqual([{ key: 'k', value: 'v2' }]);
    await registry.deleteRegisteredModelTag('m', 'k');
    await registry.deleteRegisteredModelTag('m', 'missing');
    expect((await registry.getRegisteredModel('m')).tags).toEqual([]);
    await registry.setRegisteredModelTag('m', { key: 'big', value: 'x'.repeat(100_000) });
    const tooLong = await failure(
      registry.setRegisteredModelTag('m', { key: 'big', value: 'x'.repeat(100_001) }),
    );
    expect(tooLong.errorCode).toBe('INVALID_PARAMETER_VALUE');
    expect((await failure(registry.setRegisteredModelTag('m', { key: '../x', value: 'v' }))).errorCode).toBe(
      'INVALID_PARAMETER_VALUE',
    );
    expect(
      (await failure(registry.setRegisteredModelTag('missing', { key: 'k', value: 'v' }))).errorCode,
    ).toBe('RESOURCE_DOES_NOT_EXIST');
  });
}

function describeModelVersions(open: OpenFreshRegistry): void {
  const ctx = useFreshRegistry(open);

  it('numbers versions max+1, READY, never reusing a deleted number (create_model_version)', async () => {
    const { registry } = ctx.get();
    await registry.createRegisteredModel({ name: 'm' });
    const v1 = await registry.createModelVersion({
      name: 'm',
      source: RUN_SOURCE,
      description: 'd',
      runLink: 'l',
    });
    expect(v1).toMatchObject({
      version: '1',
      status: 'READY',
      current_stage: 'None',
      description: 'd',
      run_link: 'l',
    });
    await registry.createModelVersion({ name: 'm', source: RUN_SOURCE });
    await registry.deleteModelVersion('m', '2');
    expect((await registry.createModelVersion({ name: 'm', source: RUN_SOURCE })).version).toBe('3');
    expect((await registry.getRegisteredModel('m')).last_updated_timestamp).toBeGreaterThanOrEqual(
      v1.creation_timestamp,
    );
    expect(
      (await failure(registry.createModelVersion({ name: 'missing', source: RUN_SOURCE }))).errorCode,
    ).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('gives 50 concurrent creators the numbers 1..50 exactly once (register_model in parallel)', async () => {
    const { registry } = ctx.get();
    await registry.createRegisteredModel({ name: 'm' });
    const created = await Promise.all(
      Array.from({ length: 50 }, () => registry.createModelVersion({ name: 'm', source: RUN_SOURCE })),
    );
    const numbers = created.map((v) => Number(v.version)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('interleaves tracking writes with version creation on one database (log_model + register_model)', async () => {
    const { registry, tracking } = ctx.get();
    await registry.createRegisteredModel({ name: 'm' });
    const exp = await tracking.createExperiment({ name: 'e' });
    const work = Array.from({ length: 20 }, async (_, i) => {
      const run = await tracking.createRun({ experimentId: exp });
      await tracking.logBatch(run.info.run_id, {
        metrics: [{ key: 'acc', value: i, timestamp: i, step: 0 }],
      });
      return registry.createModelVersion({
        name: 'm',
        source: `runs:/${run.info.run_id}/model`,
        runId: run.info.run_id,
      });
    });
    const created = await Promise.all(work);
    expect(new Set(created.map((v) => v.version)).size).toBe(20);
  });

  it('gets, updates and deletes a version, with MLflow messages (get_model_version, delete_model_version)', async () => {
    const { registry } = ctx.get();
    await registry.createRegisteredModel({ name: 'm' });
    await registry.createModelVersion({ name: 'm', source: RUN_SOURCE, description: 'v1' });
    expect((await registry.updateModelVersion('m', '1', 'best')).description).toBe('best');
    expect((await registry.updateModelVersion('m', '1', undefined)).description).toBe('');
    expect(await failure(registry.getModelVersion('m', 'abc'))).toEqual({
      errorCode: 'INVALID_PARAMETER_VALUE',
      message: "Parameter 'version' must be an integer, got 'abc'.",
    });
    await registry.deleteModelVersion('m', '1');
    expect(await failure(registry.getModelVersion('m', '1'))).toEqual({
      errorCode: 'RESOURCE_DOES_NOT_EXIST',
      message: 'Model Version (name=m, version=1) not found',
    });
    expect((await failure(registry.deleteModelVersion('m', '1'))).errorCode).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('sets, overwrites and deletes version tags (set_model_version_tag)', async () => {
    const { registry } = ctx.get();
    await registry.createRegisteredModel({ name: 'm' });
    await registry.createModelVersion({ name: 'm', source: RUN_SOURCE });
    await registry.setModelVersionTag('m', '1', { key: 'b', value: '1' });
    await registry.setModelVersionTag('m', '1', { key: 'a', value: '2' });
    await registry.setModelVersionTag('m', '1', { key: 'b', value: '3' });
    expect((await registry.getModelVersion('m', '1')).tags).toEqual([
      { key: 'a', value: '2' },
      { key: 'b', value: '3' },
    ]);
    await registry.deleteModelVersionTag('m', '1', 'a');
    await registry.deleteModelVersionTag('m', '1', 'missing');
    expect((await registry.getModelVersion('m', '1')).tags).toEqual([{ key: 'b', value: '3' }]);
    expect((await failure(registry.setModelVersionTag('m', '9', { key: 'k', value: 'v' }))).errorCode).toBe(
      'RESOURCE_DOES_NOT_EXIST',
    );
  });

  it('moves stages case-insensitively and archives the others on request (transition_model_version_stage)', async () => {
    const { registry } = ctx.get();
    await registry.createRegisteredModel({ name: 'm' });
    for (let i = 0; i < 3; i++) await registry.createModelVersion({ name: 'm', source: RUN_SOURCE });
    await registry.transitionModelVersionStage('m', '1', 'staging', false);
    await registry.transitionModelVersionStage('m', '2', 'Production', false);
    const moved = await registry.transitionModelVersionStage('m', '3', 'PRODUCTION', true);
    expect(moved.current_stage).toBe('Production');
    expect((await registry.getModelVersion('m', '2')).current_stage).toBe('Archived');
    expect((await registry.getModelVersion('m', '1')).current_stage).toBe('Staging');
    expect(await failure(registry.transitionModelVersionStage('m', '1', 'Foo', false))).toEqual({
      errorCode: 'INVALID_PARAMETER_VALUE',
      message: 'Invalid Model Version stage: Foo. Value must be one of None, Staging, Production, Archived.',
    });
    expect((await failure(registry.transitionModelVersionStage('m', '1', 'None', true))).errorCode).toBe(
      'INVALID_PARAMETER_VALUE',
    );
  });

  it('answers the highest version per stage (get_latest_versions)', async () => {
    const { registry } = ctx.get();
    await registry.createRegisteredModel({ name: 'm' });
    for (let i = 0; i < 4; i++) await registry.createModelVersion({ name: 'm', source: RUN_SOURCE });
    await registry.transitionModelVersionStage('m', '1', 'Production', false);
    await registry.transitionModelVersionStage('m', '2', 'Production', false);
    await registry.deleteModelVersion('m', '4');
    const production = await registry.getLatestVersions('m', ['production']);
    expect(production.map((v) => v.version)).toEqual(['2']);
    const all = await registry.getLatestVersions('m');
    expect(all.map((v) => [v.version, v.current_stage])).toEqual([
      ['2', 'Production'],
      ['3', 'None'],
    ]);
    expect((await registry.getRegisteredModel('m')).latest_versions.map((v) => v.version)).toEqual([
      '2',
      '3',
    ]);
    expect((await failure(registry.getLatestVersions('m', ['Bogus']))).errorCode).toBe(
      'INVALID_PARAMETER_VALUE',
    );
    expect((await failure(registry.getLatestVersions('missing'))).errorCode).toBe('RESOURCE_DOES_NOT_EXIST');
  });
}

function describeAliases(open: OpenFreshRegistry): void {
  const ctx = useFreshRegistry(open);

  it('sets, moves, resolves and deletes aliases (set_registered_model_alias, get_model_version_by_alias)', async () => {
    const { registry } = ctx.get();
    await registry.createRegisteredModel({ name: 'm' });
    for (let i = 0; i < 3; i++) await registry.createModelVersion({ name: 'm', source: RUN_SOURCE });
    await registry.setRegisteredModelAlias('m', 'champion', '1');
    await registry.setRegisteredModelAlias('m', 'challenger', '2');
    await registry.setRegisteredModelAlias('m', 'champion', '2');
    const byAlias = await registry.getModelVersionByAlias('m', 'champion');
    expect(byAlias).toMatchObject({ version: '2', aliases: ['challenger', 'champion'] });
    expect((await registry.getModelVersionByAlias('m', 'LATEST')).version).toBe('3');
    expect((await registry.getRegisteredModel('m')).aliases).toEqual([
      { alias: 'challenger', version: '2' },
      { alias: 'champion', version: '2' },
    ]);
    await registry.deleteRegisteredModelAlias('m', 'challenger');
    await registry.deleteRegisteredModelAlias('m', 'missing');
    expect(await failure(registry.getModelVersionByAlias('m', 'challenger'))).toEqual({
      errorCode: 'INVALID_PARAMETER_VALUE',
      message: 'Registered model alias challenger not found.',
    });
  });

  it('rejects reserved and malformed alias names, and missing versions', async () => {
    const { registry } = ctx.get();
    await registry.createRegisteredModel({ name: 'm' });
    await registry.createModelVersion({ name: 'm', source: RUN_SOURCE });
    expect((await failure(registry.setRegisteredModelAlias('m', 'Latest', '1'))).message).toBe(
      "'latest' alias name (case insensitive) is reserved.",
    );
    expect((await failure(registry.setRegisteredModelAlias('m', 'V12', '1'))).message).toBe(
      "Version alias name 'V12' is reserved.",
    );
    expect((await failure(registry.setRegisteredModelAlias('m', 'a b', '1'))).errorCode).toBe(
      'INVALID_PARAMETER_VALUE',
    );
    expect((await failure(registry.setRegisteredModelAlias('m', 'x'.repeat(256), '1'))).errorCode).toBe(
      'INVALID_PARAMETER_VALUE',
    );
    expect((await failure(registry.setRegisteredModelAlias('m', 'x', '99'))).errorCode).toBe(
      'RESOURCE_DOES_NOT_EXIST',
    );
  });

  it('drops the aliases of a deleted version (delete_model_version)', async () => {
    const { registry } = ctx.get();
    await registry.createRegisteredModel({ name: 'm' });
    await registry.createModelVersion({ name: 'm', source: RUN_SOURCE });
    await registry.setRegisteredModelAlias('m', 'champion', '1');
    await registry.deleteModelVersion('m', '1');
    expect((await registry.getRegisteredModel('m')).aliases).toEqual([]);
    expect((await failure(registry.getModelVersionByAlias('m', 'champion'))).errorCode).toBe(
      'INVALID_PARAMETER_VALUE',
    );
  });
}

/**
 * Registers the whole registry contract for one backend.
 *
 * @example describeRegistryStore('sqlite', openFresh);
 */
export function describeRegistryStore(name: string, open: OpenFreshRegistry): void {
  describe(`${name}: registered models`, () => describeRegisteredModels(open));
  describe(`${name}: model versions`, () => describeModelVersions(open));
  describe(`${name}: aliases`, () => describeAliases(open));
  describe(`${name}: sources`, () => describeRegistrySources(open));
  describe(`${name}: search`, () => describeRegistrySearch(open));
}

/**
 * search_registered_models and search_model_versions (search-grammar.md §4–5), for every backend.
 */
import { expect, it } from 'vitest';
import type { RegistryStore } from '../../src/store/registry-store.js';
import { failure } from './tracking-store.suite.js';
import { type OpenFreshRegistry, useFreshRegistry } from './registry.suite.js';

const RUN_A = '0123456789abcdef0123456789abcdef';
const RUN_B = 'fedcba9876543210fedcba9876543210';

async function seed(registry: RegistryStore): Promise<void> {
  await registry.createRegisteredModel({ name: 'reg-a', tags: [{ key: 'team', value: 'ml' }] });
  await registry.createRegisteredModel({ name: 'reg-B' });
  await registry.createRegisteredModel({ name: 'other', tags: [{ key: 'team', value: 'ops' }] });
  await registry.createRegisteredModel({
    name: 'prompt',
    tags: [{ key: 'mlflow.prompt.is_prompt', value: 'true' }],
  });
  for (const run of [RUN_A, RUN_B, RUN_A]) {
    await registry.createModelVersion({ name: 'reg-a', source: `runs:/${run}/model`, runId: run });
  }
  await registry.setModelVersionTag('reg-a', '2', { key: 'validated', value: 'true' });
  await registry.createModelVersion({ name: 'other', source: `runs:/${RUN_B}/model`, runId: RUN_B });
}

const names = (items: Array<{ name: string }>) => items.map((m) => m.name);
const versions = (items: Array<{ name: string; version: string }>) =>
  items.map((v) => `${v.name}/${v.version}`);

/**
 * Registers the search cases.
 *
 * @example describeRegistrySearch(openFresh);
 */
export function describeRegistrySearch(open: OpenFreshRegistry): void {
  const ctx = useFreshRegistry(open);

  it('filters models by name and tag, hiding prompts (search_registered_models)', async () => {
    const { registry } = ctx.get();
    await seed(registry);
    expect(names((await registry.searchRegisteredModels({})).items)).toEqual(['other', 'reg-B', 'reg-a']);
    expect(names((await registry.searchRegisteredModels({ filter: "name LIKE 'reg-%'" })).items)).toEqual([
      'reg-B',
      'reg-a',
    ]);
    expect(names((await registry.searchRegisteredModels({ filter: "name LIKE 'REG-%'" })).items)).toEqual([]);
    expect(names((await registry.searchRegisteredModels({ filter: "name ILIKE 'REG-%'" })).items)).toEqual([
      'reg-B',
      'reg-a',
    ]);
    expect(names((await registry.searchRegisteredModels({ filter: "tags.team = 'ml'" })).items)).toEqual([
      'reg-a',
    ]);
    expect(names((await registry.searchRegisteredModels({ filter: "tags.team != 'ml'" })).items)).toEqual([
      'other',
    ]);
    const prompts = await registry.searchRegisteredModels({
      filter: "tags.`mlflow.prompt.is_prompt` = 'true'",
    });
    expect(names(prompts.items)).toEqual(['prompt']);
    const notPrompts = await registry.searchRegisteredModels({
      filter: "tag.`mlflow.prompt.is_prompt` != 'true'",
    });
    expect(names(notPrompts.items)).toEqual(['other', 'reg-B', 'reg-a']);
  });

  it('orders and pages models (search_registered_models order_by, page_token)', async () => {
    const { registry } = ctx.get();
    await seed(registry);
    const byUpdate = await registry.searchRegisteredModels({ orderBy: ['last_updated_timestamp DESC'] });
    expect(names(byUpdate.items)[0]).toBe('other');
    const first = await registry.searchRegisteredModels({ maxResults: 2 });
    expect(names(first.items)).toEqual(['other', 'reg-B']);
    const second = await registry.searchRegisteredModels({
      maxResults: 2,
      pageToken: first.nextPageToken ?? '',
    });
    expect(names(second.items)).toEqual(['reg-a']);
    expect(second.nextPageToken).toBeUndefined();
  });

  it('rejects bad model filters, order keys, page tokens and sizes with 400s', async () => {
    const { registry } = ctx.get();
    const cases = [
      { filter: "name ~ 'x'" },
      { filter: 'version = 1' },
      { filter: "name IN ('a')" },
      { filter: "params.x = 'y'" },
      { orderBy: ['bogus'] },
      { pageToken: 'not a token' },
      { maxResults: 1001 },
    ];
    for (const input of cases) {
      expect((await failure(registry.searchRegisteredModels(input))).errorCode).toBe(
        'INVALID_PARAMETER_VALUE',
      );
    }
    expect((await failure(registry.searchRegisteredModels({ filter: "name ~ 'x'" }))).message).toBe(
      'Invalid comparator for attribute: ~',
    );
  });

  it('filters versions by name, run_id, tags and number (search_model_versions)', async () => {
    const { registry } = ctx.get();
    await seed(registry);
    const search = async (filter: string) =>
      versions((await registry.searchModelVersions({ filter, orderBy: ['name', 'version_number'] })).items);
    expect(await search("name = 'reg-a'")).toEqual(['reg-a/1', 'reg-a/2', 'reg-a/3']);
    expect(await search(`run_id = '${RUN_B}'`)).toEqual(['other/1', 'reg-a/2']);
    expect(await search(`run_id IN ('${RUN_A}', 'nope')`)).toEqual(['reg-a/1', 'reg-a/3']);
    expect(await search("name = 'reg-a' AND tags.validated = 'true'")).toEqual(['reg-a/2']);
    expect(await search('version_number > 1')).toEqual(['reg-a/2', 'reg-a/3']);
    expect(await search(`source_path LIKE 'runs:/${RUN_B}%'`)).toEqual(['other/1', 'reg-a/2']);
    await registry.deleteModelVersion('reg-a', '3');
    expect(await search("name = 'reg-a'")).toEqual(['reg-a/1', 'reg-a/2']);
  });

  it('orders and pages versions (search_model_versions order_by, page_token)', async () => {
    const { registry } = ctx.get();
    await seed(registry);
    const desc = await registry.searchModelVersions({
      filter: "name = 'reg-a'",
      orderBy: ['version_number DESC'],
    });
    expect(versions(desc.items)).toEqual(['reg-a/3', 'reg-a/2', 'reg-a/1']);
    const first = await registry.searchModelVersions({
      filter: "name = 'reg-a'",
      maxResults: 2,
      orderBy: ['version_number ASC'],
    });
    expect(versions(first.items)).toEqual(['reg-a/1', 'reg-a/2']);
    const second = await registry.searchModelVersions({
      filter: "name = 'reg-a'",
      maxResults: 2,
      orderBy: ['version_number ASC'],
      pageToken: first.nextPageToken ?? '',
    });
    expect(versions(second.items)).toEqual(['reg-a/3']);
    expect(second.nextPageToken).toBeUndefined();
    for (const input of [
      { filter: 'name = ' },
      { filter: "bogus = 'x'" },
      { orderBy: ['tags.x'] },
      { maxResults: 0 },
    ]) {
      expect((await failure(registry.searchModelVersions(input))).errorCode).toBe('INVALID_PARAMETER_VALUE');
    }
  });
}

/**
 * How version sources resolve to download URIs (registry-semantics.md §3, §7), for every backend.
 */
import { expect, it } from 'vitest';
import { failure } from './tracking-store.suite.js';
import { type OpenFreshRegistry, useFreshRegistry } from './registry.suite.js';

const RUN_SOURCE = 'runs:/0123456789abcdef0123456789abcdef/model';

/**
 * Registers the source-resolution cases.
 *
 * @example describeRegistrySources(openFresh);
 */
export function describeRegistrySources(open: OpenFreshRegistry): void {
  const ctx = useFreshRegistry(open);

  it('resolves models:/m-… to the logged model and records the version on it (register_model, MLflow 3)', async () => {
    const { registry, tracking } = ctx.get();
    const exp = await tracking.createExperiment({ name: 'e' });
    const run = (await tracking.createRun({ experimentId: exp })).info.run_id;
    const { info } = await tracking.createLoggedModel({ experimentId: exp, name: 'model', sourceRunId: run });
    await registry.createRegisteredModel({ name: 'm' });
    const v = await registry.createModelVersion({
      name: 'm',
      source: `models:/${info.model_id}`,
      modelId: info.model_id,
    });
    expect(v).toMatchObject({ source: `models:/${info.model_id}`, run_id: run });
    expect(await registry.getModelVersionDownloadUri('m', '1')).toBe(info.artifact_uri);
    await registry.createModelVersion({
      name: 'm',
      source: `models:/${info.model_id}`,
      modelId: info.model_id,
    });
    const tags = (await tracking.getLoggedModel(info.model_id)).info.tags;
    expect(tags).toContainEqual({
      key: 'mlflow.modelVersions',
      value: '[{"name": "m", "version": 1}, {"name": "m", "version": 2}]',
    });
    expect(
      (await failure(registry.createModelVersion({ name: 'm', source: `models:/m-${'0'.repeat(32)}` })))
        .errorCode,
    ).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('keeps runs:/ sources verbatim and copies a version by its location (copy_model_version)', async () => {
    const { registry } = ctx.get();
    await registry.createRegisteredModel({ name: 'src' });
    await registry.createModelVersion({
      name: 'src',
      source: RUN_SOURCE,
      tags: [{ key: 'v', value: '1' }],
      description: 'best',
    });
    expect(await registry.getModelVersionDownloadUri('src', '1')).toBe(RUN_SOURCE);
    const copy = await registry.copyModelVersion('src', '1', 'dst');
    expect(copy).toMatchObject({
      name: 'dst',
      version: '1',
      source: 'models:/src/1',
      description: 'best',
      tags: [{ key: 'v', value: '1' }],
    });
    expect(await registry.getModelVersionDownloadUri('dst', '1')).toBe(RUN_SOURCE);
    expect((await registry.copyModelVersion('src', '1', 'dst')).version).toBe('2');
    const bad = await failure(registry.createModelVersion({ name: 'dst', source: 'models:/src/9' }));
    expect(bad.errorCode).toBe('INVALID_PARAMETER_VALUE');
  });
}

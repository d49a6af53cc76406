import type { ModelVersion, RegisteredModel } from '../../../../src/client/registry-client.js';

/** The registry's stages, in the order MLflow lists them. */
export const STAGES = ['None', 'Staging', 'Production', 'Archived'] as const;
export type Stage = (typeof STAGES)[number];

/** Stages that keep a model or version from being deleted (MLflow's rule). */
export const isActiveStage = (stage: string | undefined): boolean =>
  stage === 'Staging' || stage === 'Production';

/** The stage a version reports, `None` when the server leaves it out. */
export const stageOf = (version: Pick<ModelVersion, 'current_stage'>): string =>
  version.current_stage ?? 'None';

/**
 * The newest version of a model. `latest_versions` holds the newest version per stage, so its
 * highest number is the newest version overall (a deleted newest version is gone from it too).
 */
export function latestVersion(model: RegisteredModel): ModelVersion | undefined {
  let best: ModelVersion | undefined;
  for (const v of model.latest_versions ?? [])
    if (!best || Number(v.version) > Number(best.version)) best = v;
  return best;
}

/** The newest version in `stage`, from `latest_versions`. */
export const latestInStage = (model: RegisteredModel, stage: Stage): ModelVersion | undefined =>
  (model.latest_versions ?? []).find((v) => stageOf(v) === stage);

/** Versions of a model that sit in Staging or Production, newest first. */
export const activeVersions = (model: RegisteredModel): string[] =>
  (model.latest_versions ?? [])
    .filter((v) => isActiveStage(v.current_stage))
    .map((v) => v.version)
    .sort((a, b) => Number(b) - Number(a));

/** The model's aliases sorted by name, as `{ alias, version }`. */
export const sortedAliases = (model: RegisteredModel): { alias: string; version: string }[] =>
  [...(model.aliases ?? [])].sort((a, b) => a.alias.localeCompare(b.alias));

/**
 * Aliases per version number. `model-versions/search` does not return aliases (as in MLflow), so
 * the versions table takes them from the registered model.
 */
export function aliasesByVersion(model: RegisteredModel): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { alias, version } of sortedAliases(model))
    map.set(version, [...(map.get(version) ?? []), alias]);
  return map;
}

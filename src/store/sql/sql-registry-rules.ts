import { MlflowError } from '../../core/mlflow-error.js';
import type { ModelVersionStage } from '../registry-store.js';
import { checkLength, validateKey } from './validation.js';

const STAGES: readonly ModelVersionStage[] = ['None', 'Staging', 'Production', 'Archived'];
const ALIAS_CHARS = /^[\w-]*$/u;
export const MAX_REGISTRY_TAG_VALUE = 100_000;
export const MAX_ALIAS_LENGTH = 255;

function bad(message: string): MlflowError {
  return new MlflowError(message, 'INVALID_PARAMETER_VALUE');
}

/**
 * MLflow's error for an unknown registered model.
 *
 * @example throw noRegisteredModel('churn');
 */
export function noRegisteredModel(name: string): MlflowError {
  return new MlflowError(`Registered Model with name=${name} not found`, 'RESOURCE_DOES_NOT_EXIST');
}

/**
 * MLflow's error for an unknown (or deleted) model version.
 *
 * @example throw noModelVersion('churn', 3);
 */
export function noModelVersion(name: string, version: number | string): MlflowError {
  return new MlflowError(
    `Model Version (name=${name}, version=${version}) not found`,
    'RESOURCE_DOES_NOT_EXIST',
  );
}

/**
 * MLflow's error for a duplicate registered model name.
 *
 * @example throw modelExists('churn');
 */
export function modelExists(name: string): MlflowError {
  return new MlflowError(`Registered Model (name=${name}) already exists.`, 'RESOURCE_ALREADY_EXISTS');
}

/**
 * A version number as text → integer, with MLflow's message.
 *
 * @example parseVersion('3') // 3
 */
export function parseVersion(version: string): number {
  const text = version.trim();
  if (!/^[-+]?\d{1,15}$/.test(text)) throw bad(`Parameter 'version' must be an integer, got '${version}'.`);
  return Number(text);
}

/**
 * A stage name matched case-insensitively to its canonical form.
 *
 * @example parseStage('production') // 'Production'
 */
export function parseStage(stage: string): ModelVersionStage {
  const found = STAGES.find((s) => s.toLowerCase() === stage.trim().toLowerCase());
  if (found === undefined) {
    throw bad(`Invalid Model Version stage: ${stage}. Value must be one of ${STAGES.join(', ')}.`);
  }
  return found;
}

/**
 * The four stages, for "all stages" queries.
 *
 * @example allStages().length // 4
 */
export function allStages(): ModelVersionStage[] {
  return [...STAGES];
}

/**
 * Checks a registered model name: non-empty, no leading/trailing space.
 *
 * @example validateModelName('') // throws
 */
export function validateModelName(name: string, parameter = 'name'): void {
  if (name.trim() === '') throw bad(`Missing value for required parameter '${parameter}'.`);
  checkLength(parameter, name, 256);
}

/**
 * Checks a registry tag (model or version): key rules of runs, value ≤ 100 000 chars.
 *
 * @example validateRegistryTag({ key: 'team', value: 'ml' })
 */
export function validateRegistryTag(tag: { key: string; value: string }): void {
  validateKey(tag.key);
  checkLength('value', tag.value, MAX_REGISTRY_TAG_VALUE);
}

/**
 * Checks an alias on set: characters, length, and the reserved `latest` and `v<digits>` names.
 *
 * @example validateAlias('champion')
 */
export function validateAlias(alias: string): void {
  if (alias === '') throw bad("Missing value for required parameter 'alias'.");
  if (!ALIAS_CHARS.test(alias)) {
    throw bad(
      `Invalid alias name: '${alias}'. Names may only contain alphanumerics, underscores (_), and dashes (-).`,
    );
  }
  checkLength('alias', alias, MAX_ALIAS_LENGTH);
  if (alias.toLowerCase() === 'latest') throw bad("'latest' alias name (case insensitive) is reserved.");
  if (/^[vV]\d+$/.test(alias)) throw bad(`Version alias name '${alias}' is reserved.`);
}

import { posix } from 'node:path';
import { MlflowError } from '../../core/mlflow-error.js';

// MLflow's rules for metric/param/tag keys (mlflow/utils/validation.py): word characters plus `-./ :`.
const KEY_CHARS = /^[\w\-./ :]+$/u;
export const MAX_KEY_LENGTH = 250;
export const MAX_PARAM_VALUE_LENGTH = 6000;
export const MAX_RUN_TAG_VALUE_LENGTH = 8000;
export const MAX_EXPERIMENT_TAG_VALUE_LENGTH = 5000;
export const MAX_EXPERIMENT_NAME_LENGTH = 500;

function bad(message: string): MlflowError {
  return new MlflowError(message, 'INVALID_PARAMETER_VALUE');
}

/**
 * Checks a metric, param or tag key the way MLflow does, with its messages.
 *
 * @example validateKey('bad key!') // throws INVALID_PARAMETER_VALUE
 */
export function validateKey(key: string, parameter = 'key'): void {
  if (key === '') throw bad(`Missing value for required parameter '${parameter}'.`);
  if (!KEY_CHARS.test(key)) {
    throw bad(
      `Invalid value "${key}" for parameter '${parameter}' supplied: Names may only contain alphanumerics, ` +
        'underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).',
    );
  }
  const normalized = posix.normalize(key);
  if (normalized !== key || key.startsWith('/') || key === '.' || normalized.startsWith('..')) {
    throw bad(
      `Invalid value "${key}" for parameter '${parameter}' supplied: Names may be treated as files in certain ` +
        `cases, and must not resolve to other names when treated as such. This name would resolve to '${normalized}'`,
    );
  }
  checkLength(parameter, key, MAX_KEY_LENGTH);
}

/**
 * Rejects a value longer than its limit with MLflow's message.
 *
 * @example checkLength('name', 'x'.repeat(501), 500) // throws
 */
export function checkLength(what: string, value: string, limit: number): void {
  if (value.length > limit) {
    throw bad(
      `'${what}' exceeds the maximum length of ${limit} characters` +
        ` (got ${value.length}): '${value.slice(0, 250)}'`,
    );
  }
}

/** Truncates a value to MLflow's limit (params and run tags are truncated, not rejected). */
export function truncate(value: string, limit: number): string {
  return value.length > limit ? value.slice(0, limit) : value;
}

/**
 * Checks a metric point: finite or non-finite number, non-negative integer timestamp, integer step.
 *
 * @example validateMetric({ key: 'acc', value: 1, timestamp: 0, step: 0 })
 */
export function validateMetric(metric: {
  key: string;
  value: number;
  timestamp: number;
  step: number;
}): void {
  validateKey(metric.key);
  if (typeof metric.value !== 'number') {
    throw bad(
      `Got invalid value ${String(metric.value)} for metric '${metric.key}' (timestamp=${metric.timestamp}).`,
    );
  }
  if (!Number.isInteger(metric.timestamp) || metric.timestamp < 0) {
    throw bad(
      `Got invalid timestamp ${metric.timestamp} for metric '${metric.key}' (value=${metric.value}).`,
    );
  }
  if (!Number.isInteger(metric.step)) {
    throw bad(`Got invalid step ${metric.step} for metric '${metric.key}' (value=${metric.value}).`);
  }
}

/**
 * Checks an experiment's artifact location: at most 2048 characters, no URL fragment or params.
 *
 * @example validateArtifactLocation('s3://bucket/path')
 */
export function validateArtifactLocation(location: string): void {
  if (location.length > 2048) {
    throw bad(
      `Invalid artifact path length. The length of the artifact location cannot be greater than 2048 characters.`,
    );
  }
  if (location.includes('#') || /;[^/]*$/.test(location.split('?')[0] ?? '')) {
    throw bad(`'artifact_location' URL can't include fragments or params.`);
  }
  const query = location.split('?')[1];
  if (query !== undefined && decodeURIComponent(query).includes('..')) {
    throw bad(`'artifact_location' URL can't include '..' in query.`);
  }
}

/** Joins an artifact root and a relative part with exactly one slash (`mlflow-artifacts:/` + `1`). */
export function joinArtifactUri(root: string, ...parts: string[]): string {
  return [root.replace(/\/+$/, ''), ...parts].join('/');
}

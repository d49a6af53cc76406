import { MlflowError } from '../../../core/mlflow-error.js';
import { NdArray } from './numpy/nd-array.js';
import { allowlistResolver } from './pickle/allowlist.js';
import { PyInstance } from './pickle/py-object.js';
import { readPickle } from './pickle/read-pickle.js';
import type { Estimator } from './estimators/estimator.js';
import { buildEstimator, SKLEARN_CLASSES } from './estimators/estimator-registry.js';

// numpy's random generators and scalar types appear as plain data inside estimators (a fitted
// random state, a `dtype=np.float64` parameter); they are built as inert records, never called.
const OTHER_CLASSES = new Set([
  'numpy.random._pickle.__randomstate_ctor',
  'numpy.random._pickle.__bit_generator_ctor',
  'numpy.random._pickle.__generator_ctor',
  'numpy.random.mtrand.RandomState',
  'numpy.random._mt19937.MT19937',
  'numpy.random._pcg64.PCG64',
  'numpy.random.bit_generator.SeedSequence',
  ...['float64', 'float32', 'int64', 'int32', 'uint8', 'bool_', 'object_', 'str_'].map((t) => `numpy.${t}`),
]);

/** A loaded sklearn pickle: the estimator and the feature names it was fitted with. */
export interface SklearnModel {
  readonly estimator: Estimator;
  readonly featureNames: readonly string[] | null;
}

function featureNamesOf(v: unknown): readonly string[] | null {
  if (!(v instanceof PyInstance)) return null;
  const names = v.attr('feature_names_in_');
  if (names instanceof NdArray) return names.toArray().map(String);
  // A Pipeline's names are those of its first step.
  const steps = v.attr('steps');
  if (Array.isArray(steps) && Array.isArray(steps[0])) return featureNamesOf((steps[0] as unknown[])[1]);
  return null;
}

/**
 * Reads a scikit-learn pickle safely and rebuilds its estimator.
 *
 * @example const { estimator } = loadSklearnModel(await readFile('model.pkl'), 'model.pkl');
 */
export function loadSklearnModel(bytes: Uint8Array, file: string): SklearnModel {
  const root = readPickle(bytes, file, allowlistResolver(SKLEARN_CLASSES, OTHER_CLASSES, file));
  try {
    return { estimator: buildEstimator(root), featureNames: featureNamesOf(root) };
  } catch (e) {
    if (e instanceof MlflowError && e.file !== undefined) throw e;
    // Anything else (even a stack overflow from a self-referencing pipeline) names the file.
    const code = e instanceof MlflowError ? e.errorCode : 'BAD_REQUEST';
    throw new MlflowError(`Cannot load ${file}: ${(e as Error).message}`, code, { file, cause: e });
  }
}

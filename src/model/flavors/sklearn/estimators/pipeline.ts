import { MlflowError } from '../../../../core/mlflow-error.js';
import type { PyInstance } from '../pickle/py-object.js';
import { listAttr } from './attrs.js';
import type { Estimator } from './estimator.js';
import type { Features } from './features.js';

/** Builds a nested estimator from its pickled form. */
export type BuildEstimator = (v: unknown) => Estimator;

function isPassthrough(v: unknown): boolean {
  return v === null || v === 'passthrough';
}

function transformWith(step: Estimator, x: Features): Features {
  if (!step.transform)
    throw new MlflowError(`Pipeline step ${step.name} has no transform.`, 'INVALID_PARAMETER_VALUE');
  return step.transform(x);
}

/**
 * Pipeline: every step but the last transforms, the last one predicts (or transforms).
 *
 * @example pipeline(inst, buildEstimator).predict?.(x)
 */
export function pipeline(inst: PyInstance, build: BuildEstimator): Estimator {
  const steps = listAttr(inst, 'steps').map((s) => (Array.isArray(s) ? (s as unknown[])[1] : s));
  const last = steps.pop();
  const head = steps.filter((s) => !isPassthrough(s)).map(build);
  const final = isPassthrough(last) ? null : build(last);
  const run = (x: Features): Features => head.reduce((acc, s) => transformWith(s, acc), x);
  const est: Estimator = {
    name: 'Pipeline',
    transform: (x) => (final ? transformWith(final, run(x)) : run(x)),
  };
  const predict = final?.predict?.bind(final);
  const predictProba = final?.predictProba?.bind(final);
  const decisionFunction = final?.decisionFunction?.bind(final);
  if (predict) est.predict = (x) => predict(run(x));
  if (predictProba) est.predictProba = (x) => predictProba(run(x));
  if (decisionFunction) est.decisionFunction = (x) => decisionFunction(run(x));
  return est;
}

/**
 * FunctionTransformer, only where it is the identity (no `func`); a `func` could only be Python code.
 *
 * @example functionTransformer(inst).transform?.(x) // x
 */
export function functionTransformer(inst: PyInstance): Estimator {
  if (inst.attr('func') !== null && inst.attr('func') !== undefined)
    throw new MlflowError(
      'FunctionTransformer with a func cannot be loaded: it would run Python code.',
      'NOT_IMPLEMENTED',
    );
  return { name: 'FunctionTransformer', transform: (x) => x };
}

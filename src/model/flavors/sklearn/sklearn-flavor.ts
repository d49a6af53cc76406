import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MlflowError } from '../../../core/mlflow-error.js';
import type { Flavor, FlavorLoadRequest, FlavorModel } from '../../flavor.js';
import { loadSklearnModel } from './load-sklearn-model.js';
import { sklearnPredictFn } from './sklearn-predict-fn.js';

function predictFnOf(request: FlavorLoadRequest): string {
  const pyfunc = request.mlmodel.flavors.python_function as Record<string, unknown> | undefined;
  const fn = pyfunc?.predict_fn;
  return typeof fn === 'string' ? fn : 'predict';
}

async function readModelFile(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (cause) {
    throw new MlflowError(`Cannot read ${path}: ${(cause as Error).message}`, 'RESOURCE_DOES_NOT_EXIST', {
      file: path,
      cause,
    });
  }
}

/**
 * Loads scikit-learn models saved by `mlflow.sklearn`: the pickle is read as data through an
 * allowlist, rebuilt as TypeScript estimators, and `python_function.predict_fn` is honoured.
 *
 * @example const model = await loadModel('./sklearn_logreg'); await model.predict(df);
 */
export const sklearnFlavor: Flavor = {
  name: 'sklearn',
  capabilities: { predict: true, predictStream: false },
  async load(request: FlavorLoadRequest): Promise<FlavorModel> {
    const config = request.flavorConfig;
    const format =
      typeof config.serialization_format === 'string' ? config.serialization_format : 'cloudpickle';
    const mlmodel = join(request.modelDir, 'MLmodel');
    if (format !== 'cloudpickle' && format !== 'pickle')
      throw new MlflowError(
        `The sklearn serialization format '${format}' is not supported.`,
        'NOT_IMPLEMENTED',
        {
          file: mlmodel,
        },
      );
    const name = typeof config.pickled_model === 'string' ? config.pickled_model : 'model.pkl';
    const path = join(request.modelDir, name);
    const model = loadSklearnModel(await readModelFile(path), path);
    const predict = sklearnPredictFn(model, predictFnOf(request), mlmodel);
    return { predict: (input) => predict(input), unwrap: () => model.estimator };
  },
};

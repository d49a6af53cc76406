import { MlflowError } from '../../../core/mlflow-error.js';
import { Tensor } from '../../../data/tensor.js';
import type { Flavor, FlavorLoadRequest, FlavorModel } from '../../flavor.js';
import { toFeatureMatrix } from '../trees/feature-matrix.js';
import { modelFileError, modelFilePath, readModelFile } from '../trees/model-file.js';
import { type LightGBMModel, readLightGBMModel } from './lightgbm-model.js';
import { UnknownLightGBMObjectiveError } from './lightgbm-objective.js';
import { parseLightGBMText } from './lightgbm-text.js';

const LIBRARY = 'LightGBM';

/**
 * Reads a LightGBM text model file (`model.lgb`); any problem is an MlflowError naming the file and the reason.
 *
 * @example const model = await loadLightGBMModelFile('/models/lgb/model.lgb');
 */
export async function loadLightGBMModelFile(file: string): Promise<LightGBMModel> {
  const bytes = await readModelFile(LIBRARY, file);
  try {
    return readLightGBMModel(parseLightGBMText(bytes.toString('utf8')));
  } catch (cause) {
    if (cause instanceof UnknownLightGBMObjectiveError)
      throw new MlflowError(
        `LightGBM model file ${file} uses the objective '${cause.objective}', which Modeldock cannot run.`,
        'INVALID_PARAMETER_VALUE',
        { file, cause },
      );
    throw modelFileError(LIBRARY, file, (cause as Error).message, cause);
  }
}

/**
 * `Booster.predict(input)` as MLflow's lightgbm pyfunc calls it: features by position, float64
 * scores through the objective's link; shape (n,) or (n, classes).
 *
 * @example lightgbmPredict(model, frame, 'model.lgb')
 */
export function lightgbmPredict(model: LightGBMModel, input: unknown, file: string): Tensor {
  const x = toFeatureMatrix(input, {
    featureNames: null,
    featureCount: model.featureNames.length,
    float32: false,
    what: `LightGBM model ${file}`,
  });
  const scores = model.ensemble.predictRaw(x) as Float64Array;
  if (model.averageOutput) {
    const iterations = Math.max(1, model.ensemble.treeCount / model.outputs);
    for (let i = 0; i < scores.length; i++) scores[i] = (scores[i] as number) / iterations;
  }
  model.link(scores, x.rows, model.outputs);
  return new Tensor('float64', model.outputs === 1 ? [x.rows] : [x.rows, model.outputs], scores);
}

async function load(request: FlavorLoadRequest): Promise<FlavorModel> {
  const modelClass = request.flavorConfig.model_class;
  if (typeof modelClass === 'string' && modelClass !== 'lightgbm.basic.Booster')
    throw new MlflowError(
      `Model ${request.uri} holds a ${modelClass}, which MLflow pickles; Modeldock's lightgbm flavor loads ` +
        `lightgbm.basic.Booster models saved in LightGBM's text format.`,
      'NOT_IMPLEMENTED',
      { field: 'flavors.lightgbm.model_class' },
    );
  const file = modelFilePath(request, LIBRARY, 'model.lgb');
  const model = await loadLightGBMModelFile(file);
  return { predict: (input) => lightgbmPredict(model, input, file), unwrap: () => model };
}

/**
 * The `lightgbm` flavor: runs LightGBM Boosters that Python's `mlflow.lightgbm` saved (`model.lgb`), in TypeScript.
 *
 * @example new FlavorRegistry([lightgbmFlavor]);
 */
export const lightgbmFlavor: Flavor = {
  name: 'lightgbm',
  capabilities: { predict: true, predictStream: false },
  load,
};

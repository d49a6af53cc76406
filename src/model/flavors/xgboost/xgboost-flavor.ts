import { extname } from 'node:path';
import { MlflowError } from '../../../core/mlflow-error.js';
import { parsePythonJson } from '../../../core/python-json-parse.js';
import type { Flavor, FlavorLoadRequest, FlavorModel } from '../../flavor.js';
import { modelFileError, modelFilePath, readModelFile } from '../trees/model-file.js';
import { decodeUbjson } from './ubjson.js';
import { readLegacyXGBoost } from './xgboost-legacy-binary.js';
import { XGBoostPredictor } from './xgboost-predictor.js';
import { readXGBoostModel, type XGBoostModel } from './xgboost-model.js';
import { UnknownObjectiveError } from './xgboost-objective.js';

const LIBRARY = 'XGBoost';

function decode(bytes: Buffer, format: string): unknown {
  if (format === 'json') return parsePythonJson(bytes.toString('utf8'), Number);
  if (format === 'ubj') return decodeUbjson(bytes);
  // MLflow's model_format "xgb" (and any other extension, in XGBoost < 2) is the legacy binary format.
  return readLegacyXGBoost(bytes);
}

/**
 * Reads an XGBoost model file (JSON, UBJSON or the legacy binary format) into an {@link XGBoostModel}; any problem is an
 * MlflowError that names the file and the reason.
 *
 * @example const model = await loadXGBoostModelFile('/models/xgb/model.ubj');
 */
export async function loadXGBoostModelFile(file: string, format?: string): Promise<XGBoostModel> {
  const bytes = await readModelFile(LIBRARY, file);
  const fmt = format ?? extname(file).slice(1);
  try {
    return readXGBoostModel(decode(bytes, fmt));
  } catch (cause) {
    if (cause instanceof UnknownObjectiveError)
      throw new MlflowError(
        `XGBoost model file ${file} uses the objective '${cause.objective}', which Modeldock cannot run.`,
        'INVALID_PARAMETER_VALUE',
        { file, cause },
      );
    throw modelFileError(LIBRARY, file, (cause as Error).message, cause);
  }
}

async function load(request: FlavorLoadRequest): Promise<FlavorModel> {
  const config = request.flavorConfig;
  const format = typeof config.model_format === 'string' ? config.model_format : undefined;
  const file = modelFilePath(request, LIBRARY, `model.${format ?? 'ubj'}`);
  const model = await loadXGBoostModelFile(file, format);
  const modelClass = typeof config.model_class === 'string' ? config.model_class : 'xgboost.core.Booster';
  const predictor = new XGBoostPredictor(model, modelClass, file);
  return { predict: (input, params) => predictor.predict(input, params), unwrap: () => model };
}

/**
 * The `xgboost` flavor: runs Booster and sklearn-API models that Python's `mlflow.xgboost` saved,
 * from their JSON or UBJSON model file, in TypeScript.
 *
 * @example new FlavorRegistry([xgboostFlavor]);
 */
export const xgboostFlavor: Flavor = {
  name: 'xgboost',
  capabilities: { predict: true, predictStream: false },
  load,
};

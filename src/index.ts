/**
 * Modeldock's public API: the MLflow Model format, signatures and the in-memory data model.
 * Everything a user may import from `modeldock` is exported here and nowhere else.
 */
export { MlflowError, type MlflowErrorOptions } from './core/mlflow-error.js';
export { type ErrorCode, httpStatusOf } from './core/error-codes.js';
export { Column, type ColumnLabel } from './data/column.js';
export { DataFrame } from './data/data-frame.js';
export { Tensor, type TensorMap } from './data/tensor.js';
export type { DType, NumericDType } from './data/dtype.js';
export type * from './schema/types.js';
export type { Issue, IssueCode, Result } from './schema/result.js';
export {
  paramSchemaFromJson,
  paramSchemaToJson,
  schemaFromJson,
  schemaToJson,
  signatureFromDict,
  signatureToDict,
} from './schema/codec.js';
export { Model, type ModelInit, MODELDOCK_MLFLOW_VERSION, MLMODEL_FILE_NAME } from './model/mlmodel.js';
export type { FlavorConfig, RawSignatureDict } from './model/mlmodel-fields.js';
export {
  type InputExampleType,
  INPUT_EXAMPLE_TYPES,
  type SavedInputExampleInfo,
} from './model/saved-input-example-info.js';
export {
  INPUT_EXAMPLE_FILE,
  type InputExample,
  type InputExampleWithParams,
  loadInputExample,
  type LoadedInputExample,
  saveInputExample,
  SERVING_INPUT_EXAMPLE_FILE,
} from './model/input-example.js';
export {
  enforceInput,
  enforceParams,
  enforceSignature,
  enforcementError,
  formatEnforcementError,
  formatParamsError,
  unwrapEnforced,
  type Enforced,
  type EnforcedCall,
  type EnforcedInput,
  type EnforcementErrorOptions,
} from './schema/enforce.js';
export { inferSchema, inferSignature } from './schema/infer.js';
export { inferParamSchema } from './schema/infer-params.js';
export { colSpecRepr, colTypeRepr, paramSpecRepr, schemaRepr, tensorSpecRepr } from './schema/repr.js';
export { columnFromValues, frameFromColumns, frameFromRecords } from './data/from-js.js';
export { frameFromArrow, frameToArrow, isArrowTable } from './data/arrow.js';
export { PyFloat } from './core/python-json.js';
export { loadModel, type LoadModelOptions } from './model/load-model.js';
export { builtInFlavors } from './model/flavors/built-in-flavors.js';
export { saveModel, type SaveModelOptions } from './model/save-model.js';
export { LoadedModel } from './model/loaded-model.js';
export type { Flavor, FlavorCapabilities, FlavorLoadRequest, FlavorModel } from './model/flavor.js';
export { FlavorRegistry } from './model/flavor-registry.js';
export { localUriResolver, resolveModelUri, type ModelUriResolver } from './model/model-uri.js';
export type { CustomModel, CustomModelClass, ModelContext } from './model/flavors/node/custom-model.js';
export { NODE_FLAVOR } from './model/flavors/node/node-flavor-config.js';
export { getModelInfo, type ModelInfo } from './model/model-info.js';
export { predictionsJson } from './model/predictions-json.js';
export {
  MlflowClient,
  type MlflowClientOptions,
  trackingResolvers,
  trackingUriFromEnv,
} from './client/index.js';
export { createScoringServer, scoringListener } from './scoring/scoring-server.js';
export { ScoringApp, type ScoringOptions } from './scoring/scoring-app.js';

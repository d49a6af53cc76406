/**
 * The JSON codec for signatures, byte-compatible with MLflow (STUB: being implemented).
 */
import { MlflowError } from '../core/mlflow-error.js';
import type { ModelSignature, ParamSchema, Schema, SignatureDict } from './types.js';

/** Decodes the `signature` mapping of an MLmodel file. */
export function signatureFromDict(_dict: SignatureDict): ModelSignature {
  throw new MlflowError('not implemented yet', 'NOT_IMPLEMENTED');
}
/** Encodes a signature as the `signature` mapping MLflow writes into MLmodel. */
export function signatureToDict(_signature: ModelSignature): SignatureDict {
  throw new MlflowError('not implemented yet', 'NOT_IMPLEMENTED');
}
/** Decodes one schema from its JSON string (or the parsed array). */
export function schemaFromJson(_json: string | readonly unknown[]): Schema {
  throw new MlflowError('not implemented yet', 'NOT_IMPLEMENTED');
}
/** Encodes one schema as MLflow's JSON string. */
export function schemaToJson(_schema: Schema): string {
  throw new MlflowError('not implemented yet', 'NOT_IMPLEMENTED');
}
export function paramSchemaFromJson(_json: string | readonly unknown[]): ParamSchema {
  throw new MlflowError('not implemented yet', 'NOT_IMPLEMENTED');
}
export function paramSchemaToJson(_params: ParamSchema): string {
  throw new MlflowError('not implemented yet', 'NOT_IMPLEMENTED');
}

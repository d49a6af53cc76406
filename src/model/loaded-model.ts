import { MlflowError } from '../core/mlflow-error.js';
import { frameFromArrowTable, looksLikeArrowTable } from '../data/arrow-ipc.js';
import { enforceSignature, unwrapEnforced } from '../schema/enforce.js';
import { typePlainInput } from '../schema/plain-input.js';
import type { ModelSignature } from '../schema/types.js';
import type { FlavorModel } from './flavor.js';
import type { Model } from './mlmodel.js';

/** Arrow tables carry their own types; they become frames at this boundary (without an await for anything else). */
function fromArrow(input: unknown): unknown {
  return looksLikeArrowTable(input) ? frameFromArrowTable(input) : input;
}

/**
 * One loaded model of any flavor, as MLflow's `PyFuncModel`: `predict` enforces the signature, then
 * hands the converted input and params to the flavor. One instance serves any number of concurrent calls.
 *
 * @example const model = await loadModel('models/iris'); await model.predict([{ sepal_length: 5.1, ... }]);
 */
export class LoadedModel {
  constructor(
    /** The model's MLmodel file. */
    readonly metadata: Model,
    readonly signature: ModelSignature | null,
    private readonly impl: FlavorModel,
  ) {}

  /** Input and params after signature enforcement; what the flavor will receive. */
  prepare(
    input: unknown,
    params?: Readonly<Record<string, unknown>>,
  ): { input: unknown; params: Record<string, unknown> } {
    const schema = this.signature?.inputs ?? null;
    return unwrapEnforced(
      enforceSignature(this.signature, typePlainInput(schema, input), params ?? {}),
      schema,
    );
  }

  /** Enforces the signature, then predicts. Rejected input is an MlflowError with INVALID_PARAMETER_VALUE. */
  async predict(input: unknown, params?: Readonly<Record<string, unknown>>): Promise<unknown> {
    const value = fromArrow(input);
    const prepared = this.prepare(value instanceof Promise ? await value : value, params);
    return this.impl.predict(prepared.input, prepared.params);
  }

  /** Streams predictions, for flavors and models that support it. */
  async *predictStream(input: unknown, params?: Readonly<Record<string, unknown>>): AsyncIterable<unknown> {
    if (!this.impl.predictStream)
      throw new MlflowError('This model does not support predictStream.', 'INVALID_PARAMETER_VALUE');
    const value = fromArrow(input);
    const prepared = this.prepare(value instanceof Promise ? await value : value, params);
    yield* this.impl.predictStream(prepared.input, prepared.params);
  }

  /** True when `predictStream` is available. */
  get streamable(): boolean {
    return this.impl.predictStream !== undefined;
  }

  /** The underlying object: the custom model instance, an ONNX session, a booster. */
  unwrap(): unknown {
    return this.impl.unwrap();
  }
}

import type { ModelSignature } from '../schema/types.js';
import type { Model } from './mlmodel.js';

/** What a flavor can do, declared rather than checked by name. */
export interface FlavorCapabilities {
  /** It can load a saved folder and predict. */
  readonly predict: boolean;
  /** Its loaded models may stream predictions. */
  readonly predictStream: boolean;
}

/** Everything a flavor needs to load one model folder. */
export interface FlavorLoadRequest {
  /** The model's URI as the user gave it, for error messages. */
  readonly uri: string;
  /** The local folder that holds the MLmodel file. */
  readonly modelDir: string;
  readonly mlmodel: Model;
  /** This flavor's section of `flavors` in MLmodel. */
  readonly flavorConfig: Readonly<Record<string, unknown>>;
  /** The model config: the saved one, overridden by `loadModel`'s `modelConfig` option. */
  readonly modelConfig: Readonly<Record<string, unknown>>;
  readonly signature: ModelSignature | null;
}

/** A model as a flavor loaded it: input is already enforced against the signature when it arrives. */
export interface FlavorModel {
  predict(input: unknown, params: Readonly<Record<string, unknown>>): unknown;
  predictStream?(input: unknown, params: Readonly<Record<string, unknown>>): AsyncIterable<unknown>;
  /** The object the flavor wraps: the user's custom model, an ONNX session, a booster. */
  unwrap(): unknown;
}

/**
 * How MLflow meets a framework: a named loader for one kind of model folder.
 *
 * @example registry.register({ name: 'my_flavor', capabilities: { predict: true, predictStream: false }, load: async (r) => ... });
 */
export interface Flavor {
  /** The key under `flavors` in MLmodel, such as `node_function` or `onnx`. */
  readonly name: string;
  readonly capabilities: FlavorCapabilities;
  load(request: FlavorLoadRequest): Promise<FlavorModel>;
}

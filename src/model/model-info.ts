import type { ModelSignature } from '../schema/types.js';
import { builtInFlavors } from './flavors/built-in-flavors.js';
import { Model } from './mlmodel.js';
import { localUriResolver, type ModelUriResolver, resolveModelUri } from './model-uri.js';
import type { FlavorRegistry } from './flavor-registry.js';

/** What a model folder declares, read without loading it. */
export interface ModelInfo {
  readonly uri: string;
  /** The local folder that holds the MLmodel file. */
  readonly localPath: string;
  readonly metadata: Model;
  readonly signature: ModelSignature | null;
  /** The flavors the MLmodel lists. */
  readonly flavors: readonly string[];
  /** The flavor `loadModel` would use, or undefined when Modeldock can run none of them. */
  readonly runnableFlavor: string | undefined;
}

/**
 * Reads a model's MLmodel (flavors, signature, input example info) without loading the model, as
 * MLflow's `mlflow.models.get_model_info`. Works for every MLflow model, runnable here or not.
 *
 * @example (await getModelInfo('models/iris')).signature?.inputs
 */
export async function getModelInfo(
  uri: string,
  options: { readonly resolvers?: readonly ModelUriResolver[]; readonly flavors?: FlavorRegistry } = {},
): Promise<ModelInfo> {
  const localPath = await resolveModelUri(uri, options.resolvers ?? [localUriResolver]);
  const metadata = Model.load(localPath);
  const flavors = Object.keys(metadata.flavors);
  const registry = options.flavors ?? builtInFlavors();
  const runnableFlavor = registry
    .names()
    .find((name) => flavors.includes(name) && registry.get(name)?.capabilities.predict);
  return { uri, localPath, metadata, signature: metadata.signature, flavors, runnableFlavor };
}

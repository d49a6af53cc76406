import type { FlavorRegistry } from './flavor-registry.js';
import { builtInFlavors } from './flavors/built-in-flavors.js';
import { LoadedModel } from './loaded-model.js';
import { Model } from './mlmodel.js';
import { localUriResolver, type ModelUriResolver, resolveModelUri } from './model-uri.js';

/** Options of {@link loadModel}. */
export interface LoadModelOptions {
  /** Overrides keys of the saved model config, as MLflow's `model_config` argument. */
  readonly modelConfig?: Readonly<Record<string, unknown>>;
  /** The flavors to try; defaults to every flavor built into Modeldock. */
  readonly flavors?: FlavorRegistry;
  /** URI resolvers, tried in order; defaults to local paths and `file://`. */
  readonly resolvers?: readonly ModelUriResolver[];
}

const inFlight = new Map<string, Promise<LoadedModel>>();

async function load(uri: string, dir: string, options: LoadModelOptions): Promise<LoadedModel> {
  const mlmodel = await Model.load(dir);
  const flavor = (options.flavors ?? builtInFlavors()).pick(mlmodel, uri);
  const flavorConfig = (mlmodel.flavors[flavor.name] ?? {}) as Record<string, unknown>;
  const saved = (flavorConfig.model_config ?? {}) as Record<string, unknown>;
  const signature = mlmodel.signature;
  const impl = await flavor.load({
    uri,
    modelDir: dir,
    mlmodel,
    flavorConfig,
    modelConfig: { ...saved, ...options.modelConfig },
    signature,
  });
  return new LoadedModel(mlmodel, signature, impl);
}

/**
 * Loads a model folder of any flavor, as MLflow's `mlflow.pyfunc.load_model`: read MLmodel, map the
 * artifacts, build the model, run its `loadContext`, then return it ready to predict. Concurrent
 * loads of the same folder with the same config share one load.
 *
 * @example
 * const model = await loadModel('./my-model');
 * const predictions = await model.predict([{ x: 1.5 }], { threshold: 0.9 });
 */
export async function loadModel(uri: string, options: LoadModelOptions = {}): Promise<LoadedModel> {
  const dir = await resolveModelUri(uri, options.resolvers ?? [localUriResolver]);
  const key = `${dir}\u0000${JSON.stringify(options.modelConfig ?? {})}`;
  const shared = options.flavors === undefined ? inFlight.get(key) : undefined;
  if (shared) return shared;
  const loading = load(uri, dir, options);
  if (options.flavors !== undefined) return loading;
  inFlight.set(key, loading);
  try {
    return await loading;
  } finally {
    inFlight.delete(key);
  }
}

import { join } from 'node:path';
import { MlflowError } from '../../../core/mlflow-error.js';
import type { Flavor, FlavorLoadRequest, FlavorModel } from '../../flavor.js';
import type { CustomModel, ModelContext } from './custom-model.js';
import { importCustomModel } from './load-custom-model.js';
import { NODE_FLAVOR, parseNodeFlavorConfig } from './node-flavor-config.js';

/** Maps each artifact name to its absolute path inside the loaded model folder. */
function mapArtifacts(
  modelDir: string,
  artifacts: Readonly<Record<string, { path: string }>>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(artifacts).map(([name, a]) => [name, join(modelDir, a.path)]));
}

async function runLoadContext(model: CustomModel, context: ModelContext, uri: string): Promise<void> {
  if (!model.loadContext) return;
  try {
    await model.loadContext(context);
  } catch (cause) {
    throw new MlflowError(
      `Failed to load model ${uri}: loadContext threw: ${(cause as Error).message ?? String(cause)}`,
      'INTERNAL_ERROR',
      {
        cause,
      },
    );
  }
}

async function* asAsync(items: AsyncIterable<unknown> | Iterable<unknown>): AsyncIterable<unknown> {
  yield* items;
}

/** Wraps a loaded custom model so the caller passes input and params, and the context travels along. */
export function wrapCustomModel(model: CustomModel, context: ModelContext): FlavorModel {
  const wrapped: FlavorModel = {
    predict: (input, params) => model.predict(context, input, params),
    unwrap: () => model,
  };
  const stream = model.predictStream;
  if (stream) wrapped.predictStream = (input, params) => asAsync(stream.call(model, context, input, params));
  return wrapped;
}

/**
 * Loads custom Node models, in MLflow's documented order: read MLmodel (done by the caller), map
 * the artifacts, construct the class, run `loadContext`, then serve.
 */
export const nodeFlavor: Flavor = {
  name: NODE_FLAVOR,
  capabilities: { predict: true, predictStream: true },
  async load(request: FlavorLoadRequest): Promise<FlavorModel> {
    const file = join(request.modelDir, 'MLmodel');
    const config = parseNodeFlavorConfig(request.flavorConfig, file);
    const context: ModelContext = Object.freeze({
      artifacts: Object.freeze(mapArtifacts(request.modelDir, config.artifacts)),
      modelConfig: Object.freeze({ ...request.modelConfig }),
    });
    const model = await importCustomModel(join(request.modelDir, config.code));
    await runLoadContext(model, context, request.uri);
    return wrapCustomModel(model, context);
  },
};

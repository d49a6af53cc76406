import type { Flavor, FlavorCapabilities } from '../flavor.js';
import { FlavorRegistry } from '../flavor-registry.js';
import { nodeFlavor } from './node/node-flavor.js';

const PREDICT_ONLY: FlavorCapabilities = { predict: true, predictStream: false };

/**
 * A flavor whose code loads on first use. Picking a flavor needs only its name and capabilities, so
 * a server that loads one XGBoost model never imports onnxruntime or the pickle reader.
 */
function lazyFlavor(
  name: string,
  capabilities: FlavorCapabilities,
  importFlavor: () => Promise<Flavor>,
): Flavor {
  return { name, capabilities, load: async (request) => (await importFlavor()).load(request) };
}

/**
 * The flavors Modeldock ships, in order of preference: custom Node models first, then the Python
 * flavors it runs natively.
 *
 * @example builtInFlavors().names() // ['node_function', 'sklearn', 'xgboost', 'lightgbm', 'onnx']
 */
export function builtInFlavors(): FlavorRegistry {
  return new FlavorRegistry([
    nodeFlavor,
    lazyFlavor(
      'sklearn',
      PREDICT_ONLY,
      async () => (await import('./sklearn/sklearn-flavor.js')).sklearnFlavor,
    ),
    lazyFlavor(
      'xgboost',
      PREDICT_ONLY,
      async () => (await import('./xgboost/xgboost-flavor.js')).xgboostFlavor,
    ),
    lazyFlavor(
      'lightgbm',
      PREDICT_ONLY,
      async () => (await import('./lightgbm/lightgbm-flavor.js')).lightgbmFlavor,
    ),
    lazyFlavor('onnx', PREDICT_ONLY, async () => (await import('./onnx/onnx-flavor.js')).onnxFlavor),
  ]);
}

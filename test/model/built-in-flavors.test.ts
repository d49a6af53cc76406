import { describe, expect, it } from 'vitest';
import { builtInFlavors } from '../../src/index.js';
import { lightgbmFlavor } from '../../src/model/flavors/lightgbm/lightgbm-flavor.js';
import { onnxFlavor } from '../../src/model/flavors/onnx/onnx-flavor.js';
import { sklearnFlavor } from '../../src/model/flavors/sklearn/sklearn-flavor.js';
import { xgboostFlavor } from '../../src/model/flavors/xgboost/xgboost-flavor.js';

describe('builtInFlavors', () => {
  it('declares, for each lazily loaded flavor, the name and capabilities of the flavor it loads', () => {
    const registry = builtInFlavors();
    for (const real of [sklearnFlavor, xgboostFlavor, lightgbmFlavor, onnxFlavor]) {
      const lazy = registry.get(real.name);
      expect(lazy?.capabilities).toEqual(real.capabilities);
    }
    expect(registry.names()).toEqual(['node_function', 'sklearn', 'xgboost', 'lightgbm', 'onnx']);
  });
});

import type { TreeEnsemble } from '../trees/tree-ensemble.js';
import { TreeEnsembleBuilder } from '../trees/tree-ensemble-builder.js';
import { lightgbmLink, type LightGBMLink } from './lightgbm-objective.js';
import { LightGBMFormatError, type LightGBMText } from './lightgbm-text.js';
import { lightgbmTree } from './lightgbm-trees.js';

/** A LightGBM Booster as read from its text model file. */
export interface LightGBMModel {
  readonly objective: string;
  /** Scores per row: the number of classes for multi-class models, else 1. */
  readonly outputs: number;
  readonly featureNames: readonly string[];
  readonly ensemble: TreeEnsemble;
  /** The objective's link (sigmoid, softmax, exp, identity), applied in place. */
  readonly link: LightGBMLink;
  /** Random-forest mode: scores are averaged over iterations instead of summed. */
  readonly averageOutput: boolean;
  readonly pandasCategorical: unknown;
}

function headerInt(text: LightGBMText, key: string): number {
  const v = Number(text.header.get(key));
  if (!Number.isInteger(v) || v < 0)
    throw new LightGBMFormatError(`header: ${key} is missing or not an integer`);
  return v;
}

/**
 * Compiles a parsed LightGBM text model into a {@link LightGBMModel}.
 *
 * @example const model = readLightGBMModel(parseLightGBMText(text));
 */
export function readLightGBMModel(text: LightGBMText): LightGBMModel {
  const outputs = Math.max(1, headerInt(text, 'num_tree_per_iteration'));
  const features = headerInt(text, 'max_feature_idx') + 1;
  const objective = text.header.get('objective') ?? 'regression';
  const link = lightgbmLink(objective);
  const builder = new TreeEnsembleBuilder();
  text.trees.forEach((block, i) => {
    const tree = lightgbmTree(block, i, i % outputs);
    for (let n = 0; n < tree.feature.length; n++)
      if ((tree.feature[n] as number) >= features)
        throw new LightGBMFormatError(`Tree=${i}: split on feature ${tree.feature[n]} of ${features}`);
    try {
      builder.addTree(tree);
    } catch (cause) {
      throw new LightGBMFormatError(`Tree=${i}: ${(cause as Error).message}`);
    }
  });
  const names = (text.header.get('feature_names') ?? '').trim().split(/\s+/).filter(Boolean);
  return {
    objective,
    outputs,
    featureNames:
      names.length === features ? names : Array.from({ length: features }, (_, i) => `Column_${i}`),
    ensemble: builder.build({ outputs, leafWidth: 1, base: new Float64Array(outputs), float32Sums: false }),
    link,
    averageOutput: text.header.has('average_output'),
    pandasCategorical: text.pandasCategorical,
  };
}

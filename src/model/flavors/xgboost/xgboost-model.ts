import type { TreeEnsemble } from '../trees/tree-ensemble.js';
import { TreeEnsembleBuilder } from '../trees/tree-ensemble-builder.js';
import { objectiveOf, type XGBoostObjective } from './xgboost-objective.js';
import { type Doc, field, numbers, XGBoostFormatError, xgboostTree } from './xgboost-trees.js';

/** An XGBoost booster as read from its JSON or UBJSON document. */
export interface XGBoostModel {
  readonly objective: XGBoostObjective;
  /** Output groups: the number of classes for multi-class objectives, else 1. */
  readonly groups: number;
  readonly featureNames: readonly string[] | null;
  readonly featureCount: number;
  readonly ensemble: TreeEnsemble;
  /** Trees per boosting round (groups × num_parallel_tree). */
  readonly treesPerRound: number;
  /** Booster attributes, such as `best_iteration` and the sklearn wrapper's `scikit_learn` JSON. */
  readonly attributes: Readonly<Record<string, string>>;
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : String(v);
}

/** `base_score` is "5E-1" in XGBoost ≤ 2, and may be "[5E-1]" (one per target) in 3.x. */
function baseScores(raw: unknown): number[] {
  const s = text(raw).trim();
  const parts = s.startsWith('[') ? s.slice(1, -1).split(',') : [s];
  const values = parts.map((p) => Number(p));
  if (values.length === 0 || values.some((v) => Number.isNaN(v)))
    throw new XGBoostFormatError(`learner.learner_model_param.base_score is not a number: ${s}`);
  return values;
}

function stringList(v: unknown): string[] | null {
  return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string') ? v : null;
}

function treesOf(booster: Doc): { model: Doc; weights: ArrayLike<number> | null } {
  const name = text(field(booster, 'name', 'learner.gradient_booster'));
  if (name === 'gbtree')
    return { model: field(booster, 'model', 'learner.gradient_booster') as Doc, weights: null };
  if (name === 'dart') {
    const inner = field(booster, 'gbtree', 'learner.gradient_booster') as Doc;
    return {
      model: field(inner, 'model', 'learner.gradient_booster.gbtree') as Doc,
      weights: numbers(booster, 'weight_drop', 'learner.gradient_booster'),
    };
  }
  throw new XGBoostFormatError(`booster '${name}' is not supported (Modeldock runs gbtree and dart)`);
}

/**
 * Builds an {@link XGBoostModel} from a decoded XGBoost model document (the JSON/UBJSON schema of
 * XGBoost 1.0 and later). Throws {@link XGBoostFormatError} for a malformed document and
 * `UnknownObjectiveError` for an objective Modeldock cannot run.
 *
 * @example const model = readXGBoostModel(JSON.parse(text));
 */
export function readXGBoostModel(doc: unknown): XGBoostModel {
  const learner = field(doc, 'learner', '') as Doc;
  const params = field(learner, 'learner_model_param', 'learner') as Doc;
  const objectiveName = text(field(field(learner, 'objective', 'learner'), 'name', 'learner.objective'));
  const numClass = Number(text(params.num_class ?? '0'));
  const groups = Math.max(1, numClass, Number(text(params.num_target ?? '1')));
  const objective = objectiveOf(
    objectiveName,
    baseScores(field(params, 'base_score', 'learner.learner_model_param')),
  );
  const { model, weights } = treesOf(field(learner, 'gradient_booster', 'learner') as Doc);
  const featureCount = Number(text(params.num_feature ?? '0'));
  const builder = addTrees(model, weights, groups, featureCount);
  const treeParam = (model.gbtree_model_param ?? {}) as Doc;
  const parallel = Math.max(1, Number(text(treeParam.num_parallel_tree ?? '1')));
  return {
    objective,
    groups,
    featureNames: stringList(learner.feature_names),
    featureCount,
    ensemble: builder.build({
      outputs: groups,
      leafWidth: 1,
      base: objective.baseMargin(groups),
      float32Sums: true,
    }),
    treesPerRound: groups * parallel,
    attributes: (learner.attributes ?? {}) as Record<string, string>,
  };
}

/** Every tree of the model, each added to its output group and checked against the feature count. */
function addTrees(
  model: Doc,
  weights: ArrayLike<number> | null,
  groups: number,
  featureCount: number,
): TreeEnsembleBuilder {
  const trees = field(model, 'trees', 'gradient_booster.model');
  if (!Array.isArray(trees)) throw new XGBoostFormatError('gradient_booster.model.trees is not an array');
  const treeInfo = numbers(model, 'tree_info', 'gradient_booster.model');
  if (treeInfo.length !== trees.length)
    throw new XGBoostFormatError(`tree_info has ${treeInfo.length} entries for ${trees.length} trees`);
  const builder = new TreeEnsembleBuilder();
  trees.forEach((tree, t) => {
    const group = treeInfo[t] as number;
    if (group < 0 || group >= groups)
      throw new XGBoostFormatError(`tree ${t} is in group ${group} of ${groups}`);
    const path = `gradient_booster.model.trees[${t}]`;
    try {
      const spec = xgboostTree(tree, path, group, weights?.[t] ?? 1);
      const bad = Array.from(spec.feature).find((f) => f >= featureCount && featureCount > 0);
      if (bad !== undefined)
        throw new XGBoostFormatError(`${path} splits on feature ${bad} of ${featureCount}`);
      builder.addTree(spec);
    } catch (cause) {
      if (cause instanceof XGBoostFormatError) throw cause;
      throw new XGBoostFormatError(`${path}: ${(cause as Error).message}`);
    }
  });
  return builder;
}

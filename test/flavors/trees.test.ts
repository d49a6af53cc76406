import { describe, expect, it } from 'vitest';
import { Column } from '../../src/data/column.js';
import { DataFrame } from '../../src/data/data-frame.js';
import { Tensor } from '../../src/data/tensor.js';
import { MlflowError } from '../../src/index.js';
import { toFeatureMatrix } from '../../src/model/flavors/trees/feature-matrix.js';
import { NodeFlag } from '../../src/model/flavors/trees/tree-ensemble.js';
import { type TreeSpec, TreeEnsembleBuilder } from '../../src/model/flavors/trees/tree-ensemble-builder.js';

/** A stump on feature 0: x <= 0.5 → -1, else 1, with the given root flags. */
const stump = (flags = 0, extra: Partial<TreeSpec> = {}): TreeSpec => ({
  feature: [0, -1, -1],
  threshold: [0.5, 0, 0],
  left: [1, -1, -1],
  right: [2, -1, -1],
  flags: [flags, 0, 0],
  leafValue: [0, -1, 1],
  ...extra,
});

function predict(
  trees: TreeSpec[],
  rows: number[][],
  options: { outputs?: number; leafWidth?: number; float32?: boolean } = {},
): number[] {
  const b = new TreeEnsembleBuilder();
  for (const t of trees) b.addTree(t);
  const outputs = options.outputs ?? 1;
  const ensemble = b.build({
    outputs,
    leafWidth: options.leafWidth ?? 1,
    base: new Float64Array(outputs),
    float32Sums: options.float32 ?? false,
  });
  const stride = rows[0]?.length ?? 1;
  return [...ensemble.predictRaw({ values: Float64Array.from(rows.flat()), rows: rows.length, stride })];
}

describe('TreeEnsemble (the shared tree evaluator)', () => {
  it('goes left when x <= threshold', () => {
    expect(predict([stump()], [[0.5], [0.6], [-3]])).toEqual([-1, 1, -1]);
  });

  it('sends NaN the default way: right unless DEFAULT_LEFT', () => {
    expect(predict([stump()], [[NaN]])).toEqual([1]);
    expect(predict([stump(NodeFlag.DEFAULT_LEFT)], [[NaN]])).toEqual([-1]);
  });

  it('reads NaN as zero with NAN_AS_ZERO (LightGBM missing_type None)', () => {
    expect(predict([stump(NodeFlag.NAN_AS_ZERO)], [[NaN]])).toEqual([-1]);
    expect(predict([stump(NodeFlag.NAN_AS_ZERO, { threshold: [-1, 0, 0] })], [[NaN]])).toEqual([1]);
  });

  it('treats zero and NaN as missing with ZERO_IS_MISSING (LightGBM missing_type Zero)', () => {
    const t = stump(NodeFlag.ZERO_IS_MISSING, { threshold: [-1, 0, 0] });
    expect(predict([t], [[0], [NaN], [-2], [1e-36]])).toEqual([1, 1, -1, 1]);
    const dl = stump(NodeFlag.ZERO_IS_MISSING | NodeFlag.DEFAULT_LEFT, { threshold: [5, 0, 0] });
    expect(predict([dl], [[0], [NaN], [6]])).toEqual([-1, -1, 1]);
  });

  it('sends listed categories left, others right, and invalid ones (NaN, negative, beyond the set) the default way', () => {
    const t = stump(NodeFlag.CATEGORICAL, { categories: new Map([[0, [1, 4, 33]]]) });
    expect(predict([t], [[1], [4], [33], [4.7], [2], [0], [32], [NaN], [-1], [64], [1000]])).toEqual([
      -1, -1, -1, -1, 1, 1, 1, 1, 1, 1, 1,
    ]);
    const dl = stump(NodeFlag.CATEGORICAL | NodeFlag.DEFAULT_LEFT, { categories: new Map([[0, [1]]]) });
    expect(predict([dl], [[2], [NaN], [-1], [32]])).toEqual([1, -1, -1, -1]);
  });

  it('evaluates linear leaves, falling back to the leaf value when a feature is NaN', () => {
    const t = stump(0, {
      flags: [0, NodeFlag.LINEAR, 0],
      linear: new Map([[1, { constant: 10, features: [0, 1], coefficients: [2, 3] }]]),
    });
    expect(
      predict(
        [t],
        [
          [0.25, 1],
          [0.25, NaN],
          [0.75, 1],
        ],
      ),
    ).toEqual([13.5, -1, 1]);
  });

  it('adds each tree to its own output column, and vector leaves across columns', () => {
    expect(predict([stump(), { ...stump(), output: 1 }, stump()], [[0], [1]], { outputs: 2 })).toEqual([
      -2, -1, 2, 1,
    ]);
    const vector = stump(0, { leafValue: [0, 0, 0.2, 0.8, 0.9, 0.1] });
    expect(predict([vector, vector], [[0], [1]], { outputs: 2, leafWidth: 2 })).toEqual([0.4, 1.6, 1.8, 0.2]);
  });

  it('sums in float32 when asked, as XGBoost does', () => {
    const tiny = stump(0, { leafValue: [0, 1e-8, 1e-8] });
    const big = stump(0, { leafValue: [0, 1, 1] });
    expect(predict([big, tiny], [[0]], { float32: true })).toEqual([1]);
    expect(predict([big, tiny], [[0]])).toEqual([1 + 1e-8]);
  });

  it('stops after treeLimit trees', () => {
    const b = new TreeEnsembleBuilder().addTree(stump()).addTree(stump());
    const e = b.build({ outputs: 1, leafWidth: 1, base: Float64Array.of(0.5), float32Sums: false });
    const x = { values: Float64Array.of(0), rows: 1, stride: 1 };
    expect([e.predictRaw(x, 1)[0], e.predictRaw(x)[0]]).toEqual([-0.5, -1.5]);
  });
});

describe('toFeatureMatrix', () => {
  const options = { featureNames: ['a', 'b'], featureCount: 2, float32: false, what: 'Test model' };

  it('reads a frame by feature name, whatever the column order, with nulls as NaN', () => {
    const frame = new DataFrame([
      new Column('b', 'int64', BigInt64Array.of(3n, 4n)),
      new Column('a', 'object', [1.5, null]),
    ]);
    expect([...toFeatureMatrix(frame, options).values]).toEqual([1.5, 3, NaN, 4]);
  });

  it('rounds to float32 when asked and reads 2-D tensors as they are', () => {
    const t = new Tensor('float64', [1, 2], Float64Array.of(0.1, 2));
    expect(toFeatureMatrix(t, { ...options, float32: true }).values).toEqual(Float32Array.of(0.1, 2));
  });

  it('names the column when a feature is not numeric, and the shape when it does not fit', () => {
    const frame = new DataFrame([
      new Column('a', 'str', ['x']),
      new Column('b', 'float64', Float64Array.of(1)),
    ]);
    expect(() => toFeatureMatrix(frame, options)).toThrow(
      /Test model takes numeric features, but column a holds string/,
    );
    expect(() => toFeatureMatrix(new Tensor('float64', [3], Float64Array.of(1, 2, 3)), options)).toThrow(
      MlflowError,
    );
    const three = new DataFrame(['x', 'y', 'z'].map((n) => new Column(n, 'float64', Float64Array.of(1))));
    expect(() => toFeatureMatrix(three, options)).toThrow(
      /expects 2 features \[a, b\], but the input has 3 columns/,
    );
  });
});

import { MlflowError } from '../../../../core/mlflow-error.js';
import { NdArray } from '../numpy/nd-array.js';
import { PySlice } from '../pickle/builtin-globals.js';
import { PyInstance } from '../pickle/py-object.js';
import { listAttr, optionalArray } from './attrs.js';
import type { Estimator } from './estimator.js';
import type { FeatureColumn, Features } from './features.js';
import type { BuildEstimator } from './pipeline.js';

type Selector = (x: Features) => number[];

function indexOfName(x: Features, fitted: readonly string[], name: string): number {
  const at = (x.names ?? fitted).indexOf(name);
  if (at < 0)
    throw new MlflowError(
      `A given column is not a column of the dataframe: ${name}`,
      'INVALID_PARAMETER_VALUE',
    );
  return at;
}

function sliceIndices(s: PySlice, p: number): number[] {
  const step = s.step ?? 1;
  const norm = (v: number | null, d: number): number =>
    v === null ? d : v < 0 ? Math.max(p + v, 0) : Math.min(v, p);
  const out: number[] = [];
  for (let i = norm(s.start, 0); i < norm(s.stop, p); i += step) out.push(i);
  return out;
}

/** How a transformer's `columns` entry picks input columns: names, positions, a slice or a mask. */
function selector(spec: unknown, fitted: readonly string[]): Selector {
  if (spec instanceof PyInstance) return selector(spec.attr('data'), fitted);
  if (spec instanceof PySlice) return (x) => sliceIndices(spec, x.columns.length);
  const items = spec instanceof NdArray ? spec.toArray() : Array.isArray(spec) ? (spec as unknown[]) : [spec];
  if (items.every((v) => typeof v === 'boolean'))
    return () => items.flatMap((v, i) => (v === true ? [i] : []));
  return (x) =>
    items.map((v) => (typeof v === 'string' ? indexOfName(x, fitted, v) : Number(v as number | bigint)));
}

interface Part {
  readonly select: Selector;
  readonly estimator: Estimator | 'passthrough';
}

function part(entry: unknown, fitted: readonly string[], build: BuildEstimator): Part | null {
  const [, trans, columns] = Array.isArray(entry) ? (entry as unknown[]) : [];
  if (trans === 'drop') return null;
  return {
    select: selector(columns, fitted),
    estimator: trans === 'passthrough' ? 'passthrough' : build(trans),
  };
}

function runPart(p: Part, x: Features): FeatureColumn[] {
  const idx = p.select(x);
  if (idx.length === 0) return [];
  const sub: Features = {
    rows: x.rows,
    columns: idx.map((i) => x.columns[i] ?? []),
    names: x.names ? idx.map((i) => x.names?.[i] ?? i) : null,
  };
  if (p.estimator === 'passthrough') return [...sub.columns];
  if (!p.estimator.transform)
    throw new MlflowError(
      `${p.estimator.name} in a ColumnTransformer has no transform.`,
      'INVALID_PARAMETER_VALUE',
    );
  return [...p.estimator.transform(sub).columns];
}

/**
 * ColumnTransformer: each fitted transformer runs on its columns, and the outputs are stacked
 * side by side (the remainder included).
 *
 * @example columnTransformer(inst, buildEstimator).transform?.(df)
 */
export function columnTransformer(inst: PyInstance, build: BuildEstimator): Estimator {
  const fitted = optionalArray(inst, 'feature_names_in_')?.toArray().map(String) ?? [];
  const parts = listAttr(inst, 'transformers_')
    .map((e) => part(e, fitted, build))
    .filter((p): p is Part => p !== null);
  return {
    name: inst.className,
    transform: (x) => ({ rows: x.rows, columns: parts.flatMap((p) => runPart(p, x)), names: null }),
  };
}

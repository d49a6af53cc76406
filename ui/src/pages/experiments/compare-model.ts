import type { Run } from '../../../../src/client/entities.js';
import { metricMap, paramMap } from './run-fields.js';

/** A param row of the comparison: one value per run, and whether they differ. */
export interface ParamRow {
  readonly key: string;
  readonly values: readonly (string | undefined)[];
  readonly differs: boolean;
}

/** A metric row: the latest value per run, and which runs hold the best of them. */
export interface MetricRow {
  readonly key: string;
  readonly values: readonly (number | undefined)[];
  readonly differs: boolean;
  readonly lowerIsBetter: boolean;
  /** Indexes (into the runs) of the best value; empty when there is nothing to rank. */
  readonly best: readonly number[];
}

// Nothing in MLflow records whether a metric should go up or down; these names conventionally go down.
const LOWER_IS_BETTER = /loss|error|err$|rmse|mse|mae|mape|latency|duration|time|perplexity/i;

/** Whether smaller values of this metric are better, judged by its name. */
export function lowerIsBetter(metricKey: string): boolean {
  return LOWER_IS_BETTER.test(metricKey);
}

function allKeys(maps: readonly Map<string, unknown>[]): string[] {
  return [...new Set(maps.flatMap((m) => [...m.keys()]))].sort((a, b) => a.localeCompare(b));
}

function differ(values: readonly unknown[]): boolean {
  return values.some((v) => !Object.is(v, values[0]));
}

/** Every param any of the runs has, with a run's missing value as undefined. */
export function paramRows(runs: readonly Run[]): ParamRow[] {
  const maps = runs.map(paramMap);
  return allKeys(maps).map((key) => {
    const values = maps.map((m) => m.get(key));
    return { key, values, differs: differ(values) };
  });
}

/** Every metric any of the runs has, with the best value(s) marked when they differ. */
export function metricRows(runs: readonly Run[]): MetricRow[] {
  const maps = runs.map(metricMap);
  return allKeys(maps).map((key) => {
    const values = maps.map((m) => m.get(key));
    const lower = lowerIsBetter(key);
    const real = values.filter((v): v is number => v !== undefined && !Number.isNaN(v));
    const target = lower ? Math.min(...real) : Math.max(...real);
    const ranked = real.length >= 2 && differ(real);
    const best = ranked ? values.flatMap((v, i) => (v === target ? [i] : [])) : [];
    return { key, values, differs: differ(values), lowerIsBetter: lower, best };
  });
}

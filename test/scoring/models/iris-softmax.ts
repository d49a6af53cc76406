import { readFileSync } from 'node:fs';
import type { CustomModel, DataFrame, ModelContext } from '../../../src/index.js';

interface Config {
  features: string[];
  classes: string[];
  weights: number[][];
  bias: number[];
}

type Row = Record<string, string | number | boolean>;

/** The fixture's custom_pyfunc in Node: softmax(X @ weights + bias), with `threshold` and `return_probs`. */
export default class IrisSoftmax implements CustomModel<DataFrame, Row[]> {
  private config!: Config;

  loadContext(context: ModelContext): void {
    this.config = JSON.parse(readFileSync(context.artifacts.config!, 'utf8')) as Config;
  }

  predict(_context: ModelContext, input: DataFrame, params: Readonly<Record<string, unknown>>): Row[] {
    const { features, classes, weights, bias } = this.config;
    const columns = features.map((f) => input.column(f).values as Float64Array);
    return Array.from({ length: input.length }, (_, i) => {
      const logits = classes.map((_c, k) =>
        columns.reduce((s, col, j) => s + col[i]! * weights[j]![k]!, bias[k]!),
      );
      const top = Math.max(...logits);
      const exps = logits.map((z) => Math.exp(z - top));
      const total = exps.reduce((a, b) => a + b, 0);
      const probs = exps.map((e) => e / total);
      const best = probs.indexOf(Math.max(...probs));
      const confidence = Number.isNaN(total) ? NaN : probs[best]!;
      const row: Row = {
        label: classes[Math.max(best, 0)]!,
        confidence,
        confident: confidence >= (params.threshold as number),
      };
      if (params.return_probs) classes.forEach((c, k) => (row[`p_${c}`] = probs[k]!));
      return row;
    });
  }
}

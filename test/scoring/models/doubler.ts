import type { CustomModel, DataFrame, ModelContext } from '../../../src/index.js';

/** Doubles column `x`; the `mode` param makes it fail or stall, to test how the server copes. */
export default class Doubler implements CustomModel<DataFrame, number[]> {
  async predict(
    _context: ModelContext,
    input: DataFrame,
    params: Readonly<Record<string, unknown>>,
  ): Promise<number[]> {
    if (params.mode === 'throw') throw new Error('boom: the model failed');
    if (params.mode === 'slow') await new Promise((r) => setTimeout(r, 400));
    return Array.from(input.column('x').values as Float64Array, (v) => v * 2);
  }

  async *predictStream(
    context: ModelContext,
    input: DataFrame,
    params: Readonly<Record<string, unknown>>,
  ): AsyncIterable<unknown> {
    for (const y of await this.predict(context, input, params)) yield { y };
  }
}

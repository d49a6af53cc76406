import type { CustomModel, DataFrame, ModelContext } from '../../../src/index.js';

/** Answers its model config's `answer` for each row, after `delayMs`: tells model versions apart. */
export default class VersionAnswer implements CustomModel<DataFrame, string[]> {
  async predict(context: ModelContext, input: DataFrame): Promise<string[]> {
    const delay = Number(context.modelConfig.delayMs ?? 0);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    return Array.from({ length: input.length }, () => String(context.modelConfig.answer));
  }
}

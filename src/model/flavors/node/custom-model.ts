/** What a custom model sees at load and predict time: its artifacts and its config. */
export interface ModelContext {
  /** Artifact name → absolute local path of the file or folder saved with the model. */
  readonly artifacts: Readonly<Record<string, string>>;
  /** The saved model config, overridden by `loadModel(uri, { modelConfig })`. */
  readonly modelConfig: Readonly<Record<string, unknown>>;
}

/**
 * A custom model, Modeldock's equivalent of MLflow's `PythonModel`. `loadContext` runs once per load,
 * before any predict; `predict` receives input already enforced against the signature, and params
 * with their defaults applied.
 *
 * @example
 * export default class Doubler implements CustomModel<DataFrame, number[]> {
 *   predict(_ctx: ModelContext, input: DataFrame) { return [...input.column('x').values as Float64Array].map((v) => v * 2); }
 * }
 */
export interface CustomModel<Input = unknown, Output = unknown> {
  loadContext?(context: ModelContext): void | Promise<void>;
  predict(
    context: ModelContext,
    input: Input,
    params: Readonly<Record<string, unknown>>,
  ): Output | Promise<Output>;
  predictStream?(
    context: ModelContext,
    input: Input,
    params: Readonly<Record<string, unknown>>,
  ): AsyncIterable<unknown> | Iterable<unknown>;
}

/** A class whose instances are custom models, as a module may default-export it. */
export type CustomModelClass = new () => CustomModel;

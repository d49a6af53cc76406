/**
 * The model a scoring server answers with, swappable while it serves: each request reads the
 * current model once and keeps it to the end, so a swap never changes a request halfway.
 */
import type { LoadedModel } from '../model/loaded-model.js';

/** One model as served: the loaded model, its serving input example, and which version it is. */
export interface ServedModel {
  readonly model: LoadedModel;
  /** The serving input example (a ready `/invocations` body), for `/openapi.json` and `/docs`. */
  readonly servingExample?: unknown;
  /** The registered version (or any label) this model is, for logs; undefined for a local model. */
  readonly version?: string;
}

/**
 * Holds the served model and replaces it atomically: the new model is loaded first, then one
 * assignment makes every later request use it; a failed load keeps the old model.
 *
 * @example
 * const holder = new ModelHolder({ model: await loadModel('models/v1'), version: '1' });
 * await holder.replace(async () => ({ model: await loadModel('models/v2'), version: '2' }));
 */
export class ModelHolder {
  private served: ServedModel;
  private loading: Promise<boolean> | undefined;

  constructor(initial: ServedModel) {
    this.served = initial;
  }

  /** The model new requests are answered with. */
  get current(): ServedModel {
    return this.served;
  }

  /** Puts `next` in service now; requests already running finish on the model they started with. */
  swap(next: ServedModel): ServedModel {
    const previous = this.served;
    this.served = next;
    return previous;
  }

  /**
   * Loads a model with `load` while the current one keeps serving, then swaps it in. Resolves true
   * when swapped, false when `load` failed (the error goes to `onError`); one load runs at a time,
   * and a call during a load waits for it and reports its outcome.
   */
  replace(load: () => Promise<ServedModel>, onError: (error: unknown) => void = () => {}): Promise<boolean> {
    this.loading ??= load()
      .then((next) => (this.swap(next), true))
      .catch((error: unknown) => (onError(error), false))
      .finally(() => (this.loading = undefined));
    return this.loading;
  }
}

/**
 * Follows a registered model alias while serving: polls which version the alias names, loads a new
 * version in the background, and swaps it in only once it loaded (MLflow users asked for this in
 * mlflow#4039). The registry is reached through the functions it is given, never imported here.
 */
import type { ModelHolder, ServedModel } from './model-holder.js';

/** What an {@link AliasWatcher} needs: where the model is served, and how to ask and load. */
export interface AliasWatcherOptions {
  readonly holder: ModelHolder;
  /** The version the alias names now (`GET registered-models/alias`). */
  readonly lookup: () => Promise<string>;
  /** Downloads and loads one version; the served model keeps answering meanwhile. */
  readonly load: (version: string) => Promise<ServedModel>;
  /** Time between polls, in ms. */
  readonly intervalMs: number;
  /** Where the watcher reports moves, swaps and failures. */
  readonly log: (message: string) => void;
}

/**
 * Polls an alias and swaps the served model when the alias moves; a failed lookup or load is
 * logged and the current model keeps serving (the next poll tries again).
 *
 * @example
 * const watcher = new AliasWatcher({ holder, lookup, load, intervalMs: 10_000, log: console.error });
 * watcher.start(); // … watcher.stop();
 */
export class AliasWatcher {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(private readonly options: AliasWatcherOptions) {}

  /** Starts polling every `intervalMs` (the first poll after one interval). */
  start(): void {
    this.running = true;
    this.schedule();
  }

  /** Stops polling; a load already under way still completes. */
  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** One poll: true when the alias had moved and the new version now serves. */
  async check(): Promise<boolean> {
    const { holder, lookup, load, log } = this.options;
    let version: string;
    try {
      version = await lookup();
    } catch (error) {
      log(
        `Could not look up the alias; still serving version ${holder.current.version}: ${messageOf(error)}`,
      );
      return false;
    }
    const serving = holder.current.version;
    if (version === serving) return false;
    log(`The alias moved from version ${serving} to ${version}; loading it in the background.`);
    const swapped = await holder.replace(
      () => load(version),
      (error) =>
        log(`Could not load version ${version}; still serving version ${serving}: ${messageOf(error)}`),
    );
    if (swapped) log(`Now serving version ${holder.current.version}.`);
    return swapped;
  }

  private schedule(): void {
    if (!this.running) return;
    // Unref'd: polling alone keeps no process alive; the server's socket does. A poll is scheduled
    // after the last one finished, so a slow load never overlaps the next poll.
    this.timer = setTimeout(() => {
      void this.check().finally(() => this.schedule());
    }, this.options.intervalMs).unref();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

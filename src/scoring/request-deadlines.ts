/**
 * Per-request time limits with one timer for all requests: every request gets the same limit, so
 * deadlines expire in arrival order and only the oldest pending one needs a timer.
 */

interface Pending<T> {
  readonly deadline: number;
  readonly resolve: (value: T) => void;
}

/**
 * Races each piece of work against the shared time limit; cheaper than a timer per request on the
 * scoring hot path (no timer is created or cleared while requests finish in time).
 *
 * @example
 * const deadlines = new RequestDeadlines(5000, TIMED_OUT, (e) => errorResponse(e));
 * const response = await deadlines.race(app.route(request));
 */
export class RequestDeadlines<T> {
  // A Set iterates in insertion order, which is deadline order because the limit is the same for all.
  private readonly pending = new Set<Pending<T>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly limitMs: number,
    private readonly late: T,
    private readonly failed: (error: unknown) => T,
  ) {}

  /**
   * `work`'s value (or `failed` of its error), or the late value when `work` takes longer than the
   * limit (it keeps running).
   */
  race(work: Promise<T>): Promise<T> {
    return new Promise<T>((resolve) => {
      const entry: Pending<T> = { deadline: performance.now() + this.limitMs, resolve };
      this.pending.add(entry);
      this.timer ??= this.arm(this.limitMs);
      work.then(
        (value) => {
          if (this.pending.delete(entry)) resolve(value);
        },
        (error: unknown) => {
          if (this.pending.delete(entry)) resolve(this.failed(error));
        },
      );
    });
  }

  private arm(ms: number): NodeJS.Timeout {
    // Unref'd: a pending deadline alone must not keep a CLI process alive; a server's socket does.
    return setTimeout(() => this.expire(), Math.max(1, Math.ceil(ms))).unref();
  }

  private expire(): void {
    this.timer = undefined;
    const now = performance.now();
    for (const entry of this.pending) {
      if (entry.deadline > now) {
        this.timer = this.arm(entry.deadline - now);
        return;
      }
      this.pending.delete(entry);
      entry.resolve(this.late);
    }
  }
}

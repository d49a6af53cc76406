/**
 * A Python callable the unpickler may use: an allowlisted class or function, implemented in
 * TypeScript. Nothing else can be called while reading a pickle.
 *
 * @example const g: PyGlobal = { qualname: 'builtins.set', call: (args) => new Set(args[0] as unknown[]) };
 */
export interface PyGlobal {
  /** `module.name`, as the pickle names it. */
  readonly qualname: string;
  /** What REDUCE and NEWOBJ do with this global: build a value from the arguments. */
  call(args: readonly unknown[]): unknown;
}

/** A value that knows how to take the state of a BUILD opcode, as `__setstate__` does. */
export interface PyStateful {
  setState(state: unknown): void;
}

/** True when `v` implements {@link PyStateful}. */
export function isStateful(v: unknown): v is PyStateful {
  return typeof v === 'object' && v !== null && typeof (v as Partial<PyStateful>).setState === 'function';
}

/**
 * An instance of an allowlisted Python class, kept as data: its class name, constructor arguments
 * and `__dict__` state. Estimators are built from these after the pickle is read.
 *
 * @example new PyInstance('sklearn.preprocessing._data.StandardScaler', []).attr('mean_')
 */
export class PyInstance implements PyStateful {
  state: unknown = null;

  constructor(
    readonly qualname: string,
    readonly args: readonly unknown[],
  ) {}

  setState(state: unknown): void {
    // pickle's BUILD: a (dict, slotstate) pair merges both; a plain dict replaces __dict__.
    if (Array.isArray(state) && state.length === 2 && (state[0] instanceof Map || state[0] === null)) {
      const merged = new Map<unknown, unknown>(state[0] instanceof Map ? state[0] : []);
      if (state[1] instanceof Map) for (const [k, v] of state[1]) merged.set(k, v);
      this.state = merged;
      return;
    }
    this.state = state;
  }

  /** The attribute `name` from the instance's `__dict__` state, or undefined. */
  attr(name: string): unknown {
    return this.state instanceof Map ? this.state.get(name) : undefined;
  }

  /** The class name without its module. */
  get className(): string {
    return this.qualname.slice(this.qualname.lastIndexOf('.') + 1);
  }
}

/** A Python dict as the unpickler builds it. */
export type PyDict = Map<unknown, unknown>;

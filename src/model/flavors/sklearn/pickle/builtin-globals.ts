import { MlflowError } from '../../../../core/mlflow-error.js';
import type { PyGlobal } from './py-object.js';

function iterable(v: unknown): unknown[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v as unknown[];
  if (v instanceof Set || v instanceof Map) return [...v.keys()];
  throw new MlflowError(
    'A set in the pickle was built from something that is not a sequence.',
    'BAD_REQUEST',
  );
}

/** `_codecs.encode(text, 'latin1')`: how protocol 2 pickles write bytes. */
function encode(args: readonly unknown[]): Uint8Array {
  const [text, encoding] = args;
  if (typeof text !== 'string' || (encoding !== 'latin1' && encoding !== 'latin-1'))
    throw new MlflowError('The pickle encodes bytes in an unsupported way.', 'BAD_REQUEST');
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}

/** A Python `slice`, kept as data (ColumnTransformer column selections use them). */
export class PySlice {
  constructor(
    readonly start: number | null,
    readonly stop: number | null,
    readonly step: number | null,
  ) {}
}

function slice(args: readonly unknown[]): PySlice {
  const n = (v: unknown): number | null => (typeof v === 'number' ? v : null);
  return args.length === 1
    ? new PySlice(null, n(args[0]), null)
    : new PySlice(n(args[0]), n(args[1]), n(args[2]));
}

const entries: [string, (args: readonly unknown[]) => unknown][] = [
  ['builtins.set', (a) => new Set(iterable(a[0]))],
  ['builtins.frozenset', (a) => new Set(iterable(a[0]))],
  ['builtins.slice', slice],
  ['builtins.bytearray', (a) => (a[0] instanceof Uint8Array ? a[0].slice() : new Uint8Array(0))],
  ['builtins.object', () => ({})],
  ['_codecs.encode', encode],
];

/**
 * The few Python builtins a model pickle needs, implemented as data constructors.
 *
 * @example BUILTIN_GLOBALS.get('builtins.set')?.call([[1, 2]]) // Set {1, 2}
 */
export const BUILTIN_GLOBALS = new Map<string, PyGlobal>(
  entries.map(([qualname, call]) => [qualname, { qualname, call }]),
);

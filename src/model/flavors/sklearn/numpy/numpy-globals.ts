import { MlflowError } from '../../../../core/mlflow-error.js';
import type { PyGlobal } from '../pickle/py-object.js';
import { decodeElements } from './decode-elements.js';
import { NdArray } from './nd-array.js';
import { NpDType } from './np-dtype.js';

function bad(what: string): MlflowError {
  return new MlflowError(`A numpy ${what} in the pickle is malformed.`, 'BAD_REQUEST');
}

function reconstruct(): unknown {
  return new NdArray();
}

function dtype(args: readonly unknown[]): unknown {
  const [spec] = args;
  if (typeof spec !== 'string') throw bad('dtype');
  return NpDType.parse(spec);
}

/** `numpy.core.multiarray.scalar(dtype, raw)`: one element, decoded as the JS value Modeldock uses. */
function scalar(args: readonly unknown[]): unknown {
  const [dt, raw] = args;
  if (!(dt instanceof NpDType)) throw bad('scalar');
  if (dt.kind === 'O') return raw;
  const bytes =
    raw instanceof Uint8Array
      ? raw
      : typeof raw === 'string'
        ? Uint8Array.from(raw, (c) => c.charCodeAt(0))
        : null;
  if (!bytes) throw bad('scalar');
  const v = decodeElements(dt, bytes, 1, dt.itemsize, 0)[0];
  return dt.kind === 'b' ? v === 1 : v;
}

/** `numpy.core.numeric._frombuffer(buf, dtype, shape, order)`, which protocol 5 pickles use. */
function fromBuffer(args: readonly unknown[]): unknown {
  const [buf, dt, shape, order] = args;
  if (!(buf instanceof Uint8Array) || !(dt instanceof NpDType) || !Array.isArray(shape)) throw bad('buffer');
  const a = new NdArray();
  a.setState([1, shape, dt, order === 'F', buf]);
  return a;
}

const IMPLEMENTATIONS: Record<string, (args: readonly unknown[]) => unknown> = {
  'multiarray._reconstruct': reconstruct,
  'multiarray.scalar': scalar,
  'numeric._frombuffer': fromBuffer,
};

/**
 * The numpy callables a pickled array needs, under both numpy 1 (`numpy.core`) and numpy 2
 * (`numpy._core`) module names.
 *
 * @example NUMPY_GLOBALS.get('numpy.dtype')?.call(['f8', false, true])
 */
export const NUMPY_GLOBALS = new Map<string, PyGlobal>();

for (const [suffix, call] of Object.entries(IMPLEMENTATIONS)) {
  for (const root of ['numpy.core', 'numpy._core']) {
    const qualname = `${root}.${suffix}`;
    NUMPY_GLOBALS.set(qualname, { qualname, call });
  }
}
NUMPY_GLOBALS.set('numpy.dtype', { qualname: 'numpy.dtype', call: dtype });
NUMPY_GLOBALS.set('numpy.ndarray', { qualname: 'numpy.ndarray', call: reconstruct });

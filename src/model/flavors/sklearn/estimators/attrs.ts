import { MlflowError } from '../../../../core/mlflow-error.js';
import { NdArray } from '../numpy/nd-array.js';
import { PyInstance } from '../pickle/py-object.js';

function missing(inst: PyInstance, name: string, what: string): MlflowError {
  return new MlflowError(
    `The pickled ${inst.className} has no usable '${name}' (expected ${what}); it may come from an unsupported scikit-learn version.`,
    'BAD_REQUEST',
  );
}

/** A numpy array attribute, such as `coef_`. */
export function arrayAttr(inst: PyInstance, name: string): NdArray {
  const v = inst.attr(name);
  if (v instanceof NdArray) return v;
  throw missing(inst, name, 'a numpy array');
}

/** A numpy array attribute, or null when absent or None. */
export function optionalArray(inst: PyInstance, name: string): NdArray | null {
  const v = inst.attr(name);
  return v instanceof NdArray ? v : null;
}

/** A numeric attribute (Python int, float or numpy scalar). */
export function numberAttr(inst: PyInstance, name: string, fallback?: number): number {
  const v = inst.attr(name);
  if (typeof v === 'number' || typeof v === 'bigint') return Number(v);
  if (v instanceof NdArray && v.size === 1) return Number(v.data[0]);
  if (fallback !== undefined) return fallback;
  throw missing(inst, name, 'a number');
}

/** A string attribute, with a default for attributes older versions lack. */
export function stringAttr(inst: PyInstance, name: string, fallback?: string): string {
  const v = inst.attr(name);
  if (typeof v === 'string') return v;
  if (fallback !== undefined) return fallback;
  throw missing(inst, name, 'a string');
}

/** A boolean attribute, with a default. */
export function boolAttr(inst: PyInstance, name: string, fallback: boolean): boolean {
  const v = inst.attr(name);
  return typeof v === 'boolean' ? v : fallback;
}

/** A list (or tuple) attribute. */
export function listAttr(inst: PyInstance, name: string): unknown[] {
  const v = inst.attr(name);
  if (Array.isArray(v)) return v as unknown[];
  if (v instanceof NdArray && v.dtype.kind === 'O') return v.toArray();
  throw missing(inst, name, 'a list');
}

/** A nested estimator attribute, such as `init_` or a pipeline step. */
export function instanceAttr(inst: PyInstance, name: string): PyInstance {
  const v = inst.attr(name);
  if (v instanceof PyInstance) return v;
  throw missing(inst, name, 'an estimator');
}

/**
 * How Python sees a JS value during enforcement: its scalar kind (`np.isscalar`), its type name
 * and class as MLflow's messages print them, and dict-likeness.
 */
import { isPlainObject, PyFloat, pythonRepr, pythonStr, pythonTypeName } from '../core/python-json.js';
import { Column } from '../data/column.js';
import { DataFrame } from '../data/data-frame.js';
import { Tensor } from '../data/tensor.js';

/** The Python scalar a JS value stands for: integral numbers and bigints are ints, {@link PyFloat} is a float. */
export type PyScalarKind = 'int' | 'float' | 'bool' | 'str' | 'bytes';

/**
 * The kind of Python scalar `v` stands for, or undefined when `np.isscalar(v)` would be false
 * (None, datetimes, lists, dicts, arrays).
 *
 * @example pyScalarKind(2) // 'int'
 */
export function pyScalarKind(v: unknown): PyScalarKind | undefined {
  switch (typeof v) {
    case 'number':
      return Number.isInteger(v) ? 'int' : 'float';
    case 'bigint':
      return 'int';
    case 'boolean':
      return 'bool';
    case 'string':
      return 'str';
    default:
      if (v instanceof PyFloat) return 'float';
      return v instanceof Uint8Array ? 'bytes' : undefined;
  }
}

/** A number from a JS number, bigint or {@link PyFloat}; NaN for anything else. */
export function pyNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return v instanceof PyFloat ? v.value : NaN;
}

/** True for Python's None and float NaN, which pandas both treat as missing. */
export function isMissing(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  return (typeof v === 'number' || v instanceof PyFloat) && Number.isNaN(pyNumber(v));
}

/** `type(v).__name__`, knowing Modeldock's ndarray, DataFrame and Series stand-ins. */
export function pyTypeName(v: unknown): string {
  if (v instanceof Tensor) return 'ndarray';
  if (v instanceof DataFrame) return 'DataFrame';
  if (v instanceof Column) return 'Series';
  return pythonTypeName(v);
}

const QUALIFIED: Readonly<Record<string, string>> = {
  ndarray: 'numpy.ndarray',
  DataFrame: 'pandas.core.frame.DataFrame',
  Series: 'pandas.core.series.Series',
  datetime: 'datetime.datetime',
};

/**
 * `str(type(v))` as MLflow's messages print it.
 *
 * @example pyClassRepr([1]) // "<class 'list'>"
 */
export function pyClassRepr(v: unknown): string {
  const name = pyTypeName(v);
  return `<class '${QUALIFIED[name] ?? name}'>`;
}

/** `str(v)`, with numpy's bracketed form for arrays. */
export function pyStr(v: unknown): string {
  if (v instanceof Tensor) return numpyStr(v.toNested());
  return pythonStr(v);
}

function numpyStr(v: unknown): string {
  return Array.isArray(v) ? `[${v.map(numpyStr).join(' ')}]` : pythonStr(v);
}

/**
 * A Python set literal of these items (in the given order; Python's own order varies by run).
 *
 * @example pySetRepr(['a']) // "{'a'}"
 */
export function pySetRepr(items: readonly unknown[]): string {
  return items.length === 0 ? 'set()' : `{${items.map(pythonRepr).join(', ')}}`;
}

/** A dict as Python sees it: a plain object or a `Map`. */
export type PyDict = Readonly<Record<string, unknown>> | ReadonlyMap<unknown, unknown>;

export function isPyDict(v: unknown): v is PyDict {
  return v instanceof Map || isPlainObject(v);
}

/** The entries of a dict, in insertion order. */
export function pyDictEntries(d: PyDict): [unknown, unknown][] {
  return d instanceof Map ? [...d.entries()] : Object.entries(d);
}

export function pyDictSize(d: PyDict): number {
  return d instanceof Map ? d.size : Object.keys(d).length;
}

/** A JS number that Python would hold as a float, marked so when its value is integral. */
export function asPyFloat(x: number): number | PyFloat {
  return Number.isInteger(x) ? new PyFloat(x) : x;
}

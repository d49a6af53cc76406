/**
 * MLflow's `repr` strings for signature parts, as they appear inside enforcement error messages
 * (`'x': double (required)`, `Map(str -> DataType.long)`, `'p': long (default: 1)`).
 */
import { PyFloat, pythonRepr, pythonStr } from '../core/python-json.js';
import type { ColSpec, ColType, DataType, ObjectType, ParamSpec, Schema, TensorSpec } from './types.js';

/**
 * The repr of a column type: `double`, `Array(string)`, `{a: string (required)}`,
 * `Map(str -> DataType.double)`, `Any`.
 *
 * @example colTypeRepr({ kind: 'array', items: { kind: 'scalar', type: 'string' } }) // 'Array(string)'
 */
export function colTypeRepr(t: ColType): string {
  switch (t.kind) {
    case 'scalar':
      return t.type;
    case 'array':
      return `Array(${colTypeRepr(t.items)})`;
    case 'object':
      return objectRepr(t);
    case 'map':
      // MLflow formats the value type with str(), which for a scalar DataType is `DataType.long`.
      return `Map(str -> ${colTypeStr(t.values)})`;
    case 'any':
      return 'Any';
    case 'sparkml_vector':
      return 'SparkML vector';
  }
}

/**
 * The `str()` of a column type: like {@link colTypeRepr} but scalars read `DataType.long`, as
 * MLflow's f-strings print them.
 *
 * @example colTypeStr({ kind: 'scalar', type: 'long' }) // 'DataType.long'
 */
export function colTypeStr(t: ColType): string {
  return t.kind === 'scalar' ? dataTypeStr(t.type) : colTypeRepr(t);
}

/**
 * `str(DataType.x)` as MLflow's messages print it.
 *
 * @example dataTypeStr('long') // 'DataType.long'
 */
export function dataTypeStr(t: DataType): string {
  return `DataType.${t}`;
}

function required(r: boolean): string {
  return r ? 'required' : 'optional';
}

function objectRepr(t: ObjectType): string {
  const props = t.properties.map((p) => `${p.name}: ${colTypeRepr(p.type)} (${required(p.required)})`);
  return `{${props.join(', ')}}`;
}

/**
 * The repr of a ColSpec: `'x': double (required)`, or `long (optional)` when unnamed.
 *
 * @example colSpecRepr({ kind: 'column', name: 'x', type: { kind: 'scalar', type: 'double' }, required: true })
 */
export function colSpecRepr(c: ColSpec): string {
  const body = `${colTypeRepr(c.type)} (${required(c.required)})`;
  return c.name === undefined ? body : `${pythonRepr(c.name)}: ${body}`;
}

/** A shape as a Python tuple: `(-1, 4)`, `(-1,)`, `()`. */
export function shapeRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/**
 * The repr of a TensorSpec: `'x': Tensor('float64', (-1, 4))`, or without the name part.
 *
 * @example tensorSpecRepr({ kind: 'tensor', dtype: 'float32', shape: [-1, 4] }) // "Tensor('float32', (-1, 4))"
 */
export function tensorSpecRepr(t: TensorSpec): string {
  const body = `Tensor(${pythonRepr(t.dtype)}, ${shapeRepr(t.shape)})`;
  return t.name === undefined ? body : `${pythonRepr(t.name)}: ${body}`;
}

/**
 * The repr of a schema: a Python list of its specs' reprs.
 *
 * @example schemaRepr(schema) // "['a': double (required), 'b': string (optional)]"
 */
export function schemaRepr(s: Schema): string {
  const items = s.kind === 'columns' ? s.specs.map(colSpecRepr) : s.specs.map(tensorSpecRepr);
  return `[${items.join(', ')}]`;
}

/** The repr of a param's type: the DataType name, or the Object repr. */
export function paramTypeRepr(type: ParamSpec['type']): string {
  return typeof type === 'string' ? type : objectRepr(type);
}

/**
 * The repr of a ParamSpec: `'p': long (default: 1)`, plus ` (shape: (-1,))` for list params.
 *
 * @example paramSpecRepr({ name: 'p', type: 'long', default: 1, shape: null }) // "'p': long (default: 1)"
 */
export function paramSpecRepr(p: ParamSpec): string {
  const shape = p.shape === null ? '' : ` (shape: ${shapeRepr(p.shape)})`;
  return `${pythonRepr(p.name)}: ${paramTypeRepr(p.type)} (default: ${paramDefaultStr(p)})${shape}`;
}

/**
 * `str(default)` of a param as Python holds it: floats for float/double types, `datetime` objects
 * (printed `2024-01-02 03:04:05`) for datetime types, whose defaults Modeldock keeps as ISO text.
 */
export function paramDefaultStr(p: Pick<ParamSpec, 'type' | 'default'>): string {
  const v = p.default;
  if (p.type === 'datetime') {
    if (typeof v === 'string') return v.replace('T', ' ');
    if (Array.isArray(v))
      return `[${v.map((x) => (typeof x === 'string' ? isoDatetimeRepr(x) : pythonRepr(x))).join(', ')}]`;
  }
  if (p.type === 'float' || p.type === 'double') {
    if (typeof v === 'number') return pythonStr(new PyFloat(v));
    if (Array.isArray(v))
      return pythonStr(v.map((x: unknown) => (typeof x === 'number' ? new PyFloat(x) : x)));
  }
  return pythonStr(v);
}

/** `repr(datetime)` / `repr(date)` for an isoformat string. */
function isoDatetimeRepr(iso: string): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d):(\d\d)(?:\.(\d{6}))?)?$/.exec(iso);
  if (!m) return pythonRepr(iso);
  const [, y, mo, d, h, mi, s, us] = m.map((x) => (x === undefined ? undefined : Number(x)));
  if (h === undefined) return `datetime.date(${y}, ${mo}, ${d})`;
  const parts = [y, mo, d, h, mi];
  if (s || us) parts.push(s);
  if (us) parts.push(us);
  return `datetime.datetime(${parts.join(', ')})`;
}

/**
 * Turns the fixtures' JSON renderings of Python values (see ../shared/fixtures/README.md) into
 * Modeldock's in-memory values, and back, so recorded MLflow behaviour can be replayed in Node.
 */
import { PyFloat } from '../../src/core/python-json.js';
import { Column, type ColumnLabel } from '../../src/data/column.js';
import { DataFrame } from '../../src/data/data-frame.js';
import { allocate, type DType, isBigIntStorage, isFixedWidth, NAT } from '../../src/data/dtype.js';
import { Tensor } from '../../src/data/tensor.js';

export interface RenderedFrame {
  columns: ColumnLabel[];
  dtypes: string[];
  data: unknown[][];
  index?: unknown[];
  object_column_value_types?: Record<string, string[]>;
}
export interface RenderedArray {
  dtype: string;
  shape: number[];
  data: unknown;
}
export interface RenderedSeries {
  name: ColumnLabel | null;
  dtype: string;
  data: unknown[];
}

/**
 * A tagged cell or plain JSON value → the JS value Modeldock uses (bytes → Uint8Array, datetime → Date).
 * A {@link PyFloat} (from reading the fixture with `pythonJsonLoads`, which keeps `1.0` apart from `1`)
 * stays one: it is how a JS value says "Python float".
 */
export function decodeCell(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decodeCell);
  if (v === null || typeof v !== 'object' || v instanceof PyFloat) return v;
  const o = v as Record<string, unknown>;
  if ('$bytes' in o) return new Uint8Array(Buffer.from(String(o.$bytes), 'base64'));
  if ('$datetime' in o) return o.$datetime === null ? null : parseDatetime(String(o.$datetime));
  if ('$float' in o)
    return Number(o.$float === 'Infinity' ? Infinity : o.$float === '-Infinity' ? -Infinity : NaN);
  if ('$ndarray' in o) return toTensor(o.$ndarray as RenderedArray);
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decodeCell(x)]));
}

/** An isoformat datetime (naive = UTC; an explicit offset is honoured) as a Date. */
function parseDatetime(iso: string): Date {
  return new Date(/(Z|[+-]\d\d:?\d\d)$/.test(iso) ? iso : `${iso}Z`);
}

/** pandas dtype names that Modeldock stores as `object` columns. */
const OBJECT_LIKE = new Set(['object', 'string', 'category', 'Int64', 'Int32', 'boolean', 'str']);

function toDType(pandasDtype: string): DType {
  if (OBJECT_LIKE.has(pandasDtype)) return 'object';
  if (pandasDtype.startsWith('datetime64')) return 'datetime64[ns]';
  if (pandasDtype.startsWith('<U') || pandasDtype === 'str') return 'str';
  if (pandasDtype.startsWith('|S') || pandasDtype === 'bytes') return 'bytes';
  return pandasDtype as DType;
}

function store(dtype: DType, cells: unknown[]): Column['values'] {
  if (!isFixedWidth(dtype)) return cells.map(decodeCell);
  const out = allocate(dtype, cells.length);
  cells.forEach((raw, i) => {
    const decoded = decodeCell(raw);
    const v = decoded instanceof PyFloat ? decoded.value : decoded;
    if (dtype === 'datetime64[ns]') {
      (out as BigInt64Array)[i] = v === null ? NAT : BigInt((v as Date).getTime()) * 1_000_000n;
    } else if (isBigIntStorage(dtype)) {
      (out as BigInt64Array)[i] = BigInt(v as number);
    } else if (dtype === 'bool') {
      (out as Uint8Array)[i] = v ? 1 : 0;
    } else {
      (out as Float64Array)[i] = v === null ? NaN : (v as number);
    }
  });
  return out;
}

export function toDataFrame(r: RenderedFrame): DataFrame {
  const columns = r.columns.map(
    (name, j) =>
      new Column(
        name,
        toDType(r.dtypes[j]!),
        store(
          toDType(r.dtypes[j]!),
          r.data.map((row) => row[j]),
        ),
      ),
  );
  return new DataFrame(columns, r.data.length);
}

export function toColumn(r: RenderedSeries): Column {
  const dtype = toDType(r.dtype);
  return new Column(r.name ?? 0, dtype, store(dtype, r.data));
}

export function toTensor(r: RenderedArray): Tensor {
  const flat: unknown[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (depth < r.shape.length && Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
    else flat.push(v);
  };
  walk(r.data, 0);
  const dtype = toDType(r.dtype);
  return new Tensor(dtype, r.shape, store(dtype, flat));
}

/**
 * A fixture input rendered from Python → the equivalent Modeldock input, guided by the fixture's
 * `python_type` / `input_python_type` string.
 */
export function fromPython(pythonType: string | undefined, rendered: unknown): unknown {
  if (pythonType === 'pandas.DataFrame') return toDataFrame(rendered as RenderedFrame);
  if (pythonType === 'pandas.Series') return toColumn(rendered as RenderedSeries);
  if (pythonType === 'numpy.ndarray') return toTensor(rendered as RenderedArray);
  if (pythonType?.startsWith('dict[str, numpy.ndarray]'))
    return Object.fromEntries(
      Object.entries(rendered as Record<string, RenderedArray>).map(([k, v]) => [k, toTensor(v)]),
    );
  return decodeCell(rendered);
}

/** A Modeldock value → the fixtures' rendering, to compare with what MLflow's model received. */
export function render(value: unknown): unknown {
  if (value instanceof DataFrame) {
    return {
      columns: value.columnNames,
      dtypes: value.columns.map((c) => c.dtype),
      data: Array.from({ length: value.length }, (_, i) =>
        value.columns.map((c) => renderCell(c.dtype, c.get(i))),
      ),
    };
  }
  if (value instanceof Tensor)
    return { dtype: value.dtype, shape: [...value.shape], data: renderCell(value.dtype, value.toNested()) };
  return renderCell('object', value);
}

function renderCell(dtype: DType, v: unknown): unknown {
  if (v instanceof PyFloat) return renderCell(dtype, v.value);
  if (dtype === 'datetime64[ns]' && typeof v === 'bigint')
    return {
      $datetime: v === NAT ? null : new Date(Number(v / 1_000_000n)).toISOString().replace(/\.000Z$|Z$/, ''),
    };
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' && !Number.isFinite(v))
    return { $float: Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity' };
  if (v instanceof Uint8Array) return { $bytes: Buffer.from(v).toString('base64') };
  if (v instanceof Date) return { $datetime: v.toISOString().replace(/\.000Z$|Z$/, '') };
  if (v instanceof Tensor) return { $ndarray: render(v) };
  if (Array.isArray(v)) return v.map((x) => renderCell(dtype, x));
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, renderCell('object', x)]));
  return v;
}

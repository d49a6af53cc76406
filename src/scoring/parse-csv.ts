/**
 * A `text/csv` scoring body → a DataFrame, as `pandas.read_csv` reads it: a header row, commas,
 * double-quoted fields, and the schema's dtypes for named scalar columns.
 */
import { MlflowError } from '../core/mlflow-error.js';
import { pythonRepr } from '../core/python-json.js';
import type { DataFrame } from '../data/data-frame.js';
import type { Schema } from '../schema/types.js';
import { castFrame } from './frame-from-json.js';
import { parsePythonFloat } from './python-casts.js';

/** The header and the cells of each column; `tooWide` is the first data line with more fields than the header. */
interface CsvColumns {
  readonly header: string[];
  readonly columns: (string | number)[][];
  readonly rows: number;
  readonly tooWide?: { line: number; fields: number };
}

/**
 * `-?digits[.digits]` between `from` and `to` as a number, or undefined. With at most 15 digits the
 * integer of all digits divided by a power of ten is exactly what `Number(text)` gives.
 */
function fastDecimal(text: string, from: number, to: number): number | undefined {
  let i = from;
  const negative = text.charCodeAt(i) === 45;
  if (negative) i++;
  let digits = 0;
  let scale = -1;
  let mantissa = 0;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (scale >= 0) scale++;
    } else if (c === 46 && scale < 0 && digits > 0) scale = 0;
    else return undefined;
  }
  if (digits === 0 || digits > 15 || scale === 0) return undefined;
  const value = scale > 0 ? mantissa / 10 ** scale : mantissa;
  return negative ? -value : value;
}

/** Columns straight from unquoted text, with no per-row arrays and no substrings for numeric columns: the 1M-row path. */
function plainColumns(text: string, isNumeric: (name: string) => boolean): CsvColumns | undefined {
  const lines = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  let start = lines.indexOf('\n');
  const header = (start < 0 ? lines : lines.slice(0, start)).split(',');
  if (header.length === 1 && header[0] === '') return undefined;
  const columns = header.map(() => [] as (string | number)[]);
  const numeric = header.map(isNumeric);
  let rows = 0;
  for (start = start < 0 ? lines.length : start + 1; start < lines.length;) {
    let end = lines.indexOf('\n', start);
    if (end < 0) end = lines.length;
    if (end > start) {
      let from = start;
      let wide = false;
      for (let j = 0; j < columns.length; j++) {
        let to = lines.indexOf(',', from);
        if (to < 0 || to > end) to = end;
        else if (j === columns.length - 1) wide = true;
        const fast = numeric[j] && from < to ? fastDecimal(lines, from, to) : undefined;
        (columns[j] as (string | number)[]).push(fast ?? (from <= end ? lines.slice(from, to) : ''));
        from = to + 1;
      }
      if (wide)
        return {
          header,
          columns,
          rows,
          tooWide: { line: rows + 2, fields: lines.slice(start, end).split(',').length },
        };
      rows++;
    }
    start = end + 1;
  }
  return { header, columns, rows };
}

function csvColumns(text: string, isNumeric: (name: string) => boolean): CsvColumns | undefined {
  if (!text.includes('"')) return plainColumns(text, isNumeric);
  const [header, ...records] = csvRecords(text);
  if (!header) return undefined;
  const wide = records.findIndex((r) => r.length > header.length);
  const columns = header.map((_, j) => records.map((r) => r[j] ?? ''));
  const tooWide = wide < 0 ? undefined : { line: wide + 2, fields: records[wide]?.length ?? 0 };
  return { header, columns, rows: records.length, ...(tooWide ? { tooWide } : {}) };
}

/**
 * RFC 4180 records: quoted fields may hold commas, newlines and doubled quotes.
 *
 * @example csvRecords('a,b\n"1,5",x\n') // [['a', 'b'], ['1,5', 'x']]
 */
export function csvRecords(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

function emptyAsNull(cells: readonly (string | number)[]): (string | number | null)[] {
  const out = new Array<string | number | null>(cells.length);
  for (let i = 0; i < cells.length; i++) out[i] = cells[i] === '' ? null : (cells[i] ?? null);
  return out;
}

/** A CSV cell without a schema type, as pandas infers it: int, float, NaN for empty, else the text. */
function inferCells(cells: readonly string[]): unknown[] {
  const present = cells.filter((c) => c !== '');
  if (present.every((c) => /^[+-]?\d+$/.test(c.trim())) && present.length === cells.length)
    return cells.map((c) => Number(c));
  if (present.every((c) => parsePythonFloat(c) !== undefined))
    return cells.map((c) => (c === '' ? null : parsePythonFloat(c)));
  return cells.map((c) => (c === '' ? null : c));
}

function csvError(detail: string): MlflowError {
  return new MlflowError(
    `Failed to parse input as a Pandas DataFrame. Ensure that the input is a valid CSV-formatted Pandas DataFrame produced using the \`pandas.DataFrame.to_csv()\` method. Error: '${detail}'`,
    'BAD_REQUEST',
  );
}

/**
 * Parses a CSV body into a frame typed by the schema (empty cells are missing values).
 *
 * @example parseCsv('x,y\n1,2\n', schema).columnNames // ['x', 'y']
 */
export function parseCsv(text: string, schema: Schema | null): DataFrame {
  const named = schema?.kind === 'columns' && schema.specs.every((s) => s.name !== undefined);
  const specOf = (name: string) => (named ? schema.specs.find((s) => s.name === name) : undefined);
  const isNumeric = (name: string): boolean => {
    const type = specOf(name)?.type;
    return type?.kind === 'scalar' && (type.type === 'double' || type.type === 'float');
  };
  const parsed = csvColumns(text, isNumeric);
  if (!parsed) throw csvError('No columns to parse from file');
  const { header, columns, rows, tooWide } = parsed;
  if (tooWide)
    throw csvError(
      `Error tokenizing data. C error: Expected ${header.length} fields in line ${tooWide.line}, saw ${tooWide.fields}\n`,
    );
  const typed = header.map((name, j) => {
    const cells = columns[j] ?? [];
    if (specOf(name)?.type.kind === 'scalar') return emptyAsNull(cells);
    return inferCells(cells as string[]);
  });
  try {
    return castFrame(named ? schema : null, header, typed, rows);
  } catch (error) {
    if (error instanceof MlflowError) throw csvError(pythonRepr(error.message));
    throw error;
  }
}

import { MlflowError } from '../core/mlflow-error.js';
import type { Column } from './column.js';
import { type ColumnLabel } from './column.js';

/**
 * A table held by columns, like a pandas DataFrame: every column has one dtype and the same length.
 * It never holds per-row objects, so enforcement and models walk typed arrays.
 *
 * @example
 * const df = new DataFrame([new Column('x', 'float64', Float64Array.of(1.5, 2.5))]);
 * df.column('x').values; // Float64Array [1.5, 2.5]
 */
export class DataFrame {
  readonly columns: readonly Column[];
  readonly length: number;
  private readonly byName: Map<ColumnLabel, Column>;

  constructor(columns: readonly Column[], length?: number) {
    this.columns = columns;
    this.length = length ?? columns[0]?.length ?? 0;
    this.byName = new Map(columns.map((c) => [c.name, c]));
    for (const c of columns) {
      if (c.length !== this.length)
        throw new MlflowError(
          `Column ${String(c.name)} has ${c.length} rows, but the frame has ${this.length}.`,
          'INVALID_PARAMETER_VALUE',
        );
    }
  }

  /** The column labels, in order. */
  get columnNames(): ColumnLabel[] {
    return this.columns.map((c) => c.name);
  }

  has(name: ColumnLabel): boolean {
    return this.byName.has(name);
  }

  /** The column with this label; throws if there is none. */
  column(name: ColumnLabel): Column {
    const found = this.byName.get(name);
    if (!found) throw new MlflowError(`No column ${String(name)}.`, 'INVALID_PARAMETER_VALUE');
    return found;
  }

  /** A frame with these columns, in this order. */
  select(names: readonly ColumnLabel[]): DataFrame {
    return new DataFrame(
      names.map((n) => this.column(n)),
      this.length,
    );
  }

  /** A frame with one column replaced (or appended when the label is new). */
  withColumn(column: Column): DataFrame {
    const replaced = this.columns.map((c) => (c.name === column.name ? column : c));
    if (!this.byName.has(column.name)) replaced.push(column);
    return new DataFrame(replaced, this.length);
  }

  /** Rows as plain objects, for display and JSON output. Not for hot paths. */
  toRecords(): Record<string, unknown>[] {
    const rows: Record<string, unknown>[] = [];
    for (let i = 0; i < this.length; i++) {
      const row: Record<string, unknown> = {};
      for (const c of this.columns) row[String(c.name)] = c.get(i);
      rows.push(row);
    }
    return rows;
  }
}

import { type ColumnValues, type DType, type DTypeStorage, elementAt } from './dtype.js';

/** A column label: a string, or an integer as pandas allows (`df[0]`). */
export type ColumnLabel = string | number;

/**
 * One named column of a {@link DataFrame}: a dtype and its storage. Numeric columns live in typed
 * arrays; `object` columns in a plain array of JS values.
 *
 * @example new Column('x', 'float64', Float64Array.of(1, 2))
 */
export class Column<D extends DType = DType> {
  constructor(
    readonly name: ColumnLabel,
    readonly dtype: D,
    readonly values: DTypeStorage[D],
  ) {}

  get length(): number {
    return this.values.length;
  }

  /** Element `i` as a JS value (bool columns give booleans, 64-bit columns bigints). */
  get(i: number): unknown {
    return elementAt(this.dtype, this.values as ColumnValues, i);
  }

  /** All elements as JS values. */
  toArray(): unknown[] {
    return Array.from({ length: this.length }, (_, i) => this.get(i));
  }

  rename(name: ColumnLabel): Column<D> {
    return new Column(name, this.dtype, this.values);
  }
}

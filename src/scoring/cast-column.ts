/**
 * The scoring server's schema-first parsing of one column, as MLflow's server casts a freshly built
 * pandas frame with `astype` before enforcement: lenient (1.5 → 1, "1" → 1, "false" → true), with
 * MLflow's BAD_REQUEST wording when a cast fails.
 */
import { MlflowError } from '../core/mlflow-error.js';
import { Column, type ColumnLabel } from '../data/column.js';
import { type DType, NAT } from '../data/dtype.js';
import { columnFromValues } from '../data/from-js.js';
import { parseIsoToNanos } from '../model/python-datetime.js';
import { enforceCell } from '../schema/enforce-cells.js';
import { colTypeRepr } from '../schema/repr.js';
import type { ColType, DataType } from '../schema/types.js';
import {
  CastFailure,
  decodeBase64,
  toPythonBool,
  toPythonFloat,
  toPythonInt,
  toPythonStr,
} from './python-casts.js';

const PANDAS_DTYPE: Readonly<Record<DataType, string>> = {
  double: 'float64',
  float: 'float32',
  long: 'int64',
  integer: 'int32',
  boolean: 'bool',
  string: 'object',
  binary: "<class 'object'>",
  datetime: 'datetime64[ns]',
};

/**
 * The BAD_REQUEST MLflow answers when a column cannot be cast to its schema type.
 *
 * @example throw conversionError('x', 'int64', 'TypeError("...")');
 */
export function conversionError(name: ColumnLabel, typeText: string, failure: CastFailure): ColumnCastError {
  return new ColumnCastError(
    `Invalid input. Data is not compatible with model signature. Failed to convert column ${String(name)} to type '${typeText}'. Error: '${failure.repr}'`,
    failure.message,
  );
}

/**
 * A column that could not be cast; `detail` is the bare exception message, for the TF-serving formats' wording.
 *
 * @example if (error instanceof ColumnCastError) throw new MlflowError(`Invalid input. ${error.detail}`, 'BAD_REQUEST');
 */
export class ColumnCastError extends MlflowError {
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message, 'BAD_REQUEST');
  }
}

function intColumn(name: ColumnLabel, values: readonly unknown[], bits: 32 | 64): Column {
  const hasNumber = values.some((v) => typeof v === 'number');
  // pandas builds a float64 column from numbers with nulls; casting that to int fails on the NaN.
  if (hasNumber && values.every((v) => v === null || typeof v === 'number') && values.includes(null))
    throw new CastFailure('IntCastingNaNError', 'Cannot convert non-finite values (NA or inf) to integer');
  if (bits === 32) return new Column(name, 'int32', Int32Array.from(values, toPythonInt));
  return new Column(
    name,
    'int64',
    BigInt64Array.from(values, (v) => BigInt(toPythonInt(v))),
  );
}

function datetimeColumn(name: ColumnLabel, values: readonly unknown[]): Column {
  const out = new BigInt64Array(values.length);
  values.forEach((v, i) => {
    if (v === null) out[i] = NAT;
    else if (typeof v === 'number') out[i] = BigInt(Math.trunc(v));
    else {
      const ns = typeof v === 'string' ? parseIsoToNanos(v) : null;
      if (ns === null)
        throw new CastFailure(
          'DateParseError',
          `Unknown datetime string format, unable to parse: ${String(v)}, at position ${i}`,
        );
      out[i] = ns;
    }
  });
  return new Column(name, 'datetime64[ns]', out);
}

// A plain loop: TypedArray.from with a mapping function is several times slower on short columns.
function floats<A extends Float64Array | Float32Array>(values: readonly unknown[], out: A): A {
  for (let i = 0; i < values.length; i++) out[i] = toPythonFloat(values[i]);
  return out;
}

function scalarColumn(
  name: ColumnLabel,
  values: readonly unknown[],
  type: DataType,
  tfServing: boolean,
): Column {
  switch (type) {
    case 'double':
      return new Column(name, 'float64', floats(values, new Float64Array(values.length)));
    case 'float':
      return new Column(name, 'float32', floats(values, new Float32Array(values.length)));
    case 'long':
      return intColumn(name, values, 64);
    case 'integer':
      return intColumn(name, values, 32);
    case 'boolean':
      return new Column(
        name,
        'bool',
        Uint8Array.from(values, (v) => (toPythonBool(v) ? 1 : 0)),
      );
    case 'datetime':
      return datetimeColumn(name, values);
    case 'binary':
      return new Column<DType>(name, 'object', values.map(decodeBase64));
    case 'string':
      return new Column<DType>(name, 'object', tfServing ? values.map(toPythonStr) : [...values]);
  }
}

function complexColumn(
  name: ColumnLabel,
  values: readonly unknown[],
  type: ColType,
  required: boolean,
): Column {
  for (const v of values) {
    const r = enforceCell(v, type, required);
    if (!r.ok) {
      const message = r.issues[0]?.message ?? '';
      throw conversionError(name, colTypeRepr(type), new CastFailure('MlflowException', message));
    }
  }
  return new Column<DType>(name, 'object', [...values]);
}

/**
 * One column of JSON values cast to a column type as MLflow's scoring server does before
 * enforcement; `undefined` type (no spec, or `any`) infers the dtype as pandas would. `tfServing`
 * is numpy's cast for `inputs`/`instances`, where strings are made of any scalar.
 *
 * @example castColumn('x', [1.5, '2'], { kind: 'scalar', type: 'long' }, true).values // BigInt64Array [1n, 2n]
 */
export function castColumn(
  name: ColumnLabel,
  values: readonly unknown[],
  type: ColType | undefined,
  required = true,
  tfServing = false,
): Column {
  if (!type || type.kind === 'any') return columnFromValues(name, values);
  if (type.kind !== 'scalar') return complexColumn(name, values, type, required);
  try {
    return scalarColumn(name, values, type.type, tfServing);
  } catch (error) {
    if (!(error instanceof CastFailure)) throw error;
    throw conversionError(name, PANDAS_DTYPE[type.type], error);
  }
}

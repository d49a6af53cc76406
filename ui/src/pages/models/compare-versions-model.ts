import type { Run } from '../../../../src/client/entities.js';
import { colTypeRepr, shapeRepr } from '../../../../src/schema/repr.js';
import type { ModelSignature, Schema } from '../../../../src/schema/types.js';

/** One row of the comparison: a value per version (undefined where it has none), and whether they differ. */
export interface DiffRow<T> {
  readonly key: string;
  readonly values: readonly (T | undefined)[];
  readonly differs: boolean;
}

/**
 * Rows for every key any version has. An undefined map (values not loaded) is left out of the
 * differs test, so a version still loading marks nothing as different.
 */
function diffRows<T>(
  maps: readonly (ReadonlyMap<string, T> | undefined)[],
  order: 'sorted' | 'as-found',
): DiffRow<T>[] {
  const keys = [...new Set(maps.flatMap((m) => (m ? [...m.keys()] : [])))];
  if (order === 'sorted') keys.sort((a, b) => a.localeCompare(b));
  return keys.map((key) => {
    const values = maps.map((m) => m?.get(key));
    const compared = values.filter((_, i) => maps[i] !== undefined);
    return { key, values, differs: compared.some((v) => !Object.is(v, compared[0])) };
  });
}

/** Each run's params; a version without a (found) run has none. */
export const paramRows = (runs: readonly (Run | undefined)[]): DiffRow<string>[] =>
  diffRows(
    runs.map((r) => new Map((r?.data.params ?? []).map((p) => [p.key, p.value]))),
    'sorted',
  );

/** Each run's latest metric values. */
export const metricRows = (runs: readonly (Run | undefined)[]): DiffRow<number>[] =>
  diffRows(
    runs.map((r) => new Map((r?.data.metrics ?? []).map((m) => [m.key, m.value]))),
    'sorted',
  );

/** Column or tensor name → its type as MLflow writes it, e.g. `double` or `Tensor(float32, (-1, 4))`. */
export function schemaEntries(schema: Schema | null): Map<string, string> {
  if (!schema) return new Map();
  if (schema.kind === 'columns')
    return new Map(
      schema.specs.map((s, i) => [
        s.name === undefined ? `(column ${i})` : String(s.name),
        `${colTypeRepr(s.type)}${s.required ? '' : ' (optional)'}`,
      ]),
    );
  return new Map(
    schema.specs.map((s, i) => [s.name ?? `(tensor ${i})`, `Tensor(${s.dtype}, ${shapeRepr(s.shape)})`]),
  );
}

/**
 * Inputs and outputs rows over the versions' signatures. `undefined` is a version whose MLmodel
 * is not read (yet, or at all); `null` one without a signature, which counts as an empty schema.
 */
export function schemaRows(signatures: readonly (ModelSignature | null | undefined)[]): {
  inputs: DiffRow<string>[];
  outputs: DiffRow<string>[];
} {
  const side = (pick: (s: ModelSignature) => Schema | null) =>
    // Columns keep the schema's order (the first version's, then what later ones add).
    diffRows(
      signatures.map((s) => (s === undefined ? undefined : schemaEntries(s ? pick(s) : null))),
      'as-found',
    );
  return { inputs: side((s) => s.inputs), outputs: side((s) => s.outputs) };
}

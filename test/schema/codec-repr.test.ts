import { describe, expect, it } from 'vitest';
import { paramSchemaFromJson, schemaFromJson } from '../../src/schema/codec.js';
import { colTypeRepr, paramSpecRepr, schemaRepr } from '../../src/schema/repr.js';
import type { SignatureDict } from '../../src/schema/types.js';
import { readFixtureJson } from '../support/fixtures.js';

interface EnforcementCase {
  id: string;
  mlflow_version: string;
  signature: SignatureDict | null;
  error_message?: string;
}

const cases = readFixtureJson<EnforcementCase[]>('enforcement', 'enforcement.json').filter(
  (c) => c.mlflow_version === '3.6' && c.signature !== null && c.error_message !== undefined,
);

const schemaQuoted = cases.flatMap((c) => {
  const m = /with schema '(.*?)'\. Error/s.exec(c.error_message ?? '');
  return m && c.signature?.inputs ? [[c.id, c.signature.inputs, m[1]!] as const] : [];
});

const paramQuoted = cases.flatMap((c) => {
  const m = /(?:Failed to validate type and shape for|for param) ('(\w+)': .*?)(?:, error:|, received)/s.exec(
    c.error_message ?? '',
  );
  return m && c.signature?.params ? [[c.id, c.signature.params, m[2]!, m[1]!] as const] : [];
});

describe('schema reprs match the ones quoted in MLflow 3.6 enforcement errors (enforcement.json)', () => {
  it('finds quoted schemas and params to compare', () => {
    expect([schemaQuoted.length, paramQuoted.length]).toEqual([67, 14]);
  });

  it.each(schemaQuoted)('%s: schema repr', (_id, inputs, quoted) => {
    expect(schemaRepr(schemaFromJson(inputs))).toBe(quoted);
  });

  it.each(paramQuoted)('%s: ParamSpec repr', (_id, params, name, quoted) => {
    const spec = paramSchemaFromJson(params).params.find((p) => p.name === name)!;
    expect(paramSpecRepr(spec)).toBe(quoted);
  });
});

describe('reprs of types that enforcement messages do not cover', () => {
  it('writes Any, nested maps, SparkML vectors and unnamed specs', () => {
    expect(colTypeRepr({ kind: 'map', values: { kind: 'array', items: { kind: 'any' } } })).toBe(
      'Map(str -> Array(Any))',
    );
    expect(colTypeRepr({ kind: 'sparkml_vector' })).toBe('SparkML vector');
    const schema = schemaFromJson('[{"type": "long", "required": true}]');
    expect(schemaRepr(schema)).toBe('[long (required)]');
  });

  it('writes list params with their shape, and float defaults as floats', () => {
    const [a, b] = paramSchemaFromJson(
      '[{"name": "ids", "default": [1, 2], "shape": [-1], "type": "double"},' +
        ' {"name": "ts", "default": ["2024-01-02T03:04:05"], "shape": [-1], "type": "datetime"}]',
    ).params;
    expect(paramSpecRepr(a!)).toBe("'ids': double (default: [1.0, 2.0]) (shape: (-1,))");
    expect(paramSpecRepr(b!)).toBe(
      "'ts': datetime (default: [datetime.datetime(2024, 1, 2, 3, 4, 5)]) (shape: (-1,))",
    );
  });
});

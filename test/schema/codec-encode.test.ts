import { describe, expect, it } from 'vitest';
import { paramSchemaToJson, schemaToJson, signatureToDict } from '../../src/schema/codec.js';
import type { Schema } from '../../src/schema/types.js';

describe('schemaToJson writes MLflow 3.6 bytes for hand-built schemas', () => {
  it('sorts object properties, omits `required` on an object inside an array, escapes non-ASCII', () => {
    const schema: Schema = {
      kind: 'columns',
      specs: [
        {
          kind: 'column',
          name: 'café',
          required: true,
          type: {
            kind: 'array',
            items: {
              kind: 'object',
              properties: [
                { name: 'role', type: { kind: 'scalar', type: 'string' }, required: true },
                { name: 'content', type: { kind: 'map', values: { kind: 'any' } }, required: false },
              ],
            },
          },
        },
        { kind: 'column', name: 0, type: { kind: 'sparkml_vector' }, required: false },
      ],
    };
    expect(schemaToJson(schema)).toBe(
      '[{"type": "array", "items": {"type": "object", "properties": {"content": {"type": "map", "values": {"type": "any"}, "required": false}, ' +
        '"role": {"type": "string", "required": true}}}, "name": "caf\\u00e9", "required": true}, ' +
        '{"type": "sparkml_vector", "name": 0, "required": false}]',
    );
  });

  it('writes named tensors name first', () => {
    expect(
      schemaToJson({
        kind: 'tensors',
        specs: [{ kind: 'tensor', name: 'x', dtype: 'float64', shape: [-1, 2] }],
      }),
    ).toBe('[{"name": "x", "type": "tensor", "tensor-spec": {"dtype": "float64", "shape": [-1, 2]}}]');
  });

  it('writes params as name, default, shape, type, with float reprs and ISO datetimes', () => {
    expect(
      paramSchemaToJson({
        params: [
          { name: 'eps', type: 'double', default: 1e-5, shape: null },
          { name: 'big', type: 'float', default: 1e16, shape: null },
          { name: 'w', type: 'double', default: [1, 2], shape: [-1] },
          { name: 'at', type: 'datetime', default: new Date('2024-01-02T03:04:05Z'), shape: null },
        ],
      }),
    ).toBe(
      '[{"name": "eps", "default": 1e-05, "shape": null, "type": "double"}, ' +
        '{"name": "big", "default": 1e+16, "shape": null, "type": "float"}, ' +
        '{"name": "w", "default": [1.0, 2.0], "shape": [-1], "type": "double"}, ' +
        '{"name": "at", "default": "2024-01-02T03:04:05", "shape": null, "type": "datetime"}]',
    );
  });

  it('writes an empty ParamSchema as null, as MLflow does', () => {
    expect(signatureToDict({ inputs: null, outputs: null, params: { params: [] } })).toEqual({
      inputs: null,
      outputs: null,
      params: null,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { encodeProtoJson } from '../../src/server/http/proto-json.js';

// The fast path copies the message for native JSON.stringify; these pin the answers a client
// would see differ if that copy and the string builder ever disagreed.
describe('proto-JSON response encoding', () => {
  it('answers a search page as MLflow does: NaN/±Infinity as strings, empty lists and unset fields omitted', () => {
    const run = {
      info: { run_id: 'r1', end_time: undefined, start_time: 1_700_000_000_000 },
      data: {
        metrics: [
          { key: 'nan', value: Number.NaN, timestamp: 1, step: 0 },
          { key: 'inf', value: Infinity, timestamp: 1, step: 0 },
          { key: 'ninf', value: -Infinity, timestamp: 1, step: 0 },
          { key: 'third', value: 1 / 3, timestamp: 1, step: 0 },
        ],
        params: [],
        tags: [{ key: 'note', value: 'quote " backslash \\ line\u2028' }],
      },
      inputs: { dataset_inputs: [], model_inputs: [] },
    };
    expect(JSON.parse(encodeProtoJson({ runs: [run], next_page_token: null }))).toEqual({
      runs: [
        {
          info: { run_id: 'r1', start_time: 1_700_000_000_000 },
          data: {
            metrics: [
              { key: 'nan', value: 'NaN', timestamp: 1, step: 0 },
              { key: 'inf', value: 'Infinity', timestamp: 1, step: 0 },
              { key: 'ninf', value: '-Infinity', timestamp: 1, step: 0 },
              { key: 'third', value: 1 / 3, timestamp: 1, step: 0 },
            ],
            tags: [{ key: 'note', value: 'quote " backslash \\ line\u2028' }],
          },
          inputs: {},
        },
      ],
    });
  });

  it('keeps int64 values beyond 2^53 exact and a field named __proto__ as a field', () => {
    expect(encodeProtoJson({ size: 2n ** 63n - 1n, small: 5n })).toBe(
      '{"size":9223372036854775807,"small":5}',
    );
    expect(encodeProtoJson({ small: 5n, list: [1n, null] })).toBe('{"small":5,"list":[1,null]}');
    const message = JSON.parse('{"__proto__": {"a": []}, "b": 1}') as object;
    expect(encodeProtoJson(message)).toBe('{"__proto__":{},"b":1}');
  });
});

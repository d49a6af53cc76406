import { describe, expect, it } from 'vitest';
import { MlflowError } from '../../src/core/mlflow-error.js';
import { schemaFromJson } from '../../src/schema/codec.js';
import { csvRecords, parseCsv } from '../../src/scoring/parse-csv.js';

const schema = schemaFromJson(
  '[{"type": "double", "name": "x", "required": true}, {"type": "string", "name": "s", "required": false}]',
);

describe('CSV bodies (POST /invocations, Content-Type: text/csv)', () => {
  it('reads quoted fields with commas, doubled quotes and newlines', () => {
    expect(csvRecords('a,b\r\n"1,5","say ""hi""\nthere"\r\n')).toEqual([
      ['a', 'b'],
      ['1,5', 'say "hi"\nthere'],
    ]);
  });

  it('types named scalar columns by the schema and infers the others as pandas does', () => {
    const frame = parseCsv('x,s,n,f,t\n1,a,3,0.5,u\n2,,4,,v\n', schema);
    expect(frame.columns.map((c) => c.dtype)).toEqual(['float64', 'object', 'int64', 'float64', 'object']);
    expect(Array.from(frame.column('x').values as Float64Array)).toEqual([1, 2]);
    expect(frame.column('s').toArray()).toEqual(['a', null]);
    expect(Number.isNaN(frame.column('f').get(1))).toBe(true);
  });

  it('reads CRLF line ends and a missing final newline on the fast path', () => {
    const frame = parseCsv('x,s\r\n1.5,a\r\n2.5,b', schema);
    expect(frame.length).toBe(2);
    expect(frame.column('s').toArray()).toEqual(['a', 'b']);
  });

  it("answers MLflow's BAD_REQUEST for an empty body, a row too wide, or a bad number", () => {
    const failures = ['', 'x,s\n1,a,extra\n', 'x\nabc\n'];
    for (const text of failures) {
      const run = () => parseCsv(text, schema);
      expect(run).toThrow(MlflowError);
      expect(run).toThrow(/^Failed to parse input as a Pandas DataFrame/);
    }
  });
});

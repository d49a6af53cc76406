import { describe, expect, it } from 'vitest';
import { dumpPythonYaml, parsePythonYaml } from '../../src/model/mlmodel-yaml.js';
import { Model, PyFloat } from '../../src/index.js';
import { pyyamlLoad, runPython } from './python.js';

/** Strings that a naive YAML writer leaves plain and PyYAML then reads as something else, or cannot read. */
const TRICKY = [
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'Y',
  'N',
  'True',
  'FALSE',
  '~',
  'null',
  'Null',
  '',
  '2024-01-02',
  '2026-11-21 21:44:45.293008',
  '2024-1-2 3:04:05',
  '1e3',
  '1e+3',
  '1.5e+3',
  '0x10',
  '010',
  '09',
  '0b11',
  '0o10',
  '1_000',
  '1:20',
  '0:30',
  '1:20.5',
  '1.0',
  '3.11.7',
  '.5',
  '1.',
  '.inf',
  '-.inf',
  '.nan',
  'NaN',
  'Infinity',
  '+1',
  '-1',
  '0',
  ':',
  '#',
  'a: b',
  'a #b',
  'a#b',
  '  leading spaces',
  'trailing  ',
  'multi\nline\n',
  '\n',
  ' ',
  '\t',
  'tab\tinside',
  'crlf\r\n',
  'unicode é ☃ 😀 中文',
  '=',
  '<<',
  '-',
  '- a',
  '?',
  '? x',
  '[x]',
  '{x: 1}',
  '!x',
  '&a',
  '*a',
  '|',
  '>',
  '%x',
  '@x',
  '`x',
  '"q"',
  "'s'",
  "it's",
  'back\\slash',
  '---',
  '...',
  '--- x',
  '\u0000',
  '\u0007',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\ufeff',
  'x\ud800y',
  'mlflow-artifacts:/1/models/m-0d4b/artifacts',
  'a'.repeat(300),
];

describe('MLmodel YAML that Python reads back exactly', () => {
  it('a hand-made model with tricky strings as values, list items and keys reads back identically in PyYAML', () => {
    const model = new Model({
      runId: 'yes',
      artifactPath: '2024-01-02',
      mlflowVersion: '1.0',
      metadata: { values: TRICKY, keyed: Object.fromEntries(TRICKY.map((s, i) => [s, i])) },
      envVars: ['on', 'off', '010'],
      extra: { custom_key: { nested: ['null', '~', ''] } },
    });
    model.addFlavor('python_function', { loader_module: 'mlflow.pyfunc.model', python_version: '3.11.7' });
    const [read] = pyyamlLoad([model.toYaml()]);
    expect(read).toEqual(JSON.parse(JSON.stringify(model.toDict())));
    expect(Model.fromYaml(model.toYaml()).toDict()).toEqual(model.toDict());
  });

  it('numbers stay numbers of the same value, and versions stay strings', () => {
    const values = [0, 1, -7, 0.5, 1e21, 1e-7, 1.5e300, 2 ** 53 + 2, 0.1 + 0.2, 1 / 3, -2.5e-10, 123456.789];
    const text = dumpPythonYaml({ values, bigint: 2n ** 70n, versions: ['3.11.7', '1.0', '2', '1.23.1'] });
    const [read] = pyyamlLoad([text]) as [
      { values: (number | PyFloat)[]; bigint: bigint; versions: string[] },
    ];
    expect(read.values.map((v) => (v instanceof PyFloat ? v.value : v))).toEqual(values);
    expect(read.versions).toEqual(['3.11.7', '1.0', '2', '1.23.1']);
    expect(read.bigint).toBe(2n ** 70n);
    // Safe integers are Python ints; anything else a JS number holds is a double, so a Python float.
    const types = runPython('result = [type(v).__name__ for v in yaml.safe_load(data)["values"]]', text);
    expect(types).toEqual(values.map((v) => (Number.isSafeInteger(v) ? 'int' : 'float')));
    // A float with an integral value (YAML `2.0`) is read as PyFloat and written back as a float.
    const floats = parsePythonYaml('a: 2.0\nb: 2\n') as Record<string, unknown>;
    expect(floats).toEqual({ a: new PyFloat(2), b: 2 });
    expect(dumpPythonYaml(floats)).toBe('a: 2.0\nb: 2\n');
    const special = runPython(
      'result = [repr(v) for v in yaml.safe_load(data)]',
      dumpPythonYaml([NaN, Infinity, -Infinity]),
    );
    expect(special).toEqual(['nan', 'inf', '-inf']);
  });

  it('writes keys sorted and in block style, without folding long strings', () => {
    const text = dumpPythonYaml({ b: { d: [1, 2], c: 'x'.repeat(200) }, a: null });
    expect(text).toBe(`a: null\nb:\n  c: ${'x'.repeat(200)}\n  d:\n  - 1\n  - 2\n`);
  });

  it('reads plain scalars with PyYAML resolvers (y, 1e3 and 09 stay strings; yes, 0x10, 1:20 do not)', () => {
    const scalars = [
      'y',
      'n',
      '1e3',
      '09',
      '0:30',
      'yes',
      'Off',
      '0x10',
      '010',
      '1:20',
      '1.5e-07',
      '1_000',
      '~',
      '.inf',
    ];
    const text = scalars.map((s, i) => `k${i}: ${s}`).join('\n');
    const [python] = pyyamlLoad([text]);
    const ours = parsePythonYaml(text) as Record<string, unknown>;
    expect(ours).toEqual(python);
    expect(ours.k0).toBe('y');
    expect(ours.k5).toBe(true);
    expect(ours.k13).toBe(Infinity);
  });

  it('reads timestamps as dates, merge keys and the last of duplicate keys, as PyYAML does', () => {
    const text =
      'base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\nt: 2024-01-02 03:04:05.5\nd: 2024-01-02\nk: 1\nk: 2\n';
    const ours = parsePythonYaml(text) as Record<string, unknown>;
    expect(ours.m).toEqual({ x: 1, y: 3 });
    expect(ours.t).toEqual(new Date('2024-01-02T03:04:05.500Z'));
    expect(ours.d).toEqual(new Date('2024-01-02T00:00:00Z'));
    expect(ours.k).toBe(2);
    const python = runPython('d = yaml.safe_load(data)\nresult = [d["m"], d["t"].isoformat(), d["k"]]', text);
    expect(python).toEqual([{ x: 1, y: 3 }, '2024-01-02T03:04:05.500000', 2]);
  });

  it('an unquoted utc_time_created (read as a timestamp) becomes the Python str of that datetime', () => {
    const model = Model.fromYaml('flavors: {}\nutc_time_created: 2024-01-02 03:04:05.25\n');
    expect(model.utcTimeCreated).toBe('2024-01-02 03:04:05.250000');
  });
});

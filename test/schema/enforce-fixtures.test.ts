/**
 * Replays MLflow 3.6's recorded pyfunc enforcement (../shared/fixtures/enforcement): each case's
 * signature, input and params go through enforceSignature, and what the model would receive (or
 * MLflow's error message) must match what MLflow's model received (or raised).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonJsonLoads } from '../../src/core/python-json.js';
import { signatureFromDict } from '../../src/schema/codec.js';
import { enforceSignature, formatEnforcementError } from '../../src/schema/enforce.js';
import type { SignatureDict } from '../../src/schema/types.js';
import { FIXTURES } from '../support/fixtures.js';
import { fromPython, render } from '../support/python-values.js';

interface EnforcementCase {
  id: string;
  mlflow_version: string;
  via: string;
  description: string;
  signature: SignatureDict | null;
  input_python_type?: string;
  input_json?: unknown;
  params?: unknown;
  params_python_types?: Record<string, string> | null;
  outcome: 'ok' | 'error';
  converted_python_type?: string;
  converted?: Record<string, unknown>;
  params_received?: Record<string, unknown> | null;
  error_message?: string;
  warnings?: string[];
  differs_from_3_6?: string;
}

const text = readFileSync(join(FIXTURES, 'enforcement', 'enforcement.json'), 'utf8');
const cases = JSON.parse(text) as EnforcementCase[];
// Read once more keeping Python's `1.0` apart from `1` (as PyFloat), so inputs keep their Python types.
const pythonCases = pythonJsonLoads(text) as EnforcementCase[];

/** Cases Modeldock cannot replay, with the reason. */
const CANNOT_REPLAY: Readonly<Record<string, string>> = {
  datetime_tz_aware:
    'Modeldock has no tz-aware datetime dtype: a JS Date is an instant, so the column is plain datetime64[ns]',
  string_from_category:
    "Modeldock has no pandas 'category' dtype; the fixture input becomes an object column",
  map_non_str_key:
    "the fixture's JSON rendering turned the int key 1 into the string '1'; JS object keys are strings",
};

function inputOf(c: EnforcementCase, py: EnforcementCase): unknown {
  return fromPython(c.input_python_type, py.input_json);
}

function paramsOf(c: EnforcementCase, py: EnforcementCase): unknown {
  if (py.params === undefined || py.params === null) return undefined;
  if (Array.isArray(py.params) || typeof py.params !== 'object') return fromPython(undefined, py.params);
  return Object.fromEntries(
    Object.entries(py.params).map(([k, v]) => [k, fromPython(c.params_python_types?.[k], v)]),
  );
}

function renderInput(value: unknown, pythonType: string | undefined): unknown {
  if (pythonType?.startsWith('dict[str, numpy.ndarray]'))
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, render(v)]),
    );
  return render(value);
}

function withoutValueTypes(rendered: Record<string, unknown> | undefined): unknown {
  if (!rendered) return rendered;
  return Object.fromEntries(Object.entries(rendered).filter(([k]) => k !== 'object_column_value_types'));
}

/** Python sets print in a per-run order: sort the items of each `{'a', 'b'}` before comparing. */
function sortSets(s: string): string {
  return s.replace(
    /\{('[^']*'(?:, '[^']*')*)\}/g,
    (_m, inner: string) => `{${inner.split(', ').sort().join(', ')}}`,
  );
}

const WARNING_PREFIX = /^WARNING mlflow\.[\w.]+: /;

function expectError(c: EnforcementCase, issues: Parameters<typeof formatEnforcementError>[1]): void {
  const signature = c.signature ? signatureFromDict(c.signature) : null;
  const message = formatEnforcementError(signature?.inputs ?? null, issues);
  const expected = c.error_message ?? '';
  const at = expected.indexOf("'. Error: ");
  if (!expected.startsWith('Failed to enforce schema of data ') || at < 0) {
    expect(sortSets(message)).toBe(sortSets(expected));
    return;
  }
  const schemaAt = expected.lastIndexOf(" with schema '", at);
  expect(issues[0]?.message).toBe(expected.slice(at + "'. Error: ".length));
  expect(message).toBe(`Failed to enforce schema of data${expected.slice(schemaAt)}`);
}

function replay(c: EnforcementCase, py: EnforcementCase): void {
  const signature = c.signature ? signatureFromDict(c.signature) : null;
  const result = enforceSignature(signature, inputOf(c, py), paramsOf(c, py));
  if (c.outcome === 'error') {
    expect(result.ok, 'MLflow rejected this input').toBe(false);
    if (!result.ok) expectError(c, result.issues);
    return;
  }
  if (!result.ok) expect.fail(`rejected: ${result.issues[0]?.message ?? ''}`);
  expect(renderInput(result.value.input, c.converted_python_type)).toEqual(withoutValueTypes(c.converted));
  expect(render(result.value.params)).toEqual(c.params_received ?? {});
  const expectedWarnings = (c.warnings ?? []).map((w) => sortSets(w.replace(WARNING_PREFIX, '')));
  expect(result.warnings.map(sortSets)).toEqual(expectedWarnings);
}

describe('schema enforcement replays MLflow pyfunc predict (fixtures/enforcement)', () => {
  cases.forEach((c, i) => {
    if (c.via !== 'pyfunc') return;
    const name = `${c.id}: ${c.description}`;
    if (c.mlflow_version !== '3.6') {
      it.skip(`${name} (Modeldock follows MLflow 3.6; 2.12 differed: ${c.differs_from_3_6 ?? ''})`, () => {});
      return;
    }
    const reason = CANNOT_REPLAY[c.id];
    if (reason) {
      it.skip(`${name} (cannot replay: ${reason})`, () => {});
      return;
    }
    it(name, () => replay(c, pythonCases[i] as EnforcementCase));
  });
});

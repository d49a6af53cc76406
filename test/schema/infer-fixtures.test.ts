import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MlflowError } from '../../src/core/mlflow-error.js';
import { pythonJsonLoads } from '../../src/core/python-json.js';
import { Tensor } from '../../src/data/tensor.js';
import { signatureToDict } from '../../src/schema/codec.js';
import { inferSignature } from '../../src/schema/infer.js';
import type { SignatureDict } from '../../src/schema/types.js';
import { FIXTURES } from '../support/fixtures.js';
import { fromPython } from '../support/python-values.js';

interface InferCase {
  id: string;
  mlflow_version: string;
  how: string;
  python_type: string;
  python_output_description?: string;
  example_input_json: unknown;
  example_output_json?: unknown;
  params_json?: Record<string, unknown>;
  signature: SignatureDict | null;
  error_message?: string;
}

// Read with pythonJsonLoads so a Python float such as 1.0 reaches the inputs as a PyFloat, not as 1.
const all = pythonJsonLoads(
  readFileSync(join(FIXTURES, 'signatures', 'signatures.json'), 'utf8'),
) as InferCase[];
const cases = all.filter((c) => c.mlflow_version === '3.6' && c.how === 'infer_signature');

/**
 * Renderings that python-values.ts has no Modeldock equivalent for: pandas' NA becomes null, and a
 * scipy CSR matrix becomes the dense ndarray it stands for (Modeldock has no sparse matrices).
 */
function adapt(pythonType: string, rendered: unknown): [string, unknown] {
  if (pythonType === 'scipy.sparse.csr_matrix') {
    const m = rendered as {
      dtype: string;
      shape: [number, number];
      data: number[];
      indices: number[];
      indptr: number[];
    };
    const dense = Array.from({ length: m.shape[0] }, () => new Array<number>(m.shape[1]).fill(0));
    m.indptr.slice(0, -1).forEach((start, row) => {
      for (let k = start; k < m.indptr[row + 1]!; k++) dense[row]![m.indices[k]!] = m.data[k]!;
    });
    return ['numpy.ndarray', { dtype: m.dtype, shape: m.shape, data: dense }];
  }
  return [pythonType, withoutNa(rendered)];
}

function withoutNa(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutNa);
  if (v === null || typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype) return v;
  if ((v as { $type?: string }).$type === 'pandas._libs.missing.NAType') return null;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withoutNa(x)]));
}

function outputType(description = ''): string {
  if (description.startsWith('pandas DataFrame')) return 'pandas.DataFrame';
  if (description.startsWith('numpy')) return 'numpy.ndarray';
  if (description.includes('array (')) return 'dict[str, numpy.ndarray]';
  return 'list';
}

/**
 * numpy scalars (np.int32(7), np.float32(1.5)) are rendered as plain numbers; in Modeldock a numpy
 * scalar is a 0-d Tensor, so those two params are rebuilt from the case's description.
 */
function params(c: InferCase): Record<string, unknown> | undefined {
  if (!c.params_json) return undefined;
  const out = fromPython(undefined, c.params_json) as Record<string, unknown>;
  if ('np_i32' in out) out.np_i32 = new Tensor('int32', [], Int32Array.of(7));
  if ('np_f32' in out) out.np_f32 = new Tensor('float32', [], Float32Array.of(1.5));
  if (c.id === 'params_np_array') {
    for (const [k, v] of Object.entries(c.params_json)) out[k] = fromPython('numpy.ndarray', v);
  }
  return out;
}

function infer(c: InferCase): SignatureDict {
  const input = fromPython(...adapt(c.python_type, c.example_input_json));
  const output =
    c.example_output_json === undefined
      ? undefined
      : fromPython(outputType(c.python_output_description), c.example_output_json);
  return signatureToDict(inferSignature(input, output, params(c)));
}

/** Cases whose Python input has no exact JS equivalent, with the reason. */
const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {
  series_float:
    'an unnamed pandas Series: a Modeldock Column always has a label (the same values as a plain array give the unnamed ColSpec, tested below)',
};

describe('inferSignature matches MLflow 3.6 infer_signature (signatures.json)', () => {
  for (const c of cases) {
    const skip = KNOWN_DIFFERENCES[c.id];
    if (skip) {
      it.skip(`${c.id}: ${skip}`, () => undefined);
      continue;
    }
    if (c.signature) {
      it(`${c.id}: writes the same signature strings`, () => {
        expect(infer(c)).toEqual(c.signature);
      });
    } else {
      it(`${c.id}: raises MLflow's error`, () => {
        let error: unknown;
        try {
          infer(c);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(MlflowError);
        expect((error as MlflowError).message).toBe(c.error_message);
      });
    }
  }

  it('series_float as an array of floats: one unnamed double ColSpec', () => {
    const c = cases.find((x) => x.id === 'series_float')!;
    const values = fromPython('list', (c.example_input_json as { data: unknown[] }).data);
    expect(signatureToDict(inferSignature(values))).toEqual(c.signature);
  });
});

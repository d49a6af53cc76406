import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getModelInfo, loadModel, MlflowError, schemaToJson } from '../../src/index.js';
import { FIXTURES } from '../support/fixtures.js';

const VERSIONS = ['mlflow-3.6', 'mlflow-2.12'];
const folders = VERSIONS.flatMap((v) =>
  readdirSync(join(FIXTURES, 'models', v), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `${v}/${d.name}`),
);

// These folders hold Python objects (cloudpickled PythonModels, a models-from-code .py file):
// no Node flavor can ever run them, so loading must say so.
const PYTHON_ONLY = folders.filter((f) => /custom_pyfunc|tensor_model|pyfunc_from_code/.test(f));

describe('getModelInfo (mlflow.models.get_model_info) on folders written by Python MLflow', () => {
  it.each(folders)('%s: exposes flavors and the signature', async (folder) => {
    const dir = join(FIXTURES, 'models', folder);
    const info = await getModelInfo(dir);
    expect(info.flavors).toContain('python_function');
    expect(info.signature?.inputs).not.toBeNull();
    expect(schemaToJson(info.signature!.inputs!)).toBe(info.metadata.signatureDict?.inputs);
  });
});

describe('loadModel on Python-only model folders', () => {
  it.each(PYTHON_ONLY)('%s: fails naming the flavors found and the ones Modeldock runs', async (folder) => {
    const error = await loadModel(join(FIXTURES, 'models', folder)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MlflowError);
    expect((error as Error).message).toMatch(
      /has no flavor that Modeldock can run\. It has flavors \[python_function\]; Modeldock can run \[node_function/,
    );
  });
});

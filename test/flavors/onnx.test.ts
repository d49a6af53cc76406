import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataFrame, loadModel, MlflowError, Tensor } from '../../src/index.js';
import { onnxSessionOptions } from '../../src/model/flavors/onnx/onnx-session-options.js';
import { FIXTURES, readFixtureJson } from '../support/fixtures.js';
import { fromPython, render, type RenderedArray } from '../support/python-values.js';
import { CORPUS, expectArrayClose } from './trees-corpus.js';

interface FixtureCase {
  label?: string;
  input_python_type: string;
  input_rendered: unknown;
  params: Record<string, unknown> | null;
  predictions?: Record<string, RenderedArray>;
  error_message?: string;
}
interface Expected extends FixtureCase {
  more_cases: FixtureCase[];
}

describe.each(['mlflow-3.6', 'mlflow-2.12'])(
  'onnx fixture %s (mlflow.pyfunc.load_model(...).predict)',
  (version) => {
    const dir = join(FIXTURES, 'models', version, 'onnx');
    const expected = readFixtureJson<Expected>('models', version, 'onnx', 'expected.json');
    const cases = [{ ...expected, label: 'input example' }, ...expected.more_cases];

    it.each(cases.filter((c) => c.predictions).map((c) => [c.label!, c] as const))(
      'reproduces Python: %s',
      async (_label, c) => {
        const model = await loadModel(dir);
        const out = (await model.predict(fromPython(c.input_python_type, c.input_rendered))) as Record<
          string,
          Tensor
        >;
        expect(Object.keys(out)).toEqual(Object.keys(c.predictions!));
        for (const [name, rendered] of Object.entries(c.predictions!))
          expectArrayClose(out[name], rendered, 1e-5);
      },
    );

    it.each(cases.filter((c) => c.error_message).map((c) => [c.label!, c] as const))(
      'fails as Python does: %s',
      async (_label, c) => {
        const model = await loadModel(dir);
        const error = await Promise.resolve()
          .then(() => model.predict(fromPython(c.input_python_type, c.input_rendered)))
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(MlflowError);
        expect((error as Error).message).toContain("Model is missing inputs ['X']");
      },
    );

    it('unwraps to the onnxruntime session, named inputs and outputs included', async () => {
      const session = (await loadModel(dir)).unwrap() as { inputNames: string[]; outputNames: string[] };
      expect([session.inputNames, session.outputNames]).toEqual([['X'], ['probabilities']]);
    });
  },
);

interface OnnxCorpus {
  input: { columns: string[]; data: number[][] } | Record<string, RenderedArray>;
  output_type: string;
  outputs: Record<string, RenderedArray>;
}
const corpus = (name: string): OnnxCorpus =>
  JSON.parse(readFileSync(join(CORPUS, 'onnx', name, 'expected.json'), 'utf8')) as OnnxCorpus;

function frameOf(input: { columns: string[]; data: number[][] }): DataFrame {
  return fromPython('pandas.DataFrame', {
    columns: input.columns,
    dtypes: input.columns.map(() => 'float64'),
    data: input.data,
  }) as DataFrame;
}

describe('onnx corpus (scripts/corpus/make_onnx.py, onnxruntime 1.30.0)', () => {
  it.each(['two-inputs', 'session-options', 'single-input-frame', 'external-data'])(
    '%s: a DataFrame in gives a DataFrame out, one flattened column per graph output',
    async (name) => {
      const c = corpus(name);
      const model = await loadModel(join(CORPUS, 'onnx', name));
      const out = await model.predict(frameOf(c.input as { columns: string[]; data: number[][] }));
      expect(out).toBeInstanceOf(DataFrame);
      const frame = out as DataFrame;
      expect(frame.columnNames).toEqual(Object.keys(c.outputs));
      for (const [col, rendered] of Object.entries(c.outputs)) {
        const column = frame.column(col);
        expectArrayClose(new Tensor(column.dtype, [column.length], column.values), rendered, 1e-6);
      }
    },
  );

  it('feeds int64 and string tensors by name and returns them as they come back', async () => {
    const c = corpus('int-and-string');
    const model = await loadModel(join(CORPUS, 'onnx', 'int-and-string'));
    const out = (await model.predict(fromPython('dict[str, numpy.ndarray]', c.input))) as Record<
      string,
      Tensor
    >;
    expect(render(out.next_ids)).toEqual(c.outputs.next_ids);
    expect(out.echo?.toNested()).toEqual(c.outputs.echo?.data);
  });

  it('refuses an ndarray for a graph with several inputs, with MLflow message', async () => {
    const model = await loadModel(join(CORPUS, 'onnx', 'int-and-string'));
    const error = await Promise.resolve()
      .then(() => model.predict(new Tensor('int64', [1], BigInt64Array.of(1n))))
      .catch((e: unknown) => e);
    expect((error as Error).message).toContain(
      'Numpy arrays can only be used as input for MLflow ONNX models that have a single input',
    );
  });

  it('reports onnxruntime errors at predict time as MlflowError naming the model file', async () => {
    const model = await loadModel(join(CORPUS, 'onnx', 'int-and-string'));
    const error = await Promise.resolve()
      .then(() => model.predict({ ids: new Tensor('float64', [1], Float64Array.of(1)) }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MlflowError);
    expect((error as Error).message).toMatch(/ONNX model .*model\.onnx failed to run: /);
  });
});

describe('onnx session options (flavors.onnx.onnx_session_options)', () => {
  it('maps MLflow keys to onnxruntime-node options, CPU only', () => {
    expect(
      onnxSessionOptions({
        intra_op_num_threads: 2,
        inter_op_num_threads: 1,
        execution_mode: 'parallel',
        graph_optimization_level: 2,
        extra_session_config: { 'session.intra_op.allow_spinning': '0' },
      }),
    ).toEqual({
      executionProviders: ['cpu'],
      intraOpNumThreads: 2,
      interOpNumThreads: 1,
      executionMode: 'parallel',
      graphOptimizationLevel: 'extended',
      extra: { 'session.intra_op.allow_spinning': '0' },
    });
  });

  it('leaves falsy values at the library default, as MLflow does', () => {
    expect(onnxSessionOptions({ intra_op_num_threads: 0, graph_optimization_level: 0 })).toEqual({
      executionProviders: ['cpu'],
    });
    expect(onnxSessionOptions(null)).toEqual({ executionProviders: ['cpu'] });
  });
});

describe('onnx bad model files', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'modeldock-onnx-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('names the file and onnxruntime reason when the graph does not load', async () => {
    const dir = join(work, 'truncated');
    await cp(join(CORPUS, 'onnx', 'two-inputs'), dir, { recursive: true });
    const file = join(dir, 'model.onnx');
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 40));
    const error = await loadModel(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MlflowError);
    expect((error as MlflowError).message).toMatch(
      /Failed to load ONNX model file .*model\.onnx: .*(Protobuf parsing failed|failed)/,
    );
    expect((error as MlflowError).file).toBe(file);
  });

  it('names the file when its external data file is missing', async () => {
    const dir = join(work, 'no-external-data');
    await cp(join(CORPUS, 'onnx', 'external-data'), dir, { recursive: true });
    await rm(join(dir, 'model.onnx.data'));
    const error = await loadModel(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MlflowError);
    expect((error as MlflowError).message).toMatch(/Failed to load ONNX model file .*model\.onnx: /);
  });
});

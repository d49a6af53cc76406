import * as ort from 'onnxruntime-node';
import { MlflowError } from '../../../core/mlflow-error.js';
import { DataFrame } from '../../../data/data-frame.js';
import { Tensor } from '../../../data/tensor.js';
import type { Flavor, FlavorLoadRequest, FlavorModel } from '../../flavor.js';
import { modelFileError, modelFilePath } from '../trees/model-file.js';
import { onnxSessionOptions } from './onnx-session-options.js';
import { fromOrtTensor, frameValues, outputsAsFrame, toOrtTensor } from './onnx-tensors.js';

type Feeds = Record<string, ort.Tensor>;

function graphInputTypes(session: ort.InferenceSession): Map<string, string | undefined> {
  return new Map(session.inputMetadata.map((m) => [m.name, m.isTensor ? m.type : undefined]));
}

function isTensorRecord(input: unknown): input is Record<string, Tensor> {
  return (
    input !== null &&
    typeof input === 'object' &&
    Object.getPrototypeOf(input) === Object.prototype &&
    Object.values(input).every((v) => v instanceof Tensor)
  );
}

/** A loaded ONNX graph that predicts as MLflow's `_OnnxModelWrapper` does. */
class OnnxModel implements FlavorModel {
  private readonly inputTypes: Map<string, string | undefined>;

  constructor(
    private readonly session: ort.InferenceSession,
    private readonly file: string,
  ) {
    this.inputTypes = graphInputTypes(session);
  }

  private feeds(input: unknown): Feeds {
    const names = this.session.inputNames;
    const feed = (name: string, t: Tensor): [string, ort.Tensor] => [
      name,
      toOrtTensor(t, this.inputTypes.get(name), name),
    ];
    if (isTensorRecord(input)) return Object.fromEntries(Object.entries(input).map(([n, t]) => feed(n, t)));
    if (input instanceof Tensor) {
      if (names.length !== 1)
        throw new MlflowError(
          'Unable to map numpy array input to the expected model input. Numpy arrays can only be used as input for ' +
            `MLflow ONNX models that have a single input. This model requires ${names.length} inputs. Please pass in data ` +
            `as either a dictionary or a DataFrame with the following tensors: [${names.map((n) => `'${n}'`).join(', ')}].`,
          'INVALID_PARAMETER_VALUE',
        );
      return Object.fromEntries([feed(names[0] as string, input)]);
    }
    if (input instanceof DataFrame) {
      if (names.length === 1) return Object.fromEntries([feed(names[0] as string, frameValues(input))]);
      return Object.fromEntries(names.map((n) => feed(n, frameValues(input, [input.column(n)]))));
    }
    throw new MlflowError(
      `Input should be a dictionary or a numpy array or a pandas.DataFrame, got ${input === null ? 'null' : typeof input}.`,
      'INVALID_PARAMETER_VALUE',
    );
  }

  async predict(input: unknown): Promise<DataFrame | Record<string, Tensor>> {
    const feeds = this.feeds(input);
    let results: ort.InferenceSession.ReturnType;
    try {
      results = await this.session.run(feeds);
    } catch (cause) {
      throw new MlflowError(
        `ONNX model ${this.file} failed to run: ${(cause as Error).message}`,
        'INVALID_PARAMETER_VALUE',
        {
          file: this.file,
          cause,
        },
      );
    }
    const outputs = Object.fromEntries(
      this.session.outputNames.map((n) => [n, fromOrtTensor(results[n] as ort.Tensor, n)]),
    );
    return input instanceof DataFrame ? outputsAsFrame(outputs) : outputs;
  }

  unwrap(): ort.InferenceSession {
    return this.session;
  }
}

async function load(request: FlavorLoadRequest): Promise<FlavorModel> {
  const file = modelFilePath(request, 'ONNX', 'model.onnx');
  const options = onnxSessionOptions(request.flavorConfig.onnx_session_options);
  try {
    return new OnnxModel(await ort.InferenceSession.create(file, options), file);
  } catch (cause) {
    throw modelFileError('ONNX', file, (cause as Error).message, cause);
  }
}

/**
 * The `onnx` flavor: runs ONNX graphs that Python's `mlflow.onnx` saved, through onnxruntime-node
 * on the CPU, with MLflow's DataFrame/ndarray/dict input rules and output shapes.
 *
 * @example new FlavorRegistry([onnxFlavor]);
 */
export const onnxFlavor: Flavor = {
  name: 'onnx',
  capabilities: { predict: true, predictStream: false },
  load,
};

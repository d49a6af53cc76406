import { InferenceSession, Tensor as OrtTensor } from 'onnxruntime-node';
import type { CustomModel, ModelContext, Tensor } from '../../src/index.js';

/**
 * Wraps a small ONNX network: `loadContext` opens one inference session from the `network`
 * artifact, and every predict call shares it.
 */
export default class OnnxNetwork implements CustomModel<Tensor, number[][]> {
  private session!: InferenceSession;

  async loadContext(context: ModelContext): Promise<void> {
    this.session = await InferenceSession.create(context.artifacts.network!, { executionProviders: ['cpu'] });
  }

  async predict(_context: ModelContext, input: Tensor): Promise<number[][]> {
    const x = new OrtTensor('float32', input.data as Float32Array, [...input.shape]);
    const { y } = await this.session.run({ x });
    const out = y!.data as Float32Array;
    const [rows, cols] = y!.dims as [number, number];
    return Array.from({ length: rows }, (_, i) => Array.from(out.subarray(i * cols, (i + 1) * cols)));
  }
}

import type { InferenceSession } from 'onnxruntime-node';

type SessionOptions = InferenceSession.SessionOptions;
type GraphOptimizationLevel = NonNullable<SessionOptions['graphOptimizationLevel']>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// onnxruntime's GraphOptimizationLevel enum values, as MLflow stores them.
const OPTIMIZATION_LEVELS: Readonly<Record<number, GraphOptimizationLevel>> = {
  0: 'disabled',
  1: 'basic',
  2: 'extended',
  3: 'layout',
  99: 'all',
};

function positiveInt(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
}

/**
 * onnxruntime-node session options from MLflow's `onnx_session_options` (CPU only: MLflow's
 * `providers` list is ignored, as no GPU provider ships with onnxruntime-node on Linux). Like MLflow,
 * falsy values (0, '') leave the library default in place.
 *
 * @example onnxSessionOptions({ intra_op_num_threads: 2, execution_mode: 'SEQUENTIAL' })
 */
export function onnxSessionOptions(options: unknown): SessionOptions {
  const out: Mutable<SessionOptions> = { executionProviders: ['cpu'] };
  if (options === null || typeof options !== 'object') return out;
  const o = options as Record<string, unknown>;
  const inter = positiveInt(o.inter_op_num_threads);
  if (inter !== undefined) out.interOpNumThreads = inter;
  const intra = positiveInt(o.intra_op_num_threads);
  if (intra !== undefined) out.intraOpNumThreads = intra;
  const mode = typeof o.execution_mode === 'string' ? o.execution_mode.toUpperCase() : '';
  if (mode === 'SEQUENTIAL') out.executionMode = 'sequential';
  else if (mode === 'PARALLEL') out.executionMode = 'parallel';
  const level =
    typeof o.graph_optimization_level === 'number'
      ? OPTIMIZATION_LEVELS[o.graph_optimization_level]
      : undefined;
  if (level !== undefined && o.graph_optimization_level !== 0) out.graphOptimizationLevel = level;
  const extra = o.extra_session_config;
  if (extra !== null && typeof extra === 'object' && Object.keys(extra).length > 0)
    out.extra = Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)]));
  return out;
}

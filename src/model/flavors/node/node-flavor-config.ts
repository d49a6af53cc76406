import { MlflowError } from '../../../core/mlflow-error.js';

/** The flavor key Modeldock writes for custom Node models; MLflow's Python equivalent is `python_function`. */
export const NODE_FLAVOR = 'node_function';

/** One artifact as MLmodel records it: where it lives in the folder, and where it was copied from. */
export interface ArtifactEntry {
  readonly path: string;
  readonly uri: string;
}

/** The `flavors.node_function` section of MLmodel (documented in docs/node-flavor.md). */
export interface NodeFlavorConfig {
  /** The bundled model code, relative to the model folder. */
  readonly code: string;
  readonly artifacts: Readonly<Record<string, ArtifactEntry>>;
  readonly model_config: Readonly<Record<string, unknown>>;
  readonly streamable: boolean;
  readonly node_version: string;
  readonly modeldock_version: string;
  /** The environment file, relative to the model folder. */
  readonly env: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads and checks the flavor section, naming the field that is wrong. */
export function parseNodeFlavorConfig(
  raw: Readonly<Record<string, unknown>>,
  file: string,
): NodeFlavorConfig {
  const bad = (field: string, want: string): never => {
    throw new MlflowError(
      `${file}: flavors.${NODE_FLAVOR}.${field} must be ${want}.`,
      'INVALID_PARAMETER_VALUE',
      {
        file,
        field: `flavors.${NODE_FLAVOR}.${field}`,
      },
    );
  };
  if (typeof raw.code !== 'string') bad('code', 'the path of the bundled model code');
  const artifacts = raw.artifacts ?? {};
  if (!isRecord(artifacts)) bad('artifacts', 'a mapping of name to {path, uri}');
  for (const [name, entry] of Object.entries(artifacts as Record<string, unknown>)) {
    if (!isRecord(entry) || typeof entry.path !== 'string') bad(`artifacts.${name}.path`, 'a string');
  }
  const modelConfig = raw.model_config ?? {};
  if (!isRecord(modelConfig)) bad('model_config', 'a mapping');
  return {
    code: raw.code as string,
    artifacts: artifacts as Record<string, ArtifactEntry>,
    model_config: modelConfig as Record<string, unknown>,
    streamable: raw.streamable === true,
    node_version: String(raw.node_version ?? ''),
    modeldock_version: String(raw.modeldock_version ?? ''),
    env: String(raw.env ?? ''),
  };
}

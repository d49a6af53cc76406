import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MlflowError } from '../core/mlflow-error.js';

/**
 * Turns a model URI into a local folder. Resolvers are tried in order; the tracking and registry
 * layers add `runs:/`, `models:/` and `mlflow-artifacts:/` resolvers to the list they pass in.
 *
 * @example const dir = await resolveModelUri('file:///models/iris', [localUriResolver]);
 */
export interface ModelUriResolver {
  /** True when this resolver understands the URI's scheme. */
  canResolve(uri: string): boolean;
  /** The local folder holding the model's MLmodel file. */
  resolve(uri: string): Promise<string>;
}

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/** Local paths (absolute or relative to the working directory) and `file://` URIs. */
export const localUriResolver: ModelUriResolver = {
  canResolve(uri) {
    const scheme = SCHEME.exec(uri)?.[1];
    // A one-letter "scheme" is a Windows drive letter, not a URI scheme.
    return scheme === undefined || scheme === 'file' || scheme.length === 1;
  },
  async resolve(uri) {
    const path = uri.startsWith('file:') ? fileURLToPath(uri) : resolve(uri);
    const info = await stat(path).catch(() => undefined);
    if (!info)
      throw new MlflowError(`Model path ${uri} does not exist.`, 'RESOURCE_DOES_NOT_EXIST', { file: path });
    return path;
  },
};

/** Resolves `uri` with the first resolver that understands it. */
export async function resolveModelUri(uri: string, resolvers: readonly ModelUriResolver[]): Promise<string> {
  const resolver = resolvers.find((r) => r.canResolve(uri));
  if (!resolver) {
    const scheme = SCHEME.exec(uri)?.[1] ?? '';
    throw new MlflowError(`Unsupported model URI scheme '${scheme}' in ${uri}.`, 'INVALID_PARAMETER_VALUE');
  }
  return resolver.resolve(uri);
}

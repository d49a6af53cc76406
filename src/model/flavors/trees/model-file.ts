import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MlflowError } from '../../../core/mlflow-error.js';
import type { FlavorLoadRequest } from '../../flavor.js';

/**
 * The error for a model file that cannot be read or understood: it names the file and the reason.
 *
 * @example throw modelFileError('XGBoost', '/m/model.json', 'unexpected end of data');
 */
export function modelFileError(library: string, file: string, reason: string, cause?: unknown): MlflowError {
  return new MlflowError(
    `Failed to load ${library} model file ${file}: ${reason}`,
    'INVALID_PARAMETER_VALUE',
    {
      file,
      ...(cause === undefined ? {} : { cause }),
    },
  );
}

/**
 * The absolute path of a flavor's model file (`flavors.<name>.data`, else `fallback`), checked to stay inside the folder.
 *
 * @example modelFilePath(request, 'XGBoost', 'model.ubj')
 */
export function modelFilePath(request: FlavorLoadRequest, library: string, fallback: string): string {
  const data = request.flavorConfig.data ?? fallback;
  if (typeof data !== 'string' || data === '' || data.split(/[\\/]/).includes('..'))
    throw new MlflowError(
      `The ${library} flavor of model ${request.uri} has an invalid 'data' entry: ${JSON.stringify(data)}.`,
      'INVALID_PARAMETER_VALUE',
      { field: 'data' },
    );
  return join(request.modelDir, data);
}

/**
 * Reads a model file's bytes, turning a missing or unreadable file into {@link modelFileError}.
 *
 * @example const bytes = await readModelFile('LightGBM', path);
 */
export async function readModelFile(library: string, file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (cause) {
    throw modelFileError(library, file, (cause as Error).message, cause);
  }
}

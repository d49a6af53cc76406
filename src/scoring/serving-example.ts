/**
 * The serving input example of a model folder: `serving_input_example.json`, a ready
 * `/invocations` body that MLflow 3 writes beside the model.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SERVING_INPUT_EXAMPLE_FILE } from '../model/input-example.js';
import type { Model } from '../model/mlmodel.js';
import { readJsonBody } from './read-json-body.js';

/**
 * Reads the model's serving input example, or undefined when it has none (or it cannot be read).
 *
 * @example const example = await readServingExample('models/iris', model.metadata);
 */
export async function readServingExample(modelDir: string, metadata: Model): Promise<unknown> {
  const info = metadata.savedInputExampleInfo as { serving_input_path?: unknown } | null | undefined;
  const file =
    typeof info?.serving_input_path === 'string' ? info.serving_input_path : SERVING_INPUT_EXAMPLE_FILE;
  try {
    return readJsonBody(await readFile(join(modelDir, file), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * `modeldock models generate-openapi`: writes the OpenAPI 3.1 document the scoring server serves at
 * `/openapi.json`, generated from the model's signature and serving input example.
 */
import { writeFile } from 'node:fs/promises';
import { openApiDocument } from '../../scoring/openapi-document.js';
import {
  EXIT,
  loadForCli,
  type ModelsOutput,
  parseFlags,
  processOutput,
  requireFlag,
} from './models-options.js';

/** `modeldock models generate-openapi --help`. */
export const GENERATE_OPENAPI_USAGE = `Usage: modeldock models generate-openapi -m <uri> [OPTIONS]

  Write the model's scoring API as an OpenAPI 3.1 document (what /openapi.json serves).

Options:
  -m, --model-uri URI      The model folder or URI (required).
  -o, --output-path FILE   Where to write the document (default: stdout).
      --name NAME          The model name in the document title (default model).
      --help               Show this message and exit.

Examples:
  modeldock models generate-openapi -m ./my-model > openapi.json
  modeldock models generate-openapi -m ./my-model -o openapi.json --name iris

Exit codes: 0 written, 1 the model could not be loaded, 2 bad usage.`;

const OPTIONS = {
  'model-uri': { type: 'string', short: 'm' },
  'output-path': { type: 'string', short: 'o' },
  name: { type: 'string' },
} as const;

/**
 * `modeldock models generate-openapi`: resolves with the exit code.
 *
 * @example process.exitCode = await modelsGenerateOpenapi(['-m', './my-model']);
 */
export async function modelsGenerateOpenapi(
  argv: string[],
  output: ModelsOutput = processOutput,
): Promise<number> {
  const values = parseFlags(argv, OPTIONS, GENERATE_OPENAPI_USAGE, output);
  if (typeof values === 'number') return values;
  const uri = requireFlag(values, 'model-uri', GENERATE_OPENAPI_USAGE, output);
  if (typeof uri === 'number') return uri;
  const loaded = await loadForCli(uri, output);
  if (!loaded) return EXIT.failed;
  const name = typeof values.name === 'string' ? values.name : 'model';
  const text = JSON.stringify(openApiDocument(loaded.model, name, loaded.servingExample), null, 2);
  if (typeof values['output-path'] === 'string') await writeFile(values['output-path'], `${text}\n`);
  else output.out(text);
  return EXIT.ok;
}

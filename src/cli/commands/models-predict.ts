/**
 * `modeldock models predict`: scores a JSON or CSV file with a model, as `mlflow models predict`,
 * through the same parsing and enforcement as the scoring server's `/invocations`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { ScoringApp } from '../../scoring/scoring-app.js';
import {
  EXIT,
  loadForCli,
  type ModelsOutput,
  parseFlags,
  processOutput,
  requireFlag,
  TRACKING_URI_OPTION,
  TRACKING_URI_USAGE,
  trackingUriOf,
} from './models-options.js';

/** `modeldock models predict --help`. */
export const PREDICT_USAGE = `Usage: modeldock models predict -m <uri> -i <file> [OPTIONS]

  Score a file with a model, exactly as POST /invocations would, and write the predictions.

Options:
  -m, --model-uri URI        The model folder or URI (required).
  -i, --input-path FILE      The input: a scoring request body (required; '-' reads stdin).
  -o, --output-path FILE     Where to write the predictions (default: stdout).
  -t, --content-type TYPE    json or csv (default json).
${TRACKING_URI_USAGE}
      --help                 Show this message and exit.

Examples:
  modeldock models predict -m ./my-model -i request.json
  modeldock models predict -m ./my-model -i rows.csv -t csv -o predictions.json
  modeldock models predict -m models:/churn@champion -i request.json --tracking-uri http://127.0.0.1:5000

Exit codes: 0 predictions written, 1 the model could not be loaded or rejected the input, 2 bad usage.`;

const OPTIONS = {
  'model-uri': { type: 'string', short: 'm' },
  'input-path': { type: 'string', short: 'i' },
  'output-path': { type: 'string', short: 'o' },
  'content-type': { type: 'string', short: 't' },
  ...TRACKING_URI_OPTION,
} as const;

const MEDIA = { json: 'application/json', csv: 'text/csv' } as const;

async function readInput(path: string): Promise<Buffer> {
  if (path !== '-') return readFile(path);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * `modeldock models predict`: resolves with the exit code.
 *
 * @example process.exitCode = await modelsPredict(['-m', './my-model', '-i', 'input.json']);
 */
export async function modelsPredict(argv: string[], output: ModelsOutput = processOutput): Promise<number> {
  const values = parseFlags(argv, OPTIONS, PREDICT_USAGE, output);
  if (typeof values === 'number') return values;
  const uri = requireFlag(values, 'model-uri', PREDICT_USAGE, output);
  if (typeof uri === 'number') return uri;
  const input = requireFlag(values, 'input-path', PREDICT_USAGE, output);
  if (typeof input === 'number') return input;
  const type = (values['content-type'] ?? 'json') as string;
  if (type !== 'json' && type !== 'csv') {
    output.err(`Error: Invalid value for '--content-type': '${type}' is not one of 'json', 'csv'.`);
    return EXIT.usage;
  }
  let body: Buffer;
  try {
    body = await readInput(input);
  } catch (error) {
    output.err(`Error: Could not read '${input}': ${(error as Error).message}`);
    return EXIT.usage;
  }
  const loaded = await loadForCli(uri, output, trackingUriOf(values));
  if (!loaded) return EXIT.failed;
  // A local file has no network timeout or body limit to protect.
  const app = new ScoringApp(loaded.model, { timeoutMs: 2 ** 31 - 1, maxBodyBytes: Number.MAX_SAFE_INTEGER });
  const response = await app.handle({
    method: 'POST',
    path: '/invocations',
    headers: { 'content-type': MEDIA[type] },
    body,
  });
  const text = Buffer.from(response.body).toString('utf8');
  if (response.status !== 200) {
    output.err(`Error: ${response.status}: ${text}`);
    return EXIT.failed;
  }
  if (typeof values['output-path'] === 'string') await writeFile(values['output-path'], `${text}\n`);
  else output.out(text);
  return EXIT.ok;
}

/**
 * What the `modeldock models ...` commands share: their output streams, option parsing with
 * usage errors (exit code 2), and loading the model a `-m` URI names.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadModel } from '../../model/load-model.js';
import type { LoadedModel } from '../../model/loaded-model.js';
import { localUriResolver, resolveModelUri } from '../../model/model-uri.js';
import { readServingExample } from '../../scoring/serving-example.js';

/** Where a command writes: stdout and stderr lines, injectable for tests. */
export interface ModelsOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Exit codes of the models commands. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** The process's own stdout and stderr. */
export const processOutput: ModelsOutput = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | undefined>;

/**
 * Parses a command's flags; `help` is always accepted. Returns the values, or an exit code after
 * printing the usage (0 for --help, 2 for a usage mistake).
 *
 * @example const v = parseFlags(argv, { 'model-uri': { type: 'string', short: 'm' } }, USAGE, output);
 */
export function parseFlags(
  argv: string[],
  options: Options,
  usage: string,
  output: ModelsOutput,
): Values | number {
  let values: Values;
  try {
    values = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean' } }, strict: true })
      .values as Values;
  } catch (error) {
    output.err(`Error: ${(error as Error).message}\n\n${usage}`);
    return EXIT.usage;
  }
  if (values.help) {
    output.out(usage);
    return EXIT.ok;
  }
  return values;
}

/**
 * A required string flag, or a usage error.
 *
 * @example const uri = requireFlag(values, 'model-uri', USAGE, output); if (typeof uri === 'number') return uri;
 */
export function requireFlag(
  values: Values,
  name: string,
  usage: string,
  output: ModelsOutput,
): string | number {
  const v = values[name];
  if (typeof v === 'string' && v !== '') return v;
  output.err(`Error: Missing option '--${name}'.\n\n${usage}`);
  return EXIT.usage;
}

/**
 * A numeric flag: its default when absent, or a usage error when not a number in range.
 *
 * @example numberFlag(values, 'port', 5000, output) // 5000
 */
export function numberFlag(
  values: Values,
  name: string,
  fallback: number,
  output: ModelsOutput,
  min = 0,
): number | undefined {
  const v = values[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (Number.isFinite(n) && n >= min) return n;
  output.err(`Error: Invalid value for '--${name}': '${String(v)}' is not a number >= ${min}.`);
  return undefined;
}

/** A model, its folder and its serving example, as the commands load them. */
export interface CliModel {
  readonly dir: string;
  readonly model: LoadedModel;
  readonly servingExample: unknown;
}

/**
 * Loads the model a URI names (a path, `file:` or `runs:`-free local URI); failures are reported and give undefined.
 *
 * @example const loaded = await loadForCli('models/iris', output);
 */
export async function loadForCli(uri: string, output: ModelsOutput): Promise<CliModel | undefined> {
  try {
    const dir = await resolveModelUri(uri, [localUriResolver]);
    const model = await loadModel(dir);
    return { dir, model, servingExample: await readServingExample(dir, model.metadata) };
  } catch (error) {
    output.err(`Error: Could not load the model at '${uri}': ${(error as Error).message}`);
    return undefined;
  }
}

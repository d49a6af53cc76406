import type { ProgressStream } from './progress-bar.js';

/** What a command writes to; injected so tests can capture it. */
export interface CliOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Where download progress bars draw; none draws no bar. */
  readonly progress?: ProgressStream;
}

const USAGE = `Usage: modeldock <command> [OPTIONS]

Commands:
  server   Run the tracking server (MLflow's REST API and artifact proxy).
  models   Predict with, serve, or package a saved model.

Run 'modeldock <command> --help' for a command's options.`;

// Commands load lazily so that `modeldock server` starts without loading model flavors, and
// `modeldock models` without loading the database drivers.
const COMMANDS: Readonly<Record<string, (argv: string[], output: CliOutput) => Promise<number>>> = {
  server: async (argv, output) => (await import('./commands/server-command.js')).serverCommand(argv, output),
  models: async (argv, output) => (await import('./commands/models-command.js')).modelsCommand(argv, output),
};

const processOutput: CliOutput = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  progress: process.stderr,
};

/**
 * Runs the `modeldock` command line and resolves with the exit code (long-running commands such
 * as `server` resolve only when they stop).
 *
 * @example process.exitCode = await runCli(process.argv.slice(2));
 */
export async function runCli(argv: readonly string[], output: CliOutput = processOutput): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    output.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    output.err(`Error: No such command '${name}'.\n\n${USAGE}`);
    return 2;
  }
  return command(rest, output);
}

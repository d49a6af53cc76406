/**
 * `modeldock models <subcommand>`: dispatches to serve, predict, generate-openapi and
 * generate-dockerfile, as `mlflow models`.
 */
import { modelsGenerateDockerfile } from './models-generate-dockerfile.js';
import { modelsGenerateOpenapi } from './models-generate-openapi.js';
import { EXIT, type ModelsOutput, processOutput } from './models-options.js';
import { modelsPredict } from './models-predict.js';
import { modelsServe } from './models-serve.js';

/** `modeldock models --help`. */
export const MODELS_USAGE = `Usage: modeldock models <command> [OPTIONS]

  Deploy MLflow models locally.

Commands:
  serve                 Serve a model over MLflow's scoring protocol.
  predict               Score a JSON or CSV file with a model.
  generate-openapi      Write the model's scoring API as an OpenAPI document.
  generate-dockerfile   Write a Dockerfile that serves the model.

Run 'modeldock models <command> --help' for a command's options.`;

const SUBCOMMANDS: Readonly<Record<string, (argv: string[], output: ModelsOutput) => Promise<number>>> = {
  serve: modelsServe,
  predict: modelsPredict,
  'generate-openapi': modelsGenerateOpenapi,
  'generate-dockerfile': modelsGenerateDockerfile,
};

/**
 * `modeldock models ...`: resolves with the subcommand's exit code (2 for an unknown one).
 *
 * @example process.exitCode = await modelsCommand(['predict', '-m', './my-model', '-i', 'in.json']);
 */
export async function modelsCommand(argv: string[], output: ModelsOutput = processOutput): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help') {
    output.out(MODELS_USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = SUBCOMMANDS[name];
  if (!command) {
    output.err(`Error: No such command 'models ${name}'.\n\n${MODELS_USAGE}`);
    return EXIT.usage;
  }
  return command(rest, output);
}

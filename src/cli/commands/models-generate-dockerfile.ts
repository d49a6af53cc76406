/**
 * `modeldock models generate-dockerfile`: a build directory (Dockerfile + the model) for an image
 * that serves the model on port 8080, as `mlflow models generate-dockerfile`.
 */
import { access, cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { localUriResolver, resolveModelUri } from '../../model/model-uri.js';
import { MODELDOCK_VERSION } from '../../model/version.js';
import { EXIT, type ModelsOutput, parseFlags, processOutput, requireFlag } from './models-options.js';

/** `modeldock models generate-dockerfile --help`. */
export const GENERATE_DOCKERFILE_USAGE = `Usage: modeldock models generate-dockerfile -m <uri> [OPTIONS]

  Write a directory with a Dockerfile and a copy of the model; the image serves the model on
  port 8080 (MLflow's image port) with 'modeldock models serve'.

Options:
  -m, --model-uri URI          The model folder or URI (required).
  -d, --output-directory DIR   The build directory (default mlflow-dockerfile).
      --base-image IMAGE       The Node base image (default node:${process.versions.node.split('.')[0]}-slim).
      --help                   Show this message and exit.

Examples:
  modeldock models generate-dockerfile -m ./my-model
  modeldock models generate-dockerfile -m ./my-model -d build && docker build -t my-model build

Exit codes: 0 written, 1 the model could not be found or copied, 2 bad usage.`;

const OPTIONS = {
  'model-uri': { type: 'string', short: 'm' },
  'output-directory': { type: 'string', short: 'd' },
  'base-image': { type: 'string' },
} as const;

/**
 * The Dockerfile text: Modeldock from npm, the model copied in (its non-bundled packages
 * installed from its package.json), served on 0.0.0.0:8080.
 *
 * @example dockerfileText('node:20-slim', true)
 */
export function dockerfileText(baseImage: string, hasPackageJson: boolean): string {
  const install = hasPackageJson
    ? ['RUN cd /opt/ml/model && npm install --omit=dev --no-audit --no-fund', '']
    : [];
  return [
    '# Built by `modeldock models generate-dockerfile`.',
    `FROM ${baseImage}`,
    '',
    'ENV NODE_ENV=production',
    'WORKDIR /opt/modeldock',
    `RUN npm install --omit=dev --no-audit --no-fund modeldock@${MODELDOCK_VERSION}`,
    '',
    'COPY model_dir /opt/ml/model',
    ...install,
    'EXPOSE 8080',
    'HEALTHCHECK CMD node -e "fetch(\'http://127.0.0.1:8080/ping\').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"',
    'ENTRYPOINT ["/opt/modeldock/node_modules/.bin/modeldock", "models", "serve", "-m", "/opt/ml/model", "-h", "0.0.0.0", "-p", "8080"]',
    '',
  ].join('\n');
}

/**
 * `modeldock models generate-dockerfile`: resolves with the exit code.
 *
 * @example process.exitCode = await modelsGenerateDockerfile(['-m', './my-model', '-d', 'build']);
 */
export async function modelsGenerateDockerfile(
  argv: string[],
  output: ModelsOutput = processOutput,
): Promise<number> {
  const values = parseFlags(argv, OPTIONS, GENERATE_DOCKERFILE_USAGE, output);
  if (typeof values === 'number') return values;
  const uri = requireFlag(values, 'model-uri', GENERATE_DOCKERFILE_USAGE, output);
  if (typeof uri === 'number') return uri;
  const outDir =
    typeof values['output-directory'] === 'string' ? values['output-directory'] : 'mlflow-dockerfile';
  const base =
    typeof values['base-image'] === 'string'
      ? values['base-image']
      : `node:${process.versions.node.split('.')[0]}-slim`;
  try {
    const modelDir = await resolveModelUri(uri, [localUriResolver]);
    await access(join(modelDir, 'MLmodel'));
    await mkdir(outDir, { recursive: true });
    await cp(modelDir, join(outDir, 'model_dir'), { recursive: true });
    const hasPackageJson = await access(join(modelDir, 'package.json')).then(
      () => true,
      () => false,
    );
    await writeFile(join(outDir, 'Dockerfile'), dockerfileText(base, hasPackageJson));
  } catch (error) {
    output.err(`Error: Could not generate the Dockerfile for '${uri}': ${(error as Error).message}`);
    return EXIT.failed;
  }
  output.err(
    `[modeldock] Wrote ${join(outDir, 'Dockerfile')}; build it with: docker build -t my-model ${outDir}`,
  );
  return EXIT.ok;
}

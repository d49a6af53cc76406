import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MlflowError } from '../core/mlflow-error.js';
import type { ModelSignature } from '../schema/types.js';
import { inferSignature } from '../schema/infer.js';
import { bundleModelCode } from './flavors/node/bundle.js';
import { copyArtifacts } from './flavors/node/copy-artifacts.js';
import { NODE_ENV_FILE, parseRequirements, writeNodeEnvironment } from './flavors/node/node-environment.js';
import { NODE_FLAVOR } from './flavors/node/node-flavor-config.js';
import { nodeFlavor } from './flavors/node/node-flavor.js';
import { saveInputExample, loadInputExample } from './input-example.js';
import { LoadedModel } from './loaded-model.js';
import { Model } from './mlmodel.js';
import { MODELDOCK_VERSION } from './version.js';
import { folderSize } from './folder-size.js';

/** What to save, as MLflow's `save_model` arguments. */
export interface SaveModelOptions {
  /** The model's code: the path (or file URL) of a TS/JS module whose default export is the model. */
  readonly model: string | URL;
  /** Artifact name → local file or folder, copied into the model and handed to `loadContext`. */
  readonly artifacts?: Readonly<Record<string, string>>;
  readonly signature?: ModelSignature;
  /** An example input, or `{ input, params }`; when no signature is given, one is inferred from it. */
  readonly inputExample?: unknown;
  readonly modelConfig?: Readonly<Record<string, unknown>>;
  readonly metadata?: Readonly<Record<string, unknown>>;
  /** Packages to install beside the model: `{ name: version }` or `['name@version']`. */
  readonly requirements?: Readonly<Record<string, string>> | readonly string[];
}

async function assertFreshTarget(path: string): Promise<void> {
  const entries = await readdir(path).catch(() => undefined);
  if (entries !== undefined && entries.length > 0)
    throw new MlflowError(`Path '${path}' already exists and is not empty`, 'RESOURCE_ALREADY_EXISTS', {
      file: path,
    });
  if (entries === undefined && (await stat(path).catch(() => undefined)))
    throw new MlflowError(`Path '${path}' already exists and is not a folder`, 'RESOURCE_ALREADY_EXISTS', {
      file: path,
    });
}

/** Infers the signature as MLflow does: the input schema from the example, the output from one predict on it. */
async function signatureFromExample(
  dir: string,
  mlmodel: Model,
  info: Record<string, unknown>,
): Promise<ModelSignature> {
  const example = await loadInputExample(dir, info);
  const draft = inferSignature(example.input, undefined, example.params ?? undefined);
  const flavorConfig = mlmodel.flavors[NODE_FLAVOR] as Record<string, unknown>;
  const impl = await nodeFlavor.load({
    uri: dir,
    modelDir: dir,
    mlmodel,
    flavorConfig,
    modelConfig: (flavorConfig.model_config ?? {}) as Record<string, unknown>,
    signature: draft,
  });
  const output = await new LoadedModel(mlmodel, draft, impl).predict(
    example.input,
    example.params ?? undefined,
  );
  return inferSignature(example.input, output, example.params ?? undefined);
}

async function writeModel(dir: string, options: SaveModelOptions): Promise<void> {
  const entry = options.model instanceof URL ? fileURLToPath(options.model) : resolve(options.model);
  const code = 'code/model.mjs';
  const { bundled, external } = await bundleModelCode(entry, join(dir, code));
  const artifacts = await copyArtifacts(dir, options.artifacts ?? {});
  const mlmodel = new Model({ metadata: options.metadata });
  mlmodel.addFlavor(NODE_FLAVOR, {
    code,
    artifacts,
    model_config: { ...options.modelConfig },
    streamable: false,
    node_version: process.versions.node,
    modeldock_version: MODELDOCK_VERSION,
    env: NODE_ENV_FILE,
  });
  const info =
    options.inputExample === undefined ? undefined : await saveInputExample(dir, options.inputExample);
  if (info) mlmodel.savedInputExampleInfo = info;
  const signature = options.signature ?? (info ? await signatureFromExample(dir, mlmodel, info) : undefined);
  if (signature) mlmodel.setSignature(signature);
  mlmodel.modelSizeBytes = await folderSize(dir);
  const dependencies = { ...external, ...parseRequirements(options.requirements) };
  await writeNodeEnvironment(dir, {
    node: process.versions.node,
    modeldock: MODELDOCK_VERSION,
    bundled,
    dependencies,
  });
  await mlmodel.save(dir);
}

/**
 * Saves a custom Node model as an MLflow Model folder, as MLflow's `save_model`. The model's code and
 * everything it imports are bundled into the folder, so it loads anywhere with no node_modules. The
 * folder appears whole or not at all: it is built beside the target, then renamed into place.
 *
 * @example
 * await saveModel('out/my-model', { model: './src/my-model.ts', artifacts: { config: './config.json' }, inputExample: [{ x: 1 }] });
 */
export async function saveModel(path: string, options: SaveModelOptions): Promise<Model> {
  const target = resolve(path);
  await assertFreshTarget(target);
  await mkdir(dirname(target), { recursive: true });
  const staging = `${target}.partial-${process.pid}-${Date.now()}`;
  await mkdir(staging);
  try {
    await writeModel(staging, options);
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return Model.load(target);
}

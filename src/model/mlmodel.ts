/**
 * The `MLmodel` file of an MLflow model directory, as MLflow's `mlflow.models.Model`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MlflowError } from '../core/mlflow-error.js';
import { signatureFromDict, signatureToDict } from '../schema/codec.js';
import type { ModelSignature } from '../schema/types.js';
import { describeValue, isMapping, NO_FILE } from './mlmodel-errors.js';
import {
  type FlavorConfig,
  type MlmodelFields,
  type RawSignatureDict,
  readMlmodelFields,
  writeMlmodelFields,
} from './mlmodel-fields.js';
import { dumpPythonYaml, parsePythonYaml } from './mlmodel-yaml.js';
import { pythonDatetimeStr } from './python-datetime.js';
import type { SavedInputExampleInfo } from './saved-input-example-info.js';

/**
 * The `mlflow_version` Modeldock writes into new MLmodel files: the MLflow release whose MLmodel
 * format Modeldock produces (3.x keys such as `model_id` and `prompts`). Python MLflow uses it only
 * to warn on mismatch; update it when Modeldock follows a newer format.
 */
export const MODELDOCK_MLFLOW_VERSION = '3.6.0';

/** The file name MLflow gives the model metadata file. */
export const MLMODEL_FILE_NAME = 'MLmodel';

/** What `new Model(...)` accepts: any typed field, a decoded signature, and unknown keys to keep. */
export type ModelInit = {
  [K in keyof Omit<MlmodelFields, 'utcTimeCreated'>]?: MlmodelFields[K] | undefined;
} & {
  utcTimeCreated?: string | Date | null | undefined;
  signature?: ModelSignature | null | undefined;
  /** Top-level keys Modeldock does not know; written back unchanged. */
  extra?: Record<string, unknown> | undefined;
};

// Files being read must not gain keys they lacked; fromDict turns the new-model defaults off for
// the one synchronous constructor call it makes.
let applyNewModelDefaults = true;

/**
 * An MLmodel file: flavors, signature, input example info and the rest of model-format.md §1.
 * A field that is `undefined` is not written; one that is `null` is written as `null`.
 *
 * @example
 * const model = new Model({ artifactPath: 'model' }).addFlavor('python_function', { loader_module: 'mlflow.sklearn' });
 * model.save('/tmp/my-model'); // writes /tmp/my-model/MLmodel
 * Model.load('/tmp/my-model').flavors.python_function; // { loader_module: 'mlflow.sklearn' }
 */
export class Model {
  artifactPath: string | null | undefined;
  flavors: Record<string, FlavorConfig>;
  runId: string | null | undefined;
  modelId: string | null | undefined;
  modelUuid: string | null | undefined;
  mlflowVersion: string | null | undefined;
  utcTimeCreated: string | null | undefined;
  modelSizeBytes: number | null | undefined;
  savedInputExampleInfo: SavedInputExampleInfo | null | undefined;
  metadata: Record<string, unknown> | null | undefined;
  prompts: string[] | null | undefined;
  envVars: string[] | null | undefined;
  resources: Record<string, unknown> | null | undefined;
  databricksRuntime: string | null | undefined;
  authPolicy: Record<string, unknown> | null | undefined;
  isSignatureFromTypeHint: boolean | null | undefined;
  typeHintFromExample: boolean | null | undefined;
  /** Top-level keys Modeldock does not know, kept so that saving writes them back. */
  extra: Record<string, unknown>;
  /** The MLmodel file this model was read from, named in errors. */
  sourcePath: string | undefined;
  #signatureDict: RawSignatureDict | null | undefined;
  #signature: ModelSignature | undefined;

  constructor(init: ModelInit = {}) {
    const fresh = applyNewModelDefaults;
    this.artifactPath = init.artifactPath;
    this.flavors = init.flavors ?? {};
    this.runId = init.runId;
    // A new model gets every key MLflow 3.6 always writes, unless the caller gave it (even as null).
    const given = (key: keyof ModelInit): boolean => !fresh || init[key] !== undefined;
    this.modelId = given('modelId') ? init.modelId : null;
    this.modelUuid = given('modelUuid') ? init.modelUuid : randomUUID().replaceAll('-', '');
    this.mlflowVersion = given('mlflowVersion') ? init.mlflowVersion : MODELDOCK_MLFLOW_VERSION;
    const created = given('utcTimeCreated') ? init.utcTimeCreated : new Date();
    this.utcTimeCreated = created instanceof Date ? pythonDatetimeStr(created) : created;
    this.modelSizeBytes = init.modelSizeBytes;
    this.savedInputExampleInfo = init.savedInputExampleInfo;
    this.metadata = init.metadata;
    this.prompts = given('prompts') ? init.prompts : null;
    this.envVars = init.envVars;
    this.resources = init.resources;
    this.databricksRuntime = init.databricksRuntime;
    this.authPolicy = init.authPolicy;
    this.isSignatureFromTypeHint = init.isSignatureFromTypeHint;
    this.typeHintFromExample = init.typeHintFromExample;
    this.extra = init.extra ?? {};
    this.sourcePath = undefined;
    this.#signatureDict = init.signatureDict;
    if (init.signature) this.setSignature(init.signature);
  }

  /**
   * Reads `<dir>/MLmodel`, or the MLmodel file itself when given its path.
   * Throws RESOURCE_DOES_NOT_EXIST when there is no such file, INVALID_PARAMETER_VALUE when it is malformed.
   *
   * @example Model.load('/models/iris').flavors
   */
  static load(dirOrMlmodelPath: string): Model {
    const file = mlmodelPathOf(dirOrMlmodelPath);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (cause) {
      throw new MlflowError(
        `Could not read the MLmodel file ${file}: ${String(cause)}`,
        'INVALID_PARAMETER_VALUE',
        {
          file,
          cause,
        },
      );
    }
    return Model.fromYaml(text, file);
  }

  /**
   * Parses MLmodel YAML text; `sourcePath` names the file in errors.
   *
   * @example Model.fromYaml('flavors: {}\nrun_id: abc\n').runId // 'abc'
   */
  static fromYaml(text: string, sourcePath?: string): Model {
    const file = sourcePath ?? NO_FILE;
    let dict: unknown;
    try {
      dict = parsePythonYaml(text);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new MlflowError(
        `Invalid MLmodel file ${file}: it is not valid YAML. ${reason}`,
        'INVALID_PARAMETER_VALUE',
        {
          file,
          cause,
        },
      );
    }
    return Model.fromDict(dict, sourcePath);
  }

  /**
   * Builds a model from a parsed MLmodel mapping (snake_case keys), checking every known field.
   *
   * @example Model.fromDict({ flavors: { sklearn: {} }, model_size_bytes: 10 }).modelSizeBytes // 10
   */
  static fromDict(dict: unknown, sourcePath?: string): Model {
    const file = sourcePath ?? NO_FILE;
    if (!isMapping(dict))
      throw new MlflowError(
        `Invalid MLmodel file ${file}: the document must be a mapping of MLmodel fields, but it is ${describeValue(dict)}.`,
        'INVALID_PARAMETER_VALUE',
        { file },
      );
    const { fields, extra } = readMlmodelFields(dict, file);
    applyNewModelDefaults = false;
    try {
      const model = new Model({ ...fields, extra });
      model.sourcePath = sourcePath;
      return model;
    } finally {
      applyNewModelDefaults = true;
    }
  }

  /** The `signature` mapping exactly as read or last set: JSON strings or null. */
  get signatureDict(): RawSignatureDict | null | undefined {
    return this.#signatureDict;
  }

  /**
   * The decoded signature, or null when the model has none. Decoded on first use; a signature that
   * does not decode raises INVALID_PARAMETER_VALUE naming the file and `signature`.
   */
  get signature(): ModelSignature | null {
    const raw = this.#signatureDict;
    if (raw === null || raw === undefined) return null;
    this.#signature ??= decodeSignature(raw, this.sourcePath ?? NO_FILE);
    return this.#signature;
  }

  /**
   * Sets (or with null, removes) the signature, encoding it as MLflow writes it. A new signature
   * gets `is_signature_from_type_hint` and `type_hint_from_example` false unless already set.
   *
   * @example model.setSignature({ inputs: null, outputs: null, params: null })
   */
  setSignature(signature: ModelSignature | null): this {
    this.#signature = signature ?? undefined;
    if (signature === null) {
      this.#signatureDict = undefined;
      this.isSignatureFromTypeHint = undefined;
      this.typeHintFromExample = undefined;
      return this;
    }
    const { inputs, outputs, params } = signatureToDict(signature);
    this.#signatureDict = { inputs, outputs, params };
    this.isSignatureFromTypeHint ??= false;
    this.typeHintFromExample ??= false;
    return this;
  }

  /**
   * Adds (or replaces) a flavor's configuration, as MLflow's `add_flavor`; returns the model.
   *
   * @example model.addFlavor('sklearn', { pickled_model: 'model.pkl', sklearn_version: '1.5.2' })
   */
  addFlavor(name: string, params: FlavorConfig = {}): this {
    this.flavors[name] = { ...params };
    return this;
  }

  /**
   * The MLmodel mapping with MLflow's snake_case keys: present fields (null ones included) and unknown keys.
   *
   * @example new Model().toDict().model_id // null
   */
  toDict(): Record<string, unknown> {
    return writeMlmodelFields(
      {
        artifactPath: this.artifactPath,
        flavors: this.flavors,
        runId: this.runId,
        modelId: this.modelId,
        modelUuid: this.modelUuid,
        mlflowVersion: this.mlflowVersion,
        utcTimeCreated: this.utcTimeCreated,
        modelSizeBytes: this.modelSizeBytes,
        savedInputExampleInfo: this.savedInputExampleInfo,
        signatureDict: this.#signatureDict,
        metadata: this.metadata,
        prompts: this.prompts,
        envVars: this.envVars,
        resources: this.resources,
        databricksRuntime: this.databricksRuntime,
        authPolicy: this.authPolicy,
        isSignatureFromTypeHint: this.isSignatureFromTypeHint,
        typeHintFromExample: this.typeHintFromExample,
      } as MlmodelFields,
      this.extra,
    );
  }

  /**
   * The MLmodel YAML: keys sorted, block style, quoted so that PyYAML reads back the same data.
   *
   * @example new Model().toYaml().includes('model_id: null') // true
   */
  toYaml(): string {
    return dumpPythonYaml(this.toDict());
  }

  /**
   * Writes `<dir>/MLmodel` (creating `dir`), atomically: a temp file renamed over the target.
   * Returns the path written.
   *
   * @example new Model().save('/tmp/m') // '/tmp/m/MLmodel'
   */
  save(dir: string): string {
    mkdirSync(dir, { recursive: true });
    const target = join(dir, MLMODEL_FILE_NAME);
    const temp = join(dir, `.${MLMODEL_FILE_NAME}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      writeFileSync(temp, this.toYaml(), 'utf8');
      renameSync(temp, target);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
    return target;
  }
}

/** `<path>/MLmodel` for a directory, the path itself for a file; RESOURCE_DOES_NOT_EXIST if neither exists. */
function mlmodelPathOf(path: string): string {
  const stat = statSync(path, { throwIfNoEntry: false });
  const file = stat?.isDirectory() ? join(path, MLMODEL_FILE_NAME) : path;
  if (!(stat?.isDirectory() ? statSync(file, { throwIfNoEntry: false }) : stat))
    throw new MlflowError(
      `Could not find an "${MLMODEL_FILE_NAME}" configuration file at "${file}"`,
      'RESOURCE_DOES_NOT_EXIST',
      {
        file,
      },
    );
  return file;
}

function decodeSignature(raw: RawSignatureDict, file: string): ModelSignature {
  try {
    return signatureFromDict({
      inputs: raw.inputs ?? null,
      outputs: raw.outputs ?? null,
      params: raw.params ?? null,
    });
  } catch (cause) {
    if (cause instanceof MlflowError && cause.errorCode === 'NOT_IMPLEMENTED') throw cause;
    const inner = cause instanceof MlflowError ? cause.field : undefined;
    const field = inner ? `signature.${inner}` : 'signature';
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new MlflowError(
      `Invalid MLmodel file ${file}: field '${field}' could not be decoded. ${reason}`,
      'INVALID_PARAMETER_VALUE',
      {
        file,
        field,
        cause,
      },
    );
  }
}

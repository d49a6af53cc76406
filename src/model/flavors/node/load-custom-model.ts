import { pathToFileURL } from 'node:url';
import { MlflowError } from '../../../core/mlflow-error.js';
import type { CustomModel } from './custom-model.js';
import { installRequireExternalHook } from './require-external.js';

let loadCount = 0;

function isCustomModel(v: unknown): v is CustomModel {
  return typeof v === 'object' && v !== null && typeof (v as CustomModel).predict === 'function';
}

function isClass(v: unknown): v is new () => unknown {
  return typeof v === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(v));
}

/**
 * Turns a module's default export into a custom model: a class is constructed, an instance is used
 * as it is (MLflow's `set_model`), and a plain function `(input, params) => output` is wrapped.
 */
export function toCustomModel(exported: unknown, where: string): CustomModel {
  if (isClass(exported)) {
    const instance = new exported();
    if (isCustomModel(instance)) return instance;
  } else if (isCustomModel(exported)) {
    return exported;
  } else if (typeof exported === 'function') {
    const fn = exported as (input: unknown, params: unknown) => unknown;
    return { predict: (_ctx, input, params) => fn(input, params) };
  }
  throw new MlflowError(
    `${where} must default-export a custom model: a class with predict(context, input, params), an instance of one, or a function.`,
    'INVALID_PARAMETER_VALUE',
    { file: where },
  );
}

/**
 * Imports model code and builds the custom model. Each load evaluates the module afresh, so two
 * loads never share an instance that a module exported.
 */
export async function importCustomModel(codeFile: string): Promise<CustomModel> {
  installRequireExternalHook();
  const url = `${pathToFileURL(codeFile).href}?load=${++loadCount}`;
  let mod: { default?: unknown };
  try {
    mod = (await import(url)) as { default?: unknown };
  } catch (cause) {
    const missing = /Cannot find (?:package|module) '([^'/]+)/.exec((cause as Error).message)?.[1];
    const hint = missing ? ` Package ${missing} is not installed; run npm install in the model folder.` : '';
    throw new MlflowError(
      `Could not import the model code ${codeFile}: ${(cause as Error).message}.${hint}`,
      'INVALID_PARAMETER_VALUE',
      {
        file: codeFile,
        cause,
      },
    );
  }
  return toCustomModel(mod.default, codeFile);
}

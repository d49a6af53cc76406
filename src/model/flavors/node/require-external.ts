import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REQUIRE_EXTERNAL } from './require-external-hook.js';

type Require = (id: string) => unknown;

/**
 * Requires a package that a model bundle left external (a native addon): from the model folder's
 * own node_modules when it has one, else from the application loading the model, else from
 * Modeldock's own dependencies. So a model that needs onnxruntime-node loads wherever the app has it.
 */
export function requireExternal(name: string, fromModel: Require): unknown {
  const candidates: Require[] = [
    fromModel,
    createRequire(join(process.cwd(), 'package.json')),
    createRequire(import.meta.url),
  ];
  let firstError: unknown;
  for (const req of candidates) {
    try {
      return req(name);
    } catch (error) {
      if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
      firstError ??= error;
    }
  }
  throw firstError;
}

/** Installs the hook that model bundles call; idempotent. */
export function installRequireExternalHook(): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for(REQUIRE_EXTERNAL)] ??= requireExternal;
}

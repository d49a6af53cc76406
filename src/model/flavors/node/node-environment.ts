import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** The environment a Node model needs, written as `node_env.yaml` and a `package.json` beside MLmodel. */
export interface NodeEnvironment {
  readonly node: string;
  readonly modeldock: string;
  /** Packages inlined into the bundle: recorded for provenance, nothing to install. */
  readonly bundled: Readonly<Record<string, string>>;
  /** Packages that must be installed beside the model (native addons, user requirements). */
  readonly dependencies: Readonly<Record<string, string>>;
}

export const NODE_ENV_FILE = 'node_env.yaml';

/**
 * Writes `node_env.yaml` (what the model was built with) and `package.json` (so `npm install` in the
 * model folder restores the packages that could not be bundled).
 */
export async function writeNodeEnvironment(dir: string, env: NodeEnvironment): Promise<void> {
  await writeFile(join(dir, NODE_ENV_FILE), stringify(env, { sortMapEntries: false }));
  const manifest = { name: 'modeldock-model', private: true, type: 'module', dependencies: env.dependencies };
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Parses user requirements given as `{name: version}` or `['name@version', ...]`. */
export function parseRequirements(
  requirements: Readonly<Record<string, string>> | readonly string[] | undefined,
): Record<string, string> {
  if (!requirements) return {};
  if (!Array.isArray(requirements)) return { ...(requirements as Record<string, string>) };
  return Object.fromEntries(
    requirements.map((r) => {
      const at = r.lastIndexOf('@');
      return at > 0 ? [r.slice(0, at), r.slice(at + 1)] : [r, '*'];
    }),
  );
}

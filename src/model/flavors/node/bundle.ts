import { join, relative, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { MlflowError } from '../../../core/mlflow-error.js';
import { findPackageDir, isNativePackage, readManifest } from './native-packages.js';
import { REQUIRE_EXTERNAL } from './require-external-hook.js';

/** The result of bundling a model's code: one self-contained ESM file and the packages it used. */
export interface BundleResult {
  /** Package name → exact version, for every package inlined into the bundle. */
  readonly bundled: Record<string, string>;
  /** Package name → exact version, for packages left external (native addons); they must be installed to load. */
  readonly external: Record<string, string>;
}

/** The package a bare import names: `@scope/name/sub` → `@scope/name`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function externalNatives(found: Map<string, string>): Plugin {
  return {
    name: 'modeldock-native-externals',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:')) return { path: args.path, external: true };
        const name = packageNameOf(args.path);
        const dir = findPackageDir(args.resolveDir, name);
        if (!dir || !isNativePackage(dir)) return undefined;
        found.set(name, readManifest(dir).version ?? 'unknown');
        return { path: args.path, namespace: 'modeldock-external' };
      });
      // The package is required at load time: from the model folder first, then, through the hook,
      // from the application that loads the model (see load-custom-model.ts).
      b.onLoad({ filter: /.*/, namespace: 'modeldock-external' }, (args) => ({
        contents:
          `const hook = globalThis[Symbol.for(${JSON.stringify(REQUIRE_EXTERNAL)})];\n` +
          `module.exports = hook ? hook(${JSON.stringify(args.path)}, require) : require(${JSON.stringify(args.path)});\n`,
        loader: 'js',
      }));
    },
  };
}

/** The package that owns a bundled input file, found from its node_modules path. */
function packageOf(file: string): { name: string; version: string } | undefined {
  const marker = `node_modules${sep}`;
  const at = file.lastIndexOf(marker);
  if (at < 0) return undefined;
  const rest = file.slice(at + marker.length).split(sep);
  const name = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  if (!name) return undefined;
  return { name, version: readManifest(join(file.slice(0, at + marker.length), name)).version ?? 'unknown' };
}

/**
 * Bundles `entry` (a TS or JS module) and everything it imports into `outFile`, one ESM file that
 * loads with no node_modules in reach. Native addons stay external and are reported.
 *
 * @example const { bundled } = await bundleModelCode('src/my-model.ts', 'model/code/model.mjs');
 */
export async function bundleModelCode(entry: string, outFile: string): Promise<BundleResult> {
  const natives = new Map<string, string>();
  let result;
  try {
    result = await build({
      entryPoints: [entry],
      outfile: outFile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      metafile: true,
      logLevel: 'silent',
      plugins: [externalNatives(natives)],
      // CommonJS packages inside an ESM bundle call require(); give them one.
      banner: {
        js: "import { createRequire as __mdCreateRequire } from 'node:module';\nconst require = __mdCreateRequire(import.meta.url);",
      },
    });
  } catch (cause) {
    throw new MlflowError(
      `Could not bundle the model code ${entry}: ${(cause as Error).message}`,
      'INVALID_PARAMETER_VALUE',
      {
        file: entry,
        cause,
      },
    );
  }
  const bundled: Record<string, string> = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const pkg = packageOf(join(process.cwd(), input));
    if (pkg) bundled[pkg.name] = pkg.version;
  }
  return { bundled: sortKeys(bundled), external: sortKeys(Object.fromEntries(natives)) };
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/** A path relative to the model folder, in POSIX form as MLmodel stores paths. */
export function posixRelative(from: string, to: string): string {
  return relative(from, to).split(sep).join('/');
}

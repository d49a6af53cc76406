import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface Manifest {
  version?: string;
  gypfile?: boolean;
  binary?: unknown;
  dependencies?: Record<string, string>;
}

// Packages that load compiled addons list one of these loaders; their .node binaries are found by
// path at run time, so a bundle cannot carry them.
const ADDON_LOADERS = [
  'bindings',
  'node-gyp-build',
  'prebuild-install',
  'node-addon-api',
  '@mapbox/node-pre-gyp',
  'nan',
];

/** The folder of package `name` as Node would find it from `fromDir`, or undefined. */
export function findPackageDir(fromDir: string, name: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

export function readManifest(packageDir: string): Manifest {
  return JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Manifest;
}

const verdicts = new Map<string, boolean>();

/**
 * True when the package ships a native addon (binding.gyp, `gypfile`, a node-pre-gyp `binary`
 * section, or an addon loader among its dependencies).
 */
export function isNativePackage(packageDir: string): boolean {
  const known = verdicts.get(packageDir);
  if (known !== undefined) return known;
  const manifest = readManifest(packageDir);
  const native =
    manifest.gypfile === true ||
    manifest.binary !== undefined ||
    existsSync(join(packageDir, 'binding.gyp')) ||
    ADDON_LOADERS.some((loader) => manifest.dependencies?.[loader] !== undefined);
  verdicts.set(packageDir, native);
  return native;
}

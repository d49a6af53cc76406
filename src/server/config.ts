import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { HttpLimits } from './http/http-types.js';
import { DEFAULT_LIMITS } from './http/app.js';

/** Everything `modeldock server` can be told; built only by {@link parseServerConfig}. */
export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  /** `sqlite:///path.db` or `postgresql://…`. */
  readonly backendStoreUri: string;
  /** Absolute folder behind the `mlflow-artifacts` proxy. */
  readonly artifactsDestination: string;
  readonly serveArtifacts: boolean;
  /** Where new experiments put their artifacts (`mlflow-artifacts:/` when artifacts are served). */
  readonly defaultArtifactRoot: string;
  readonly workers: number;
  readonly limits: HttpLimits;
  /** The built web UI to serve at `/`; the one packaged with Modeldock when absent. */
  readonly uiRoot?: string;
}

/**
 * A bad command line; the CLI prints the message and exits with {@link ConfigError.exitCode}.
 *
 * @example throw new ConfigError("Unknown option '--bogus'");
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** 2, as Click (MLflow's CLI) uses for usage errors. */
  readonly exitCode = 2;
}

/**
 * The `modeldock server` usage text.
 *
 * @example output.out(SERVER_USAGE);
 */
export const SERVER_USAGE = `Usage: modeldock server [OPTIONS]

Options:
  --host TEXT                    Network address to listen on (default 127.0.0.1).
  -p, --port INTEGER             Port to listen on (default 5000).
  --backend-store-uri TEXT       sqlite:///path.db or postgresql://... (default sqlite:///mlflow.db).
  --artifacts-destination TEXT   Folder behind the artifact proxy (default ./mlartifacts).
  --serve-artifacts / --no-serve-artifacts
                                 Serve the artifact proxy (default: on).
  --default-artifact-root TEXT   Artifact root of new experiments (default mlflow-artifacts:/ when
                                 serving artifacts, else ./mlruns).
  -w, --workers INTEGER          Worker processes (default 1).
  -h, --help                     Show this message and exit.

Environment: MODELDOCK_MAX_JSON_BODY_BYTES (default 16777216) and MODELDOCK_MAX_UPLOAD_BYTES
(default unlimited) bound request bodies; larger ones get 413.`;

const OPTIONS = {
  host: { type: 'string', default: '127.0.0.1' },
  port: { type: 'string', short: 'p', default: '5000' },
  'backend-store-uri': { type: 'string', default: 'sqlite:///mlflow.db' },
  'artifacts-destination': { type: 'string', default: './mlartifacts' },
  'serve-artifacts': { type: 'boolean' },
  'no-serve-artifacts': { type: 'boolean' },
  'default-artifact-root': { type: 'string' },
  workers: { type: 'string', short: 'w', default: '1' },
  help: { type: 'boolean', short: 'h' },
} as const;

function integerOption(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new ConfigError(
      `Invalid value for '--${name}': '${text}' is not an integer in the range ${min}..${max}.`,
    );
  }
  return value;
}

function byteLimit(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number,
): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text)) throw new ConfigError(`Invalid value for ${name}: '${text}' is not a byte count.`);
  return Number(text);
}

function parseFlags(
  argv: readonly string[],
): ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'] {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}\nTry 'modeldock server --help' for help.`);
  }
}

/**
 * Reads `modeldock server` flags (MLflow's names and defaults) and the MODELDOCK_* environment.
 * This module is the only code that looks at flags or the environment. Returns 'help' for `--help`.
 *
 * @example parseServerConfig(['--port', '8080'], {}, '/srv').artifactsDestination // '/srv/mlartifacts'
 */
export function parseServerConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
  cwd: string = process.cwd(),
): ServerConfig | 'help' {
  const flags = parseFlags(argv);
  if (flags.help) return 'help';
  if (flags['serve-artifacts'] && flags['no-serve-artifacts']) {
    throw new ConfigError("'--serve-artifacts' and '--no-serve-artifacts' cannot be used together.");
  }
  const serveArtifacts = !flags['no-serve-artifacts'];
  const defaultRoot =
    flags['default-artifact-root'] ?? (serveArtifacts ? 'mlflow-artifacts:/' : resolve(cwd, 'mlruns'));
  return {
    host: flags.host,
    port: integerOption('port', flags.port, 0, 65535),
    backendStoreUri: flags['backend-store-uri'],
    artifactsDestination: resolve(cwd, flags['artifacts-destination']),
    serveArtifacts,
    defaultArtifactRoot: defaultRoot,
    workers: integerOption('workers', flags.workers, 1, 1024),
    limits: {
      maxJsonBodyBytes: byteLimit(env, 'MODELDOCK_MAX_JSON_BODY_BYTES', DEFAULT_LIMITS.maxJsonBodyBytes),
      maxUploadBytes: byteLimit(env, 'MODELDOCK_MAX_UPLOAD_BYTES', DEFAULT_LIMITS.maxUploadBytes),
    },
  };
}

import { describe, expect, it } from 'vitest';
import { ConfigError, parseServerConfig, type ServerConfig } from '../../src/server/config.js';

function parse(argv: string[], env: Record<string, string> = {}): ServerConfig {
  const config = parseServerConfig(argv, env, '/srv/work');
  if (config === 'help') throw new Error('unexpected help');
  return config;
}

describe('modeldock server flags (mlflow server compatible)', () => {
  it('defaults match MLflow 3: 127.0.0.1:5000, sqlite mlflow.db, ./mlartifacts, proxied artifacts', () => {
    expect(parse([])).toEqual({
      host: '127.0.0.1',
      port: 5000,
      backendStoreUri: 'sqlite:///mlflow.db',
      artifactsDestination: '/srv/work/mlartifacts',
      serveArtifacts: true,
      defaultArtifactRoot: 'mlflow-artifacts:/',
      workers: 1,
      limits: { maxJsonBodyBytes: 16 * 1024 * 1024, maxUploadBytes: Infinity },
    });
  });

  it('reads every flag', () => {
    const config = parse([
      '--host',
      '0.0.0.0',
      '--port',
      '8080',
      '--backend-store-uri',
      'postgresql://u@h/db',
      '--artifacts-destination',
      '/data/a',
      '--default-artifact-root',
      's3://bucket/x',
      '--workers',
      '4',
    ]);
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      backendStoreUri: 'postgresql://u@h/db',
      artifactsDestination: '/data/a',
      defaultArtifactRoot: 's3://bucket/x',
      workers: 4,
    });
  });

  it('--no-serve-artifacts turns the proxy off and roots experiments in ./mlruns', () => {
    expect(parse(['--no-serve-artifacts'])).toMatchObject({
      serveArtifacts: false,
      defaultArtifactRoot: '/srv/work/mlruns',
    });
  });

  it('--help asks for the usage text', () => {
    expect(parseServerConfig(['--help'], {}, '/')).toBe('help');
  });

  it('body limits come from MODELDOCK_MAX_JSON_BODY_BYTES / MODELDOCK_MAX_UPLOAD_BYTES', () => {
    const config = parse([], { MODELDOCK_MAX_JSON_BODY_BYTES: '1024', MODELDOCK_MAX_UPLOAD_BYTES: '2048' });
    expect(config.limits).toEqual({ maxJsonBodyBytes: 1024, maxUploadBytes: 2048 });
  });

  for (const [label, argv] of [
    ['an unknown flag', ['--gunicorn-opts', 'x']],
    ['a non-numeric port', ['--port', 'http']],
    ['a port out of range', ['--port', '70000']],
    ['zero workers', ['--workers', '0']],
    ['a stray argument', ['extra']],
    ['both serve flags', ['--serve-artifacts', '--no-serve-artifacts']],
  ] as const) {
    it(`${label} is a usage error with exit code 2`, () => {
      expect(() => parse([...argv])).toThrow(ConfigError);
      try {
        parse([...argv]);
      } catch (error) {
        expect((error as ConfigError).exitCode).toBe(2);
      }
    });
  }
});

/**
 * A model version's `source` must stay inside the server's own artifact store (registry-semantics.md §3;
 * MLflow had six CVEs from this field). One test per accepted form and per attack variant, over REST.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonClient, openTestServer, type TestServer } from './support/test-server.js';

const CREATE = '/api/2.0/mlflow/model-versions/create';
const RUN = '0123456789abcdef0123456789abcdef';

let server: TestServer;
let client: ReturnType<typeof jsonClient>;
beforeAll(async () => {
  server = await openTestServer();
  client = jsonClient(server.app);
  await client.post('/api/2.0/mlflow/registered-models/create', { name: 'm' });
});
afterAll(() => server.close());

const register = (source: string) => client.post(CREATE, { name: 'm', source, run_id: RUN });

describe('accepted sources (register_model)', () => {
  const accepted: Array<[string, () => string]> = [
    ['a proxied artifact URI (2.x clients)', () => `mlflow-artifacts:/1/${RUN}/artifacts/model`],
    ['a runs:/ URI', () => `runs:/${RUN}/model`],
    [
      'a local path inside the artifacts destination',
      () => join(server.dir, 'artifacts', '1', RUN, 'artifacts', 'model'),
    ],
  ];
  for (const [what, source] of accepted) {
    it(`accepts ${what}`, async () => {
      const response = await register(source());
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ model_version: { source: source(), status: 'READY' } });
    });
  }
});

describe('rejected sources (path traversal and foreign locations)', () => {
  const rejected: Array<[string, () => string]> = [
    ['a local path outside the artifacts destination', () => '/etc/passwd'],
    [
      'a local path that climbs out of the artifacts destination',
      () => join(server.dir, 'artifacts') + '/../mlflow.db',
    ],
    ['a relative local path', () => 'model/dir'],
    ['a file:// URI', () => `file://${join(server.dir, 'artifacts', 'model')}`],
    ['a file: URI without slashes', () => 'file:/etc/passwd'],
    ['raw .. in a mlflow-artifacts URI', () => 'mlflow-artifacts:/1/../../../etc/passwd'],
    ['raw .. in a runs:/ URI', () => `runs:/${RUN}/../../../etc`],
    ['percent-encoded %2e%2e', () => 'mlflow-artifacts:/1/%2e%2e/%2e%2e/etc/passwd'],
    ['upper-case %2E%2E', () => 'mlflow-artifacts:/1/%2E%2E/secret'],
    ['double-encoded %252e%252e', () => 'mlflow-artifacts:/1/%252e%252e/%252e%252e/etc/passwd'],
    ['triple-encoded %25252e%25252e', () => 'mlflow-artifacts:/1/%25252e%25252e/etc'],
    ['an encoded slash around .. (%2f..%2f)', () => 'mlflow-artifacts:/1%2f..%2fsecret'],
    ['backslashes', () => 'mlflow-artifacts:/1\\..\\..\\etc'],
    ['encoded backslashes (%5c)', () => 'mlflow-artifacts:/1/%5c..%5cetc'],
    ['mixed encodings (.%2e)', () => 'mlflow-artifacts:/1/.%2e/secret'],
    ['a NUL byte', () => 'mlflow-artifacts:/1/model%00.txt'],
    ['a malformed percent-encoding', () => 'mlflow-artifacts:/1/%zz'],
    ['an s3:// URI', () => 's3://bucket/model'],
    ['an http:// URI', () => 'http://169.254.169.254/latest/meta-data'],
    ['an unknown scheme', () => 'gopher://host/model'],
    ['a Windows drive path', () => 'C:/Windows/System32'],
  ];
  for (const [what, source] of rejected) {
    it(`rejects ${what} with 400 INVALID_PARAMETER_VALUE`, async () => {
      const response = await register(source());
      expect(response.status).toBe(400);
      expect(response.body['error_code']).toBe('INVALID_PARAMETER_VALUE');
      expect(String(response.body['message'])).toContain('Invalid model version source');
    });
  }
});

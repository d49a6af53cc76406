import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoadedModel } from '../../src/model/loaded-model.js';
import { loadModel } from '../../src/model/load-model.js';
import { Model } from '../../src/model/mlmodel.js';
import { saveModel } from '../../src/model/save-model.js';
import { signatureFromDict } from '../../src/schema/codec.js';
import type { SignatureDict } from '../../src/schema/types.js';
import { openApiDocument } from '../../src/scoring/openapi-document.js';
import { createScoringServer } from '../../src/scoring/scoring-server.js';
import { readServingExample } from '../../src/scoring/serving-example.js';
import { FIXTURES, readFixtureJson } from '../support/fixtures.js';
import { listen, send } from './http-exchange.js';
import { matchesSchema, validateOpenApi } from './openapi-validator.js';

const IRIS = join(FIXTURES, 'models/mlflow-3.6/custom_pyfunc');
const TENSOR = join(FIXTURES, 'models/mlflow-3.6/tensor_model');
let work: string;
let server: Server;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'scoring-openapi-'));
  const fixture = await Model.load(IRIS);
  await saveModel(join(work, 'iris'), {
    model: new URL('./models/iris-softmax.ts', import.meta.url),
    artifacts: { config: join(IRIS, 'artifacts/config.json') },
    signature: fixture.signature!,
  });
  const model = await loadModel(join(work, 'iris'));
  server = await listen(
    createScoringServer(model, {
      modelName: 'iris',
      servingExample: await readServingExample(IRIS, fixture),
    }),
  );
}, 60_000);

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await rm(work, { recursive: true, force: true });
});

/** A model with this MLmodel's signature; the OpenAPI document only reads the metadata. */
async function modelOf(dir: string): Promise<{ model: LoadedModel; example: unknown }> {
  const metadata = await Model.load(dir);
  const model = new LoadedModel(metadata, metadata.signature, { predict: (x) => x, unwrap: () => null });
  return { model, example: await readServingExample(dir, metadata) };
}

function invocationsSchema(doc: Record<string, unknown>): unknown {
  const paths = doc.paths as Record<
    string,
    { post: { requestBody: { content: Record<string, { schema: unknown }> } } }
  >;
  return paths['/invocations']!.post.requestBody.content['application/json']!.schema;
}

describe('OpenAPI document (GET /openapi.json)', () => {
  it('is a valid OpenAPI 3 document whose example is a request it describes', async () => {
    const got = await send(server, { method: 'GET', path: '/openapi.json', headers: {}, body: null });
    expect(got.status).toBe(200);
    const doc = JSON.parse(got.body) as Record<string, unknown>;
    expect(validateOpenApi(doc)).toEqual([]);
    expect(doc.openapi).toBe('3.1.0');
    const example = await readServingExample(IRIS, await Model.load(IRIS));
    const paths = doc.paths as Record<
      string,
      { post: { requestBody: { content: Record<string, { example: unknown }> } } }
    >;
    expect(paths['/invocations']!.post.requestBody.content['application/json']!.example).toEqual(example);
    expect(matchesSchema(doc, invocationsSchema(doc), example)).toBe(true);
  });

  it('describes each input format and the params, and rejects requests the server rejects', async () => {
    const { model, example } = await modelOf(IRIS);
    const doc = openApiDocument(model, 'iris', example);
    const schema = invocationsSchema(doc);
    const row = { sepal_length: 5.1, sepal_width: 3.5, petal_length: 1.4, petal_width: 0.2 };
    const accepted = [
      { dataframe_records: [row], params: { threshold: 0.3 } },
      { instances: [row] },
      { inputs: { sepal_length: [5.1], sepal_width: [3.5], petal_length: [1.4], petal_width: [0.2] } },
      { dataframe_split: { columns: Object.keys(row), data: [[5.1, 3.5, 1.4, 0.2]] } },
    ];
    for (const body of accepted) expect(matchesSchema(doc, schema, body)).toBe(true);
    const rejected = [
      { dataframe_records: [{ sepal_length: 'abc' }] },
      { dataframe_records: [row], params: { threshold: 'high' } },
      [row],
    ];
    for (const body of rejected) expect(matchesSchema(doc, schema, body)).toBe(false);
  });

  it('describes tensor models as nested lists of their shape', async () => {
    const { model, example } = await modelOf(TENSOR);
    const doc = openApiDocument(model, 'tensor', example);
    expect(validateOpenApi(doc)).toEqual([]);
    expect(matchesSchema(doc, invocationsSchema(doc), { inputs: [[1, 2, 3, 4]] })).toBe(true);
    expect(matchesSchema(doc, invocationsSchema(doc), { inputs: [[1, 2, 3]] })).toBe(false);
  });

  it('is valid for every signature of the enforcement fixtures', () => {
    const cases = readFixtureJson<{ signature: SignatureDict | null; signature_id: string }[]>(
      'enforcement',
      'enforcement.json',
    );
    const signatures = new Map(cases.map((c) => [c.signature_id, c.signature]));
    for (const [id, dict] of signatures) {
      const signature = dict ? signatureFromDict(dict) : null;
      const model = new LoadedModel(new Model({ signature }), signature, {
        predict: (x) => x,
        unwrap: () => null,
      });
      expect([id, validateOpenApi(openApiDocument(model, id))]).toEqual([id, []]);
    }
  });
});

describe('Swagger UI (GET /docs)', () => {
  it('serves the page and its assets from the local swagger-ui-dist package', async () => {
    const page = await send(server, { method: 'GET', path: '/docs', headers: {}, body: null });
    expect(page.status).toBe(200);
    expect(page.contentType).toBe('text/html; charset=utf-8');
    expect(page.body).toContain("url: '/openapi.json'");
    const bundle = await send(server, {
      method: 'GET',
      path: '/docs/swagger-ui-bundle.js',
      headers: {},
      body: null,
    });
    expect([bundle.status, bundle.contentType]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect(bundle.body).toContain('SwaggerUIBundle');
    const outside = await send(server, {
      method: 'GET',
      path: '/docs/../package.json',
      headers: {},
      body: null,
    });
    expect(outside.status).toBe(404);
  });
});

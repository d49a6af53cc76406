import { describe, expect, it } from 'vitest';
import { MlflowError } from '../../src/core/mlflow-error.js';
import { createApp } from '../../src/server/http/app.js';
import type { Route } from '../../src/server/http/http-types.js';
import { readRequestFields } from '../../src/server/http/read-body.js';
import { metaRoutes } from '../../src/server/routes/meta.js';

const VIEW_TYPE = { ACTIVE_ONLY: 1, DELETED_ONLY: 2, ALL: 3 } as const;

/** Echo routes that exercise the decoding rules the real route modules rely on. */
const echoRoutes: Route[] = [
  {
    method: 'GET',
    path: '/mlflow/echo/search',
    handler: async (ctx) => {
      const f = await readRequestFields(ctx.request, ctx.limits);
      return {
        ids: f.strings('experiment_ids'),
        max: f.int('max_results'),
        view: f.enumName('view_type', VIEW_TYPE),
        flag: f.bool('flag'),
      };
    },
  },
  {
    method: 'POST',
    path: '/mlflow/echo/create',
    handler: async (ctx) => {
      const f = await readRequestFields(ctx.request, ctx.limits);
      return {
        name: f.requiredString('name'),
        experiment_id: f.string('experiment_id'),
        start: f.int('start_time'),
        value: f.double('value'),
      };
    },
  },
  {
    method: 'DELETE',
    path: '/mlflow/echo/delete',
    handler: async (ctx) => ({
      name: (await readRequestFields(ctx.request, ctx.limits)).requiredString('name'),
    }),
  },
  {
    method: 'GET',
    path: '/mlflow/echo/models/{model_id}',
    handler: ({ params }) => ({ id: params.model_id }),
  },
  {
    method: 'GET',
    path: '/mlflow/echo/encode',
    handler: () => ({
      nan: NaN,
      inf: Infinity,
      ninf: -Infinity,
      step: 0,
      empty: [],
      none: undefined,
      nested: {},
    }),
  },
  {
    method: 'GET',
    path: '/mlflow/echo/fail',
    handler: () => Promise.reject(new Error('disk on fire at /srv/secret')),
  },
  {
    method: 'GET',
    path: '/mlflow/echo/missing',
    handler: () => Promise.reject(new MlflowError('Run with id=x not found', 'RESOURCE_DOES_NOT_EXIST')),
  },
  { method: 'GET', path: '/mlflow/echo/v3', apiVersion: 3, handler: () => ({ ok: true }) },
];

const app = createApp({ routes: [...metaRoutes(), ...echoRoutes], limits: { maxJsonBodyBytes: 1024 } });
const post = (path: string, body: string, contentType?: string) =>
  app.request(path, { method: 'POST', body, headers: contentType ? { 'content-type': contentType } : {} });

describe('HTTP core', () => {
  it('health check (GET /health) answers OK as text', async () => {
    const response = await app.request('/health');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('OK');
  });

  it('server version (GET /version) is an MLflow 3.x version', async () => {
    expect(await (await app.request('/version')).text()).toMatch(/^3\.\d+\.\d+$/);
  });

  it('serves every endpoint at /api/2.0 and /ajax-api/2.0, and 3.0 routes at /api/3.0', async () => {
    for (const path of ['/api/2.0/mlflow/echo/models/m-1', '/ajax-api/2.0/mlflow/echo/models/m-1']) {
      expect(await (await app.request(path)).json()).toEqual({ id: 'm-1' });
    }
    expect((await app.request('/api/3.0/mlflow/echo/v3')).status).toBe(200);
    expect((await app.request('/api/2.0/mlflow/echo/v3')).status).toBe(404);
  });

  it('an unknown route is a JSON 404 ENDPOINT_NOT_FOUND', async () => {
    const response = await app.request('/api/2.0/mlflow/experiments/nope');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({ error_code: 'ENDPOINT_NOT_FOUND' });
  });

  it('a wrong method on a known route is 405', async () => {
    const response = await app.request('/api/2.0/mlflow/echo/create');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('GET reads repeated keys, numbers as text, enums by name or number, and case-insensitive bools', async () => {
    const query = 'experiment_ids=1&experiment_ids=2&max_results=25&view_type=3&flag=True';
    const body = await (await app.request(`/api/2.0/mlflow/echo/search?${query}`)).json();
    expect(body).toEqual({ ids: ['1', '2'], max: 25, view: 'ALL', flag: true });
    const single = await (
      await app.request('/api/2.0/mlflow/echo/search?experiment_ids=7&view_type=DELETED_ONLY')
    ).json();
    expect(single).toEqual({ ids: ['7'], view: 'DELETED_ONLY' });
  });

  it("GET with a bad boolean is 400 with MLflow's message", async () => {
    const response = await app.request('/api/2.0/mlflow/echo/search?flag=yes');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: "Invalid boolean value: yes, must be 'true' or 'false'.",
    });
  });

  it('GET without a query string falls back to a JSON body', async () => {
    const response = await app.request('/api/2.0/mlflow/echo/search', { body: '{"experiment_ids": ["3"]}' });
    expect(await response.json()).toEqual({ ids: ['3'] });
  });

  it('POST needs Content-Type application/json (charset ignored)', async () => {
    const missing = await post('/api/2.0/mlflow/echo/create', '{"name":"a"}');
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: 'Bad Request. Content-Type header is missing.',
    });
    const wrong = await post('/api/2.0/mlflow/echo/create', '{"name":"a"}', 'text/plain');
    expect(await wrong.json()).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: "Bad Request. Content-Type must be one of ['application/json'].",
    });
    const ok = await post('/api/2.0/mlflow/echo/create', '{"name":"a"}', 'application/json; charset=utf-8');
    expect(await ok.json()).toEqual({ name: 'a' });
  });

  it('POST decodes int64 as number or text, numeric experiment ids, NaN strings and camelCase names', async () => {
    const response = await post(
      '/api/2.0/mlflow/echo/create',
      '{"name":"a","experimentId":5,"start_time":"1715000000000","value":"NaN"}',
      'application/json',
    );
    expect(await response.json()).toEqual({
      name: 'a',
      experiment_id: '5',
      start: 1715000000000,
      value: 'NaN',
    });
  });

  it('POST accepts a double-encoded body and bare NaN literals', async () => {
    const doubled = await post(
      '/api/2.0/mlflow/echo/create',
      JSON.stringify(JSON.stringify({ name: 'b' })),
      'application/json',
    );
    expect(await doubled.json()).toEqual({ name: 'b' });
    const bare = await post('/api/2.0/mlflow/echo/create', '{"name":"c","value":NaN}', 'application/json');
    expect(await bare.json()).toEqual({ name: 'c', value: 'NaN' });
  });

  it('malformed JSON reads as an empty message, as in MLflow: the required-field check answers', async () => {
    const response = await post('/api/2.0/mlflow/echo/create', 'not json', 'application/json');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message:
        "Missing value for required parameter 'name'. See the API docs for more information about request parameters.",
    });
  });

  it('an empty required string is missing, a wrong JSON type is named with its Python type', async () => {
    const empty = await post('/api/2.0/mlflow/echo/create', '{"name":""}', 'application/json');
    expect(((await empty.json()) as { message: string }).message).toMatch(
      /^Missing value for required parameter 'name'/,
    );
    const wrong = await post('/api/2.0/mlflow/echo/create', '{"name":123}', 'application/json');
    expect(await wrong.json()).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message:
        "Invalid value 123 for parameter 'name' supplied:  Hint: Value was of type 'int'. See the API docs for more information about request parameters.",
    });
  });

  it('DELETE parses its body leniently (no Content-Type) and falls back to the query string', async () => {
    const body = await app.request('/api/2.0/mlflow/echo/delete', { method: 'DELETE', body: '{"name":"x"}' });
    expect(await body.json()).toEqual({ name: 'x' });
    const query = await app.request('/api/2.0/mlflow/echo/delete?name=y', { method: 'DELETE' });
    expect(await query.json()).toEqual({ name: 'y' });
  });

  it('an oversized JSON body is refused with 413', async () => {
    const response = await post(
      '/api/2.0/mlflow/echo/create',
      JSON.stringify({ name: 'x'.repeat(2000) }),
      'application/json',
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error_code: 'BAD_REQUEST' });
  });

  it('responses are proto-JSON: NaN/Infinity as strings, unset and empty repeated fields omitted, zero kept', async () => {
    expect(await (await app.request('/api/2.0/mlflow/echo/encode')).text()).toBe(
      '{"nan":"NaN","inf":"Infinity","ninf":"-Infinity","step":0,"nested":{}}',
    );
  });

  it('an MlflowError keeps its code and status; anything else is a 500 without details', async () => {
    const missing = await app.request('/api/2.0/mlflow/echo/missing');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message: 'Run with id=x not found',
    });
    const seen: unknown[] = [];
    const failing = createApp({ routes: echoRoutes, onUnexpectedError: (e) => seen.push(e) });
    const crash = await failing.request('/api/2.0/mlflow/echo/fail');
    expect(crash.status).toBe(500);
    const body = (await crash.json()) as { error_code: string };
    expect(body.error_code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(body)).not.toContain('/srv/secret');
    expect(seen).toHaveLength(1);
  });

  it('HEAD is answered like GET (health probes)', async () => {
    expect((await app.request('/health', { method: 'HEAD' })).status).toBe(200);
  });

  it('every response says X-Content-Type-Options: nosniff', async () => {
    expect((await app.request('/health')).headers.get('x-content-type-options')).toBe('nosniff');
  });
});

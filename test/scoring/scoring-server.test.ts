import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { mkdtemp, rm } from 'node:fs/promises';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load-model.js';
import { saveModel } from '../../src/model/save-model.js';
import { schemaFromJson, paramSchemaFromJson } from '../../src/schema/codec.js';
import { createScoringServer } from '../../src/scoring/scoring-server.js';
import { listen, send } from './http-exchange.js';

const JSON_CT = { 'Content-Type': 'application/json' };
let work: string;
let doubler: Server;
let strict: Server;
let chat: Server;
let identity: Server;

function post(server: Server, body: string, headers: Record<string, string> = JSON_CT) {
  return send(server, { method: 'POST', path: '/invocations', headers, body });
}

function rawPost(
  server: Server,
  path: string,
  body: Uint8Array,
  headers: Record<string, string>,
): Promise<{ status: number; type: string | undefined; body: Buffer }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const r = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        headers: { ...headers, 'Content-Length': body.byteLength },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: res.headers['content-type'],
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    r.on('error', reject);
    r.end(body);
  });
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'scoring-server-'));
  await saveModel(join(work, 'doubler'), {
    model: new URL('./models/doubler.ts', import.meta.url),
    signature: {
      inputs: schemaFromJson('[{"type": "double", "name": "x", "required": true}]'),
      outputs: null,
      params: paramSchemaFromJson('[{"name": "mode", "type": "string", "default": "", "shape": null}]'),
    },
  });
  await saveModel(join(work, 'chat'), {
    model: new URL('./models/echo-chat.ts', import.meta.url),
    signature: {
      inputs: schemaFromJson(
        '[{"type": "array", "items": {"type": "object", "properties": {"content": {"type": "string", "required": true}, "role": {"type": "string", "required": true}}}, "name": "messages", "required": true}]',
      ),
      outputs: null,
      params: paramSchemaFromJson(
        '[{"name": "temperature", "type": "double", "default": 0.7, "shape": null}]',
      ),
    },
  });
  await saveModel(join(work, 'identity'), {
    model: new URL('./models/identity.ts', import.meta.url),
    signature: {
      inputs: schemaFromJson('[{"type": "double", "name": "x", "required": true}]'),
      outputs: null,
      params: null,
    },
  });
  identity = await listen(createScoringServer(await loadModel(join(work, 'identity'))));
  const model = await loadModel(join(work, 'doubler'));
  doubler = await listen(createScoringServer(model, { modelName: 'doubler' }));
  strict = await listen(createScoringServer(model, { timeoutMs: 100, maxBodyBytes: 1000 }));
  chat = await listen(createScoringServer(await loadModel(join(work, 'chat'))));
}, 60_000);

afterAll(async () => {
  for (const s of [doubler, strict, chat, identity]) await new Promise((r) => s.close(r));
  await rm(work, { recursive: true, force: true });
});

describe('scoring server robustness (mlflow models serve → POST /invocations)', () => {
  it('answers a model that throws with a 500 carrying its message and no stack, then keeps serving', async () => {
    const failed = await post(doubler, '{"inputs": {"x": [1]}, "params": {"mode": "throw"}}');
    expect(failed.status).toBe(500);
    expect(JSON.parse(failed.body)).toEqual({
      error_code: 'INTERNAL_ERROR',
      message: 'boom: the model failed',
    });
    const ok = await post(doubler, '{"inputs": {"x": [1, 2.5]}}');
    expect([ok.status, ok.body]).toEqual([200, '{"predictions":[2,5]}']);
  });

  it('answers 504 when a request runs past the timeout', async () => {
    const slow = await post(strict, '{"inputs": {"x": [1]}, "params": {"mode": "slow"}}');
    expect([slow.status, slow.contentType, slow.body]).toEqual([
      504,
      'text/plain; charset=utf-8',
      'Request processing time exceeded limit',
    ]);
  });

  it('answers 413 for a body over the size limit', async () => {
    const big = await post(
      strict,
      JSON.stringify({ inputs: { x: Array.from({ length: 500 }, (_, i) => i) } }),
    );
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ error_code: 'BAD_REQUEST' });
    expect((await send(strict, { method: 'GET', path: '/ping', headers: {}, body: null })).status).toBe(200);
  });

  it('answers 415, not 500, when the Content-Type header is missing', async () => {
    const got = await post(doubler, '{"inputs": {"x": [1]}}', {});
    expect([got.status, got.contentType]).toEqual([415, 'text/plain; charset=utf-8']);
  });
});

describe('LLM-style requests (POST /invocations with messages)', () => {
  it('passes the whole object as input, params by name, and does not wrap the reply', async () => {
    const got = await post(chat, '{"messages": [{"role": "user", "content": "hi"}], "temperature": 0.1}');
    expect(got.status).toBe(200);
    expect(JSON.parse(got.body)).toEqual({
      choices: [{ message: { role: 'assistant', content: 'you said: hi' } }],
      temperature: 0.1,
    });
  });
});

describe('streaming (POST /invocations, Accept: text/event-stream)', () => {
  it('sends each predictStream chunk as a Server-Sent Event, then [DONE]', async () => {
    const got = await post(doubler, '{"inputs": {"x": [1, 2]}}', { ...JSON_CT, Accept: 'text/event-stream' });
    expect([got.status, got.contentType]).toEqual([200, 'text/event-stream']);
    expect(got.body).toBe('data: {"y":2}\n\ndata: {"y":4}\n\ndata: [DONE]\n\n');
  });

  it('rejects bad input before the stream starts', async () => {
    const got = await post(doubler, '{"inputs": {"y": [1]}}', { ...JSON_CT, Accept: 'text/event-stream' });
    expect(got.status).toBe(400);
    expect(JSON.parse(got.body)).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
  });
});

describe('Arrow IPC bodies (Content-Type: application/vnd.apache.arrow.stream)', () => {
  it('scores an Arrow stream and answers JSON, or Arrow when asked', async () => {
    const body = tableToIPC(tableFromArrays({ x: Float64Array.of(1, 2, 3) }), 'stream');
    const ct = { 'Content-Type': 'application/vnd.apache.arrow.stream' };
    const asJson = await rawPost(doubler, '/invocations', body, ct);
    expect([asJson.status, asJson.body.toString()]).toEqual([200, '{"predictions":[2,4,6]}']);
    const bad = await rawPost(doubler, '/invocations', new TextEncoder().encode('not arrow'), ct);
    expect(bad.status).toBe(400);
  });

  it('answers a frame prediction as an Arrow stream when Accept asks for it', async () => {
    const body = tableToIPC(tableFromArrays({ x: Float64Array.of(1.5, 2) }), 'stream');
    const arrow = 'application/vnd.apache.arrow.stream';
    const got = await rawPost(identity, '/invocations', body, { 'Content-Type': arrow, Accept: arrow });
    expect([got.status, got.type]).toEqual([200, arrow]);
    expect([...tableFromIPC(got.body).getChild('x')!.toArray()]).toEqual([1.5, 2]);
  });
});

describe('Open Inference Protocol V2 (KServe /v2 routes)', () => {
  it('reports health, readiness and metadata from the signature', async () => {
    const get = (path: string) => send(doubler, { method: 'GET', path, headers: {}, body: null });
    expect(JSON.parse((await get('/v2/health/live')).body)).toEqual({ live: true });
    expect(JSON.parse((await get('/v2/health/ready')).body)).toEqual({ ready: true });
    expect(JSON.parse((await get('/v2/models/doubler/ready')).body)).toEqual({
      name: 'doubler',
      ready: true,
    });
    expect(JSON.parse((await get('/v2/models/doubler')).body)).toMatchObject({
      name: 'doubler',
      inputs: [{ name: 'x', datatype: 'FP64', shape: [-1] }],
    });
    expect((await get('/v2/models/other')).status).toBe(404);
  });

  it('infers from V2 tensors and answers V2 outputs', async () => {
    const body = { id: 'r1', inputs: [{ name: 'x', shape: [3], datatype: 'FP64', data: [1, 2, 3] }] };
    const got = await send(doubler, {
      method: 'POST',
      path: '/v2/models/doubler/infer',
      headers: JSON_CT,
      body: JSON.stringify(body),
    });
    expect(got.status).toBe(200);
    expect(JSON.parse(got.body)).toEqual({
      model_name: 'doubler',
      id: 'r1',
      outputs: [{ name: 'output-0', shape: [3], datatype: 'INT64', data: [2, 4, 6] }],
    });
    const bad = await send(doubler, {
      method: 'POST',
      path: '/v2/models/doubler/infer',
      headers: JSON_CT,
      body: '{"inputs": []}',
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toHaveProperty('error');
  });
});

describe('Prometheus metrics (GET /metrics)', () => {
  it('counts requests by status, errors by code, and invocation latency', async () => {
    await post(doubler, '{"inputs": {"nope": [1]}}');
    const got = await send(doubler, { method: 'GET', path: '/metrics', headers: {}, body: null });
    expect(got.status).toBe(200);
    expect(got.body).toMatch(/modeldock_requests_total\{path="\/invocations",status="200"\} \d+/);
    expect(got.body).toMatch(/modeldock_errors_total\{error_code="INVALID_PARAMETER_VALUE"\} \d+/);
    expect(got.body).toMatch(/modeldock_invocation_seconds_count \d+/);
  });
});

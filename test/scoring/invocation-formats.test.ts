import { describe, expect, it } from 'vitest';
import { LoadedModel } from '../../src/model/loaded-model.js';
import { Model } from '../../src/model/mlmodel.js';
import { schemaFromJson } from '../../src/schema/codec.js';
import type { ModelSignature } from '../../src/schema/types.js';
import { ScoringApp } from '../../src/scoring/scoring-app.js';

const twoDoubles: ModelSignature = {
  inputs: schemaFromJson(
    '[{"type": "double", "name": "a", "required": true}, {"type": "double", "name": "b", "required": true}]',
  ),
  outputs: null,
  params: null,
};

/** An in-process app over a model that echoes what it received, or a fixed value. */
function appFor(signature: ModelSignature | null, output?: unknown): ScoringApp {
  const model = new LoadedModel(new Model({ signature }), signature, {
    predict: (input) => (output === undefined ? input : output),
    unwrap: () => null,
  });
  return new ScoringApp(model);
}

async function invoke(app: ScoringApp, body: string): Promise<{ status: number; body: unknown }> {
  const headers = { 'content-type': 'application/json' };
  const r = await app.handle({ method: 'POST', path: '/invocations', headers, body: Buffer.from(body) });
  return { status: r.status, body: JSON.parse(String(r.body).replaceAll('NaN', 'null')) as unknown };
}

describe('request shapes MLflow rejects (POST /invocations)', () => {
  const app = appFor(twoDoubles, [0]);
  it.each([
    ['{"inputs": {"a": [1, 2], "b": [3]}}', 'Invalid input. All arrays must be of the same length'],
    [
      '{"instances": [{"a": 1}, {"a": 2, "b": 3}]}',
      'Invalid input. The length of values for each input/column name are not the same',
    ],
    ['{"dataframe_split": [1]}', 'Invalid input. Dataframe split format must be a dictionary. Got list.'],
    [
      '{"dataframe_records": {"a": 1}}',
      'Invalid input. Dataframe records format must be a list of records. Got dictionary.',
    ],
    [
      '{"inputs": [1], "instances": [1]}',
      /^The input must be a JSON dictionary with exactly one of the input fields/,
    ],
  ])('%s → 400 BAD_REQUEST', async (body, message) => {
    const got = await invoke(app, body);
    expect(got.status).toBe(400);
    expect(got.body).toMatchObject({ error_code: 'BAD_REQUEST', message });
  });
});

describe('values the server accepts (POST /invocations)', () => {
  it('reads bare NaN and Infinity as Python does, and answers NaN bare', async () => {
    const app = appFor(twoDoubles);
    const r = await app.handle({
      method: 'POST',
      path: '/invocations',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{"inputs": {"a": [NaN], "b": [Infinity]}}'),
    });
    expect([r.status, r.body]).toEqual([200, '{"predictions":[{"a":NaN,"b":Infinity}]}']);
  });

  it('answers null predictions for a model that returns nothing', async () => {
    expect(await invoke(appFor(null, null), '{"inputs": [1]}')).toEqual({
      status: 200,
      body: { predictions: null },
    });
  });

  it('passes inputs through unchanged for a model without a signature', async () => {
    const got = await invoke(appFor(null), '{"inputs": {"x": [1, "a"]}, "params": {"k": 1}}');
    expect(got).toEqual({ status: 200, body: { predictions: { x: [1, 'a'] } } });
  });

  it("rejects an object for an un-named schema with MLflow's message", async () => {
    const unnamed: ModelSignature = {
      inputs: schemaFromJson('[{"type": "string", "required": true}]'),
      outputs: null,
      params: null,
    };
    const got = await invoke(appFor(unnamed), '{"inputs": {"x": "a"}}');
    expect(got.status).toBe(400);
    expect(got.body).toMatchObject({
      message: expect.stringContaining('un-named  model signature') as unknown,
    });
  });
});

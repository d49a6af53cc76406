import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  copyModelVersion,
  endRun,
  logModel,
  MlflowClient,
  registerModel,
  setExperiment,
  setTrackingClient,
  startRun,
} from '../../src/client/index.js';
import { MlflowError } from '../../src/index.js';
import { type Exchange, loadTranscript } from '../server/support/transcript-replay.js';
import { type CaptureServer, type CapturedExchange, openCaptureServer } from './registry-capture-server.js';

// Each registry call of the TypeScript client is made in the order of MLflow 3.6's recorded
// scenario, against a real server, and must send the requests MLflow's client sent (method, path,
// query, JSON body) and get the same status back.

const SCALER = fileURLToPath(new URL('./models/scaler.ts', import.meta.url));
const TRANSCRIPT = loadTranscript('registry.client-mlflow-3.6.jsonl');
const PROMPT_CLAUSE = /(?: AND )?tag\.`mlflow\.prompt\.is_prompt` != 'true'/;

interface Ctx {
  readonly c: MlflowClient;
  readonly ids: { run0: string; run1: string; m1: string };
  pageToken?: string | undefined;
}

type Call = (ctx: Ctx) => Promise<unknown>;

// Requests MLflow's client makes that ours leaves out on purpose, each with the reason.
const LEFT_OUT: readonly {
  readonly why: string;
  readonly matches: (e: Exchange, step: Exchange[]) => boolean;
}[] = [
  {
    why: "3.6's prompt check (registered-models/get) before each call: the server already keeps prompts apart",
    matches: (e) => e.path.endsWith('/registered-models/get') && !e.step.startsWith('get_registered_model'),
  },
  {
    why: "3.6's client-side append to the logged model's mlflow.modelVersions tag: the server records it",
    matches: (e) =>
      /\/logged-models\/m-[0-9a-f]+(\/tags)?$/.test(e.path) && e.step.includes('register_model'),
  },
  {
    why: '3.6 fetches the run twice while resolving runs:/; once is enough',
    matches: (e, step) =>
      e.path.endsWith('/runs/get') && step.filter((x) => x.path === e.path).indexOf(e) > 0,
  },
  {
    why: '3.6 re-fetches the version an alias resolved to; the alias answer already holds it',
    matches: (e, step) =>
      e.path.endsWith('/model-versions/get') && step.some((x) => x.path.endsWith('/registered-models/alias')),
  },
];

const STEPS: readonly (readonly [string, Call])[] = [
  [
    "create_registered_model('reg-a', tags, description)",
    ({ c }) => c.createRegisteredModel('reg-a', { tags: { team: 'ml' }, description: 'first' }),
  ],
  ["create_registered_model('reg-a') duplicate -> error", ({ c }) => c.createRegisteredModel('reg-a')],
  ["create_registered_model('') empty name -> error", ({ c }) => c.createRegisteredModel('')],
  ["get_registered_model('reg-a')", ({ c }) => c.getRegisteredModel('reg-a')],
  ["get_registered_model('missing') -> error", ({ c }) => c.getRegisteredModel('missing')],
  ["update_registered_model('reg-a', description)", ({ c }) => c.updateRegisteredModel('reg-a', 'updated')],
  ["set_registered_model_tag('reg-a', 'k', 'v')", ({ c }) => c.setRegisteredModelTag('reg-a', 'k', 'v')],
  ["delete_registered_model_tag('reg-a', 'k')", ({ c }) => c.deleteRegisteredModelTag('reg-a', 'k')],
  [
    "delete_registered_model_tag('reg-a', 'missing') -> ?",
    ({ c }) => c.deleteRegisteredModelTag('reg-a', 'missing'),
  ],
  ["create_registered_model('other')", ({ c }) => c.createRegisteredModel('other')],
  ["rename_registered_model('reg-a' -> 'reg-b')", ({ c }) => c.renameRegisteredModel('reg-a', 'reg-b')],
  [
    "rename_registered_model('reg-b' -> 'other') existing name -> error",
    ({ c }) => c.renameRegisteredModel('reg-b', 'other'),
  ],
  ["rename_registered_model('missing' -> 'x') -> error", ({ c }) => c.renameRegisteredModel('missing', 'x')],
  [
    "create_model_version('reg-b', source=runs:/.../model, run_id, tags, description)",
    ({ c, ids }) =>
      c.createModelVersion('reg-b', `runs:/${ids.run0}/model`, {
        runId: ids.run0,
        tags: { v: '1' },
        description: 'v1',
      }),
  ],
  [
    "mlflow.register_model(runs:/<run1>/model, 'reg-b') -> v2",
    ({ c, ids }) => registerModel(c, `runs:/${ids.run1}/model`, 'reg-b'),
  ],
  [
    "mlflow.register_model(models:/<model_id>, 'reg-b') -> v3",
    ({ c, ids }) => registerModel(c, `models:/${ids.m1}`, 'reg-b'),
  ],
  [
    "create_model_version('missing', ...) -> error",
    ({ c, ids }) => c.createModelVersion('missing', `runs:/${ids.run0}/model`, { runId: ids.run0 }),
  ],
  ["get_model_version('reg-b', '1')", ({ c }) => c.getModelVersion('reg-b', '1')],
  ["get_model_version('reg-b', '99') -> error", ({ c }) => c.getModelVersion('reg-b', 99)],
  ["get_model_version('reg-b', 'abc') -> error", ({ c }) => c.getModelVersion('reg-b', 'abc')],
  ["update_model_version('reg-b', '1', description)", ({ c }) => c.updateModelVersion('reg-b', '1', 'best')],
  [
    "set_model_version_tag('reg-b', '1', 'validated', 'true')",
    ({ c }) => c.setModelVersionTag('reg-b', 1, 'validated', 'true'),
  ],
  [
    "set_model_version_tag('reg-b', '2', 'tmp', 'x')",
    ({ c }) => c.setModelVersionTag('reg-b', 2, 'tmp', 'x'),
  ],
  ["delete_model_version_tag('reg-b', '2', 'tmp')", ({ c }) => c.deleteModelVersionTag('reg-b', 2, 'tmp')],
  [
    "transition_model_version_stage('reg-b', '1', 'Staging')",
    ({ c }) => c.transitionModelVersionStage('reg-b', 1, 'Staging'),
  ],
  [
    "transition_model_version_stage('reg-b', '2', 'Production')",
    ({ c }) => c.transitionModelVersionStage('reg-b', 2, 'Production'),
  ],
  [
    "transition_model_version_stage('reg-b', '3', 'Production', archive_existing_versions=True)",
    ({ c }) => c.transitionModelVersionStage('reg-b', 3, 'Production', true),
  ],
  [
    "transition_model_version_stage('reg-b', '1', 'production') lower-case stage",
    ({ c }) => c.transitionModelVersionStage('reg-b', 1, 'production'),
  ],
  [
    "transition_model_version_stage('reg-b', '1', 'Foo') bad stage -> error",
    ({ c }) => c.transitionModelVersionStage('reg-b', 1, 'Foo'),
  ],
  [
    "transition_model_version_stage('reg-b', '1', 'Staging', archive_existing_versions=True)",
    ({ c }) => c.transitionModelVersionStage('reg-b', 1, 'Staging', true),
  ],
  [
    "get_latest_versions('reg-b', stages=['Production'])",
    ({ c }) => c.getLatestVersions('reg-b', ['Production']),
  ],
  ["get_latest_versions('reg-b') all stages", ({ c }) => c.getLatestVersions('reg-b')],
  [
    "get_latest_versions('reg-b', stages=['Bogus']) -> error",
    ({ c }) => c.getLatestVersions('reg-b', ['Bogus']),
  ],
  [
    "set_registered_model_alias('reg-b', 'champion', '1')",
    ({ c }) => c.setRegisteredModelAlias('reg-b', 'champion', 1),
  ],
  [
    "set_registered_model_alias('reg-b', 'challenger', '2')",
    ({ c }) => c.setRegisteredModelAlias('reg-b', 'challenger', '2'),
  ],
  [
    "set_registered_model_alias('reg-b', 'champion', '2') move alias",
    ({ c }) => c.setRegisteredModelAlias('reg-b', 'champion', 2),
  ],
  [
    "set_registered_model_alias('reg-b', 'x', '99') missing version -> error",
    ({ c }) => c.setRegisteredModelAlias('reg-b', 'x', 99),
  ],
  [
    "set_registered_model_alias('reg-b', 'latest', '1') reserved alias -> error",
    ({ c }) => c.setRegisteredModelAlias('reg-b', 'latest', 1),
  ],
  [
    "set_registered_model_alias('reg-b', 'v1', '1') version-like alias -> error",
    ({ c }) => c.setRegisteredModelAlias('reg-b', 'v1', 1),
  ],
  [
    "get_model_version_by_alias('reg-b', 'champion')",
    ({ c }) => c.getModelVersionByAlias('reg-b', 'champion'),
  ],
  [
    "get_model_version_by_alias('reg-b', 'missing') -> error",
    ({ c }) => c.getModelVersionByAlias('reg-b', 'missing'),
  ],
  [
    "delete_registered_model_alias('reg-b', 'challenger')",
    ({ c }) => c.deleteRegisteredModelAlias('reg-b', 'challenger'),
  ],
  [
    "delete_registered_model_alias('reg-b', 'missing') -> ?",
    ({ c }) => c.deleteRegisteredModelAlias('reg-b', 'missing'),
  ],
  ["get_registered_model('reg-b') (aliases, latest_versions)", ({ c }) => c.getRegisteredModel('reg-b')],
  ['search_registered_models()', ({ c }) => c.searchRegisteredModels()],
  [
    'search_registered_models("name LIKE \'reg-%\'", order_by name ASC)',
    ({ c }) => c.searchRegisteredModels({ filter: "name LIKE 'reg-%'", orderBy: ['name ASC'] }),
  ],
  [
    'search_registered_models("tags.team = \'ml\'")',
    ({ c }) => c.searchRegisteredModels({ filter: "tags.team = 'ml'" }),
  ],
  [
    'search_registered_models(max_results=1) page 1',
    async (ctx) => {
      const page = await ctx.c.searchRegisteredModels({ maxResults: 1, orderBy: ['name ASC'] });
      ctx.pageToken = page.nextPageToken;
      return page;
    },
  ],
  [
    'search_registered_models(max_results=1, page_token) page 2',
    (ctx) =>
      ctx.c.searchRegisteredModels({ maxResults: 1, orderBy: ['name ASC'], pageToken: ctx.pageToken ?? '' }),
  ],
  [
    'search_registered_models(invalid filter) -> error',
    ({ c }) => c.searchRegisteredModels({ filter: "name ~ 'x'" }),
  ],
  [
    'search_registered_models(filter on unsupported key) -> error',
    ({ c }) => c.searchRegisteredModels({ filter: 'version = 1' }),
  ],
  [
    'search_model_versions("name = \'reg-b\'", order_by version_number DESC)',
    ({ c }) => c.searchModelVersions({ filter: "name = 'reg-b'", orderBy: ['version_number DESC'] }),
  ],
  [
    'search_model_versions("run_id = \'<run0>\'")',
    ({ c, ids }) => c.searchModelVersions({ filter: `run_id = '${ids.run0}'` }),
  ],
  [
    "search_model_versions(\"name = 'reg-b' and tags.validated = 'true'\")",
    ({ c }) => c.searchModelVersions({ filter: "name = 'reg-b' and tags.validated = 'true'" }),
  ],
  [
    'search_model_versions(max_results=2) page 1',
    async (ctx) => {
      const page = await ctx.c.searchModelVersions({
        filter: "name = 'reg-b'",
        maxResults: 2,
        orderBy: ['version_number ASC'],
      });
      ctx.pageToken = page.nextPageToken;
      return page;
    },
  ],
  [
    'search_model_versions(max_results=2, page_token) page 2',
    (ctx) =>
      ctx.c.searchModelVersions({
        filter: "name = 'reg-b'",
        maxResults: 2,
        orderBy: ['version_number ASC'],
        pageToken: ctx.pageToken ?? '',
      }),
  ],
  ['search_model_versions(invalid filter) -> error', ({ c }) => c.searchModelVersions({ filter: 'name = ' })],
  [
    'search_model_versions("source_path = \'x\'") unsupported key -> error',
    ({ c }) => c.searchModelVersions({ filter: "source_path = 'x'" }),
  ],
  ["get_model_version_download_uri('reg-b', '1')", ({ c }) => c.getModelVersionDownloadUri('reg-b', 1)],
  [
    "copy_model_version(models:/reg-b/1 -> 'reg-copy')",
    ({ c }) => copyModelVersion(c, 'models:/reg-b/1', 'reg-copy'),
  ],
  [
    "copy_model_version(models:/reg-b@champion -> 'reg-copy')",
    ({ c }) => c.copyModelVersion('models:/reg-b@champion', 'reg-copy'),
  ],
  ["delete_model_version('reg-b', '3')", ({ c }) => c.deleteModelVersion('reg-b', 3)],
  ["delete_model_version('reg-b', '3') again -> error", ({ c }) => c.deleteModelVersion('reg-b', '3')],
  ["delete_registered_model('reg-copy')", ({ c }) => c.deleteRegisteredModel('reg-copy')],
  ["get_registered_model('reg-copy') after delete -> error", ({ c }) => c.getRegisteredModel('reg-copy')],
  ["delete_registered_model('missing') -> error", ({ c }) => c.deleteRegisteredModel('missing')],
];

function stepExchanges(step: string): Exchange[] {
  const exact = TRANSCRIPT.filter((e) => e.step === step);
  const found = exact.length > 0 ? exact : TRANSCRIPT.filter((e) => e.step.startsWith(step.slice(0, 70)));
  if (found.length === 0) throw new Error(`No transcript step named ${step}`);
  return found;
}

function replaceIds(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return [...ids].reduce((s, [from, to]) => s.split(from).join(to), value);
  if (Array.isArray(value)) return value.map((v) => replaceIds(v, ids));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceIds(v, ids)]));
  return value;
}

// The wire shape compared. Left out: the prompt clause 3.6 adds to model searches, page tokens'
// values (opaque, server-made), and `run_uuid`, the deprecated twin of `run_id` that 3.6 still sends.
function normalised(e: Pick<CapturedExchange, 'method' | 'path' | 'query' | 'request_body' | 'status'>) {
  const query: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(e.query)) {
    if (key === 'run_uuid') continue;
    const kept =
      key === 'filter' ? values.map((v) => v.replace(PROMPT_CLAUSE, '')).filter((v) => v !== '') : values;
    if (kept.length > 0) query[key] = key === 'page_token' ? ['<token>'] : kept;
  }
  return { request: `${e.method} ${e.path}`, query, body: e.request_body, status: e.status };
}

function expectedOf(step: string, ids: ReadonlyMap<string, string>) {
  const exchanges = stepExchanges(step);
  const kept = exchanges.filter((e) => !LEFT_OUT.some((rule) => rule.matches(e, exchanges)));
  return { kept, all: exchanges, wire: kept.map((e) => normalised(replaceIds(e, ids) as Exchange)) };
}

let server: CaptureServer;
let ctx: Ctx;
let idMap: Map<string, string>;

async function logRun(runName: string) {
  const run = await startRun({ runName });
  const info = await logModel('model', {
    model: SCALER,
    modelConfig: { factor: 2 },
    inputExample: [{ x: 1 }],
  });
  await endRun();
  return { runId: run.runId, modelId: info.modelId };
}

beforeAll(async () => {
  server = await openCaptureServer();
  const c = new MlflowClient({ trackingUri: server.url });
  setTrackingClient(c);
  expect(await setExperiment('reg-exp')).toBe('1');
  const first = await logRun('C=0.1');
  const second = await logRun('C=1.0');
  ctx = { c, ids: { run0: first.runId, run1: second.runId, m1: second.modelId } };
  idMap = new Map([
    ['f293bd116684400e9714579a314ebf53', first.runId],
    ['791df3f46a50414d9a84c05ce6e7f263', second.runId],
    ['m-82e97c72c6ac46e49ef48938ffda4c53', first.modelId],
    ['m-5604b4f6f61144d4ad7dbf59d2da8855', second.modelId],
  ]);
});
afterAll(async () => {
  setTrackingClient(undefined);
  await server.close();
});

describe('the registry calls of MlflowClient send what MLflow 3.6’s client sends (registry.client-mlflow-3.6.jsonl)', () => {
  for (const [step, call] of STEPS) {
    it(step, async () => {
      const { kept, all, wire } = expectedOf(step, idMap);
      // The last failure is the call's outcome, except registerModel's tolerated "already exists".
      const last = [...all].reverse().find((e) => e.status >= 400);
      const tolerated =
        last?.path.endsWith('/registered-models/create') && !step.startsWith('create_registered_model');
      const failing = tolerated ? undefined : last;
      const start = server.exchanges.length;
      const outcome = await call(ctx).then(
        () => undefined,
        (error: unknown) => error,
      );
      const sent = server.exchanges.slice(start).map(normalised);
      // When 3.6 stopped at its prompt check, ours makes the call itself, which fails the same way.
      if (kept.length > 0) expect(sent).toEqual(wire);
      if (failing === undefined) expect(outcome).toBeUndefined();
      else {
        expect(outcome).toBeInstanceOf(MlflowError);
        const { error_code } = failing.response_body as { error_code: string };
        expect((outcome as MlflowError).errorCode).toBe(error_code);
      }
    });
  }
});

/**
 * The scoring server's speed: req/s and p50/p99 at 8 connections for a 1-row request through full
 * signature enforcement (the iris softmax model), against a bare node:http server answering the
 * same JSON in the same run; a 1000-row request; and cold start (spawn → first 200 from /ping),
 * compiled and through tsx. The load generator (autocannon) runs in its own process; loopback only.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { modelsPredict } from '../src/cli/commands/models-predict.js';
import { saveModel } from '../src/model/save-model.js';
import { Model } from '../src/model/mlmodel.js';

const ROOT_DIR = new URL('..', import.meta.url).pathname;
const IRIS = join(ROOT_DIR, '../shared/fixtures/models/mlflow-3.6/custom_pyfunc');
const AUTOCANNON = join(ROOT_DIR, 'node_modules/autocannon/autocannon.js');
const SECONDS = 5;
const COLD_RUNS = 5;

interface Load {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

function rows(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => [
    4.3 + (i % 36) / 10,
    2 + (i % 24) / 10,
    1 + (i % 59) / 10,
    0.1 + (i % 25) / 10,
  ]);
}

function body(n: number): string {
  return JSON.stringify({
    dataframe_split: {
      columns: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'],
      data: rows(n),
    },
  });
}

/** Starts a server script in its own process; resolves with its URL once it prints it. */
function startScript(script: string, args: string[] = []): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script, '--', ...args], {
    cwd: ROOT_DIR,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (c: Buffer) => {
      text += c.toString();
      const m = /(http:\/\/\S+)/.exec(text);
      if (m) resolve({ url: m[1]!, child });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

const SCORING_SCRIPT = `
import('./src/model/load-model.ts').then(async ({ loadModel }) => {
  const { createScoringServer } = await import('./src/scoring/scoring-server.ts');
  const server = createScoringServer(await loadModel(process.argv[1]));
  server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port));
});`;

// The ceiling: node:http reading the body and answering a fixed JSON body, no parsing at all.
const BARE_SCRIPT = `
import('node:http').then(({ createServer }) => {
  const answer = process.argv[1];
  const server = createServer((req, res) => {
    req.on('data', () => {});
    req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(answer); });
  });
  server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port));
});`;

function autocannon(name: string, url: string, payload: string, seconds = SECONDS): Load {
  const out = execFileSync(
    process.execPath,
    [
      AUTOCANNON,
      '-c',
      '8',
      '-d',
      String(seconds),
      '-m',
      'POST',
      '-H',
      'content-type=application/json',
      '-b',
      payload,
      '-j',
      `${url}/invocations`,
    ],
    { maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const r = JSON.parse(out.toString()) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
  };
  return {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.non2xx + r.errors,
  };
}

async function post(url: string, payload: string): Promise<string> {
  const res = await fetch(`${url}/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: payload,
  });
  return res.text();
}

function pingStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = get(`${url}/ping`, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
  });
}

/** Spawn → first 200 from /ping, for the server started by `args` on a fixed port. */
async function coldStart(args: string[], url: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT_DIR, stdio: 'ignore' });
  try {
    while (performance.now() - t0 < 30_000) {
      if ((await pingStatus(url)) === 200) return performance.now() - t0;
      await new Promise((r) => setTimeout(r, 2));
    }
    throw new Error('no /ping answer');
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function compiledBuild(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'modeldock-scoring-build-'));
  try {
    execFileSync(
      process.execPath,
      [
        join(ROOT_DIR, 'node_modules/typescript/bin/tsc'),
        '-p',
        join(ROOT_DIR, 'tsconfig.build.json'),
        '--outDir',
        join(dir, 'dist'),
      ],
      { stdio: 'ignore' },
    );
  } catch {
    // tsc still emits when another layer has type errors; the scoring server is what we measure
  }
  await cp(join(ROOT_DIR, 'package.json'), join(dir, 'package.json'));
  await symlink(join(ROOT_DIR, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function coldStarts(modelDir: string): Promise<void> {
  const build = await compiledBuild();
  const serve = (entry: string) =>
    `import(${JSON.stringify(entry)}).then(async (m) => { process.exitCode = await m.modelsServe(process.argv.slice(1)); })`;
  const port = 5311;
  const url = `http://127.0.0.1:${port}`;
  const compiled = [
    '-e',
    serve(join(build, 'dist/cli/commands/models-serve.js')),
    '--',
    '-m',
    modelDir,
    '-p',
    String(port),
  ];
  const tsx = [
    '--import',
    'tsx',
    '-e',
    serve('./src/cli/commands/models-serve.ts'),
    '--',
    '-m',
    modelDir,
    '-p',
    String(port),
  ];
  for (const [name, args] of [
    ['compiled (dist/)', compiled],
    ['from source (tsx)', tsx],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < COLD_RUNS; i++) times.push(await coldStart([...args], url));
    console.log(
      `  cold start ${name.padEnd(20)} median ${median(times).toFixed(0)} ms  (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`,
    );
  }
  await rm(build, { recursive: true, force: true });
}

/** `modeldock models predict` on a 1M-row CSV file, in this process: rows per second, file to file. */
async function predictCsv(work: string, modelDir: string): Promise<void> {
  const n = 1_000_000;
  const input = join(work, 'rows.csv');
  const lines = rows(n).map((r) => r.map((v) => v.toFixed(1)).join(','));
  await writeFile(input, `sepal_length,sepal_width,petal_length,petal_width\n${lines.join('\n')}\n`);
  const quiet = { out: () => undefined, err: (t: string) => console.error(t) };
  const t0 = performance.now();
  const code = await modelsPredict(
    ['-m', modelDir, '-i', input, '-t', 'csv', '-o', join(work, 'out.json')],
    quiet,
  );
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `\nmodels predict, 1M-row CSV: ${(n / seconds).toFixed(0)} rows/s (${seconds.toFixed(1)} s, exit ${code})`,
  );
}

function printLoads(loads: Load[]): void {
  console.log(
    `  ${'case'.padEnd(46)}${'req/s'.padStart(10)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'errors'.padStart(8)}`,
  );
  for (const l of loads)
    console.log(
      `  ${l.name.padEnd(46)}${l.rps.toFixed(0).padStart(10)}${String(l.p50).padStart(9)}${String(l.p99).padStart(9)}${String(l.errors).padStart(8)}`,
    );
}

export async function run(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'modeldock-scoring-bench-'));
  const modelDir = join(work, 'iris');
  await saveModel(modelDir, {
    model: join(ROOT_DIR, 'test/scoring/models/iris-softmax.ts'),
    artifacts: { config: join(IRIS, 'artifacts/config.json') },
    signature: (await Model.load(IRIS)).signature!,
  });
  const scoring = await startScript(SCORING_SCRIPT, [modelDir]);
  const one = body(1);
  const answer = await post(scoring.url, one);
  const bare = await startScript(BARE_SCRIPT, [answer]);
  try {
    // Warm both servers (JIT, connection pools) before measuring.
    autocannon('warm-up', scoring.url, one, 2);
    autocannon('warm-up', bare.url, one, 2);
    const full = autocannon('modeldock /invocations, 1 row, enforced', scoring.url, one);
    const ceiling = autocannon('bare node:http, same JSON answer', bare.url, one);
    const thousand = autocannon('modeldock /invocations, 1000 rows, enforced', scoring.url, body(1000));
    console.log(`\nScoring server under load (autocannon, 8 connections, ${SECONDS} s each)`);
    printLoads([full, ceiling, thousand]);
    console.log(
      `  ratio to the node:http ceiling (1 row): ${(full.rps / ceiling.rps).toFixed(2)}  (goal ≥ 0.8)`,
    );
    console.log(`  1000-row throughput: ${(thousand.rps * 1000).toFixed(0)} rows/s`);
  } finally {
    scoring.child.kill('SIGTERM');
    bare.child.kill('SIGTERM');
  }
  await predictCsv(work, modelDir);
  console.log('\nCold start: spawn → first 200 from /ping (goal < 300 ms; MLflow ~6 s)');
  await coldStarts(modelDir);
  await rm(work, { recursive: true, force: true });
}

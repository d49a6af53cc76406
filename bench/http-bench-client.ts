/**
 * The client side of the HTTP benchmarks: one keep-alive connection issuing requests one after
 * another (as MLflow's Python client does with its requests session), a bounded timing loop, and
 * the result table.
 */
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A sequential JSON client over one keep-alive socket. */
export class BenchClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(private readonly base: string) {}

  /** Sends a request and returns the parsed JSON answer; anything but a 200 throws. */
  async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const text = await this.raw(method, path, body);
    return text === '' ? {} : (JSON.parse(text) as unknown);
  }

  raw(method: 'GET' | 'POST', path: string, body?: unknown): Promise<string> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        `${this.base}${path}`,
        {
          method,
          agent: this.agent,
          headers: payload === undefined ? {} : { 'content-type': 'application/json' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode === 200) resolve(text);
            else reject(new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 300)}`));
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** One measured case: throughput in its unit and per-operation latency percentiles. */
export interface Row {
  name: string;
  ops: number;
  throughput: number;
  unit: string;
  p50ms: number;
  p99ms: number;
}

/** Runs `fn` `ops` times (fewer if `budgetMs` runs out) after `warmup` untimed calls. */
export async function timed(
  name: string,
  spec: { ops: number; unitsPerOp: number; unit: string; warmup?: number; budgetMs?: number },
  fn: (i: number) => Promise<unknown>,
): Promise<Row> {
  for (let i = 0; i < (spec.warmup ?? 0); i++) await fn(-1 - i);
  const samples: number[] = [];
  const deadline = performance.now() + (spec.budgetMs ?? 120_000);
  const start = performance.now();
  for (let i = 0; i < spec.ops && performance.now() < deadline; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  const seconds = (performance.now() - start) / 1000;
  samples.sort((a, b) => a - b);
  const at = (q: number): number =>
    samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return {
    name,
    ops: samples.length,
    throughput: (samples.length * spec.unitsPerOp) / seconds,
    unit: spec.unit,
    p50ms: at(0.5),
    p99ms: at(0.99),
  };
}

/** Prints rows with their p50 as a multiple of the floor's p50 (how many bare round trips each costs). */
export function printRows(title: string, rows: Row[], floor: Row): void {
  console.log(`\n${title}`);
  console.log(
    '  case'.padEnd(50) +
      'n'.padStart(6) +
      'throughput'.padStart(18) +
      'p50 ms'.padStart(10) +
      'p99 ms'.padStart(10) +
      'p50 × floor'.padStart(13),
  );
  for (const r of rows) {
    console.log(
      `  ${r.name}`.padEnd(50) +
        String(r.ops).padStart(6) +
        `${r.throughput.toFixed(0)} ${r.unit}`.padStart(18) +
        r.p50ms.toFixed(2).padStart(10) +
        r.p99ms.toFixed(2).padStart(10) +
        (r.p50ms / floor.p50ms).toFixed(1).padStart(13),
    );
  }
}

/**
 * The floor: a bare node:http server answering every request with a fixed 49-byte JSON body,
 * driven by the same client loop (a POST with a small JSON body), in this process.
 */
export async function measureFloor(): Promise<Row> {
  const body = '{"run":{"info":{"run_id":"0123456789abcdef"}}}\n';
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new BenchClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  try {
    return await timed(
      'floor: bare node:http, fixed JSON',
      { ops: 5000, unitsPerOp: 1, unit: 'req/s', warmup: 200 },
      () => client.raw('POST', '/api/2.0/mlflow/runs/get', { run_id: 'x' }),
    );
  } finally {
    client.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Tiny timing harness for the benchmarks: runs a function until a time budget is spent and reports percentiles. */
export interface Timing {
  name: string;
  iterations: number;
  opsPerSec: number;
  p50us: number;
  p99us: number;
}

export function measure(name: string, fn: () => unknown, budgetMs = 1000): Timing {
  for (let i = 0; i < 50; i++) fn(); // warm up the JIT
  const samples: number[] = [];
  const deadline = performance.now() + budgetMs;
  while (performance.now() < deadline) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const total = samples.reduce((a, b) => a + b, 0);
  const at = (q: number): number =>
    (samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0) * 1000;
  return {
    name,
    iterations: samples.length,
    opsPerSec: samples.length / (total / 1000),
    p50us: at(0.5),
    p99us: at(0.99),
  };
}

export function printTable(title: string, rows: Timing[], baseline: string): void {
  const base = rows.find((r) => r.name === baseline);
  console.log(`\n${title}`);
  console.log(
    '  case'.padEnd(44) +
      'ops/s'.padStart(12) +
      'p50 µs'.padStart(11) +
      'p99 µs'.padStart(11) +
      `  ×${baseline}`,
  );
  for (const r of rows) {
    const ratio = base ? (r.opsPerSec / base.opsPerSec).toFixed(2) : '-';
    console.log(
      `  ${r.name}`.padEnd(44) +
        r.opsPerSec.toFixed(0).padStart(12) +
        r.p50us.toFixed(1).padStart(11) +
        r.p99us.toFixed(1).padStart(11) +
        `  ${ratio}`,
    );
  }
}

/** Runs every benchmark in bench/, or the ones named on the command line: `npm run bench -- data-model`. */
const SUITES: Record<string, () => Promise<{ run: () => void | Promise<void> }>> = {
  'data-model': () => import('./data-model.bench.js'),
  'tracking-store': () => import('./tracking-store.bench.js'),
  'tracking-http': () => import('./tracking-http.bench.js'),
  'flavors-boosters': () => import('./flavors-boosters.bench.js'),
  'flavors-sklearn': () => import('./flavors-sklearn.bench.js'),
  'server-start': () => import('./server-start.bench.js'),
  scoring: () => import('./scoring.bench.js'),
  registry: () => import('./registry.bench.js'),
  'ui-runs-table': () => import('./ui-runs-table.bench.js'),
};

const wanted = process.argv.slice(2);
for (const [name, load] of Object.entries(SUITES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`# ${name}`);
  await (await load()).run();
}

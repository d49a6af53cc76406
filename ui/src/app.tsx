import { lazy, Suspense } from 'react';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { Loading } from './components/states.js';
import { NotFoundPage } from './pages/not-found-page.js';

// Each area is its own chunk, so opening the Models page does not download the run page's code.
const ExperimentsListPage = lazy(() =>
  import('./pages/experiments/experiments-list-page.js').then((m) => ({ default: m.ExperimentsListPage })),
);
const ExperimentPage = lazy(() =>
  import('./pages/experiments/experiment-page.js').then((m) => ({ default: m.ExperimentPage })),
);
const CompareRunsPage = lazy(() =>
  import('./pages/experiments/compare-runs-page.js').then((m) => ({ default: m.CompareRunsPage })),
);
const RunPage = lazy(() => import('./pages/runs/run-page.js').then((m) => ({ default: m.RunPage })));
const RunRedirect = lazy(() =>
  import('./pages/runs/run-redirect.js').then((m) => ({ default: m.RunRedirect })),
);
const ModelsListPage = lazy(() =>
  import('./pages/models/models-list-page.js').then((m) => ({ default: m.ModelsListPage })),
);
const ModelPage = lazy(() => import('./pages/models/model-page.js').then((m) => ({ default: m.ModelPage })));
const ModelVersionPage = lazy(() =>
  import('./pages/models/model-version-page.js').then((m) => ({ default: m.ModelVersionPage })),
);

// Pages reached from an experiment (a run by id, a comparison) count as part of Experiments.
const SECTIONS: Readonly<Record<string, readonly string[]>> = {
  '/experiments': ['/experiments', '/runs', '/compare-runs'],
  '/models': ['/models'],
};

function NavLink({ href, children }: { href: string; children: string }) {
  const [location] = useLocation();
  const active = (SECTIONS[href] ?? [href]).some((p) => location === p || location.startsWith(`${p}/`));
  return (
    <Link href={href} className="nav-link" aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/** The shell (header and navigation) and the route table. */
export function App() {
  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <header className="app-header">
        <Link href="/experiments" className="brand">
          Modeldock
        </Link>
        <nav aria-label="Main">
          <NavLink href="/experiments">Experiments</NavLink>
          <NavLink href="/models">Models</NavLink>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading what="page" />}>
          <Routes />
        </Suspense>
      </main>
    </>
  );
}

// The skip link cannot use href="#main": the hash is the router's.
function skipToMain(event: React.MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

function Routes() {
  return (
    <Switch>
      <Route path="/">
        <Redirect to="/experiments" replace />
      </Route>
      <Route path="/experiments" component={ExperimentsListPage} />
      <Route path="/experiments/:experimentId">
        {(p) => <ExperimentPage experimentId={p.experimentId} />}
      </Route>
      <Route path="/experiments/:experimentId/runs">
        {(p) => <ExperimentPage experimentId={p.experimentId} />}
      </Route>
      <Route path="/experiments/:experimentId/runs/:runId/artifacts/*">
        {(p) => <RunPage experimentId={p.experimentId} runId={p.runId} artifactPath={p['*']} />}
      </Route>
      <Route path="/experiments/:experimentId/runs/:runId/:tab?">
        {(p) => <RunPage experimentId={p.experimentId} runId={p.runId} />}
      </Route>
      <Route path="/runs/:runId">{(p) => <RunRedirect runId={p.runId} />}</Route>
      <Route path="/compare-runs" component={CompareRunsPage} />
      <Route path="/models" component={ModelsListPage} />
      <Route path="/models/:name">{(p) => <ModelPage name={p.name} />}</Route>
      <Route path="/models/:name/versions/:version">
        {(p) => <ModelVersionPage name={p.name} version={p.version} />}
      </Route>
      <Route component={NotFoundPage} />
    </Switch>
  );
}

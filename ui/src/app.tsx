import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { CompareRunsPage } from './pages/experiments/compare-runs-page.js';
import { ExperimentPage } from './pages/experiments/experiment-page.js';
import { ExperimentsListPage } from './pages/experiments/experiments-list-page.js';
import { CompareVersionsPage } from './pages/models/compare-versions-page.js';
import { ModelPage } from './pages/models/model-page.js';
import { ModelVersionPage } from './pages/models/model-version-page.js';
import { ModelsListPage } from './pages/models/models-list-page.js';
import { MetricPage } from './pages/metrics/metric-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { LoggedModelPage } from './pages/runs/logged-model-page.js';
import { RunPage } from './pages/runs/run-page.js';
import { RunRedirect } from './pages/runs/run-redirect.js';

// Pages reached from an experiment (a run by id, a comparison) count as part of Experiments.
const SECTIONS: Readonly<Record<string, readonly string[]>> = {
  '/experiments': ['/experiments', '/runs', '/compare-runs', '/metric'],
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
        <Routes />
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
      <Route path="/experiments/:experimentId/models/:modelId/:tab?">
        {(p) => <LoggedModelPage experimentId={p.experimentId} modelId={p.modelId} />}
      </Route>
      <Route path="/runs/:runId">{(p) => <RunRedirect runId={p.runId} />}</Route>
      <Route path="/compare-runs" component={CompareRunsPage} />
      <Route path="/metric/*">{(p) => <MetricPage metricKey={p['*']} />}</Route>
      <Route path="/compare-model-versions" component={CompareVersionsPage} />
      <Route path="/models" component={ModelsListPage} />
      <Route path="/models/:name">{(p) => <ModelPage name={p.name} />}</Route>
      <Route path="/models/:name/versions/:version">
        {(p) => <ModelVersionPage name={p.name} version={p.version} />}
      </Route>
      <Route component={NotFoundPage} />
    </Switch>
  );
}

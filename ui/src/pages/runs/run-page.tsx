import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { Run } from '../../../../src/client/entities.js';
import type { ModelVersion } from '../../../../src/client/registry-client.js';
import { api } from '../../api.js';
import { PageHeader } from '../../components/page-header.js';
import { usePageTitle } from '../../components/page-title.js';
import { ErrorState, Loading } from '../../components/states.js';
import { links } from '../../links.js';
import { RegisterModelDialog } from './register-model-dialog.js';
import { RunActions } from './run-actions.js';
import { RegisteredBanner } from './registered-banner.js';
import { useRunVersions } from './registered-versions.js';
import { artifactsTabHref, RunArtifacts } from './run-artifacts.js';
import { RunStatusChip } from './run-details.js';
import { type RunModel, useRunModels } from './run-models.js';
import { RunOverview } from './run-overview.js';
import './run-page.css';

type Tab = 'overview' | 'artifacts';

/** `/experiments/:e/runs/:r/<tab>`: the tab is the segment after the run id (MLflow's tab names). */
function useTab(): Tab {
  const [location] = useLocation();
  return location.split('/')[5] === 'artifacts' ? 'artifacts' : 'overview';
}

// wouter decodes the path with decodeURI, which leaves `%2F`, `%3F`, `%23`… as they are; each
// segment was encoded with encodeURIComponent by links.runArtifact.
function decodeArtifactPath(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  const segments = path.split('/').map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  return segments.filter((s) => s !== '').join('/');
}

/** The page of one run: header, Overview and Artifacts tabs, and the Register model dialog. */
export function RunPage({
  experimentId,
  runId,
  artifactPath,
}: {
  experimentId: string;
  runId: string;
  artifactPath?: string;
}) {
  const run = useQuery({ queryKey: ['run', runId], queryFn: () => api.runs.getRun(runId) });
  const experiment = useQuery({
    queryKey: ['experiment', experimentId],
    queryFn: () => api.experiments.getExperiment(experimentId),
  });
  const title = run.data ? run.data.info.run_name || run.data.info.run_id : runId;
  usePageTitle(`Run ${title}`);
  const crumbs = [
    { href: links.experiments(), label: 'Experiments' },
    { href: links.experiment(experimentId), label: experiment.data?.name ?? `Experiment ${experimentId}` },
  ];
  return (
    <div className="page run-page">
      {run.isPending ? (
        <>
          <PageHeader crumbs={crumbs} title={title} />
          <Loading what="run" />
        </>
      ) : run.isError ? (
        <>
          <PageHeader crumbs={crumbs} title={title} />
          <ErrorState error={run.error} what="run" onRetry={() => void run.refetch()} />
        </>
      ) : (
        <LoadedRun
          run={run.data}
          experimentId={experimentId}
          crumbs={crumbs}
          title={title}
          artifactPath={decodeArtifactPath(artifactPath)}
        />
      )}
    </div>
  );
}

interface DialogState {
  readonly initial: RunModel;
}

function LoadedRun({
  run,
  experimentId,
  crumbs,
  title,
  artifactPath,
}: {
  run: Run;
  experimentId: string;
  crumbs: readonly { href: string; label: string }[];
  title: string;
  artifactPath: string | undefined;
}) {
  const runId = run.info.run_id;
  const tab = useTab();
  const { models, loading } = useRunModels(run);
  const versions = useRunVersions(runId);
  const [dialog, setDialog] = useState<DialogState | undefined>(undefined);
  const [registered, setRegistered] = useState<ModelVersion | undefined>(undefined);
  const openDialog = (initial: RunModel) => setDialog({ initial });
  const first = models[0];
  const registerButton = (
    <button
      type="button"
      className="primary"
      disabled={!first}
      title={first ? undefined : loading ? 'Looking for the run’s models…' : 'This run has no logged model'}
      onClick={() => first && openDialog(first)}
    >
      Register model
    </button>
  );
  return (
    <>
      <PageHeader
        crumbs={crumbs}
        title={
          <>
            {title} <RunStatusChip status={run.info.status} />
            {run.info.lifecycle_stage === 'deleted' && <span className="chip">Deleted</span>}
          </>
        }
        actions={
          <>
            <RunActions run={run} />
            {registerButton}
          </>
        }
      />
      {run.info.lifecycle_stage === 'deleted' && (
        <p className="notice run-deleted">
          This run is deleted: it is hidden from the experiment’s active runs until you restore it.
        </p>
      )}
      {registered && <RegisteredBanner version={registered} onDismiss={() => setRegistered(undefined)} />}
      <RunTabs experimentId={experimentId} runId={runId} tab={tab} />
      {tab === 'artifacts' ? (
        <RunArtifacts
          experimentId={experimentId}
          runId={runId}
          artifactPath={artifactPath}
          models={models}
          versions={versions.data}
          onRegister={openDialog}
        />
      ) : (
        <RunOverview run={run} models={models} versions={versions} onRegister={openDialog} />
      )}
      {dialog && (
        <RegisterModelDialog
          runId={runId}
          models={
            models.some((m) => m.source === dialog.initial.source) ? models : [dialog.initial, ...models]
          }
          initial={dialog.initial}
          onClose={() => setDialog(undefined)}
          onRegistered={(version) => {
            setDialog(undefined);
            setRegistered(version);
          }}
        />
      )}
    </>
  );
}

function RunTabs({ experimentId, runId, tab }: { experimentId: string; runId: string; tab: Tab }) {
  return (
    <nav className="run-tabs" aria-label="Run sections">
      <Link href={links.run(experimentId, runId)} aria-current={tab === 'overview' ? 'page' : undefined}>
        Overview
      </Link>
      <Link
        href={artifactsTabHref(experimentId, runId)}
        aria-current={tab === 'artifacts' ? 'page' : undefined}
      >
        Artifacts
      </Link>
    </nav>
  );
}

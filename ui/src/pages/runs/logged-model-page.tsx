import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { LoggedModel } from '../../../../src/client/entities.js';
import type { ModelVersion } from '../../../../src/client/registry-client.js';
import { api } from '../../api.js';
import { PageHeader } from '../../components/page-header.js';
import { usePageTitle } from '../../components/page-title.js';
import { ErrorState, Loading } from '../../components/states.js';
import { links } from '../../links.js';
import {
  type LoggedModelTab,
  loggedModelTabHref,
  loggedModelTag,
  MODEL_VERSIONS_TAG,
  versionsFromTag,
} from './logged-model.js';
import { LoggedModelArtifacts } from './logged-model-artifacts.js';
import { LoggedModelOverview } from './logged-model-overview.js';
import { RegisterModelDialog } from './register-model-dialog.js';
import { RegisteredBanner } from './registered-banner.js';
import { loggedModelEntry } from './run-models.js';
import './run-page.css';
import './logged-model-page.css';

/** `/experiments/:e/models/:m/<tab>`: the tab is the segment after the model id. */
function useTab(): LoggedModelTab {
  const [location] = useLocation();
  return location.split('/')[5] === 'artifacts' ? 'artifacts' : 'overview';
}

/** The query of one logged model, shared with the run page (`['logged-model', id]`). */
export function useLoggedModel(modelId: string) {
  return useQuery({
    queryKey: ['logged-model', modelId],
    queryFn: () => api.loggedModels.getLoggedModel(modelId),
  });
}

/**
 * An MLflow 3 logged model (`/experiments/:e/models/:m[/artifacts]`): its details, metrics, params,
 * tags, registrations, signature and environment, its files, and a Register model button.
 */
export function LoggedModelPage({ experimentId, modelId }: { experimentId: string; modelId: string }) {
  const model = useLoggedModel(modelId);
  const experiment = useQuery({
    queryKey: ['experiment', experimentId],
    queryFn: () => api.experiments.getExperiment(experimentId),
  });
  const runId = model.data?.info.source_run_id || undefined;
  // The run's name for the breadcrumb; the run page shares this query.
  const run = useQuery({
    queryKey: ['run', runId ?? ''],
    queryFn: () => api.runs.getRun(runId ?? ''),
    enabled: runId !== undefined,
  });
  const title = model.data?.info.name || modelId;
  usePageTitle(`Model ${title}`);
  const crumbs = [
    { href: links.experiments(), label: 'Experiments' },
    { href: links.experiment(experimentId), label: experiment.data?.name ?? `Experiment ${experimentId}` },
    ...(runId
      ? [
          {
            href: links.run(experimentId, runId),
            label: run.data?.info.run_name || `Run ${runId.slice(0, 8)}`,
          },
        ]
      : []),
  ];
  return (
    <div className="page run-page logged-model-page">
      {model.isPending ? (
        <>
          <PageHeader crumbs={crumbs} title={title} />
          <Loading what="logged model" />
        </>
      ) : model.isError ? (
        <>
          <PageHeader crumbs={crumbs} title={title} />
          <ErrorState error={model.error} what="logged model" onRetry={() => void model.refetch()} />
        </>
      ) : (
        <LoadedModel
          model={model.data}
          experimentId={experimentId}
          crumbs={crumbs}
          runName={run.data?.info.run_name}
        />
      )}
    </div>
  );
}

function LoadedModel({
  model,
  experimentId,
  crumbs,
  runName,
}: {
  model: LoggedModel;
  experimentId: string;
  crumbs: readonly { href: string; label: string }[];
  runName: string | undefined;
}) {
  const queryClient = useQueryClient();
  const tab = useTab();
  const modelId = model.info.model_id;
  const [dialogOpen, setDialogOpen] = useState(false);
  const [registered, setRegistered] = useState<ModelVersion | undefined>(undefined);
  const entry = loggedModelEntry(modelId, model);
  const versions = versionsFromTag(loggedModelTag(model, MODEL_VERSIONS_TAG));
  const openDialog = () => setDialogOpen(true);
  return (
    <>
      <PageHeader
        crumbs={crumbs}
        title={model.info.name || modelId}
        actions={
          <button type="button" className="primary" onClick={openDialog}>
            Register model
          </button>
        }
      />
      {registered && <RegisteredBanner version={registered} onDismiss={() => setRegistered(undefined)} />}
      <nav className="run-tabs" aria-label="Model sections">
        {(['overview', 'artifacts'] as const).map((t) => (
          <Link
            key={t}
            href={loggedModelTabHref(experimentId, modelId, t)}
            aria-current={tab === t ? 'page' : undefined}
          >
            {t === 'overview' ? 'Overview' : 'Artifacts'}
          </Link>
        ))}
      </nav>
      {tab === 'artifacts' ? (
        <LoggedModelArtifacts
          experimentId={experimentId}
          model={entry}
          registeredAs={versions}
          onRegister={openDialog}
        />
      ) : (
        <LoggedModelOverview
          model={model}
          experimentId={experimentId}
          runName={runName}
          versions={versions}
          onRegister={openDialog}
        />
      )}
      {dialogOpen && (
        <RegisterModelDialog
          runId={model.info.source_run_id || undefined}
          models={[entry]}
          initial={entry}
          onClose={() => setDialogOpen(false)}
          onRegistered={(version) => {
            setDialogOpen(false);
            setRegistered(version);
            // The registry appended the version to the model's `mlflow.modelVersions` tag.
            void queryClient.invalidateQueries({ queryKey: ['logged-model', modelId] });
          }}
        />
      )}
    </>
  );
}

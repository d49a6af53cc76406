import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'wouter';
import type { LoggedModel } from '../../../../src/client/entities.js';
import { api } from '../../api.js';
import { formatTime } from '../../components/format.js';
import { TagsEditor } from '../../components/tags-editor.js';
import { ErrorState, Loading } from '../../components/states.js';
import { links } from '../../links.js';
import { childPath, loggedModelArtifactStore, useListing } from './artifact-store.js';
import { loggedModelTabHref, statusLabel } from './logged-model.js';
import { LoggedModelMetrics } from './logged-model-metrics.js';
import { ModelPanel, type VersionRef } from './model-panel.js';
import { ParamsTable } from './params-table.js';
import { loggedModelEntry } from './run-models.js';

/** The Overview tab of a logged model: details, registrations, metrics, params, tags, the model. */
export function LoggedModelOverview({
  model,
  experimentId,
  runName,
  versions,
  onRegister,
}: {
  model: LoggedModel;
  experimentId: string;
  runName: string | undefined;
  versions: readonly VersionRef[];
  onRegister: () => void;
}) {
  const queryClient = useQueryClient();
  const modelId = model.info.model_id;
  // Waiting for the refetch means the table shows the saved tag as soon as the form clears.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['logged-model', modelId] }),
      queryClient.invalidateQueries({ queryKey: ['logged-models'] }),
    ]);
  const setTag = async (key: string, value: string) => {
    await api.loggedModels.setLoggedModelTags(modelId, { [key]: value });
    await refresh();
  };
  const deleteTag = async (key: string) => {
    await api.loggedModels.deleteLoggedModelTag(modelId, key);
    await refresh();
  };
  return (
    <div className="stack">
      <div className="grid-2">
        <ModelDetails model={model} experimentId={experimentId} runName={runName} />
        <div className="stack">
          <ModelVersionsList versions={versions} />
          <TagsEditor tags={model.info.tags ?? []} onSet={setTag} onDelete={deleteTag} />
        </div>
      </div>
      <LoggedModelMetrics experimentId={experimentId} metrics={model.data?.metrics ?? []} />
      <ParamsTable params={model.data?.params ?? []} />
      <RootModelPanel model={model} experimentId={experimentId} versions={versions} onRegister={onRegister} />
    </div>
  );
}

function ModelDetails({
  model,
  experimentId,
  runName,
}: {
  model: LoggedModel;
  experimentId: string;
  runName: string | undefined;
}) {
  const { info } = model;
  const runId = info.source_run_id;
  return (
    <section className="section" aria-labelledby="lm-details-title">
      <h2 id="lm-details-title">Details</h2>
      <dl className="details">
        <dt>Model ID</dt>
        <dd className="mono">{info.model_id}</dd>
        <dt>Status</dt>
        <dd>
          <span className={`chip lm-status lm-status-${info.status}`}>{statusLabel(info.status)}</span>
        </dd>
        <dt>Created</dt>
        <dd>{formatTime(info.creation_timestamp_ms)}</dd>
        <dt>Last modified</dt>
        <dd>{formatTime(info.last_updated_timestamp_ms)}</dd>
        <dt>Source run</dt>
        <dd>
          {runId ? (
            <Link href={links.run(experimentId, runId)}>{runName || runId}</Link>
          ) : (
            <span className="muted">None</span>
          )}
        </dd>
        <dt>Model type</dt>
        <dd>{info.model_type || <span className="muted">—</span>}</dd>
        <dt>Experiment ID</dt>
        <dd>
          <Link href={links.experiment(experimentId)}>{info.experiment_id}</Link>
        </dd>
        <dt>Artifact location</dt>
        <dd className="mono lm-break">{info.artifact_uri}</dd>
      </dl>
    </section>
  );
}

/** The registered versions made from this model, from its `mlflow.modelVersions` tag. */
function ModelVersionsList({ versions }: { versions: readonly VersionRef[] }) {
  return (
    <section className="section" aria-labelledby="lm-versions-title">
      <h2 id="lm-versions-title">Registered versions ({versions.length})</h2>
      {versions.length === 0 ? (
        <p className="muted">Not registered yet: use Register model to version, alias and serve it.</p>
      ) : (
        <ul className="lm-versions">
          {versions.map((v) => (
            <li key={`${v.name}/${v.version}`}>
              <Link href={links.modelVersion(v.name, v.version)}>
                {v.name} version {v.version}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Signature, environment and loading snippets: the model panel of the model's root folder. The
 * root listing is shared with the Artifacts tab, so switching tabs costs nothing more.
 */
function RootModelPanel({
  model,
  experimentId,
  versions,
  onRegister,
}: {
  model: LoggedModel;
  experimentId: string;
  versions: readonly VersionRef[];
  onRegister: () => void;
}) {
  const modelId = model.info.model_id;
  const store = useMemo(() => loggedModelArtifactStore(modelId), [modelId]);
  const root = useListing(store, '');
  if (root.isPending) return <Loading what="model files" />;
  if (root.isError)
    return <ErrorState error={root.error} what="model files" onRetry={() => void root.refetch()} />;
  if (!root.data.some((f) => !f.is_dir && f.path === childPath('', 'MLmodel')))
    return (
      <section className="section" aria-label="MLflow Model">
        <h2>MLflow Model</h2>
        <p className="muted">
          No MLmodel file among this model’s artifacts
          {model.info.status === 'LOGGED_MODEL_PENDING' ? ' yet: it is still being uploaded' : ''}.{' '}
          <Link href={loggedModelTabHref(experimentId, modelId, 'artifacts')}>Browse its files</Link>
        </p>
      </section>
    );
  return (
    <ModelPanel
      store={store}
      dir=""
      files={root.data}
      model={loggedModelEntry(modelId, model)}
      versions={undefined}
      registeredAs={versions}
      onRegister={onRegister}
    />
  );
}

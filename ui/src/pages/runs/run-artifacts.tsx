import { useMemo, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import type { ModelVersion } from '../../../../src/client/registry-client.js';
import { links } from '../../links.js';
import { ArtifactBrowser, type RenderModel } from './artifact-browser.js';
import { loggedModelArtifactStore, runArtifactStore } from './artifact-store.js';
import { ModelPanel } from './model-panel.js';
import { artifactModel, loggedModelEntry, type RunModel } from './run-models.js';

interface ArtifactsProps {
  experimentId: string;
  runId: string;
  /** The artifact path from the URL, if any. */
  artifactPath: string | undefined;
  models: readonly RunModel[];
  versions: readonly ModelVersion[] | undefined;
  onRegister: (model: RunModel) => void;
}

/** The URL of the Artifacts tab, optionally showing one MLflow 3 logged model's files. */
export function artifactsTabHref(experimentId: string, runId: string, modelId?: string): string {
  const base = `${links.run(experimentId, runId)}/artifacts`;
  return modelId ? `${base}?model=${encodeURIComponent(modelId)}` : base;
}

/**
 * The run's Artifacts tab: the run's own artifacts, or, for an MLflow 3 model whose files live
 * with the logged model rather than the run, that model's artifacts (`?model=<id>`).
 */
export function RunArtifacts(props: ArtifactsProps) {
  const modelId = new URLSearchParams(useSearch()).get('model');
  const loggedModels = props.models.filter((m) => m.modelId !== undefined);
  return (
    <div className="stack">
      {loggedModels.length > 0 && (
        <LoggedModelsNotice {...props} loggedModels={loggedModels} current={modelId} />
      )}
      {modelId ? <LoggedModelFiles key={modelId} {...props} modelId={modelId} /> : <RunFiles {...props} />}
    </div>
  );
}

function LoggedModelsNotice({
  experimentId,
  runId,
  loggedModels,
  current,
}: ArtifactsProps & { loggedModels: readonly RunModel[]; current: string | null }) {
  return (
    <nav className="notice" aria-label="Logged models">
      <span>This run logged MLflow 3 models; their files are stored with each model:</span>
      <span className="row wrap">
        {current && <Link href={artifactsTabHref(experimentId, runId)}>Run artifacts</Link>}
        {loggedModels.map((m) => (
          <Link
            key={m.modelId}
            href={artifactsTabHref(experimentId, runId, m.modelId)}
            aria-current={m.modelId === current ? 'page' : undefined}
            className="chip"
          >
            {m.label}
          </Link>
        ))}
      </span>
    </nav>
  );
}

function RunFiles({ experimentId, runId, artifactPath, models, versions, onRegister }: ArtifactsProps) {
  const [, navigate] = useLocation();
  const store = useMemo(() => runArtifactStore(runId), [runId]);
  const renderModel: RenderModel = (dir, files) => (
    <ModelPanel
      store={store}
      dir={dir}
      files={files}
      model={models.find((m) => m.artifactPath === dir) ?? artifactModel(runId, dir)}
      versions={versions}
      onRegister={onRegister}
    />
  );
  return (
    <ArtifactBrowser
      store={store}
      selected={artifactPath ?? ''}
      onSelect={(path) => navigate(links.runArtifact(experimentId, runId, path))}
      renderModel={renderModel}
    />
  );
}

function LoggedModelFiles({
  experimentId,
  modelId,
  models,
  versions,
  onRegister,
}: ArtifactsProps & { modelId: string }) {
  // The selection stays local: the route has no place for a path inside a logged model.
  const [selected, setSelected] = useState('');
  const store = useMemo(() => loggedModelArtifactStore(modelId), [modelId]);
  const model = models.find((m) => m.modelId === modelId) ?? loggedModelEntry(modelId, undefined);
  const renderModel: RenderModel = (dir, files) => (
    <ModelPanel
      store={store}
      dir={dir}
      files={files}
      model={model}
      versions={versions}
      onRegister={onRegister}
    />
  );
  return (
    <section className="stack" aria-label={`Files of ${model.label}`}>
      <div className="section-head">
        <h2>{model.label}</h2>
        <Link href={links.loggedModel(experimentId, modelId)}>Open the model’s page</Link>
      </div>
      <ArtifactBrowser store={store} selected={selected} onSelect={setSelected} renderModel={renderModel} />
    </section>
  );
}

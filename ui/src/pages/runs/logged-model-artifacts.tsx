import { useMemo } from 'react';
import { useLocation, useSearch } from 'wouter';
import { ArtifactBrowser, type RenderModel } from './artifact-browser.js';
import { loggedModelArtifactStore } from './artifact-store.js';
import { loggedModelTabHref } from './logged-model.js';
import { ModelPanel, type VersionRef } from './model-panel.js';
import type { RunModel } from './run-models.js';

/** The logged model's own files (`logged-models/{id}/artifacts/…`); the selection is `?path=`. */
export function LoggedModelArtifacts({
  experimentId,
  model,
  registeredAs,
  onRegister,
}: {
  experimentId: string;
  /** The logged model as a registrable model (its `modelId` is set). */
  model: RunModel & { modelId: string };
  registeredAs: readonly VersionRef[];
  onRegister: () => void;
}) {
  const [, navigate] = useLocation();
  const selected = new URLSearchParams(useSearch()).get('path') ?? '';
  const store = useMemo(() => loggedModelArtifactStore(model.modelId), [model.modelId]);
  const renderModel: RenderModel = (dir, files) => (
    <ModelPanel
      store={store}
      dir={dir}
      files={files}
      model={model}
      versions={undefined}
      registeredAs={registeredAs}
      onRegister={onRegister}
    />
  );
  return (
    <ArtifactBrowser
      store={store}
      selected={selected}
      onSelect={(path) => navigate(loggedModelTabHref(experimentId, model.modelId, 'artifacts', path))}
      renderModel={renderModel}
    />
  );
}

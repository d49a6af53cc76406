import type { Run } from '../../../../src/client/entities.js';
import { Link } from 'wouter';
import { links } from '../../links.js';
import { type RunModelLink, runModelLinks } from './run-model-links.js';

/** Links shown in a cell before "+N more": a sweep that logged 50 models must not swamp the row. */
const SHOWN = 3;

function ModelLink({
  experimentId,
  runId,
  model,
}: {
  experimentId: string;
  runId: string;
  model: RunModelLink;
}) {
  if (model.kind === 'artifact')
    return (
      <Link
        href={links.runArtifact(experimentId, runId, model.path)}
        className="model-link"
        title={`Model in the run's artifacts: ${model.path || '(root)'}`}
      >
        <span aria-hidden="true" className="model-icon">
          ▣
        </span>
        <span className="model-label">{model.path || '(root)'}</span>
      </Link>
    );
  return (
    <Link
      href={links.loggedModel(experimentId, model.modelId)}
      className="model-link mono"
      title={`Logged model ${model.modelId}`}
      aria-label={`Logged model ${model.modelId}`}
    >
      <span aria-hidden="true" className="model-icon">
        ◆
      </span>
      <span className="model-label">{model.modelId}</span>
    </Link>
  );
}

/** The runs table's Models cell: the run's 2.x artifact models and MLflow 3 logged models. */
export function ModelLinksCell({ experimentId, run }: { experimentId: string; run: Run }) {
  const models = runModelLinks(run);
  const runId = run.info.run_id;
  if (models.length === 0) return <span className="muted">—</span>;
  const more = models.length - SHOWN;
  return (
    <ul className="model-links">
      {models.slice(0, SHOWN).map((m) => (
        <li key={m.kind === 'artifact' ? `a:${m.path}` : `m:${m.modelId}`}>
          <ModelLink experimentId={experimentId} runId={runId} model={m} />
        </li>
      ))}
      {more > 0 && (
        <li>
          <Link href={links.run(experimentId, runId)} className="muted">
            +{more} more
          </Link>
        </li>
      )}
    </ul>
  );
}

import { Link } from 'wouter';
import type { ModelVersion } from '../../../../src/client/registry-client.js';
import { links } from '../../links.js';
import { artifactsTabHref } from './run-artifacts.js';
import { type RunModel, versionsOf } from './run-models.js';

/**
 * The models this run logged (2.x history tag, 3.x logged models, model folders seen), how many are
 * registered, and per model a link to its files and a Register button; an MLflow 3 model's name
 * links to its logged model page.
 */
export function RunModelsSection({
  experimentId,
  runId,
  models,
  versions,
  onRegister,
}: {
  experimentId: string;
  runId: string;
  models: readonly RunModel[];
  versions: readonly ModelVersion[] | undefined;
  onRegister: (model: RunModel) => void;
}) {
  const registered = models.filter((m) => versionsOf(m, versions).length > 0).length;
  return (
    <section className="section" aria-labelledby="run-models-title">
      <div className="section-head">
        <h2 id="run-models-title">Logged models</h2>
        {models.length > 0 && versions && (
          <span className="muted">
            {registered}/{models.length} registered
          </span>
        )}
      </div>
      {models.length === 0 ? (
        <p className="muted">No models logged by this run.</p>
      ) : (
        <ul className="model-list">
          {models.map((m) => (
            <li key={m.source}>
              <div className="model-list-main">
                {m.modelId ? (
                  <Link className="mono" href={links.loggedModel(experimentId, m.modelId)}>
                    {m.label}
                  </Link>
                ) : (
                  <span className="mono">{m.label}</span>
                )}
                <span>
                  {m.flavors.map((f) => (
                    <span className="chip" key={f}>
                      {f}
                    </span>
                  ))}
                </span>
                <code className="muted model-source">{m.source}</code>
              </div>
              <div className="row">
                <Link
                  href={
                    m.artifactPath
                      ? links.runArtifact(experimentId, runId, m.artifactPath)
                      : artifactsTabHref(experimentId, runId, m.modelId)
                  }
                  aria-label={`View model ${m.label}`}
                >
                  View
                </Link>
                <button type="button" aria-label={`Register model ${m.label}`} onClick={() => onRegister(m)}>
                  Register
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

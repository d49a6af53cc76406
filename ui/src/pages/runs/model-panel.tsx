import { api } from '../../api.js';
import { Link } from 'wouter';
import type { FileInfo } from '../../../../src/client/entities.js';
import type { ModelVersion } from '../../../../src/client/registry-client.js';
import { SignatureTables } from '../../components/signature-table.js';
import { QueryView } from '../../components/states.js';
import { links } from '../../links.js';
import { type MlmodelSummary, summarizeMlmodel } from '../../mlmodel.js';
import { type ArtifactStore, childPath, useFileText } from './artifact-store.js';
import { type RunModel, versionsOf } from './run-models.js';

// The environment files MLflow writes beside MLmodel, in the order people look for them.
// Python MLflow writes the first three; Modeldock's node_function flavor writes node_env.yaml.
const ENV_FILES = ['requirements.txt', 'conda.yaml', 'python_env.yaml', 'node_env.yaml'] as const;

/**
 * The "MLflow Model" view of a folder holding an MLmodel: where to load it from, its flavors,
 * signature and environment, whether it is registered, and a Register button.
 */
export function ModelPanel({
  store,
  dir,
  files,
  model,
  versions,
  registeredAs,
  onRegister,
}: {
  store: ArtifactStore;
  /** The model's folder in `store` (`''` for its root). */
  dir: string;
  /** The folder's listing: only the environment files it shows are fetched. */
  files: readonly FileInfo[];
  model: RunModel;
  /** This run's registered versions, to say whether this model is one of them. */
  versions: readonly ModelVersion[] | undefined;
  /** The model's registrations when known otherwise (a logged model's `mlflow.modelVersions`). */
  registeredAs?: readonly VersionRef[] | undefined;
  onRegister: (model: RunModel) => void;
}) {
  const mlmodel = useFileText(store, childPath(dir, 'MLmodel'));
  const registered = registeredAs ?? versionsOf(model, versions);
  const present = ENV_FILES.filter((name) => files.some((f) => !f.is_dir && f.path === childPath(dir, name)));
  return (
    <section className="section model-panel" aria-label="MLflow Model">
      <div className="section-head">
        <h3>MLflow Model</h3>
        <button type="button" className="primary" onClick={() => onRegister(model)}>
          Register model
        </button>
      </div>
      <RegistrationNote registered={registered} />
      <dl className="details">
        <dt>Model URI</dt>
        <dd>
          <code>{model.source}</code>
        </dd>
      </dl>
      <QueryView query={mlmodel} what="MLmodel">
        {(text) => <MlmodelDetails text={text} />}
      </QueryView>
      <h4>Environment</h4>
      {present.length === 0 ? (
        <p className="muted">
          No environment files (requirements.txt, conda.yaml, python_env.yaml, node_env.yaml) in this model.
        </p>
      ) : (
        present.map((name) => <EnvFile key={name} store={store} path={childPath(dir, name)} name={name} />)
      )}
      <h4>Load it</h4>
      <pre className="preview" aria-label="TypeScript code to load the model">
        {tsLoadSnippet(model.source)}
      </pre>
      <pre className="preview" aria-label="Python code to load the model">
        {`import mlflow\n\nmodel = mlflow.pyfunc.load_model("${model.source}")\npredictions = model.predict(data)`}
      </pre>
    </section>
  );
}

function tsLoadSnippet(source: string): string {
  return [
    "import { loadModel, localUriResolver, MlflowClient, trackingResolvers } from 'modeldock';",
    '',
    `const client = new MlflowClient({ trackingUri: '${api.transport.trackingUri}' });`,
    `const model = await loadModel('${source}', { resolvers: [...trackingResolvers(client), localUriResolver] });`,
    'const predictions = await model.predict(rows);',
  ].join('\n');
}

/** A registered version by name and number: all the registration note needs. */
export interface VersionRef {
  readonly name: string;
  readonly version: string;
}

function RegistrationNote({ registered }: { registered: readonly VersionRef[] }) {
  if (registered.length === 0)
    return <p className="muted">Not registered yet: register it to version, alias and serve it.</p>;
  return (
    <p>
      Registered as{' '}
      {registered.map((v, i) => (
        <span key={`${v.name}/${v.version}`}>
          {i > 0 && ', '}
          <Link href={links.modelVersion(v.name, v.version)}>
            {v.name} v{v.version}
          </Link>
        </span>
      ))}
    </p>
  );
}

function parseSummary(text: string): { summary: MlmodelSummary } | { error: string } {
  try {
    return { summary: summarizeMlmodel(text) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function MlmodelDetails({ text }: { text: string }) {
  const parsed = parseSummary(text);
  if ('error' in parsed) return <p className="inline-error">Could not read MLmodel: {parsed.error}</p>;
  const { summary } = parsed;
  return (
    <>
      <dl className="details">
        <dt>Flavors</dt>
        <dd>
          {summary.flavors.map((f) => (
            <span className="chip" key={f}>
              {f}
            </span>
          ))}
        </dd>
        {summary.mlflowVersion && (
          <>
            <dt>MLflow version</dt>
            <dd>{summary.mlflowVersion}</dd>
          </>
        )}
        {summary.created && (
          <>
            <dt>Created (UTC)</dt>
            <dd>{summary.created}</dd>
          </>
        )}
      </dl>
      <h4>Signature</h4>
      {summary.signatureError ? (
        <p className="inline-error">Could not decode the signature: {summary.signatureError}</p>
      ) : (
        <SignatureTables signature={summary.signature} />
      )}
    </>
  );
}

function EnvFile({ store, path, name }: { store: ArtifactStore; path: string; name: string }) {
  const text = useFileText(store, path);
  return (
    <div className="stack env-file">
      <span className="mono env-file-name">{name}</span>
      <QueryView query={text} what={name}>
        {(body) => (
          <pre className="preview" aria-label={`Contents of ${name}`}>
            {body}
          </pre>
        )}
      </QueryView>
    </div>
  );
}

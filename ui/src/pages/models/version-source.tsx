import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, errorMessage } from '../../api.js';
import { links } from '../../links.js';

/** Where a version's files came from, when its source is another registry entry. */
export type SourceOrigin =
  | { readonly kind: 'copy'; readonly name: string; readonly version: string }
  | { readonly kind: 'logged-model'; readonly modelId: string };

// `models:/<name>/<version>` is what copy_model_version writes; a single segment without `@` is an
// MLflow 3 logged model id (registry-semantics.md §1).
const COPY = /^models:\/(.+)\/([0-9]+)$/;
const LOGGED_MODEL = /^models:\/([^/@]+)$/;

/**
 * The registry entry a source points at, if it is one.
 *
 * @example sourceOrigin('models:/churn/3') // { kind: 'copy', name: 'churn', version: '3' }
 */
export function sourceOrigin(source: string | undefined): SourceOrigin | undefined {
  if (source === undefined) return undefined;
  const copy = COPY.exec(source);
  if (copy?.[1] && copy[2]) return { kind: 'copy', name: copy[1], version: copy[2] };
  const logged = LOGGED_MODEL.exec(source);
  if (logged?.[1]) return { kind: 'logged-model', modelId: logged[1] };
  return undefined;
}

/** "Copied from" / "Logged model" terms and values for the version's details list. */
export function SourceOriginDetails({ origin }: { origin: SourceOrigin }) {
  if (origin.kind === 'copy')
    return (
      <>
        <dt>Copied from</dt>
        <dd>
          <Link href={links.modelVersion(origin.name, origin.version)}>
            {origin.name} · Version {origin.version}
          </Link>
        </dd>
      </>
    );
  return (
    <>
      <dt>Logged model</dt>
      <dd>
        <LoggedModelLink modelId={origin.modelId} />
      </dd>
    </>
  );
}

/**
 * A link to the logged model's page, which lives under its experiment: one `logged-models/get`
 * finds the experiment (shared with the run pages' cache of the same model).
 */
function LoggedModelLink({ modelId }: { modelId: string }) {
  const query = useQuery({
    queryKey: ['logged-model', modelId],
    queryFn: () => api.loggedModels.getLoggedModel(modelId),
  });
  if (query.data)
    return (
      <Link href={links.loggedModel(query.data.info.experiment_id, modelId)} className="mono">
        {query.data.info.name ? `${query.data.info.name} (${modelId})` : modelId}
      </Link>
    );
  return (
    <span>
      <span className="mono">{modelId}</span>
      {query.isError && <span className="muted"> — not found: {errorMessage(query.error)}</span>}
    </span>
  );
}

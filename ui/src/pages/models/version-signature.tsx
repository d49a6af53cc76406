import { useQuery } from '@tanstack/react-query';
import { api, errorCode, errorMessage } from '../../api.js';
import { SignatureTables } from '../../components/signature-table.js';
import { Loading } from '../../components/states.js';
import { summarizeMlmodel } from '../../mlmodel.js';
import { mlmodelKey } from './query-keys.js';

/** A version's MLmodel file, read for the UI (flavors, signature). */
export async function fetchMlmodel(name: string, version: string) {
  const response = await api.artifacts.modelVersionFile(name, version, 'MLmodel');
  return summarizeMlmodel(await response.text());
}

/** Why there is no schema to show, in words; a missing MLmodel is normal for non-MLflow sources. */
export function noSchemaReason(error: unknown): string {
  return errorCode(error) === 'RESOURCE_DOES_NOT_EXIST'
    ? 'This version has no MLmodel file.'
    : `Could not read its MLmodel file: ${errorMessage(error)}`;
}

/**
 * The version's signature (Inputs / Outputs / Params) and flavors, read from the MLmodel file of
 * its artifacts. A missing or unreadable file is a note in this section, not a page error.
 */
export function VersionSignature({ name, version }: { name: string; version: string }) {
  const query = useQuery({
    queryKey: mlmodelKey(name, version),
    queryFn: () => fetchMlmodel(name, version),
    // The files of a version never change after it is registered.
    staleTime: Infinity,
  });
  return (
    <section className="section" aria-labelledby="schema-heading">
      <h2 id="schema-heading">Schema</h2>
      {query.isPending ? (
        <Loading what="schema" />
      ) : query.isError ? (
        <p className="muted">No schema. {noSchemaReason(query.error)}</p>
      ) : (
        <div className="stack">
          {query.data.flavors.length > 0 && (
            <p className="row wrap flavors">
              <span className="muted">Flavors</span>
              {query.data.flavors.map((f) => (
                <span key={f} className="chip mono">
                  {f}
                </span>
              ))}
            </p>
          )}
          {query.data.signatureError !== undefined ? (
            <p className="inline-error">The signature could not be decoded: {query.data.signatureError}</p>
          ) : (
            <SignatureTables signature={query.data.signature} />
          )}
        </div>
      )}
    </section>
  );
}

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { ModelVersion } from '../../../../src/client/registry-client.js';
import { api } from '../../api.js';
import { formatTime } from '../../components/format.js';
import { QueryView } from '../../components/states.js';
import { links } from '../../links.js';

// A run registered more often than this is unusual; the section says when the list is cut.
const MAX_VERSIONS = 100;

/** The model versions registered from a run (`model-versions/search run_id='…'`). */
export function useRunVersions(runId: string) {
  return useQuery({
    queryKey: ['model-versions', 'run', runId],
    queryFn: () =>
      api.registry.searchModelVersions({ filter: `run_id='${runId}'`, maxResults: MAX_VERSIONS }),
    select: (page) => page.items,
  });
}

/** The table of versions registered from this run, each linking to its model version page. */
export function RegisteredVersions({ query }: { query: UseQueryResult<ModelVersion[]> }) {
  return (
    <section className="section" aria-labelledby="run-versions-title">
      <h2 id="run-versions-title">Registered model versions</h2>
      <QueryView query={query} what="registered versions">
        {(versions) =>
          versions.length === 0 ? (
            <p className="muted">No model from this run is registered yet.</p>
          ) : (
            <div className="table-wrap">
              <table className="table compact" aria-label="Registered model versions">
                <thead>
                  <tr>
                    <th scope="col">Model</th>
                    <th scope="col">Version</th>
                    <th scope="col">Stage / aliases</th>
                    <th scope="col">Source</th>
                    <th scope="col">Registered</th>
                  </tr>
                </thead>
                <tbody>
                  {versions.map((v) => (
                    <tr key={`${v.name}/${v.version}`}>
                      <td className="nowrap">
                        <Link href={links.model(v.name)}>{v.name}</Link>
                      </td>
                      <td className="nowrap">
                        <Link href={links.modelVersion(v.name, v.version)}>Version {v.version}</Link>
                      </td>
                      <td>
                        {v.current_stage && v.current_stage !== 'None' && (
                          <span className={`stage stage-${v.current_stage}`}>{v.current_stage} </span>
                        )}
                        {(v.aliases ?? []).map((a) => (
                          <span className="chip alias" key={a}>
                            @{a}
                          </span>
                        ))}
                      </td>
                      <td className="mono cell-value">{v.source}</td>
                      <td>{formatTime(v.creation_timestamp)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api } from '../../api.js';
import { formatDuration, formatTime } from '../../components/format.js';
import { InlineError } from '../../components/states.js';
import { links } from '../../links.js';
import { RunStatusChip } from './run-details.js';

// One page of children; a sweep with more says so and points at the experiment's runs table.
const MAX_CHILDREN = 100;

/** The runs whose `mlflow.parentRunId` tag names this run: one `runs/search` in its experiment. */
export function useChildRuns(experimentId: string, runId: string) {
  return useQuery({
    // Under ['runs', experimentId] so whatever changes the experiment's runs refreshes this too.
    queryKey: ['runs', experimentId, 'children', runId],
    queryFn: () =>
      api.runs.searchRuns({
        experimentIds: [experimentId],
        filter: `tags.mlflow.parentRunId = '${runId}'`,
        orderBy: ['attributes.start_time DESC'],
        maxResults: MAX_CHILDREN,
      }),
  });
}

/** The run's child runs, each linking to its page; nothing at all when it has none. */
export function ChildRuns({ experimentId, runId }: { experimentId: string; runId: string }) {
  const children = useChildRuns(experimentId, runId);
  if (children.isError)
    return (
      <section className="section" aria-labelledby="run-children-title">
        <h2 id="run-children-title">Child runs</h2>
        <InlineError error={children.error} />
      </section>
    );
  if (children.isPending || children.data.items.length === 0) return null;
  const { items, nextPageToken } = children.data;
  return (
    <section className="section" aria-labelledby="run-children-title">
      <h2 id="run-children-title">Child runs ({nextPageToken ? `${items.length}+` : items.length})</h2>
      <div className="table-wrap">
        <table className="table compact" aria-label="Child runs">
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col">Duration</th>
            </tr>
          </thead>
          <tbody>
            {items.map(({ info }) => (
              <tr key={info.run_id}>
                <td>
                  <Link href={links.run(info.experiment_id, info.run_id)}>
                    {info.run_name || info.run_id}
                  </Link>
                </td>
                <td>
                  <RunStatusChip status={info.status} />
                </td>
                <td>{formatTime(info.start_time)}</td>
                <td>{info.end_time ? formatDuration(info.start_time, info.end_time) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {nextPageToken && (
        <p className="muted">
          Showing the latest {MAX_CHILDREN}.{' '}
          <Link href={links.experiment(experimentId)}>See all runs of the experiment</Link>
        </p>
      )}
    </section>
  );
}

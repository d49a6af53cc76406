import { useQuery } from '@tanstack/react-query';
import { Link, Redirect } from 'wouter';
import { api } from '../../api.js';
import { PageHeader } from '../../components/page-header.js';
import { usePageTitle } from '../../components/page-title.js';
import { ErrorState, Loading } from '../../components/states.js';
import { links } from '../../links.js';

/**
 * `/runs/:runId`, a link that names only the run: look the run up for its experiment, then replace
 * this URL with the run's full one (so Back does not bounce through here).
 */
export function RunRedirect({ runId }: { runId: string }) {
  usePageTitle(`Run ${runId}`);
  const run = useQuery({ queryKey: ['run', runId], queryFn: () => api.runs.getRun(runId) });
  if (run.isSuccess) return <Redirect to={links.run(run.data.info.experiment_id, runId)} replace />;
  return (
    <div className="page">
      <PageHeader crumbs={[{ href: links.experiments(), label: 'Experiments' }]} title={`Run ${runId}`} />
      {run.isPending ? (
        <Loading what="run" />
      ) : (
        <>
          <ErrorState error={run.error} what="run" onRetry={() => void run.refetch()} />
          <p>
            <Link href={links.experiments()}>Browse experiments</Link>
          </p>
        </>
      )}
    </div>
  );
}

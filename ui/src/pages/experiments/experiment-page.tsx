import { useQuery } from '@tanstack/react-query';
import { api } from '../../api.js';
import { PageHeader } from '../../components/page-header.js';
import { usePageTitle } from '../../components/page-title.js';
import { ErrorState, Loading } from '../../components/states.js';
import { links } from '../../links.js';
import { ExperimentActions } from './experiment-actions.js';
import { ExperimentOverview } from './experiment-overview.js';
import { RunsSection } from './runs-section.js';
import './experiments.css';

/** `/experiments/:id` (and `/runs`): the experiment's header, details and its runs table. */
export function ExperimentPage({ experimentId }: { experimentId: string }) {
  const query = useQuery({
    queryKey: ['experiment', experimentId],
    queryFn: () => api.experiments.getExperiment(experimentId),
  });
  const name = query.data?.name;
  usePageTitle(name ?? `Experiment ${experimentId}`);
  return (
    <div className="page">
      <PageHeader
        crumbs={[{ href: links.experiments(), label: 'Experiments' }]}
        title={name ?? (query.isError ? `Experiment ${experimentId}` : 'Experiment…')}
        actions={query.data && <ExperimentActions experiment={query.data} />}
      />
      {query.isPending ? (
        <Loading what="experiment" />
      ) : query.isError ? (
        <ErrorState error={query.error} what="experiment" onRetry={() => void query.refetch()} />
      ) : (
        <ExperimentOverview experiment={query.data} />
      )}
      {/* Runs load alongside the experiment (not after it), so the first rows come sooner. The key
          starts a new selection and column choice when the route moves to another experiment. */}
      {!query.isError && <RunsSection key={experimentId} experimentId={experimentId} />}
    </div>
  );
}

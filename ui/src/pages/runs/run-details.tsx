import { Link } from 'wouter';
import type { Run } from '../../../../src/client/entities.js';
import { formatDuration, formatTime } from '../../components/format.js';
import { links } from '../../links.js';

/** The value of a run tag, if set. */
export function runTag(run: Run, key: string): string | undefined {
  return run.data.tags?.find((t) => t.key === key)?.value;
}

/** A run status as a coloured chip, in the words MLflow's UI uses. */
export function RunStatusChip({ status }: { status: string }) {
  const label = status.charAt(0) + status.slice(1).toLowerCase();
  return <span className={`chip status status-${status}`}>{label}</span>;
}

/** The run's identity, timing, origin and lineage. */
export function RunDetails({ run }: { run: Run }) {
  const { info } = run;
  const user = runTag(run, 'mlflow.user') ?? info.user_id;
  const source = runTag(run, 'mlflow.source.name');
  const commit = runTag(run, 'mlflow.source.git.commit');
  const parent = runTag(run, 'mlflow.parentRunId');
  const datasets = run.inputs?.dataset_inputs ?? [];
  return (
    <section className="section" aria-labelledby="run-details-title">
      <h2 id="run-details-title">Details</h2>
      <dl className="details">
        <dt>Run ID</dt>
        <dd className="mono">{info.run_id}</dd>
        <dt>Status</dt>
        <dd>
          <RunStatusChip status={info.status} />
        </dd>
        <dt>Created</dt>
        <dd>{formatTime(info.start_time)}</dd>
        <dt>Duration</dt>
        <dd>
          {info.status === 'RUNNING' && !info.end_time
            ? 'Still running'
            : formatDuration(info.start_time, info.end_time)}
        </dd>
        <dt>User</dt>
        <dd>{user || '—'}</dd>
        <dt>Source</dt>
        <dd>
          {source ? <span className="mono">{source}</span> : '—'}
          {commit && <span className="muted mono"> @ {commit.slice(0, 7)}</span>}
        </dd>
        {parent && (
          <>
            <dt>Parent run</dt>
            <dd>
              <Link className="mono" href={links.run(info.experiment_id, parent)}>
                {parent}
              </Link>
            </dd>
          </>
        )}
        <dt>Experiment ID</dt>
        <dd>
          <Link href={links.experiment(info.experiment_id)}>{info.experiment_id}</Link>
        </dd>
        <dt>Lifecycle</dt>
        <dd>{info.lifecycle_stage === 'deleted' ? 'Deleted' : 'Active'}</dd>
        {datasets.length > 0 && (
          <>
            <dt>Datasets</dt>
            <dd>
              {datasets.map((d) => (
                <span className="chip" key={`${d.dataset.name}/${d.dataset.digest}`} title={d.dataset.source}>
                  {d.dataset.name} ({d.dataset.digest.slice(0, 8)})
                </span>
              ))}
            </dd>
          </>
        )}
        <dt>Artifact location</dt>
        <dd className="mono">{info.artifact_uri}</dd>
      </dl>
    </section>
  );
}

import type { Experiment } from '../../../../src/client/entities.js';
import { Link } from 'wouter';
import { formatTime } from '../../components/format.js';
import { links } from '../../links.js';
import { SortableHeader, type SortDirection } from './sortable-header.js';

/** The experiment fields the list sorts on, as `experiments/search` names them in `order_by`. */
export type ExperimentSortKey = 'name' | 'creation_time' | 'last_update_time';

export interface ExperimentSort {
  readonly key: ExperimentSortKey;
  readonly ascending: boolean;
}

const NOTE_TAG = 'mlflow.note.content';

function firstLine(text: string | undefined): string {
  return text?.trim().split('\n')[0]?.trim() ?? '';
}

function direction(sort: ExperimentSort, key: ExperimentSortKey): SortDirection | undefined {
  if (sort.key !== key) return undefined;
  return sort.ascending ? 'ascending' : 'descending';
}

/**
 * One page of experiments: name, times, the first line of the description, and user tags; a
 * deleted experiment (listed only when asked for) is marked and has a Restore button.
 */
export function ExperimentsTable({
  experiments,
  sort,
  onSort,
  busy,
  restoring,
  onRestore,
}: {
  experiments: readonly Experiment[];
  sort: ExperimentSort;
  onSort: (key: ExperimentSortKey) => void;
  busy: boolean;
  /** The experiment being restored, if any. */
  restoring: string | undefined;
  onRestore: (experimentId: string) => void;
}) {
  const anyDeleted = experiments.some((e) => e.lifecycle_stage === 'deleted');
  return (
    <div className="table-wrap">
      <table className="table experiments-table" aria-label="Experiments" aria-busy={busy}>
        <thead>
          <tr>
            <SortableHeader label="Name" direction={direction(sort, 'name')} onSort={() => onSort('name')} />
            <SortableHeader
              label="Created"
              direction={direction(sort, 'creation_time')}
              onSort={() => onSort('creation_time')}
            />
            <SortableHeader
              label="Last modified"
              direction={direction(sort, 'last_update_time')}
              onSort={() => onSort('last_update_time')}
            />
            <th scope="col">Description</th>
            <th scope="col">Tags</th>
            {anyDeleted && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {experiments.map((e) => (
            <ExperimentRow
              key={e.experiment_id}
              experiment={e}
              actionsColumn={anyDeleted}
              restoring={restoring === e.experiment_id}
              onRestore={onRestore}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ExperimentRow({
  experiment,
  actionsColumn,
  restoring,
  onRestore,
}: {
  experiment: Experiment;
  actionsColumn: boolean;
  restoring: boolean;
  onRestore: (experimentId: string) => void;
}) {
  const deleted = experiment.lifecycle_stage === 'deleted';
  const tags = experiment.tags ?? [];
  const description = firstLine(tags.find((t) => t.key === NOTE_TAG)?.value);
  const userTags = tags.filter((t) => !t.key.startsWith('mlflow.'));
  return (
    <tr className={deleted ? 'deleted-row' : undefined}>
      <td className="experiment-name">
        <Link href={links.experiment(experiment.experiment_id)}>{experiment.name}</Link>
        {deleted && <span className="chip deleted-chip">Deleted</span>}
      </td>
      <td className="nowrap">{formatTime(experiment.creation_time)}</td>
      <td className="nowrap">{formatTime(experiment.last_update_time)}</td>
      <td className="truncate" title={description || undefined}>
        {description || <span className="muted">—</span>}
      </td>
      <td>
        {userTags.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          userTags.map((t) => (
            <span key={t.key} className="chip" title={`${t.key}: ${t.value}`}>
              {t.key}: {t.value}
            </span>
          ))
        )}
      </td>
      {actionsColumn && (
        <td className="actions">
          {deleted && (
            <button
              type="button"
              disabled={restoring}
              aria-label={`Restore ${experiment.name}`}
              onClick={() => onRestore(experiment.experiment_id)}
            >
              {restoring ? 'Restoring…' : 'Restore'}
            </button>
          )}
        </td>
      )}
    </tr>
  );
}

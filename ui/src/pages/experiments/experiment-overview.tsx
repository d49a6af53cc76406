import { useQueryClient } from '@tanstack/react-query';
import type { Experiment } from '../../../../src/client/entities.js';
import { api } from '../../api.js';
import { EditableDescription } from '../../components/editable-description.js';
import { formatTime } from '../../components/format.js';
import { TagsEditor } from '../../components/tags-editor.js';

const NOTE_TAG = 'mlflow.note.content';

/** The experiment's details, its Markdown description (tag `mlflow.note.content`) and its tags. */
export function ExperimentOverview({ experiment }: { experiment: Experiment }) {
  const queryClient = useQueryClient();
  const id = experiment.experiment_id;
  const tags = experiment.tags ?? [];
  // A tag write changes this experiment and the list's Description / Tags columns.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['experiment', id] }),
      queryClient.invalidateQueries({ queryKey: ['experiments'] }),
    ]);
  return (
    <div className="experiment-overview">
      <section className="section" aria-labelledby="experiment-details">
        <h2 id="experiment-details">Details</h2>
        <dl className="details">
          <dt>Experiment ID</dt>
          <dd className="mono">{id}</dd>
          <dt>Artifact location</dt>
          <dd className="mono">{experiment.artifact_location}</dd>
          <dt>Created</dt>
          <dd>{formatTime(experiment.creation_time)}</dd>
          <dt>Last modified</dt>
          <dd>{formatTime(experiment.last_update_time)}</dd>
          {experiment.lifecycle_stage === 'deleted' && (
            <>
              <dt>State</dt>
              <dd className="deleted">Deleted</dd>
            </>
          )}
        </dl>
      </section>
      <EditableDescription
        text={tags.find((t) => t.key === NOTE_TAG)?.value ?? ''}
        onSave={async (text) => {
          await api.experiments.setExperimentTag(id, NOTE_TAG, text);
          await refresh();
        }}
      />
      <TagsEditor
        tags={tags}
        onSet={async (key, value) => {
          await api.experiments.setExperimentTag(id, key, value);
          await refresh();
        }}
        onDelete={async (key) => {
          await api.experiments.deleteExperimentTag(id, key);
          await refresh();
        }}
      />
    </div>
  );
}

import { useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { Run } from '../../../../src/client/entities.js';
import type { ModelVersion } from '../../../../src/client/registry-client.js';
import { api } from '../../api.js';
import { EditableDescription } from '../../components/editable-description.js';
import { TagsEditor } from '../../components/tags-editor.js';
import { ChildRuns } from './child-runs.js';
import { MetricsSection } from './metrics-section.js';
import { ParamsTable } from './params-table.js';
import { RegisteredVersions } from './registered-versions.js';
import { RunDetails, runTag } from './run-details.js';
import type { RunModel } from './run-models.js';
import { RunModelsSection } from './run-models-section.js';

const DESCRIPTION_TAG = 'mlflow.note.content';

/** The Overview tab: details, description, models, registrations, child runs, params, metrics, tags. */
export function RunOverview({
  run,
  models,
  versions,
  onRegister,
}: {
  run: Run;
  models: readonly RunModel[];
  versions: UseQueryResult<ModelVersion[]>;
  onRegister: (model: RunModel) => void;
}) {
  const queryClient = useQueryClient();
  const { run_id: runId, experiment_id: experimentId } = run.info;
  // Waiting for the refetch means the page shows the saved value as soon as the form closes.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['run', runId] }),
      queryClient.invalidateQueries({ queryKey: ['runs', experimentId] }),
    ]);
  const setTag = async (key: string, value: string) => {
    await api.runs.setTag(runId, key, value);
    await refresh();
  };
  const deleteTag = async (key: string) => {
    await api.runs.deleteTag(runId, key);
    await refresh();
  };
  return (
    <div className="stack run-overview">
      <div className="grid-2">
        <RunDetails run={run} />
        <div className="stack">
          <EditableDescription
            text={runTag(run, DESCRIPTION_TAG) ?? ''}
            onSave={(text) => setTag(DESCRIPTION_TAG, text)}
          />
          <RunModelsSection
            experimentId={experimentId}
            runId={runId}
            models={models}
            versions={versions.data}
            onRegister={onRegister}
          />
        </div>
      </div>
      <RegisteredVersions query={versions} />
      <ChildRuns experimentId={experimentId} runId={runId} />
      <MetricsSection experimentId={experimentId} runId={runId} metrics={run.data.metrics ?? []} />
      <div className="grid-2">
        <ParamsTable params={run.data.params ?? []} />
        <TagsEditor tags={run.data.tags ?? []} onSet={setTag} onDelete={deleteTag} />
      </div>
    </div>
  );
}

import { type Query, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation } from 'wouter';
import type { ModelVersion, RegisteredModel } from '../../../../src/client/registry-client.js';
import { api } from '../../api.js';
import { EditableDescription } from '../../components/editable-description.js';
import { formatTime } from '../../components/format.js';
import { PageHeader } from '../../components/page-header.js';
import { usePageTitle } from '../../components/page-title.js';
import { Loading } from '../../components/states.js';
import { TagsEditor } from '../../components/tags-editor.js';
import { links } from '../../links.js';
import { AliasesEditor } from './aliases-editor.js';
import { DeleteAction } from './delete-action.js';
import { NAME_SEGMENT, useExactParam, VERSION_SEGMENT } from './model-route.js';
import { RegistryLoadError } from './registry-load-error.js';
import { forgetDeleted, invalidateModel, modelKey, versionKey } from './query-keys.js';
import { StageChip } from './registry-chips.js';
import { isActiveStage, stageOf } from './registry-model.js';
import { StageTransition } from './stage-transition.js';
import { VersionSignature } from './version-signature.js';
import { SourceOriginDetails, sourceOrigin } from './version-source.js';
import './models.css';

// MLflow's UI polls a version that is still being registered every 10 s, and stops once it is not.
const pollWhilePending = (query: Query<ModelVersion>) =>
  query.state.data?.status === 'PENDING_REGISTRATION' ? 10_000 : false;

/** One model version: stage and its transitions, aliases, description, tags, signature; delete. */
export function ModelVersionPage({
  name: nameParam,
  version: versionParam,
}: {
  name: string;
  version: string;
}) {
  const name = useExactParam(nameParam, NAME_SEGMENT);
  const version = useExactParam(versionParam, VERSION_SEGMENT);
  return <VersionView key={`${name}\n${version}`} name={name} version={version} />;
}

function VersionView({ name, version }: { name: string; version: string }) {
  usePageTitle(`${name} · Version ${version}`);
  const query = useQuery({
    queryKey: versionKey(name, version),
    queryFn: () => api.registry.getModelVersion(name, version),
    refetchInterval: pollWhilePending,
  });
  // The model tells where each alias points now, to warn before an alias is moved here.
  const model = useQuery({ queryKey: modelKey(name), queryFn: () => api.registry.getRegisteredModel(name) });
  return (
    <section className="page registry-page">
      <PageHeader
        crumbs={[
          { href: links.models(), label: 'Models' },
          { href: links.model(name), label: name },
        ]}
        title={`Version ${version}`}
        actions={query.data && !query.isError ? <DeleteVersion version={query.data} /> : undefined}
      />
      {query.isPending ? (
        <Loading what="model version" />
      ) : query.isError ? (
        <RegistryLoadError error={query.error} what="model version" onRetry={() => void query.refetch()} />
      ) : (
        <VersionBody version={query.data} model={model.data} />
      )}
    </section>
  );
}

function VersionBody({ version, model }: { version: ModelVersion; model: RegisteredModel | undefined }) {
  const queryClient = useQueryClient();
  const { name } = version;
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: versionKey(name, version.version) });
    await queryClient.invalidateQueries({ queryKey: ['model-versions', name] });
  };
  return (
    <>
      <VersionDetails version={version} />
      <AliasesEditor version={version} model={model} />
      <div className="grid-2">
        <EditableDescription
          text={version.description ?? ''}
          onSave={async (text) => {
            await api.registry.updateModelVersion(name, version.version, text);
            await refresh();
          }}
        />
        <TagsEditor
          tags={version.tags ?? []}
          onSet={async (key, value) => {
            await api.registry.setModelVersionTag(name, version.version, key, value);
            await refresh();
          }}
          onDelete={async (key) => {
            await api.registry.deleteModelVersionTag(name, version.version, key);
            await refresh();
          }}
        />
      </div>
      <VersionSignature name={name} version={version.version} />
    </>
  );
}

function VersionDetails({ version }: { version: ModelVersion }) {
  const origin = sourceOrigin(version.source);
  return (
    <section className="section" aria-label="Details">
      <dl className="details registry-details">
        <dt>Registered at</dt>
        <dd>{formatTime(version.creation_timestamp)}</dd>
        <dt>Last modified</dt>
        <dd>{formatTime(version.last_updated_timestamp)}</dd>
        <dt>Status</dt>
        <dd>
          {version.status}
          {version.status_message ? <span className="muted"> — {version.status_message}</span> : null}
        </dd>
        <dt>Stage</dt>
        <dd className="row wrap">
          <StageChip stage={stageOf(version)} />
          <StageTransition version={version} />
        </dd>
        <dt>Source</dt>
        <dd className="mono">{version.source ?? '—'}</dd>
        {origin && <SourceOriginDetails origin={origin} />}
        <dt>Source run</dt>
        <dd>
          {version.run_id ? (
            <Link href={links.runById(version.run_id)} className="mono">
              {version.run_id}
            </Link>
          ) : (
            <span className="muted">—</span>
          )}
        </dd>
      </dl>
    </section>
  );
}

function DeleteVersion({ version }: { version: ModelVersion }) {
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const { name } = version;
  return (
    <DeleteAction
      label="Delete version"
      blockedReason={
        isActiveStage(version.current_stage)
          ? `A version in ${stageOf(version)} cannot be deleted: move it to Archived or None first.`
          : undefined
      }
      question={`Delete version ${version.version} of ${name}? This cannot be undone.`}
      onDelete={() => api.registry.deleteModelVersion(name, version.version)}
      onDeleted={() => {
        navigate(links.model(name));
        forgetDeleted(queryClient, [versionKey(name, version.version)]);
        // Not every version (that would refetch the deleted one while its page is still mounted).
        void invalidateModel(queryClient, name, { versions: false });
        void queryClient.invalidateQueries({ queryKey: ['model-versions', name] });
      }}
    />
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation } from 'wouter';
import type { RegisteredModel } from '../../../../src/client/registry-client.js';
import { api } from '../../api.js';
import { EditableDescription } from '../../components/editable-description.js';
import { formatTime } from '../../components/format.js';
import { PageHeader } from '../../components/page-header.js';
import { usePageTitle } from '../../components/page-title.js';
import { Loading } from '../../components/states.js';
import { TagsEditor } from '../../components/tags-editor.js';
import { links } from '../../links.js';
import { DeleteAction } from './delete-action.js';
import { NAME_SEGMENT, useExactParam } from './model-route.js';
import { RegistryLoadError } from './registry-load-error.js';
import { forgetDeleted, invalidateModel, modelKey } from './query-keys.js';
import { AliasLink } from './registry-chips.js';
import { activeVersions, latestVersion, sortedAliases } from './registry-model.js';
import { VersionsSection } from './versions-table.js';
import './models.css';

/** A registered model: details, description, tags, aliases, versions; delete. */
export function ModelPage({ name: nameParam }: { name: string }) {
  const name = useExactParam(nameParam, NAME_SEGMENT);
  // Keyed by name so that going to another model starts from page 1 of its versions.
  return <ModelView key={name} name={name} />;
}

function ModelView({ name }: { name: string }) {
  usePageTitle(name);
  const query = useQuery({ queryKey: modelKey(name), queryFn: () => api.registry.getRegisteredModel(name) });
  return (
    <section className="page registry-page">
      <PageHeader
        crumbs={[{ href: links.models(), label: 'Models' }]}
        title={name}
        actions={query.data && !query.isError ? <DeleteModel model={query.data} /> : undefined}
      />
      {query.isPending ? (
        <Loading what="model" />
      ) : query.isError ? (
        <RegistryLoadError error={query.error} what="model" onRetry={() => void query.refetch()} />
      ) : (
        <ModelBody model={query.data} />
      )}
    </section>
  );
}

function ModelBody({ model }: { model: RegisteredModel }) {
  const queryClient = useQueryClient();
  const { name } = model;
  const refresh = () => invalidateModel(queryClient, name, { versions: false });
  return (
    <>
      <ModelDetails model={model} />
      <div className="grid-2">
        <EditableDescription
          text={model.description ?? ''}
          onSave={async (text) => {
            await api.registry.updateRegisteredModel(name, text);
            await refresh();
          }}
        />
        <TagsEditor
          tags={model.tags ?? []}
          onSet={async (key, value) => {
            await api.registry.setRegisteredModelTag(name, key, value);
            await refresh();
          }}
          onDelete={async (key) => {
            await api.registry.deleteRegisteredModelTag(name, key);
            await refresh();
          }}
        />
      </div>
      <VersionsSection model={model} />
    </>
  );
}

function ModelDetails({ model }: { model: RegisteredModel }) {
  const latest = latestVersion(model);
  const aliases = sortedAliases(model);
  return (
    <section className="section" aria-label="Details">
      <dl className="details registry-details">
        <dt>Created</dt>
        <dd>{formatTime(model.creation_timestamp)}</dd>
        <dt>Last modified</dt>
        <dd>{formatTime(model.last_updated_timestamp)}</dd>
        <dt>Latest version</dt>
        <dd>
          {latest ? (
            <Link href={links.modelVersion(model.name, latest.version)}>Version {latest.version}</Link>
          ) : (
            <span className="muted">No versions</span>
          )}
        </dd>
        <dt>Aliases</dt>
        <dd>
          {aliases.length === 0 ? (
            <span className="muted">None</span>
          ) : (
            aliases.map((a) => <AliasLink key={a.alias} name={model.name} {...a} />)
          )}
        </dd>
      </dl>
    </section>
  );
}

function DeleteModel({ model }: { model: RegisteredModel }) {
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  return (
    <DeleteAction
      label="Delete model"
      blockedReason={
        // latest_versions holds only the newest version per stage, enough to know whether any is active.
        activeVersions(model).length > 0
          ? 'Versions in Staging or Production keep this model from being deleted: move them to Archived or None first.'
          : undefined
      }
      question={`Delete ${model.name}? This cannot be undone.`}
      onDelete={() => api.registry.deleteRegisteredModel(model.name)}
      onDeleted={() => {
        navigate(links.models());
        forgetDeleted(queryClient, [
          modelKey(model.name),
          ['model-versions', model.name],
          ['model-version', model.name],
        ]);
      }}
    />
  );
}

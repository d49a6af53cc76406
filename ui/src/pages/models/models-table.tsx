import { Link } from 'wouter';
import type { RegisteredModel } from '../../../../src/client/registry-client.js';
import { formatTime } from '../../components/format.js';
import { links } from '../../links.js';
import { AliasLink, TagChips } from './registry-chips.js';
import { type Sort, SortHeader } from './sort-header.js';
import { latestInStage, latestVersion, sortedAliases, type Stage } from './registry-model.js';

/** The server-side orders the list offers (`order_by` of `registered-models/search`). */
export type ModelsSortKey = 'name' | 'last_updated_timestamp';
export type ModelsSort = Sort<ModelsSortKey>;

function VersionLink({ name, version }: { name: string; version: string | undefined }) {
  if (version === undefined) return <span className="muted">—</span>;
  return <Link href={links.modelVersion(name, version)}>Version {version}</Link>;
}

function ModelRow({ model }: { model: RegisteredModel }) {
  const stageVersion = (stage: Stage) => latestInStage(model, stage)?.version;
  const aliases = sortedAliases(model);
  return (
    <tr>
      <td className="model-name-cell">
        <Link href={links.model(model.name)}>{model.name}</Link>
      </td>
      <td>
        <VersionLink name={model.name} version={latestVersion(model)?.version} />
      </td>
      <td className="chips-cell">
        {aliases.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          aliases.map((a) => <AliasLink key={a.alias} name={model.name} {...a} />)
        )}
      </td>
      <td>
        <VersionLink name={model.name} version={stageVersion('Staging')} />
      </td>
      <td>
        <VersionLink name={model.name} version={stageVersion('Production')} />
      </td>
      <td className="chips-cell">
        <TagChips tags={model.tags} />
      </td>
      <td className="nowrap">{formatTime(model.last_updated_timestamp)}</td>
    </tr>
  );
}

/** One page of registered models, everything from the search answer (no request per row). */
export function ModelsTable({
  models,
  sort,
  onSort,
}: {
  models: readonly RegisteredModel[];
  sort: ModelsSort;
  onSort: (key: ModelsSortKey) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="table models-table" aria-label="Registered models">
        <thead>
          <tr>
            <SortHeader label="Name" sortKey="name" sort={sort} onSort={onSort} />
            <th scope="col">Latest version</th>
            <th scope="col">Aliases</th>
            <th scope="col">Staging</th>
            <th scope="col">Production</th>
            <th scope="col">Tags</th>
            <SortHeader label="Last modified" sortKey="last_updated_timestamp" sort={sort} onSort={onSort} />
          </tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <ModelRow key={m.name} model={m} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

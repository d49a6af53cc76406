import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { ModelVersion, RegisteredModel } from '../../../../src/client/registry-client.js';
import { api } from '../../api.js';
import { formatTime } from '../../components/format.js';
import { Pager, usePageTokens } from '../../components/pager.js';
import { Empty, QueryView } from '../../components/states.js';
import { links } from '../../links.js';
import { shortRunId } from './model-route.js';
import { versionsKey } from './query-keys.js';
import { AliasChips, StageChip } from './registry-chips.js';
import { versionsOfModelFilter } from './registry-filters.js';
import { aliasesByVersion, stageOf } from './registry-model.js';

const PAGE_SIZE = 25;

async function searchVersions(name: string, token: string | undefined) {
  const { filter, exact } = versionsOfModelFilter(name);
  const page = await api.registry.searchModelVersions({
    filter,
    orderBy: ['version_number DESC'],
    maxResults: PAGE_SIZE,
    ...(token !== undefined ? { pageToken: token } : {}),
  });
  return exact ? page : { ...page, items: page.items.filter((v) => v.name === name) };
}

/** The first line of a description, as plain text for a table cell (the page renders it fully). */
const firstLine = (text: string | undefined): string => (text ?? '').trim().split('\n')[0] ?? '';

function SourceRun({ runId }: { runId: string | undefined }) {
  if (!runId) return <span className="muted">—</span>;
  return (
    <Link href={links.runById(runId)} className="mono" title={runId} aria-label={`Run ${runId}`}>
      {shortRunId(runId)}
    </Link>
  );
}

function VersionRow({ version, aliases }: { version: ModelVersion; aliases: readonly string[] }) {
  return (
    <tr>
      <td className="nowrap">
        <Link href={links.modelVersion(version.name, version.version)}>Version {version.version}</Link>
      </td>
      <td className="nowrap">{formatTime(version.creation_timestamp)}</td>
      <td>
        <StageChip stage={stageOf(version)} />
      </td>
      <td className="chips-cell">
        <AliasChips aliases={aliases} />
      </td>
      <td>
        <SourceRun runId={version.run_id} />
      </td>
      <td className="description-cell" title={version.description}>
        {firstLine(version.description) || <span className="muted">—</span>}
      </td>
    </tr>
  );
}

/** The model's versions, newest first, a page of 25 per request. */
export function VersionsSection({ model }: { model: RegisteredModel }) {
  const pages = usePageTokens();
  const query = useQuery({
    queryKey: versionsKey(model.name, pages.token),
    queryFn: () => searchVersions(model.name, pages.token),
    placeholderData: keepPreviousData,
  });
  const aliases = aliasesByVersion(model);
  return (
    <section className="section" aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versions</h2>
      <QueryView query={query} what="versions">
        {(page) =>
          page.items.length === 0 ? (
            <Empty>
              No versions yet. Register a run&apos;s model into <strong>{model.name}</strong> to create
              version 1.
            </Empty>
          ) : (
            <>
              <div className="table-wrap">
                <table className="table" aria-label="Versions">
                  <thead>
                    <tr>
                      <th scope="col">Version</th>
                      <th scope="col">Registered at</th>
                      <th scope="col">Stage</th>
                      <th scope="col">Aliases</th>
                      <th scope="col">Source run</th>
                      <th scope="col">Description</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((v) => (
                      <VersionRow key={v.version} version={v} aliases={aliases.get(v.version) ?? []} />
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager
                label="Versions"
                page={pages.page}
                nextToken={page.nextPageToken}
                onNext={pages.next}
                onPrevious={pages.previous}
              />
            </>
          )
        }
      </QueryView>
    </section>
  );
}

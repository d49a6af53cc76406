import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import type { Run } from '../../../../src/client/entities.js';
import type { ModelVersion, RegisteredModel } from '../../../../src/client/registry-client.js';
import { api, errorMessage } from '../../api.js';
import { formatMetric, formatTime } from '../../components/format.js';
import { PageHeader } from '../../components/page-header.js';
import { usePageTitle } from '../../components/page-title.js';
import { Empty, ErrorState, Loading } from '../../components/states.js';
import { links } from '../../links.js';
import type { MlmodelSummary } from '../../mlmodel.js';
import { CompareGrid, DiffGroup, FactRow, GroupRow, NoteRow } from './compare-versions-grid.js';
import { type DiffRow, metricRows, paramRows, schemaRows } from './compare-versions-model.js';
import {
  type ComparedVersions,
  type CompareVersionsRequest,
  fetchComparedVersions,
  fetchVersionRuns,
  parseCompareVersionsQuery,
} from './compare-versions-query.js';
import { shortRunId } from './model-route.js';
import { mlmodelKey, modelKey } from './query-keys.js';
import { AliasChips, StageChip } from './registry-chips.js';
import { RegistryLoadError } from './registry-load-error.js';
import { aliasesByVersion, stageOf } from './registry-model.js';
import { fetchMlmodel, noSchemaReason } from './version-signature.js';
import './models.css';

/**
 * `/compare-model-versions?name="<model>"&runs={"<run id>":"<version>",...}` (MLflow's URL): the
 * versions side by side with their runs' params and metrics, and their schemas.
 */
export function CompareVersionsPage() {
  const [params] = useSearchParams();
  const query = params.toString();
  const parsed = useMemo(() => parseCompareVersionsQuery(new URLSearchParams(query)), [query]);
  const name = parsed.ok ? parsed.request.name : undefined;
  usePageTitle(name === undefined ? 'Compare versions' : `${name} · Compare versions`);
  const crumbs = [{ href: links.models(), label: 'Models' }];
  if (name !== undefined) crumbs.push({ href: links.model(name), label: name });
  return (
    <section className="page registry-page">
      <PageHeader crumbs={crumbs} title="Compare versions" />
      {parsed.ok ? <Comparison key={query} request={parsed.request} /> : <BadLink message={parsed.message} />}
    </section>
  );
}

function BadLink({ message }: { message: string }) {
  return (
    <div className="state state-error" role="alert">
      <strong>This comparison link cannot be read.</strong>
      <p>{message}</p>
      <p>
        To compare versions, open a model from the <Link href={links.models()}>registered models</Link>, check
        two or more versions in its Versions table, and choose Compare.
      </p>
    </div>
  );
}

function Comparison({ request }: { request: CompareVersionsRequest }) {
  const { name } = request;
  const model = useQuery({ queryKey: modelKey(name), queryFn: () => api.registry.getRegisteredModel(name) });
  const versions = useQuery({
    queryKey: ['model-versions', name, { compare: request.versions, runIds: request.runIds }],
    queryFn: () => fetchComparedVersions(request),
  });
  if (model.isError)
    return <RegistryLoadError error={model.error} what="model" onRetry={() => void model.refetch()} />;
  if (versions.isPending) return <Loading what="versions" />;
  if (versions.isError)
    return <ErrorState error={versions.error} what="versions" onRetry={() => void versions.refetch()} />;
  if (versions.data.versions.length === 0)
    return (
      <Empty>
        None of the versions in this link exist in <Link href={links.model(name)}>{name}</Link>.
      </Empty>
    );
  return <ComparisonView found={versions.data} model={model.data} dropped={request.dropped} />;
}

function useVersionRuns(versions: readonly ModelVersion[]) {
  const runIds = [...new Set(versions.flatMap((v) => (v.run_id ? [v.run_id] : [])))].sort();
  return useQuery({
    queryKey: ['runs', 'by-id', { runIds }],
    queryFn: () => fetchVersionRuns(runIds),
  });
}

/** Each version's MLmodel: one download per version (the link is capped at ten versions). */
function useMlmodels(versions: readonly ModelVersion[]) {
  return useQueries({
    queries: versions.map((v) => ({
      queryKey: mlmodelKey(v.name, v.version),
      queryFn: () => fetchMlmodel(v.name, v.version),
      // The files of a version never change after it is registered.
      staleTime: Infinity,
    })),
  });
}

function ComparisonView({
  found,
  model,
  dropped,
}: {
  found: ComparedVersions;
  model: RegisteredModel | undefined;
  dropped: number;
}) {
  const { versions, missing } = found;
  const [diffOnly, setDiffOnly] = useState(false);
  const runs = useVersionRuns(versions);
  const mlmodels = useMlmodels(versions);
  const versionRuns = versions.map((v) => (v.run_id ? runs.data?.get(v.run_id) : undefined));
  return (
    <>
      {(missing.length > 0 || dropped > 0) && (
        <p className="mv-compare-note" role="status">
          {missing.length > 0 && `Not found: version ${missing.join(', ')}. `}
          {dropped > 0 &&
            `Only the first ${versions.length + missing.length} versions are compared; ${dropped} more in the link are not shown.`}
        </p>
      )}
      <label className="row checkbox-label mv-diff-only">
        <input type="checkbox" checked={diffOnly} onChange={(e) => setDiffOnly(e.target.checked)} />
        Only rows that differ
      </label>
      <section className="section" aria-labelledby="mv-compare-heading">
        <h2 id="mv-compare-heading">
          {versions.length} versions of {versions[0]?.name}
        </h2>
        <CompareGrid label="Version comparison" versions={versions}>
          <VersionFacts versions={versions} model={model} runs={versionRuns} runsPending={runs.isPending} />
          <RunRows
            span={versions.length + 1}
            state={runs}
            params={paramRows(versionRuns)}
            metrics={metricRows(versionRuns)}
            diffOnly={diffOnly}
          />
        </CompareGrid>
        <p className="muted mv-legend">≠ values differ · — not set in that version</p>
      </section>
      <SchemaSection versions={versions} mlmodels={mlmodels} diffOnly={diffOnly} />
    </>
  );
}

function VersionFacts({
  versions,
  model,
  runs,
  runsPending,
}: {
  versions: readonly ModelVersion[];
  model: RegisteredModel | undefined;
  runs: readonly (Run | undefined)[];
  runsPending: boolean;
}) {
  const aliases = model ? aliasesByVersion(model) : undefined;
  return (
    <tbody>
      <FactRow label="Stage" items={versions} cell={(v) => <StageChip stage={stageOf(v)} />} />
      <FactRow
        label="Aliases"
        items={versions}
        cell={(v) => <AliasChips aliases={aliases?.get(v.version) ?? v.aliases ?? []} />}
      />
      <FactRow label="Registered at" items={versions} cell={(v) => formatTime(v.creation_timestamp)} />
      <FactRow
        label="Source run"
        items={versions}
        cell={(v, i) => <SourceRunCell runId={v.run_id} run={runs[i]} pending={runsPending} />}
      />
    </tbody>
  );
}

function SourceRunCell({
  runId,
  run,
  pending,
}: {
  runId: string | undefined;
  run: Run | undefined;
  pending: boolean;
}) {
  if (!runId) return <span className="muted">—</span>;
  if (run)
    return (
      <Link href={links.run(run.info.experiment_id, runId)} title={runId}>
        {run.info.run_name || shortRunId(runId)}
      </Link>
    );
  // Not (yet) found: the id still links, through the page that looks the run up.
  return (
    <Link href={links.runById(runId)} className="mono" title={runId}>
      {shortRunId(runId)}
      {!pending && <span className="muted"> (run not found)</span>}
    </Link>
  );
}

function RunRows({
  span,
  state,
  params,
  metrics,
  diffOnly,
}: {
  span: number;
  state: ReturnType<typeof useVersionRuns>;
  params: readonly DiffRow<string>[];
  metrics: readonly DiffRow<number>[];
  diffOnly: boolean;
}) {
  if (state.isPending || state.isError)
    return (
      <tbody>
        <GroupRow label="Parameters and metrics" span={span} />
        <NoteRow span={span}>
          {state.isPending ? (
            'Loading the runs…'
          ) : (
            <span className="row wrap">
              <span className="inline-error">Could not load the runs: {errorMessage(state.error)}</span>
              <button type="button" onClick={() => void state.refetch()}>
                Retry
              </button>
            </span>
          )}
        </NoteRow>
      </tbody>
    );
  return (
    <>
      <DiffGroup title="Parameters" rows={params} diffOnly={diffOnly} span={span} format={(v) => v} />
      <DiffGroup title="Metrics" rows={metrics} diffOnly={diffOnly} span={span} format={formatMetric} />
    </>
  );
}

interface MlmodelState {
  readonly data: MlmodelSummary | undefined;
  readonly error: unknown;
  readonly isPending: boolean;
}

function SchemaSection({
  versions,
  mlmodels,
  diffOnly,
}: {
  versions: readonly ModelVersion[];
  mlmodels: readonly MlmodelState[];
  diffOnly: boolean;
}) {
  const span = versions.length + 1;
  // A signature that could not be decoded is left out of the comparison like a missing file.
  const signatures = mlmodels.map((m) =>
    m.data && m.data.signatureError === undefined ? m.data.signature : undefined,
  );
  const { inputs, outputs } = schemaRows(signatures);
  return (
    <section className="section" aria-labelledby="mv-schema-heading">
      <h2 id="mv-schema-heading">Schema</h2>
      <CompareGrid label="Schema comparison" versions={versions}>
        <tbody>
          <FactRow label="Flavors" items={mlmodels} cell={(m) => <FlavorsCell state={m} />} />
        </tbody>
        <DiffGroup title="Inputs" rows={inputs} diffOnly={diffOnly} span={span} format={(v) => v} />
        <DiffGroup title="Outputs" rows={outputs} diffOnly={diffOnly} span={span} format={(v) => v} />
      </CompareGrid>
    </section>
  );
}

/** What the version's MLmodel holds, or why it could not be read. */
function FlavorsCell({ state }: { state: MlmodelState }) {
  if (state.isPending) return <span className="muted">Loading…</span>;
  if (state.data === undefined) return <span className="muted">{noSchemaReason(state.error)}</span>;
  return (
    <span className="stack mv-flavors">
      <span className="mono">{state.data.flavors.join(', ') || '—'}</span>
      {state.data.signatureError !== undefined ? (
        <span className="inline-error">Signature not readable: {state.data.signatureError}</span>
      ) : (
        !state.data.signature && <span className="muted">No signature</span>
      )}
    </span>
  );
}

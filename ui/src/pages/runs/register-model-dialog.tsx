import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import type { ModelVersion } from '../../../../src/client/registry-client.js';
import { api, errorCode } from '../../api.js';
import { Dialog } from '../../components/dialog.js';
import { InlineError, Loading } from '../../components/states.js';
import type { RunModel } from './run-models.js';

type Target = 'existing' | 'new';
const SEARCH_LIMIT = 20;
// Typing pauses this long before the model list is searched: one request per pause, not per key.
const SEARCH_DELAY_MS = 250;

/**
 * A case-insensitive name search as a registry filter. The filter grammar has no escapes, so the
 * text is quoted with whichever quote it does not contain.
 */
export function nameFilter(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const quote = trimmed.includes("'") ? '"' : "'";
  return `name ILIKE ${quote}%${trimmed.replaceAll(quote, '')}%${quote}`;
}

function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

async function register(
  target: Target,
  name: string,
  model: RunModel,
  runId: string | undefined,
): Promise<ModelVersion> {
  if (target === 'new') {
    await api.registry.createRegisteredModel(name).catch((error: unknown) => {
      // A name that exists was picked as "new": say so rather than add a version to it silently.
      if (errorCode(error) === 'RESOURCE_ALREADY_EXISTS')
        throw new Error(
          `A registered model named "${name}" already exists. Choose it under "Existing model".`,
        );
      throw error;
    });
  }
  return api.registry.createModelVersion(name, model.source, {
    ...(runId ? { runId } : {}),
    ...(model.modelId ? { modelId: model.modelId } : {}),
  });
}

/**
 * Registers one of the run's models (or an MLflow 3 logged model) as a new version of an existing
 * registered model, or of a new one (`registered-models/create`, then `model-versions/create`).
 */
export function RegisterModelDialog({
  runId,
  models,
  initial,
  onClose,
  onRegistered,
}: {
  /** The run the model came from; a logged model may have none. */
  runId: string | undefined;
  models: readonly RunModel[];
  initial: RunModel;
  onClose: () => void;
  onRegistered: (version: ModelVersion) => void;
}) {
  const queryClient = useQueryClient();
  const ids = useId();
  const [source, setSource] = useState(initial.source);
  const [chosenTarget, setTarget] = useState<Target | undefined>(undefined);
  const [search, setSearch] = useState('');
  const [existingName, setExistingName] = useState('');
  const [newName, setNewName] = useState('');
  const filter = nameFilter(useDebounced(search, SEARCH_DELAY_MS));
  const found = useQuery({
    queryKey: ['registered-models', 'name-search', filter ?? ''],
    queryFn: () =>
      api.registry.searchRegisteredModels({ ...(filter ? { filter } : {}), maxResults: SEARCH_LIMIT }),
    select: (page) => page.items.map((m) => m.name),
  });
  // Until the user picks, offer "existing" only when there is something to pick.
  const anyModels = search !== '' || (found.data?.length ?? 0) > 0;
  const target: Target = chosenTarget ?? (anyModels ? 'existing' : 'new');
  const name = (target === 'new' ? newName : existingName).trim();
  const model = models.find((m) => m.source === source) ?? initial;
  const submit = useMutation({
    mutationFn: () => register(target, name, model, runId),
    onSuccess: async (version) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['model-versions'] }),
        queryClient.invalidateQueries({ queryKey: ['registered-models'] }),
        queryClient.invalidateQueries({ queryKey: ['registered-model', version.name] }),
      ]);
      onRegistered(version);
    },
  });
  return (
    <Dialog
      title="Register model"
      submitLabel="Register"
      onClose={onClose}
      onSubmit={() => submit.mutate()}
      submitDisabled={!name}
      busy={submit.isPending}
    >
      {models.length > 1 ? (
        <label className="field">
          Model to register
          <select value={source} onChange={(e) => setSource(e.target.value)}>
            {models.map((m) => (
              <option key={m.source} value={m.source}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <dl className="details register-source">
        {models.length <= 1 && (
          <>
            <dt>Model</dt>
            <dd>{model.label}</dd>
          </>
        )}
        <dt>Source</dt>
        <dd>
          <code>{model.source}</code>
        </dd>
      </dl>
      <fieldset className="register-target">
        <legend>Register as a version of</legend>
        <label className="row">
          <input
            type="radio"
            name={`${ids}-target`}
            checked={target === 'existing'}
            onChange={() => setTarget('existing')}
          />
          Existing model
        </label>
        {target === 'existing' && (
          <div className="stack register-existing">
            <input
              type="search"
              aria-label="Search registered models"
              placeholder="Search registered models"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            {found.isPending ? (
              <Loading what="registered models" />
            ) : found.isError ? (
              <InlineError error={found.error} />
            ) : found.data.length === 0 ? (
              <p className="muted">No registered model matches.</p>
            ) : (
              <select
                aria-label="Registered model"
                size={Math.min(6, Math.max(2, found.data.length))}
                value={existingName}
                onChange={(e) => setExistingName(e.target.value)}
              >
                {found.data.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            )}
          </div>
        )}
        <label className="row">
          <input
            type="radio"
            name={`${ids}-target`}
            checked={target === 'new'}
            onChange={() => setTarget('new')}
          />
          Create new model
        </label>
        {target === 'new' && (
          <label className="field register-new">
            Model name
            <input value={newName} onChange={(e) => setNewName(e.target.value)} autoComplete="off" required />
          </label>
        )}
      </fieldset>
      <InlineError error={submit.error} />
    </Dialog>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ModelVersion, RegisteredModel } from '../../../../src/client/registry-client.js';
import { api } from '../../api.js';
import { InlineError } from '../../components/states.js';
import { invalidateModel } from './query-keys.js';

/**
 * A version's aliases: remove one, or add one. An alias names one version at a time, so adding an
 * alias that another version holds moves it here; the form says so before it happens.
 */
export function AliasesEditor({
  version,
  model,
}: {
  version: ModelVersion;
  /** The registered model, for where each alias points now; undefined while it loads. */
  model: RegisteredModel | undefined;
}) {
  const queryClient = useQueryClient();
  const [alias, setAlias] = useState('');
  const { name } = version;
  // Setting or deleting an alias changes what other versions show, so all versions are refreshed.
  const refresh = () => invalidateModel(queryClient, name, { versions: true });
  const add = useMutation({
    mutationFn: async (value: string) => {
      await api.registry.setRegisteredModelAlias(name, value, version.version);
      await refresh();
    },
    onSuccess: () => setAlias(''),
  });
  const remove = useMutation({
    mutationFn: async (value: string) => {
      await api.registry.deleteRegisteredModelAlias(name, value);
      await refresh();
    },
  });
  const typed = alias.trim();
  const holder = model?.aliases?.find((a) => a.alias === typed && a.version !== version.version);
  const aliases = [...(version.aliases ?? [])].sort();
  return (
    <section className="section" aria-labelledby="aliases-heading">
      <h2 id="aliases-heading">Aliases</h2>
      {aliases.length === 0 ? (
        <p className="muted">
          No aliases. An alias such as <code>champion</code> lets code load this version as{' '}
          <code className="break-anywhere">models:/{name}@champion</code>.
        </p>
      ) : (
        <ul className="alias-list" aria-label="Aliases of this version">
          {aliases.map((a) => (
            <li key={a} className="chip alias">
              @{a}
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove alias ${a}`}
                disabled={remove.isPending}
                onClick={() => remove.mutate(a)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="row wrap"
        aria-label="Add alias"
        onSubmit={(event) => {
          event.preventDefault();
          if (typed) add.mutate(typed);
        }}
      >
        <input
          aria-label="Alias"
          placeholder="e.g. champion"
          value={alias}
          onChange={(event) => setAlias(event.target.value)}
        />
        <button type="submit" disabled={!typed || add.isPending}>
          Add alias
        </button>
      </form>
      {holder && (
        <p className="muted alias-move-note" role="status">
          @{holder.alias} is on version {holder.version} now; adding it here moves it from v{holder.version}.
        </p>
      )}
      <InlineError error={add.error ?? remove.error} />
    </section>
  );
}

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { KeyValue } from '../../../src/client/entities.js';
import { InlineError } from './states.js';

/**
 * A tags table with a remove button per tag and a form to add or overwrite one. Tags whose key
 * starts with `mlflow.` are MLflow's own bookkeeping (user, source, notes) and are left out, as
 * MLflow's UI does; the pages show what matters of them in their details.
 */
export function TagsEditor({
  tags,
  onSet,
  onDelete,
}: {
  tags: readonly KeyValue[];
  onSet: (key: string, value: string) => Promise<unknown>;
  onDelete: (key: string) => Promise<unknown>;
}) {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const add = useMutation({
    mutationFn: () => onSet(key.trim(), value),
    onSuccess: () => {
      setKey('');
      setValue('');
    },
  });
  const remove = useMutation({ mutationFn: onDelete });
  const visible = tags.filter((t) => !t.key.startsWith('mlflow.'));
  return (
    <section className="section" aria-label="Tags">
      <h2>Tags</h2>
      {visible.length === 0 ? (
        <p className="muted">No tags.</p>
      ) : (
        <div className="table-wrap">
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Value</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {visible.map((tag) => (
                <tr key={tag.key}>
                  <td className="mono">{tag.key}</td>
                  <td>{tag.value}</td>
                  <td className="actions">
                    <button
                      type="button"
                      className="link-button danger"
                      aria-label={`Remove tag ${tag.key}`}
                      disabled={remove.isPending}
                      onClick={() => remove.mutate(tag.key)}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form
        className="row wrap"
        aria-label="Add tag"
        onSubmit={(event) => {
          event.preventDefault();
          if (key.trim()) add.mutate();
        }}
      >
        <input aria-label="Tag key" placeholder="Key" value={key} onChange={(e) => setKey(e.target.value)} />
        <input
          aria-label="Tag value"
          placeholder="Value"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" disabled={!key.trim() || add.isPending}>
          Add tag
        </button>
      </form>
      <InlineError error={add.error ?? remove.error} />
    </section>
  );
}

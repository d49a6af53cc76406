import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Markdown } from './markdown.js';
import { InlineError } from './states.js';

/** A Markdown description with Edit / Save / Cancel; `onSave` writes it through the API. */
export function EditableDescription({
  text,
  onSave,
  label = 'Description',
}: {
  text: string;
  onSave: (text: string) => Promise<unknown>;
  label?: string;
}) {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const save = useMutation({ mutationFn: onSave, onSuccess: () => setDraft(undefined) });
  return (
    <section className="section" aria-label={label}>
      <div className="section-head">
        <h2>{label}</h2>
        {draft === undefined && (
          <button type="button" onClick={() => setDraft(text)}>
            Edit
          </button>
        )}
      </div>
      {draft === undefined ? (
        text.trim() ? (
          <Markdown text={text} />
        ) : (
          <p className="muted">None</p>
        )
      ) : (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(draft);
          }}
        >
          <textarea
            aria-label={label}
            value={draft}
            rows={6}
            onChange={(event) => setDraft(event.target.value)}
            placeholder="Markdown is supported"
          />
          <InlineError error={save.error} />
          <div className="row">
            <button type="submit" className="primary" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save'}
            </button>
            <button type="button" onClick={() => setDraft(undefined)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

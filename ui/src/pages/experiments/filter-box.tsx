import { useState } from 'react';
import { InlineError } from '../../components/states.js';

const EXAMPLE = "metrics.f1 > 0.8 and params.model = 'xgb'";

/**
 * The runs filter, in MLflow's search grammar. It is applied on Enter or Apply (not per keystroke:
 * half-typed filters are invalid), and the server's complaint about a bad one shows right below.
 */
export function FilterBox({
  applied,
  error,
  onApply,
}: {
  applied: string;
  error: unknown;
  onApply: (filter: string) => void;
}) {
  const [draft, setDraft] = useState(applied);
  const [draftFor, setDraftFor] = useState(applied);
  // A new applied filter (a deep link, Clear, the back button) replaces what the box shows.
  if (draftFor !== applied) {
    setDraftFor(applied);
    setDraft(applied);
  }
  return (
    <form
      role="search"
      aria-label="Filter runs"
      className="filter-box"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft.trim());
      }}
    >
      <div className="row wrap">
        <input
          type="search"
          className="search mono"
          aria-label="Filter runs"
          aria-describedby="runs-filter-help"
          placeholder={EXAMPLE}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          spellCheck={false}
          autoComplete="off"
        />
        <button type="submit">Apply</button>
        {applied && (
          <button type="button" onClick={() => onApply('')}>
            Clear
          </button>
        )}
      </div>
      <InlineError error={error} />
      <p id="runs-filter-help" className="muted filter-help">
        MLflow search syntax: <code>metrics.</code>, <code>params.</code>, <code>tags.</code>,{' '}
        <code>attributes.</code> joined with <code>and</code>.
      </p>
    </form>
  );
}

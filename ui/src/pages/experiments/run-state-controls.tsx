import type { Run } from '../../../../src/client/entities.js';
import { Dialog } from '../../components/dialog.js';
import { InlineError } from '../../components/states.js';
import { runName } from './run-fields.js';
import type { Lifecycle } from './runs-view.js';

const STATES: readonly Lifecycle[] = ['Active', 'Deleted'];

/** MLflow's "State" filter as two toggle buttons: which runs the table lists. */
export function StateToggle({ value, onChange }: { value: Lifecycle; onChange: (value: Lifecycle) => void }) {
  return (
    <div role="group" aria-label="Run state" className="state-toggle">
      {STATES.map((state) => (
        <button key={state} type="button" aria-pressed={value === state} onClick={() => onChange(state)}>
          {state}
        </button>
      ))}
    </div>
  );
}

/** Names listed in the confirmation before "and N more". */
const NAMED = 5;

/**
 * "Delete N runs?": the selected runs' names (those on this page; a selection kept while paging may
 * hold runs the page no longer shows, which are counted), and the server's complaint if any.
 */
export function DeleteRunsDialog({
  runIds,
  pageRuns,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  runIds: readonly string[];
  pageRuns: readonly Run[];
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const byId = new Map(pageRuns.map((r) => [r.info.run_id, r]));
  const names = runIds.map((id) => {
    const run = byId.get(id);
    return run ? runName(run) : id.slice(0, 8);
  });
  const count = runIds.length;
  return (
    <Dialog
      title={count === 1 ? 'Delete 1 run?' : `Delete ${count} runs?`}
      submitLabel="Delete"
      tone="danger"
      busy={busy}
      submitDisabled={count === 0}
      onSubmit={onConfirm}
      onClose={onClose}
    >
      <ul className="delete-list">
        {names.slice(0, NAMED).map((name, i) => (
          <li key={runIds[i]}>{name}</li>
        ))}
        {count > NAMED && <li className="muted">and {count - NAMED} more</li>}
      </ul>
      <p className="muted">
        Deleted runs move to the “Deleted” list of this experiment, where they can be restored until the
        server’s garbage collection removes them for good.
      </p>
      <InlineError error={error} />
    </Dialog>
  );
}

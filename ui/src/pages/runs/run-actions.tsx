import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Run } from '../../../../src/client/entities.js';
import { api } from '../../api.js';
import { Dialog } from '../../components/dialog.js';
import { InlineError } from '../../components/states.js';

type Open = 'rename' | 'delete' | undefined;

/** Refetches the run and every runs list of its experiment after a change. */
function useRefreshRun(run: Run) {
  const queryClient = useQueryClient();
  const { run_id: runId, experiment_id: experimentId } = run.info;
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['run', runId] }),
      queryClient.invalidateQueries({ queryKey: ['runs', experimentId] }),
    ]);
}

/**
 * The run header's Rename and Delete buttons (Restore once the run is deleted, as MLflow's run
 * table offers). Deleting is soft (`runs/delete`): the run stays readable, marked deleted.
 */
export function RunActions({ run }: { run: Run }) {
  const [open, setOpen] = useState<Open>(undefined);
  const refresh = useRefreshRun(run);
  const runId = run.info.run_id;
  const deleted = run.info.lifecycle_stage === 'deleted';
  const restore = useMutation({
    mutationFn: async () => {
      await api.runs.restoreRun(runId);
      await refresh();
    },
  });
  const name = run.info.run_name || runId;
  return (
    <>
      <button type="button" onClick={() => setOpen('rename')}>
        Rename
      </button>
      {deleted ? (
        <button type="button" onClick={() => restore.mutate()} disabled={restore.isPending}>
          {restore.isPending ? 'Restoring…' : 'Restore'}
        </button>
      ) : (
        <button type="button" className="danger" onClick={() => setOpen('delete')}>
          Delete
        </button>
      )}
      <InlineError error={restore.error} />
      {open === 'rename' && <RenameDialog run={run} onDone={() => setOpen(undefined)} refresh={refresh} />}
      {open === 'delete' && (
        <DeleteDialog runId={runId} name={name} onDone={() => setOpen(undefined)} refresh={refresh} />
      )}
    </>
  );
}

function RenameDialog({
  run,
  onDone,
  refresh,
}: {
  run: Run;
  onDone: () => void;
  refresh: () => Promise<unknown>;
}) {
  const [name, setName] = useState(run.info.run_name ?? '');
  const rename = useMutation({
    mutationFn: async () => {
      await api.runs.updateRun(run.info.run_id, { runName: name.trim() });
      await refresh();
    },
    onSuccess: onDone,
  });
  const unchanged = name.trim() === (run.info.run_name ?? '');
  return (
    <Dialog
      title="Rename run"
      submitLabel="Save"
      onClose={onDone}
      onSubmit={() => rename.mutate()}
      submitDisabled={!name.trim() || unchanged}
      busy={rename.isPending}
    >
      <label className="field">
        Run name
        <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" required />
      </label>
      <InlineError error={rename.error} />
    </Dialog>
  );
}

function DeleteDialog({
  runId,
  name,
  onDone,
  refresh,
}: {
  runId: string;
  name: string;
  onDone: () => void;
  refresh: () => Promise<unknown>;
}) {
  const remove = useMutation({
    mutationFn: async () => {
      await api.runs.deleteRun(runId);
      await refresh();
    },
    onSuccess: onDone,
  });
  return (
    <Dialog
      title="Delete run"
      submitLabel="Delete"
      tone="danger"
      onClose={onDone}
      onSubmit={() => remove.mutate()}
      busy={remove.isPending}
    >
      <p>
        Delete run <strong>{name}</strong>? It moves to the experiment’s deleted runs, where it can be
        restored until the server’s garbage collection removes it for good.
      </p>
      <InlineError error={remove.error} />
    </Dialog>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import type { Experiment } from '../../../../src/client/entities.js';
import { api } from '../../api.js';
import { Dialog } from '../../components/dialog.js';
import { InlineError } from '../../components/states.js';
import { links } from '../../links.js';
import { useDialogState } from './use-dialog-state.js';

/** The experiment page's header actions: Rename and Delete, or Restore for a deleted experiment. */
export function ExperimentActions({ experiment }: { experiment: Experiment }) {
  const { open, show, close } = useDialogState<'rename' | 'delete'>();
  const restore = useRestoreExperiment();
  if (experiment.lifecycle_stage === 'deleted')
    return (
      <>
        <InlineError error={restore.error} />
        <button
          type="button"
          disabled={restore.isPending}
          onClick={() => restore.mutate(experiment.experiment_id)}
        >
          {restore.isPending ? 'Restoring…' : 'Restore experiment'}
        </button>
      </>
    );
  return (
    <>
      <button type="button" onClick={() => show('rename')}>
        Rename
      </button>
      <button type="button" className="danger" onClick={() => show('delete')}>
        Delete
      </button>
      {open === 'rename' && <RenameExperimentDialog experiment={experiment} onClose={close} />}
      {open === 'delete' && <DeleteExperimentDialog experiment={experiment} onClose={close} />}
    </>
  );
}

/** Refreshes one experiment and every experiments list (their names and states). */
function useRefreshExperiment(experimentId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['experiment', experimentId] }),
      queryClient.invalidateQueries({ queryKey: ['experiments'] }),
    ]);
}

/** `experiments/restore` of the id it is given; then that experiment, the lists and its runs (restored with it) refresh. */
export function useRestoreExperiment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (experimentId: string) => api.experiments.restoreExperiment(experimentId),
    onSuccess: (_, experimentId) =>
      Promise.all(
        [['experiment', experimentId], ['experiments'], ['runs', experimentId]].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

function RenameExperimentDialog({ experiment, onClose }: { experiment: Experiment; onClose: () => void }) {
  const [name, setName] = useState(experiment.name);
  const refresh = useRefreshExperiment(experiment.experiment_id);
  const trimmed = name.trim();
  const rename = useMutation({
    mutationFn: () => api.experiments.renameExperiment(experiment.experiment_id, trimmed),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  return (
    <Dialog
      title="Rename experiment"
      submitLabel="Rename"
      onClose={onClose}
      onSubmit={() => (trimmed === experiment.name ? onClose() : rename.mutate())}
      submitDisabled={!trimmed}
      busy={rename.isPending}
    >
      <label className="field">
        New name
        <input value={name} onChange={(e) => setName(e.target.value)} required autoComplete="off" />
      </label>
      {/* The server's words, e.g. RESOURCE_ALREADY_EXISTS when another experiment has the name. */}
      <InlineError error={rename.error} />
    </Dialog>
  );
}

function DeleteExperimentDialog({ experiment, onClose }: { experiment: Experiment; onClose: () => void }) {
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const id = experiment.experiment_id;
  const remove = useMutation({
    mutationFn: () => api.experiments.deleteExperiment(id),
    onSuccess: async () => {
      // The page is left at once, so nothing here is refetched: the cached experiment is marked
      // deleted (Back shows it with Restore) and the lists and runs go stale for their next view.
      queryClient.setQueryData<Experiment>(
        ['experiment', id],
        (e) => e && { ...e, lifecycle_stage: 'deleted' },
      );
      await Promise.all(
        [['experiments'], ['runs', id]].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey, refetchType: 'none' }),
        ),
      );
      navigate(links.experiments());
    },
  });
  return (
    <Dialog
      title="Delete experiment?"
      submitLabel="Delete"
      tone="danger"
      onClose={onClose}
      onSubmit={() => remove.mutate()}
      busy={remove.isPending}
    >
      <p className="dialog-text">
        <strong>{experiment.name}</strong> and all its runs will be deleted. It can be restored from the
        experiments list (“Show deleted”) until the server’s garbage collection removes it.
      </p>
      <InlineError error={remove.error} />
    </Dialog>
  );
}

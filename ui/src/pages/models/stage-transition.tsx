import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ModelVersion } from '../../../../src/client/registry-client.js';
import { api } from '../../api.js';
import { Dialog } from '../../components/dialog.js';
import { InlineError } from '../../components/states.js';
import { invalidateModel } from './query-keys.js';
import { isActiveStage, type Stage, STAGES, stageOf } from './registry-model.js';

/**
 * "Transition to" a stage, confirmed in a dialog. A select plus a button rather than a select that
 * acts on change: keyboard users move through a select's options with the arrow keys.
 */
export function StageTransition({ version }: { version: ModelVersion }) {
  const current = stageOf(version);
  const [target, setTarget] = useState<Stage | ''>('');
  const [confirming, setConfirming] = useState<Stage | undefined>(undefined);
  return (
    <>
      <form
        className="row wrap"
        onSubmit={(event) => {
          event.preventDefault();
          if (target !== '') setConfirming(target);
        }}
      >
        <select
          aria-label="Transition to"
          value={target}
          onChange={(event) => setTarget(event.target.value as Stage | '')}
        >
          <option value="">Transition to…</option>
          {STAGES.filter((s) => s !== current).map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <button type="submit" disabled={target === ''}>
          Transition
        </button>
      </form>
      {confirming !== undefined && (
        <TransitionDialog
          version={version}
          stage={confirming}
          onClose={() => setConfirming(undefined)}
          onDone={() => {
            setConfirming(undefined);
            setTarget('');
          }}
        />
      )}
    </>
  );
}

function TransitionDialog({
  version,
  stage,
  onClose,
  onDone,
}: {
  version: ModelVersion;
  stage: Stage;
  onClose: () => void;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [archiveExisting, setArchiveExisting] = useState(false);
  const offerArchive = isActiveStage(stage);
  const transition = useMutation({
    mutationFn: async () => {
      await api.registry.transitionModelVersionStage(
        version.name,
        version.version,
        stage,
        offerArchive && archiveExisting,
      );
      // Archiving moves other versions too, so the whole model is refreshed.
      await invalidateModel(queryClient, version.name, { versions: true });
    },
    onSuccess: onDone,
  });
  return (
    <Dialog
      title={`Transition to ${stage}`}
      submitLabel="Transition"
      busy={transition.isPending}
      onClose={onClose}
      onSubmit={() => transition.mutate()}
    >
      <p className="dialog-question">
        Move version {version.version} of <strong>{version.name}</strong> from {stageOf(version)} to{' '}
        <strong>{stage}</strong>?
      </p>
      {offerArchive && (
        <label className="row checkbox-label">
          <input
            type="checkbox"
            checked={archiveExisting}
            onChange={(event) => setArchiveExisting(event.target.checked)}
          />
          Transition existing {stage} model versions to Archived
        </label>
      )}
      <InlineError error={transition.error} />
    </Dialog>
  );
}

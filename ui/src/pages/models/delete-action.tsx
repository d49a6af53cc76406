import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Dialog } from '../../components/dialog.js';
import { InlineError } from '../../components/states.js';

/**
 * A Delete button with a confirmation dialog. While `blockedReason` is set the button is disabled
 * and the reason is shown beside it (and announced with the button), so nobody has to guess why.
 */
export function DeleteAction({
  label,
  blockedReason,
  question,
  onDelete,
  onDeleted,
}: {
  label: string;
  blockedReason: string | undefined;
  question: string;
  onDelete: () => Promise<unknown>;
  onDeleted: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const reasonId = useId();
  const remove = useMutation({ mutationFn: onDelete, onSuccess: onDeleted });
  return (
    <div className="delete-action">
      <button
        type="button"
        className="danger"
        disabled={blockedReason !== undefined}
        aria-describedby={blockedReason !== undefined ? reasonId : undefined}
        onClick={() => setConfirming(true)}
      >
        {label}
      </button>
      {blockedReason !== undefined && (
        <span id={reasonId} className="muted action-note">
          {blockedReason}
        </span>
      )}
      {confirming && (
        <Dialog
          title={label}
          submitLabel="Delete"
          tone="danger"
          busy={remove.isPending}
          onClose={() => {
            setConfirming(false);
            remove.reset();
          }}
          onSubmit={() => remove.mutate()}
        >
          <p className="dialog-question">{question}</p>
          <InlineError error={remove.error} />
        </Dialog>
      )}
    </div>
  );
}

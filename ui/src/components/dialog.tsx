import { type FormEvent, type ReactNode, useLayoutEffect, useRef } from 'react';

/**
 * A modal dialog on the native `<dialog>` element, which traps focus and closes on Escape; focus
 * returns to the control that opened it. Its body is a form: Enter submits, the Cancel button closes.
 */
export function Dialog({
  title,
  onClose,
  onSubmit,
  submitLabel,
  submitDisabled = false,
  busy = false,
  tone = 'primary',
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  submitLabel: string;
  submitDisabled?: boolean;
  busy?: boolean;
  /** `danger` paints the submit button red, for deletions. */
  tone?: 'primary' | 'danger';
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // A layout effect, so the cleanup runs while the <dialog> is still in the document: closing it
  // there and refocusing the opener puts keyboard focus back where the user was, not on <body>.
  useLayoutEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!submitDisabled && !busy) onSubmit();
  };
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={submit}>
        <h2 id="dialog-title">{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className={tone === 'danger' ? 'primary danger' : 'primary'}
            disabled={submitDisabled || busy}
          >
            {busy ? 'Working…' : submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

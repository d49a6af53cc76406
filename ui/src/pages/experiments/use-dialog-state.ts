import { useCallback, useState } from 'react';

/** Which of a page's dialogs is open (the shared Dialog returns focus to its opener on close). */
export function useDialogState<K extends string>() {
  const [open, setOpen] = useState<K | undefined>(undefined);
  const show = useCallback((which: K) => setOpen(which), []);
  const close = useCallback(() => setOpen(undefined), []);
  return { open, show, close };
}

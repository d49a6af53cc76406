import { useCallback, useState } from 'react';

const NONE: ReadonlySet<string> = new Set();

/**
 * A set of selected ids that starts empty again whenever `scope` changes (the runs table's
 * Active/Deleted state: runs picked in one list are not in the other, so acting on them there
 * would be a surprise). The reset is derived while rendering, like usePagingFor's.
 */
export function useSelection(scope: string) {
  const [state, setState] = useState<{ scope: string; ids: ReadonlySet<string> }>({ scope, ids: NONE });
  const selected = state.scope === scope ? state.ids : NONE;
  const update = useCallback(
    (change: (ids: Set<string>) => void) =>
      setState((s) => {
        const ids = new Set(s.scope === scope ? s.ids : NONE);
        change(ids);
        return { scope, ids };
      }),
    [scope],
  );
  const select = useCallback(
    (ids: readonly string[], on: boolean) =>
      update((set) => {
        for (const id of ids) {
          if (on) set.add(id);
          else set.delete(id);
        }
      }),
    [update],
  );
  const clear = useCallback(() => setState({ scope, ids: NONE }), [scope]);
  return { selected, select, clear };
}

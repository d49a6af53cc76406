import { useCallback, useState } from 'react';

/**
 * Page-token pagination (like `usePageTokens`) that starts over at page 1 whenever `viewKey` (the
 * filter, order and page size it pages through) changes: a token is only valid for the search that
 * issued it. The reset is derived while rendering, so no effect runs a stale request first.
 */
export function usePagingFor(viewKey: string) {
  const [state, setState] = useState<{ viewKey: string; tokens: (string | undefined)[] }>({
    viewKey,
    tokens: [undefined],
  });
  const tokens = state.viewKey === viewKey ? state.tokens : [undefined];
  const next = useCallback(
    (token: string) =>
      setState((s) => ({ viewKey, tokens: [...(s.viewKey === viewKey ? s.tokens : [undefined]), token] })),
    [viewKey],
  );
  const previous = useCallback(
    () =>
      setState((s) => {
        const current = s.viewKey === viewKey ? s.tokens : [undefined];
        return { viewKey, tokens: current.length > 1 ? current.slice(0, -1) : current };
      }),
    [viewKey],
  );
  return { page: tokens.length, token: tokens[tokens.length - 1], next, previous };
}

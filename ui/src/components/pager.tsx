import { useCallback, useState } from 'react';

/**
 * Page-token pagination as the REST API does it: the server hands out a token for the next page,
 * so going back means remembering the tokens that led here.
 */
export function usePageTokens() {
  const [tokens, setTokens] = useState<(string | undefined)[]>([undefined]);
  const page = tokens.length;
  const token = tokens[tokens.length - 1];
  const next = useCallback((nextToken: string) => setTokens((t) => [...t, nextToken]), []);
  const previous = useCallback(() => setTokens((t) => (t.length > 1 ? t.slice(0, -1) : t)), []);
  const reset = useCallback(() => setTokens([undefined]), []);
  return { page, token, next, previous, reset };
}

/** Previous / Next buttons with the page number. */
export function Pager({
  page,
  nextToken,
  onNext,
  onPrevious,
  label,
}: {
  page: number;
  nextToken: string | undefined;
  onNext: (token: string) => void;
  onPrevious: () => void;
  label: string;
}) {
  if (page === 1 && !nextToken) return null;
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      <button type="button" onClick={onPrevious} disabled={page === 1}>
        ← Previous
      </button>
      <span aria-live="polite">Page {page}</span>
      <button type="button" onClick={() => nextToken && onNext(nextToken)} disabled={!nextToken}>
        Next →
      </button>
    </nav>
  );
}

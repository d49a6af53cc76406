import { useSyncExternalStore } from 'react';

// Below this width the chart switches to its narrow drawing, whose text stays readable on a phone.
const QUERY = '(max-width: 640px)';

function subscribe(onChange: () => void): () => void {
  const media = matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** Whether the window is phone-narrow; follows resizes. */
export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => matchMedia(QUERY).matches);
}

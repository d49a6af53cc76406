import { useSyncExternalStore } from 'react';

// MLflow's UI keeps the whole route, query included, after the `#` (`#/compare-runs?runs=[...]`).
// wouter's own hash hook moves the query before the `#`, so links copied from MLflow would not
// resolve here; these hooks keep it in the hash.

function subscribe(onChange: () => void): () => void {
  addEventListener('hashchange', onChange);
  return () => removeEventListener('hashchange', onChange);
}

function hashRoute(): string {
  return '/' + location.hash.replace(/^#?\/?/, '');
}

function currentPath(): string {
  const route = hashRoute();
  const q = route.indexOf('?');
  return q === -1 ? route : route.slice(0, q);
}

function currentSearch(): string {
  const route = hashRoute();
  const q = route.indexOf('?');
  return q === -1 ? '' : route.slice(q + 1);
}

/** Goes to an in-app route such as `/models/churn?tab=versions`. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const target = '#' + (to.startsWith('/') ? to : `/${to}`);
  if (target === location.hash) return;
  if (options.replace) history.replaceState(null, '', target);
  else history.pushState(null, '', target);
  dispatchEvent(new HashChangeEvent('hashchange'));
}

/** wouter's location hook: the route path after `#`, without its query. */
export function useHashPath(): [string, (to: string, options?: { replace?: boolean }) => void] {
  return [useSyncExternalStore(subscribe, currentPath), navigate];
}

/** wouter's search hook: the query inside the hash. */
export function useHashSearch(): string {
  return useSyncExternalStore(subscribe, currentSearch);
}

/** How a route becomes an `href`. */
export const hashHref = (route: string): string => `#${route}`;

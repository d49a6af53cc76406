import type { QueryClient } from '@tanstack/react-query';

// Query keys of the registry pages, on the prefixes the whole app shares (see the UI brief).

export const modelKey = (name: string) => ['registered-model', name] as const;
export const versionKey = (name: string, version: string) => ['model-version', name, version] as const;
export const versionsKey = (name: string, orderBy: string, token: string | undefined) =>
  ['model-versions', name, { orderBy, token }] as const;
export const activeVersionsKey = (name: string, orderBy: string) =>
  ['model-versions', name, { orderBy, active: true }] as const;
// Not under ['model-version', …]: a version's MLmodel never changes, so a stage or alias change
// (which invalidates the version) must not download it again.
export const mlmodelKey = (name: string, version: string) =>
  ['model-version-artifact', name, version, 'MLmodel'] as const;

/**
 * Marks what a change to model `name` may have touched as stale; the queries on screen refetch at
 * once. With `versions`, all its versions are included: moving an alias or archiving versions on a
 * stage transition changes versions other than the one edited.
 */
export async function invalidateModel(
  queryClient: QueryClient,
  name: string,
  { versions }: { versions: boolean },
): Promise<void> {
  const keys: readonly (readonly unknown[])[] = [
    ['registered-models'],
    modelKey(name),
    ...(versions
      ? [
          ['model-versions', name],
          ['model-version', name],
        ]
      : []),
  ];
  await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/**
 * After a delete: marks the deleted things stale without refetching them (the page showing them
 * is being left, and a refetch would only find them gone), and the lists that held them.
 */
export function forgetDeleted(queryClient: QueryClient, keys: readonly (readonly unknown[])[]): void {
  for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey, refetchType: 'none' });
  void queryClient.invalidateQueries({ queryKey: ['registered-models'] });
}

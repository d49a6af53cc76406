import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, errorMessage } from '../../api.js';

/** Deletes or restores are sent a few at a time: MLflow has no bulk call, and 100 at once would flood the server. */
const CONCURRENCY = 4;

export type LifecycleAction = 'delete' | 'restore';

/** Runs `work` over `items`, at most `limit` at a time; returns the items whose work failed, with why. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<{ item: T; error: unknown }[]> {
  const failed: { item: T; error: unknown }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failed.push({ item, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return failed;
}

/**
 * Deletes (`runs/delete`) or restores (`runs/restore`) the given runs, one request per run, then
 * refreshes every runs list of the experiment and the runs' own pages. `onDone` hears which runs
 * changed, so the selection can drop them; when some fail, the mutation fails with their reason.
 */
export function useRunLifecycle(experimentId: string, onDone: (runIds: readonly string[]) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ action, runIds }: { action: LifecycleAction; runIds: readonly string[] }) => {
      const call = action === 'delete' ? api.runs.deleteRun : api.runs.restoreRun;
      const failed = await eachLimited(runIds, CONCURRENCY, (id) => call.call(api.runs, id));
      const failedIds = new Set(failed.map((f) => f.item));
      const done = runIds.filter((id) => !failedIds.has(id));
      onDone(done);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['runs', experimentId] }),
        ...done.map((id) => queryClient.invalidateQueries({ queryKey: ['run', id] })),
      ]);
      const first = failed[0];
      if (first)
        throw new Error(
          `Could not ${action} ${failed.length} of ${runIds.length} runs: ${errorMessage(first.error)}`,
        );
      return done.length;
    },
  });
}

import { useState } from 'react';
import type { ModelVersion } from '../../../../src/client/registry-client.js';
import { links } from '../../links.js';

/** The compare page shows at most this many versions (one MLmodel download each). */
export const MAX_COMPARED_VERSIONS = 10;

/** Checked versions of the versions table: version number → its run id ('' without one). */
export type Selection = ReadonlyMap<string, string>;

/** Row checkboxes' state; it survives paging, sorting and filtering. */
export function useVersionSelection() {
  const [selected, setSelected] = useState<Selection>(new Map());
  const toggle = (versions: readonly ModelVersion[], on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      for (const v of versions) {
        if (on) next.set(v.version, v.run_id ?? '');
        else next.delete(v.version);
      }
      return next;
    });
  return { selected, toggle };
}

/** Why the selection cannot be compared, or undefined when it can (with its compare link). */
export function compareTarget(
  name: string,
  selected: Selection,
): { href: string; blocked: undefined } | { href: undefined; blocked: string } {
  const chosen = [...selected].sort(([a], [b]) => Number(a) - Number(b));
  if (chosen.length < 2) return { href: undefined, blocked: 'Select two or more versions to compare them.' };
  if (chosen.length > MAX_COMPARED_VERSIONS)
    return { href: undefined, blocked: `Up to ${MAX_COMPARED_VERSIONS} versions can be compared at once.` };
  // MLflow's compare link maps run id → version, so it holds one version per run.
  const byRun = new Map<string, string[]>();
  for (const [version, runId] of chosen) byRun.set(runId, [...(byRun.get(runId) ?? []), version]);
  const shared = [...byRun].find(([, versions]) => versions.length > 1);
  if (shared) {
    const [runId, versions] = shared;
    const why = runId === '' ? 'have no source run' : 'come from the same run';
    return { href: undefined, blocked: `Versions ${versions.join(' and ')} ${why}; pick one of them.` };
  }
  return {
    href: links.compareModelVersions(
      name,
      chosen.map(([version, runId]) => ({ runId, version })),
    ),
    blocked: undefined,
  };
}

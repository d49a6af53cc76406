import { useMemo } from 'react';

/**
 * A route param exactly as `links.model` / `links.modelVersion` encoded it.
 *
 * wouter hands params through `decodeURI`, which decodes `%20` and `%25` but keeps `%2F`, `%3F`,
 * `%23`… encoded, so a model named `a/b` arrives as `a%2Fb`, the same as one literally named
 * `a%2Fb`. The raw hash still holds the segment as it was encoded; decoding that with
 * `decodeURIComponent` gives the name back for every name. The raw segment is used only when it is
 * the one wouter matched (its `decodeURI` equals the param).
 *
 * Worked out once per param: the hash is read when the param changes (the param comes from it),
 * and not again while the page is being left for another route, whose hash has no such segment.
 *
 * @example useExactParam(name, 2) // for `#/models/a%2Fb` → 'a/b'
 */
export function useExactParam(param: string, segmentIndex: number): string {
  return useMemo(() => exactSegment(window.location.hash, segmentIndex, param), [param, segmentIndex]);
}

function exactSegment(hash: string, segmentIndex: number, param: string): string {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  const raw = path.split('/')[segmentIndex];
  if (raw === undefined || safeDecode(decodeURI, raw) !== param) return param;
  return safeDecode(decodeURIComponent, raw) ?? param;
}

function safeDecode(decode: (text: string) => string, text: string): string | undefined {
  try {
    return decode(text);
  } catch {
    return undefined;
  }
}

/** Segment positions in `/models/:name/versions/:version`. */
export const NAME_SEGMENT = 2;
export const VERSION_SEGMENT = 4;

/** A run id short enough for a table cell (MLflow's ids are 32 hex digits). */
export const shortRunId = (runId: string): string => runId.slice(0, 8);

import type { DataFrame } from './data-frame.js';

// apache-arrow costs ~90 ms to import; scoring servers that never see an Arrow body should not pay it
// at start-up, so these load it on first use.

/**
 * Reads an Arrow IPC stream (or file) into a frame.
 *
 * @example const frame = await frameFromArrowIpc(body);
 */
export async function frameFromArrowIpc(bytes: Uint8Array): Promise<DataFrame> {
  const [{ tableFromIPC }, { frameFromArrow }] = await Promise.all([
    import('apache-arrow'),
    import('./arrow.js'),
  ]);
  return frameFromArrow(tableFromIPC(bytes));
}

/**
 * Writes a frame as an Arrow IPC stream.
 *
 * @example const body = await frameToArrowIpc(frame);
 */
export async function frameToArrowIpc(frame: DataFrame): Promise<Uint8Array> {
  const [{ tableToIPC }, { frameToArrow }] = await Promise.all([
    import('apache-arrow'),
    import('./arrow.js'),
  ]);
  return tableToIPC(frameToArrow(frame), 'stream');
}

/**
 * True for an apache-arrow Table, judged by shape so that the check itself loads nothing.
 *
 * @example looksLikeArrowTable(tableFromArrays({ x: [1] })) // true
 */
export function looksLikeArrowTable(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const t = v as { schema?: { fields?: unknown }; batches?: unknown; numRows?: unknown; getChild?: unknown };
  return (
    Array.isArray(t.schema?.fields) &&
    Array.isArray(t.batches) &&
    typeof t.numRows === 'number' &&
    typeof t.getChild === 'function'
  );
}

/** An Arrow table as a frame, loading the Arrow bridge on first use. */
export async function frameFromArrowTable(table: unknown): Promise<DataFrame> {
  const { frameFromArrow } = await import('./arrow.js');
  return frameFromArrow(table as Parameters<typeof frameFromArrow>[0]);
}

import type { TransferProgress } from '../client/artifact-proxy.js';

/** Where a progress bar draws: a terminal (redrawn in place) or a log (a line per quarter). */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  /** The terminal's width in characters. */
  readonly columns?: number;
}

/** Options of {@link ProgressBar}. */
export interface ProgressBarOptions {
  /** The verb in front of the bar (default `Downloading`). */
  readonly label?: string;
  /** Transfers smaller than this draw nothing (default 1 MiB): only long downloads need a bar. */
  readonly minBytes?: number;
  /** The shortest time between two terminal redraws (default 100 ms). */
  readonly intervalMs?: number;
  /** The clock, in milliseconds. */
  readonly now?: () => number;
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/**
 * Formats a byte count with binary units, as progress bars and `du -h` do.
 *
 * @example formatBytes(1536) // '1.5 KiB'
 */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

/**
 * One line of a progress bar, fitted to `width` columns.
 *
 * @example renderProgressLine('Downloading', { path: 'model.pkl', bytes: 512, totalBytes: 1024 }, 60)
 * // 'Downloading [#####-----]  50% 512 B/1.0 KiB model.pkl'
 */
export function renderProgressLine(label: string, progress: TransferProgress, width: number): string {
  const ratio = progress.totalBytes > 0 ? Math.min(1, progress.bytes / progress.totalBytes) : 0;
  const percent = `${Math.floor(ratio * 100)}%`.padStart(4);
  const sizes = `${formatBytes(progress.bytes)}/${formatBytes(progress.totalBytes)}`;
  // Leave about 20 columns for the file name before growing the bar.
  const spare = width - label.length - percent.length - sizes.length - 26;
  const barWidth = Math.max(10, Math.min(30, spare));
  const filled = Math.round(ratio * barWidth);
  const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${percent} ${sizes}`;
  const room = width - line.length - 1;
  if (room < 4) return line;
  const path = progress.path.length <= room ? progress.path : `…${progress.path.slice(-(room - 1))}`;
  return `${line} ${path}`;
}

/**
 * A TTY-aware progress bar fed by the SDK's {@link ProgressCallback}: on a terminal it redraws one
 * line in place (at most every `intervalMs`), elsewhere it writes a line at each quarter so that
 * logs stay readable; transfers under `minBytes` draw nothing.
 *
 * @example
 * const bar = new ProgressBar(process.stderr);
 * await client.proxy.downloadTree(remote, dir, bar.update);
 * bar.finish();
 */
export class ProgressBar {
  private last: TransferProgress | undefined;
  private drawnAt = -Infinity;
  private quarter = 0;
  private drawn = false;
  private readonly label: string;
  private readonly minBytes: number;
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(
    private readonly stream: ProgressStream,
    options: ProgressBarOptions = {},
  ) {
    this.label = options.label ?? 'Downloading';
    this.minBytes = options.minBytes ?? 1024 * 1024;
    this.intervalMs = options.intervalMs ?? 100;
    this.now = options.now ?? Date.now;
  }

  /** Takes one progress report; pass it as the SDK's `onProgress`. */
  readonly update = (progress: TransferProgress): void => {
    this.last = progress;
    if (progress.totalBytes < this.minBytes) return;
    if (this.stream.isTTY) this.redraw(progress, progress.bytes >= progress.totalBytes);
    else this.logQuarter(progress);
  };

  /** Ends the bar: draws its final state and moves to the next line. */
  finish(): void {
    const last = this.last;
    if (last === undefined || last.totalBytes < this.minBytes) return;
    if (this.stream.isTTY) {
      this.redraw(last, true);
      if (this.drawn) this.stream.write('\n');
      this.drawn = false;
    } else this.logQuarter(last);
  }

  private redraw(progress: TransferProgress, force: boolean): void {
    const now = this.now();
    if (!force && now - this.drawnAt < this.intervalMs) return;
    this.drawnAt = now;
    const width = this.stream.columns ?? 80;
    // \r then erase-to-end-of-line: the new line may be shorter than the one it replaces.
    this.stream.write(`\r${renderProgressLine(this.label, progress, width)}\u001b[K`);
    this.drawn = true;
  }

  private logQuarter(progress: TransferProgress): void {
    const reached = progress.totalBytes > 0 ? Math.floor((progress.bytes / progress.totalBytes) * 4) : 0;
    if (reached <= this.quarter) return;
    this.quarter = Math.min(4, reached);
    this.stream.write(`${renderProgressLine(this.label, progress, 80)}\n`);
  }
}

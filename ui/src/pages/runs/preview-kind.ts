import { baseName } from './artifact-store.js';

/** How the artifact browser shows a file. */
export type PreviewKind = 'text' | 'json' | 'table' | 'image' | 'download';

// Bigger files are offered as a download: the preview reads the whole file into the page.
export const MAX_PREVIEW_BYTES = 2 * 1024 * 1024;

const TEXT_NAMES = new Set(['mlmodel', 'requirements.txt', 'dockerfile', 'license', 'makefile', 'readme']);
const TEXT_EXTENSIONS = new Set([
  'txt',
  'log',
  'py',
  'md',
  'yaml',
  'yml',
  'toml',
  'ini',
  'cfg',
  'conf',
  'sh',
  'r',
  'sql',
  'js',
  'ts',
  'xml',
  'html',
  'htm',
  'ipynb',
  'jsonl',
  'properties',
  'env',
]);
const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp']);

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * The preview for a file, from its name and size. HTML is shown as source: rendering it would
 * need a sandboxed frame, and the download route sends files as attachments.
 *
 * @example previewKind('model/MLmodel', 812) // 'text'
 */
export function previewKind(path: string, size: number | undefined): PreviewKind {
  const name = baseName(path);
  const ext = extensionOf(name);
  if (size !== undefined && size > MAX_PREVIEW_BYTES) return 'download';
  if (IMAGE_EXTENSIONS.has(ext)) return 'image';
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'tsv') return 'table';
  if (TEXT_EXTENSIONS.has(ext) || TEXT_NAMES.has(name.toLowerCase())) return 'text';
  return 'download';
}

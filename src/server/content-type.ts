import { basename, extname } from 'node:path';

// MLflow serves text-like artifacts as text/plain so browsers display them instead of running them.
const TEXT_EXTENSIONS = new Set(
  'txt log err cfg conf cnf cf ini properties prop hocon toml yaml yml xml json js py py3 csv tsv md rst'.split(
    ' ',
  ),
);
const TEXT_NAMES = new Set(['MLmodel', 'MLproject']);
const MIME_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
  bmp: 'image/bmp',
  ico: 'image/vnd.microsoft.icon',
  pdf: 'application/pdf',
  zip: 'application/zip',
  gz: 'application/gzip',
  tar: 'application/x-tar',
  mp4: 'video/mp4',
  wav: 'audio/x-wav',
  mp3: 'audio/mpeg',
};

/**
 * The Content-Type MLflow uses when serving an artifact file.
 *
 * @example artifactContentType('model/MLmodel') // 'text/plain'
 */
export function artifactContentType(path: string): string {
  const name = basename(path);
  if (TEXT_NAMES.has(name)) return 'text/plain';
  const extension = extname(name).slice(1).toLowerCase();
  if (TEXT_EXTENSIONS.has(extension)) return 'text/plain';
  return MIME_TYPES[extension] ?? 'application/octet-stream';
}

/**
 * A `Content-Disposition: attachment` value that is safe for any file name.
 *
 * @example attachmentDisposition('a.txt') // 'attachment; filename=a.txt'
 */
export function attachmentDisposition(path: string): string {
  const name = basename(path);
  if (/^[\w.-]+$/.test(name)) return `attachment; filename=${name}`;
  return `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
}

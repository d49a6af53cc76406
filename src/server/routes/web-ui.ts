import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { respond, type HttpResponse, type Route } from '../http/http-types.js';

/** Where `npm run build:ui` writes the web UI; the same relative place from src/ and from dist/. */
export const PACKAGED_UI_ROOT = fileURLToPath(new URL('../../../dist-ui/', import.meta.url));

const ASSET_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

// The UI renders user-written Markdown and artifact previews; this policy keeps any script that
// slips through from running, and the page from being framed.
const INDEX_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-cache',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
};

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Modeldock</title>
<p>The Modeldock web UI is not built in this checkout. Run <code>npm run build:ui</code> and reload.
The REST API is served under <code>/api/2.0/mlflow/</code>.</p>`;

/** One built file, with the encodings worth sending (compressed once, when the bundle loads). */
interface Asset {
  readonly identity: Buffer;
  readonly br?: Buffer;
  readonly gzip?: Buffer;
}

interface UiBundle {
  readonly index: string | undefined;
  /** Built asset files by name; only these names are ever served, so no path can leave the folder. */
  readonly assets: ReadonlyMap<string, Asset>;
}

// Fonts and images are compressed already; scripts and styles shrink to about a third.
const COMPRESSIBLE = new Set(['.js', '.css', '.svg', '.json']);

// Brotli at quality 9 takes ~50 ms for the 600 KB script, once; 11 would take a second for 7% less.
function compressed(name: string, identity: Buffer): Asset {
  if (!COMPRESSIBLE.has(extname(name)) || identity.byteLength < 1024) return { identity };
  return {
    identity,
    br: brotliCompressSync(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } }),
    gzip: gzipSync(identity, { level: 9 }),
  };
}

async function loadBundle(root: string): Promise<UiBundle> {
  const index = await readFile(join(root, 'index.html'), 'utf8').catch(() => undefined);
  const names = await readdir(join(root, 'static-files')).catch(() => [] as string[]);
  const assets = new Map<string, Asset>();
  for (const name of names)
    assets.set(name, compressed(name, await readFile(join(root, 'static-files', name))));
  return { index, assets };
}

/** The best encoding of `asset` that the request's Accept-Encoding allows. */
function negotiate(asset: Asset, acceptEncoding: string | undefined): { body: Buffer; encoding?: string } {
  const accepted = new Set(
    (acceptEncoding ?? '').split(',').map((e) => e.split(';')[0]?.trim().toLowerCase()),
  );
  if (asset.br && accepted.has('br')) return { body: asset.br, encoding: 'br' };
  if (asset.gzip && accepted.has('gzip')) return { body: asset.gzip, encoding: 'gzip' };
  return { body: asset.identity };
}

/**
 * The web UI: `GET /` answers the app's page and `GET /static-files/<name>` its hashed assets,
 * read once from `root` and kept in memory, with Brotli and gzip forms made once at load (the
 * bundle is a few hundred KB, and about a third of that compressed).
 *
 * @example createApp({ routes: webUiRoutes(PACKAGED_UI_ROOT) });
 */
export function webUiRoutes(root: string): Route[] {
  let bundle: Promise<UiBundle> | undefined;
  const load = () => (bundle ??= loadBundle(root));
  const page = async (): Promise<HttpResponse> => {
    const { index } = await load();
    return respond({ status: 200, headers: INDEX_HEADERS, text: index ?? NOT_BUILT });
  };
  const asset = async (name: string, acceptEncoding: string | undefined): Promise<HttpResponse> => {
    const file = (await load()).assets.get(name);
    if (!file) return respond({ status: 404, text: 'Not found' });
    const { body, encoding } = negotiate(file, acceptEncoding);
    return respond({
      status: 200,
      headers: {
        'content-type': ASSET_TYPES[extname(name)] ?? 'application/octet-stream',
        // Vite puts a content hash in every asset name, so a name never changes meaning.
        'cache-control': 'public, max-age=31536000, immutable',
        'content-length': String(body.byteLength),
        vary: 'accept-encoding',
        ...(encoding ? { 'content-encoding': encoding } : {}),
      },
      stream: Readable.from([body]),
    });
  };
  return [
    { method: 'GET', path: '/', raw: true, handler: page },
    { method: 'GET', path: '/index.html', raw: true, handler: page },
    {
      method: 'GET',
      path: '/static-files/<path>',
      raw: true,
      handler: ({ params, request }) => asset(params.path ?? '', request.headers['accept-encoding']),
    },
  ];
}

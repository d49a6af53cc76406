import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
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

interface UiBundle {
  readonly index: string | undefined;
  /** Built asset files by name; only these names are ever served, so no path can leave the folder. */
  readonly assets: ReadonlyMap<string, Buffer>;
}

async function loadBundle(root: string): Promise<UiBundle> {
  const index = await readFile(join(root, 'index.html'), 'utf8').catch(() => undefined);
  const names = await readdir(join(root, 'static-files')).catch(() => [] as string[]);
  const assets = new Map<string, Buffer>();
  for (const name of names) assets.set(name, await readFile(join(root, 'static-files', name)));
  return { index, assets };
}

/**
 * The web UI: `GET /` answers the app's page and `GET /static-files/<name>` its hashed assets,
 * read once from `root` and kept in memory (the bundle is a few hundred KB).
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
  const asset = async (name: string): Promise<HttpResponse> => {
    const body = (await load()).assets.get(name);
    if (!body) return respond({ status: 404, text: 'Not found' });
    return respond({
      status: 200,
      headers: {
        'content-type': ASSET_TYPES[extname(name)] ?? 'application/octet-stream',
        // Vite puts a content hash in every asset name, so a name never changes meaning.
        'cache-control': 'public, max-age=31536000, immutable',
        'content-length': String(body.byteLength),
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
      handler: ({ params }) => asset(params.path ?? ''),
    },
  ];
}

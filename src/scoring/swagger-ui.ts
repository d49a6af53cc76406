/**
 * `/docs`: Swagger UI over `/openapi.json`, served from the swagger-ui-dist package on this machine
 * (no CDN), so the page works offline and behind firewalls.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type ScoringResponse, textResponse } from './scoring-response.js';

// Only these files are served: a fixed list, so no request path can reach anything else on disk.
const ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Modeldock scoring API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/swagger-ui-standalone-preset.js"></script>
  <script>
    window.ui = SwaggerUIBundle({
      url: '/openapi.json',
      dom_id: '#swagger-ui',
      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
      layout: 'StandaloneLayout',
      tryItOutEnabled: true,
    });
  </script>
</body>
</html>
`;

const cache = new Map<string, Buffer>();

function distDir(): string {
  return dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
}

async function asset(name: string): Promise<Buffer> {
  const cached = cache.get(name);
  if (cached) return cached;
  const bytes = await readFile(join(distDir(), name));
  cache.set(name, bytes);
  return bytes;
}

/**
 * The response for `/docs` (the page) or `/docs/<asset>` (Swagger UI's files).
 *
 * @example await swaggerUiResponse('/docs') // 200 text/html
 */
export async function swaggerUiResponse(path: string): Promise<ScoringResponse> {
  if (path === '/docs' || path === '/docs/')
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: PAGE };
  const name = path.slice('/docs/'.length);
  const type = ASSETS[name];
  if (!type) return textResponse(404, 'Not Found');
  try {
    return {
      status: 200,
      headers: { 'content-type': type, 'cache-control': 'public, max-age=86400' },
      body: await asset(name),
    };
  } catch {
    return textResponse(404, 'Swagger UI is not installed (npm package swagger-ui-dist).');
  }
}

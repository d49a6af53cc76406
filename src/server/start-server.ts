import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from './http/app.js';
import { nodeListener } from './http/node-listener.js';

/**
 * Serves an app on node:http and resolves once it accepts connections (port 0 picks a free port).
 *
 * @example const { server, url } = await startServer(app, { host: '127.0.0.1', port: 0 });
 */
export async function startServer(
  app: App,
  options: { host: string; port: number },
): Promise<{ server: Server; url: string }> {
  const server = createServer(nodeListener(app));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { server, url: `http://${host}:${address.port}` };
}

import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The UI is served by `modeldock server` at `/` with its assets under `/static-files/` (as MLflow's
// UI is), from dist-ui/ at the package root. A relative base keeps it working behind a path prefix.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  // `npm run dev:ui` serves the app with hot reload and forwards API calls to a running
  // `modeldock server` (MODELDOCK_URL, default http://127.0.0.1:5000).
  server: {
    proxy: Object.fromEntries(
      ['/api', '/ajax-api', '/get-artifact', '/model-versions/get-artifact'].map((path) => [
        path,
        process.env.MODELDOCK_URL ?? 'http://127.0.0.1:5000',
      ]),
    ),
  },
  build: {
    outDir: fileURLToPath(new URL('../dist-ui', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'static-files',
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
});

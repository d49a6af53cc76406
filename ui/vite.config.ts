import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The UI is served by `modeldock server` at `/` with its assets under `/static-files/` (as MLflow's
// UI is), from dist-ui/ at the package root. A relative base keeps it working behind a path prefix.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist-ui', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'static-files',
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
});

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = `http://127.0.0.1:${process.env.PORT ?? '3000'}`;

// Dev mode (npm run console:dev): Vite serves the console with hot reload and passes every other request to the API,
// except page loads (Accept: text/html), which get the console's index.html like the API's own SPA fallback.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // The forms import the API's zod schemas through the path aliases of apps/console/tsconfig.json (pure modules only).
  resolve: { tsconfigPaths: true },
  build: { outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)), emptyOutDir: true },
  server: {
    host: '127.0.0.1',
    port: Number(process.env.CONSOLE_DEV_PORT ?? '5173'),
    proxy: {
      '^/(?!@|src/|node_modules/|$)': {
        target: api,
        bypass: (request) => ((request.headers.accept ?? '').includes('text/html') ? '/index.html' : undefined),
      },
    },
  },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bundleSize } from './bundle-size.ts';
import { inlineDocuments } from './inline-documents.ts';

// Where `npm run dev` finds the api (scripts/start.mjs listens on PORT, 3000 by default).
const api = process.env['API_URL'] ?? `http://127.0.0.1:${process.env['PORT'] ?? 3000}`;
const proxied = ['/graphql', '/auth', '/alerts/feeds', '/alerts/unsubscribe', '/unsubscribe', '/calendar'];

export default defineConfig({
  plugins: [inlineDocuments(), react(), bundleSize()],
  // The root package keeps React 18 for the api's GraphiQL page; the client is React 19, from here.
  resolve: { dedupe: ['react', 'react-dom'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The CSP allows no inline script or style: nothing may be inlined as a data: module either.
    assetsInlineLimit: 0,
    // Our own budget (bundle-size.ts) is what counts; Vite's per-chunk warning is not.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    port: Number(process.env['WEB_PORT'] ?? 5173),
    strictPort: true,
    proxy: {
      ...Object.fromEntries(proxied.map((path) => [path, { target: api, changeOrigin: false }])),
      '^/live-chats/[^/]+/event\\.ics$': { target: api, changeOrigin: false },
      '/socket.io': { target: api, ws: true, changeOrigin: false },
    },
  },
});

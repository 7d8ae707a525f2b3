import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { wilayaShapesPlugin } from './build/wilaya-shapes.ts';

const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000';

/** Builds web/ into web/dist (git-ignored), which the gateway serves at /. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), wilayaShapesPlugin()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  // `npm run web:dev`: the graph of `npm start` behind the dev server, same origin.
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/graphql': gateway, '/dev-identity': gateway, '/web-config.json': gateway },
  },
});

/** Vite build of the web console and phone pages: one app, split by route. */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const contracts = fileURLToPath(new URL('../../packages/contracts/src/index.ts', import.meta.url));

export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: {
    // The shared contracts are TypeScript sources in the workspace.
    alias: { '@dangjian/contracts': contracts },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      treeshake: {
        // The TypeBox schemas are only types for the web app: never ship them.
        moduleSideEffects: (id) => !/packages[\\/]contracts[\\/]src[\\/]schemas\.ts$/.test(id) && !/@sinclair[\\/]typebox/.test(id),
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': process.env.DJ_API ?? 'http://127.0.0.1:3000' },
  },
});

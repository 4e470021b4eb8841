/** Vite build of the web console and phone pages: one app, split by route. */
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

/**
 * Writes `.gz` and `.br` beside every built asset, so a static server with pre-compressed files
 * (`@fastify/static` `preCompressed: true`) sends them compressed without compressing per request.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'dangjian-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const dir = path.join(outDir, 'assets');
      if (!fs.existsSync(dir)) return;
      for (const name of fs.readdirSync(dir)) {
        if (!/\.(js|css|svg|json)$/.test(name)) continue;
        const file = path.join(dir, name);
        const body = fs.readFileSync(file);
        if (body.length < 1024) continue;
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

const contracts = fileURLToPath(new URL('../../packages/contracts/src/index.ts', import.meta.url));

export default defineConfig(({ command }) => {
  // A build is always a production build, even when started from a test runner: vitest sets
  // NODE_ENV=test, which would bundle React's development build (+60 KB gzip) and dev JSX.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    base: '/',
    plugins: [react(), precompress()],
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
          // The contracts mix label maps (needed here) with TypeBox schemas (only types for the web
          // app). Building a schema has no side effect, so unused schemas and TypeBox itself drop out.
          manualPureFunctions: ['Type', 'KeyOf', 'DateString', 'Nullable', 'ListOf', 'labels'],
          moduleSideEffects: (id) =>
            !/[\\/]packages[\\/]contracts[\\/]src[\\/]|[\\/]@sinclair[\\/]typebox[\\/]/.test(id),
        },
      },
    },
    server: {
      port: 5173,
      proxy: { '/api': process.env.DJ_API ?? 'http://127.0.0.1:3000' },
    },
  };
});

import { defineConfig } from 'vitest/config';

// Unit and API tests of the server; each API test file runs its body on SQLite and on PostgreSQL.
// Three projects: `fast` answers in a few minutes; `slow` holds the tests that start whole processes (the CLI, the
// crash and supervisor tests); `ha` starts a Patroni cluster and pgbouncer (`npm run test:ha`, skipped by
// scripts/test-ha.mjs when they are not installed). `npm test` runs all three; `npm run test:fast` only the first.
const shared = {
  globalSetup: ['apps/server/test/global-setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: 'forks' as const,
  poolOptions: { forks: { maxForks: 2, minForks: 1 } },
};

export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      {
        test: {
          ...shared,
          name: 'fast',
          include: ['apps/server/src/**/*.test.ts', 'apps/server/test/**/*.test.ts', 'packages/**/*.test.ts'],
          exclude: ['apps/server/test/slow/**', 'apps/server/test/ha/**', '**/node_modules/**'],
        },
      },
      { test: { ...shared, name: 'slow', include: ['apps/server/test/slow/**/*.test.ts'] } },
      // One file at a time: a Patroni cluster is heavy enough on its own.
      {
        test: {
          ...shared,
          name: 'ha',
          include: ['apps/server/test/ha/**/*.test.ts'],
          testTimeout: 300_000,
          poolOptions: { forks: { maxForks: 1, minForks: 1 } },
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

// Unit and API tests of the server; each API test file runs its body on SQLite and on PostgreSQL.
// Two projects: `fast` answers in a few minutes; `slow` holds the tests that start whole processes (the CLI, the
// crash and supervisor tests). `npm test` runs both; `npm run test:fast` only the first.
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
          exclude: ['apps/server/test/slow/**', '**/node_modules/**'],
        },
      },
      { test: { ...shared, name: 'slow', include: ['apps/server/test/slow/**/*.test.ts'] } },
    ],
  },
});

import { defineConfig } from 'vitest/config';

// Unit and API tests of the server; each API test file runs its body on SQLite and on PostgreSQL.
export default defineConfig({
  test: {
    include: ['apps/server/src/**/*.test.ts', 'apps/server/test/**/*.test.ts', 'packages/**/*.test.ts'],
    globalSetup: ['apps/server/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    reporters: ['default'],
  },
});

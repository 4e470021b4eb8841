/**
 * The app survives losing its PostgreSQL connections: every backend of its database terminated (as an administrator,
 * a restart or a failover would) while requests run. The pool's idle clients die with an `error` event that must not
 * end the process; requests caught in the gap answer 503 with Retry-After (never 500), and the app serves again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, openFixture, pgAdminQuery, type Client, type TestEnv } from '../harness.js';

const onPostgres = dialects().includes('postgres');

describe.skipIf(!onPostgres)('lost database connections on postgres', () => {
  let env: TestEnv, county: Client;
  beforeAll(async () => {
    ({ env, county } = await openFixture('postgres', { county: 't-county' }));
  });
  afterAll(() => env.close());

  const terminateAll = () => {
    const name = new URL(env.databaseUrl!).pathname.slice(1);
    // With a timeout, pg_terminate_backend waits until each backend has exited: without it, it only signals, and on
    // a loaded machine backends still dying after the burst failed the requests the test counts as "after the gap".
    return pgAdminQuery(
      `select pg_terminate_backend(pid, 10000) from pg_stat_activity ` +
        `where datname = '${name}' and pid <> pg_backend_pid()`,
    );
  };

  it('keeps serving after every connection is terminated, idle or busy, three times over', async () => {
    for (let round = 0; round < 3; round++) {
      // Fill the pool, then end its connections while a burst of requests is on its way.
      expect((await county.get('/api/members?pageSize=5')).statusCode).toBe(200);
      const burst = Array.from({ length: 12 }, () => county.get('/api/members?pageSize=5'));
      await terminateAll();
      const answers = await Promise.all(burst);
      for (const a of answers) {
        expect([200, 503], `round ${round}: ${a.statusCode} ${a.body.slice(0, 300)}`).toContain(a.statusCode);
        if (a.statusCode === 503) {
          expect(a.headers['retry-after']).toBe('5');
          expect(a.json().error.code).toBe('database_unavailable');
        }
      }
      // The pool opens new connections by itself: the next requests are served.
      const after: number[] = [];
      for (let i = 0; i < 5; i++) after.push((await county.get('/api/members?pageSize=5')).statusCode);
      expect(after.filter((s) => s === 200).length, `round ${round}: ${after.join(' ')}`).toBeGreaterThanOrEqual(4);
    }
  });
});

/**
 * On PostgreSQL the public limits hold across server processes: two apps, each with its own connection pool as two
 * processes would have, on one database, share the per-address counter of a route and the count of different phone
 * numbers one address may ask sign-in codes for. (The process-level test is test/slow/workers.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { openDatabase } from '../../src/db/database.js';
import { createCtx } from '../../src/platform/context.js';
import type { App } from '../../src/platform/http.js';
import { buildFixture, createEnv, dialects, TestClock, type TestEnv } from '../harness.js';

const PER_IP = 5;
const HEADER = { 'x-requested-with': 'dangjian' };

describe.each(dialects().filter((d) => d === 'postgres'))('limits shared by two apps on %s', (dialect) => {
  let env: TestEnv;
  let other: App;
  let closeOther: () => Promise<void>;
  beforeAll(async () => {
    env = await createEnv(dialect, {}, new TestClock(), {
      limits: { publicPerIpPerMinute: PER_IP, codePhonesPerIpPerHour: 3, codePhonesPerIpPerDay: 5 },
    });
    await buildFixture(env);
    const database = openDatabase({ dataDir: env.dataDir, databaseUrl: env.databaseUrl, poolSize: 4 });
    other = await buildApp(createCtx(database, env.ctx.vault, env.ctx.config, env.clock.fn));
    await other.ready();
    closeOther = async () => {
      await other.close();
      await database.close();
    };
  });
  afterAll(async () => {
    await closeOther?.();
    await env?.close();
  });

  const apps = () => [env.app, other];

  it('counts one address on a public route once, whichever app answers', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < PER_IP + 3; i++)
      statuses.push(
        (await apps()[i % 2]!.inject({ method: 'GET', url: '/api/public/places', remoteAddress: '10.9.0.1' }))
          .statusCode,
      );
    expect(
      statuses.filter((s) => s !== 429),
      statuses.join(','),
    ).toHaveLength(PER_IP);
    expect(statuses.slice(PER_IP).every((s) => s === 429)).toBe(true);
  });

  it('refuses the fourth different phone from one address, asked through either app', async () => {
    const code = (app: App, phone: string) =>
      app.inject({
        method: 'POST',
        url: '/api/public/resident/code',
        remoteAddress: '10.9.0.2',
        headers: HEADER,
        payload: { phone },
      });
    expect((await code(env.app, '13700000001')).statusCode).toBe(200);
    expect((await code(other, '13700000002')).statusCode).toBe(200);
    expect((await code(env.app, '13700000003')).statusCode).toBe(200);
    expect((await code(other, '13700000004')).statusCode).toBe(429);
    expect((await code(env.app, '13700000004')).statusCode).toBe(429);
    // Parallel asks through both apps cannot slip past the count.
    const burst = await Promise.all(
      ['13600000001', '13600000002', '13600000003', '13600000004', '13600000005'].map((p, i) =>
        apps()[i % 2]!.inject({
          method: 'POST',
          url: '/api/public/resident/code',
          remoteAddress: '10.9.0.3',
          headers: HEADER,
          payload: { phone: p },
        }),
      ),
    );
    expect(burst.filter((b) => b.statusCode === 200)).toHaveLength(3);
  });
});

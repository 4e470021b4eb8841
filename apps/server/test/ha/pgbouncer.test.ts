/**
 * The app through pgbouncer in transaction mode (deploy/ha/pgbouncer.ini): each transaction may run on another server
 * connection, so any session state kept between statements (session SET, session advisory locks, LISTEN, named
 * prepared statements, temporary tables) would break here. The fixture, sign-in, lists, creates and the audit chain
 * all go through a pgbouncer whose pool is smaller than the app's, under concurrent requests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { verifyAudit } from '../../src/platform/data/audit.js';
import {
  buildFixture,
  type Client,
  createEnv,
  type Fixture,
  signInAll,
  type TestEnv,
  testIdNumber,
} from '../harness.js';
import { freePort } from '../pg-server.js';
import {
  exited,
  missingTools,
  privateDir,
  type Proc,
  signalGroup,
  startProc,
  TOOLS,
  tail,
  waitFor,
} from './cluster.js';

/** pgbouncer's server connections per database and user: fewer than the app's pool of 4. */
const SERVER_POOL = 2;

const missing = !inject('pgUrl') ? 'no PostgreSQL server was started for this run' : missingTools('pgbouncer');
if (missing) console.log(`[ha] pgbouncer test skipped: ${missing}`);

describe.skipIf(!!missing)('the app through pgbouncer in transaction mode', () => {
  let bouncer: Proc | null = null;
  let dir = '';
  let port = 0;
  let env: TestEnv, fx: Fixture, county: Client, townA: Client;

  beforeAll(async () => {
    dir = privateDir('dj-pgbouncer-');
    port = await freePort();
    const target = new URL(inject('pgUrl'));
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    write('userlist.txt', `"${target.username}" ""\n`);
    const ini = write(
      'pgbouncer.ini',
      [
        '[databases]',
        `* = host=${target.hostname} port=${target.port}`,
        '[pgbouncer]',
        'listen_addr = 127.0.0.1',
        `listen_port = ${port}`,
        'unix_socket_dir =',
        'auth_type = trust',
        `auth_file = ${path.join(dir, 'userlist.txt')}`,
        'pool_mode = transaction',
        `default_pool_size = ${SERVER_POOL}`,
        'max_client_conn = 100',
        'query_wait_timeout = 30',
        '',
      ].join('\n'),
    );
    // pgbouncer refuses to run as root; startProc runs it as postgres then, and the folder must be theirs to read.
    fs.chmodSync(dir, 0o755);
    for (const f of ['userlist.txt', 'pgbouncer.ini']) fs.chmodSync(path.join(dir, f), 0o644);
    bouncer = startProc(dir, 'pgbouncer', TOOLS.pgbouncer()!, [ini]);
    const url = (db: string) => `postgres://${target.username}@127.0.0.1:${port}/${db}`;
    await waitFor(`pgbouncer on ${port}\n${tail(bouncer.log)}`, 20_000, async () => {
      const c = new pg.Client({ connectionString: url('postgres') });
      await c.connect();
      await c.end();
      return true;
    });
    env = await createEnv('postgres', {}, undefined, { via: (u) => url(new URL(u).pathname.slice(1)) });
    fx = await buildFixture(env);
    ({ county, townA } = await signInAll(env.app, { county: 't-county', townA: 't-town-a' }));
  }, 120_000);

  afterAll(async () => {
    await env?.close();
    if (bouncer) {
      signalGroup(bouncer, 'SIGKILL');
      await exited(bouncer, 5_000);
    }
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs through pgbouncer, not around it', () => {
    expect(new URL(env.databaseUrl!).port).toBe(String(port));
  });

  it('signs in, lists, creates and writes the audit chain, concurrently, on fewer server connections', async () => {
    const list = await county.get('/api/members?pageSize=5');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().total).toBe(6);
    // Twenty creates at once from two accounts: each is a transaction that locks and extends the audit chain.
    const creates = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? townA : county).post('/api/members', {
          orgId: i % 2 ? fx.villageA1 : fx.villageB1,
          name: `池化${i}`,
          idNumber: testIdNumber(i % 2 ? 'male' : 'female'),
          gender: i % 2 ? 'male' : 'female',
          joinedAt: '2012-07-01',
        }),
      ),
    );
    expect(creates.map((r) => r.statusCode)).toEqual(creates.map(() => 200));
    const renamed = await county.patch(`/api/orgs/${fx.villageB1}`, { name: '西村党支部（池化）' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const after = await county.get(`/api/members?q=${encodeURIComponent('池化')}&pageSize=50`);
    expect(after.json().total).toBe(20);
    expect((await county.get(`/api/orgs/${fx.villageB1}`)).json().name).toBe('西村党支部（池化）');
    const chain = await verifyAudit(env.ctx);
    expect(chain.firstBroken).toBeNull();
    expect(chain.ok).toBe(true);
    expect(chain.checked).toBeGreaterThanOrEqual(21);
  });

  it('multiplexed the app on at most the pool of server connections', async () => {
    const db = new URL(env.databaseUrl!).pathname.slice(1);
    const c = new pg.Client({ connectionString: inject('pgUrl') });
    await c.connect();
    try {
      const r = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [db]);
      expect(r.rows[0].n).toBeGreaterThan(0);
      expect(r.rows[0].n).toBeLessThanOrEqual(SERVER_POOL);
    } finally {
      await c.end();
    }
  });
});

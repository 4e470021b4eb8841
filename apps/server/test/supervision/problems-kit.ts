/** Set-up of the problems' tests: the fixture county, a second township A account, a secretary of 南村 (A2). */
import type { DialectName } from '../../src/db/database.js';
import { hashPassword } from '../../src/platform/crypto.js';
import { type Client, type Fixture, insertUser, login, openFixture, PASSWORD, type TestEnv } from '../harness.js';

/** The accounts the problems' tests act as. */
export interface ProblemsCounty {
  env: TestEnv;
  fx: Fixture;
  county: Client;
  townA: Client;
  /** Another user of township A (a verifier who is not the fixer). */
  townA2: Client;
  townB: Client;
  secA1: Client;
  secA2: Client;
}

/** A fresh database with the fixture and the problems' accounts signed in. */
export async function openProblems(dialect: DialectName): Promise<ProblemsCounty> {
  const base = await openFixture(dialect, {
    county: 't-county',
    townA: 't-town-a',
    townB: 't-town-b',
    secA1: 't-sec-a1',
  });
  const { env, fx } = base;
  const now = env.ctx.clock().toISOString();
  const hash = await hashPassword(PASSWORD);
  const path = async (id: number) =>
    (await env.ctx.db.selectFrom('orgs').select('org_path').where('id', '=', id).executeTakeFirstOrThrow()).org_path;
  const account = async (username: string, role: string, orgId: number) => {
    await insertUser(env.ctx.db, { tenant: fx.county, username, role, orgId, orgPath: await path(orgId), hash, now });
    return login(env.app, username);
  };
  return {
    ...base,
    townA2: await account('t-town-a2', 'township_admin', fx.townA),
    secA2: await account('t-sec-a2', 'branch_secretary', fx.villageA2),
  };
}

/** Records a self-inspection problem of an organization as a client; answers its detail. */
export async function record(
  c: Client,
  orgId: number,
  title = '三会一课记录不全',
  category = 'organization',
  extra: Record<string, unknown> = {},
) {
  const res = await c.post('/api/problems', { orgId, source: 'self_inspection', category, title, ...extra });
  if (res.statusCode !== 200) throw new Error(`record: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** The China day of the test clock. */
export const dayOf = (env: TestEnv) => new Date(env.clock.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

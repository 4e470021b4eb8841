/** Set-up of the transfers' tests: the fixture county, a third township, branch secretaries on both sides. */
import type { DialectName } from '../../src/db/database.js';
import * as orgs from '../../src/areas/core/orgs/orgs.service.js';
import { hashPassword } from '../../src/platform/crypto.js';
import { type Client, type Fixture, insertUser, login, openFixture, PASSWORD, type TestEnv } from '../harness.js';

/** The accounts the transfers' tests act as. */
export interface TransferCounty {
  env: TestEnv;
  fx: Fixture;
  county: Client;
  townA: Client;
  townB: Client;
  townC: Client;
  secA1: Client;
  secA2: Client;
  secB1: Client;
  townC_id: number;
}

/** A fresh database with the fixture, a third township (东山镇) and secretaries of 南村 (A2) and 西村 (B1). */
export async function openTransfers(dialect: DialectName): Promise<TransferCounty> {
  const base = await openFixture(dialect, {
    county: 't-county',
    townA: 't-town-a',
    townB: 't-town-b',
    secA1: 't-sec-a1',
  });
  const { env, fx } = base;
  const now = env.ctx.clock().toISOString();
  const townC_id = (
    await orgs.create(env.ctx, fx.system, {
      parentId: fx.county,
      name: '东山镇党委',
      type: 'committee',
      field: 'rural',
      termStart: '2021-07-01',
      termEnd: '2026-07-01',
    })
  ).id;
  const hash = await hashPassword(PASSWORD);
  const path = async (id: number) =>
    (await env.ctx.db.selectFrom('orgs').select('org_path').where('id', '=', id).executeTakeFirstOrThrow()).org_path;
  const account = async (username: string, role: string, orgId: number) => {
    await insertUser(env.ctx.db, { tenant: fx.county, username, role, orgId, orgPath: await path(orgId), hash, now });
    return login(env.app, username);
  };
  return {
    ...base,
    townC_id,
    townC: await account('t-town-c', 'township_admin', townC_id),
    secA2: await account('t-sec-a2', 'branch_secretary', fx.villageA2),
    secB1: await account('t-sec-b1', 'branch_secretary', fx.villageB1),
  };
}

/** How many live members an organization's subtree holds, as the county reads the roster. */
export async function rosterCount(county: Client, orgId: number): Promise<number> {
  return (await county.get(`/api/members?org=${orgId}&pageSize=1`)).json().total;
}

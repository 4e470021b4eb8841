/** Set-up shared by the residents' test files: the county fixture with its usual accounts signed in. */
import type { DialectName } from '../../src/db/database.js';
import { buildFixture, type Client, createEnv, type Fixture, login, type TestEnv } from '../harness.js';

/** The signed-in accounts of the fixture most residents' tests act as. */
export interface County {
  env: TestEnv;
  fx: Fixture;
  county: Client;
  town: Client;
  townB: Client;
  sec: Client;
  member: Client;
}

/** A fresh database with the fixture county, and the county, township A and B, secretary A1 and member A1 signed in. */
export async function openCounty(dialect: DialectName, options?: Parameters<typeof createEnv>[1]): Promise<County> {
  const env = await createEnv(dialect, options);
  const fx = await buildFixture(env);
  return {
    env,
    fx,
    county: await login(env.app, 't-county'),
    town: await login(env.app, 't-town-a'),
    townB: await login(env.app, 't-town-b'),
    sec: await login(env.app, 't-sec-a1'),
    member: await login(env.app, 't-member-a1'),
  };
}

/** The audit rows of one entity, oldest first. */
export const audits = async (env: TestEnv, entityType: string, id: number) =>
  env.ctx.db
    .selectFrom('audit_log')
    .select(['action', 'changes'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', String(id))
    .orderBy('id')
    .execute();

/** How many households are not deleted. */
export const householdCount = async (env: TestEnv) =>
  Number(
    (
      await env.ctx.db
        .selectFrom('households')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );

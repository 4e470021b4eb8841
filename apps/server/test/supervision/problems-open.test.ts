/**
 * `openProblem`, the entry other modules (inspections, weak organizations …) use, on both databases: a problem of
 * an organization in the caller's subtree opens in state found with its timeline and audit; outside it, 404;
 * a category not in the county's list is refused in words; inside the caller's transaction it rolls back with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProblem } from '../../src/areas/supervision/problems/problems.service.js';
import type { Actor } from '../../src/platform/actor.js';
import type { Ctx } from '../../src/platform/context.js';
import { type Fixture, dialects, openFixture, type TestEnv } from '../harness.js';

/** An actor of a fixture account (what a route hands a service). */
export async function actorOf(env: TestEnv, userId: number): Promise<Actor> {
  const u = await env.ctx.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name ?? u.username,
    role: u.role as Actor['role'],
    tenantId: u.tenant_id,
    orgId: u.org_id,
    orgPath: u.org_path,
    memberId: u.member_id,
    locale: 'zh-CN',
    ip: null,
  };
}

describe.each(dialects())('openProblem on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let townA: Actor;
  beforeAll(async () => {
    ({ env, fx } = await openFixture(dialect));
    townA = await actorOf(env, fx.users.townA.id);
  });
  afterAll(() => env.close());

  it('opens a problem in the subtree: found, timeline, audit', async () => {
    const { id } = await openProblem(env.ctx, townA, {
      orgId: fx.villageA1,
      source: 'inspection',
      sourceRef: 'inspection_finding:12',
      category: 'organization',
      title: '三会一课记录不全',
      description: '2026年第一季度党小组会无记录',
    });
    const row = await env.ctx.db.selectFrom('problems').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'found',
      org_id: fx.villageA1,
      source: 'inspection',
      source_ref: 'inspection_finding:12',
      category: 'organization',
      title: '三会一课记录不全',
      found_on: '2026-06-15',
    });
    const events = await env.ctx.db
      .selectFrom('timeline_events')
      .select(['action', 'to_state'])
      .where('entity_type', '=', 'problem')
      .where('entity_id', '=', id)
      .execute();
    expect(events).toEqual([{ action: 'found', to_state: 'found' }]);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'problem')
      .where('entity_id', '=', String(id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['problem.open']);
  });

  it('refuses an organization outside the subtree (404) and a category not in the list (in words)', async () => {
    const outside = openProblem(env.ctx, townA, {
      orgId: fx.villageB1,
      source: 'other',
      category: 'conduct',
      title: 'x',
    });
    await expect(outside).rejects.toMatchObject({ code: 'not_found' });
    const bad = openProblem(env.ctx, townA, { orgId: fx.villageA1, source: 'other', category: 'weather', title: 'x' });
    await expect(bad).rejects.toMatchObject({
      code: 'problems.unknown_category',
      details: { fields: [{ field: 'category', code: 'problems.unknown_category' }] },
    });
  });

  it("works inside the caller's transaction and rolls back with it", async () => {
    const before = await count(env.ctx);
    await expect(
      env.ctx.db.transaction().execute(async (trx) => {
        await openProblem({ ...env.ctx, db: trx }, townA, {
          orgId: fx.villageA2,
          source: 'inspection',
          category: 'service',
          title: '便民服务站无人值守',
        });
        expect(await count({ ...env.ctx, db: trx })).toBe(before + 1);
        throw new Error('the inspection fails later');
      }),
    ).rejects.toThrow('the inspection fails later');
    expect(await count(env.ctx)).toBe(before);
  });
});

async function count(ctx: Ctx): Promise<number> {
  const r = await ctx.db
    .selectFrom('problems')
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

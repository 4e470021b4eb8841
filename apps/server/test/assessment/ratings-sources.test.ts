/**
 * The record measure `services_done` of star ratings on both databases: residents' requests closed in the year (up
 * to today), counted at the organization that handled them and added up into each rated organization above it;
 * requests closed in another year, still open, reopened or deleted do not count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valuesOf } from '../../src/areas/assessment/ratings/ratings.sources.js';
import { dialects, type Fixture, openFixture, type TestEnv } from '../harness.js';

describe.each(dialects())('the services_done measure on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  beforeAll(async () => {
    ({ env, fx } = await openFixture(dialect, {}));
    const paths = new Map(
      (await env.ctx.db.selectFrom('orgs').select(['id', 'org_path']).execute()).map((o) => [o.id, o.org_path]),
    );
    let n = 0;
    const request = async (orgId: number, status: string, closedAt: string | null, deletedAt: string | null = null) => {
      const at = '2025-11-01T02:00:00.000Z';
      n++;
      await env.ctx.db
        .insertInto('requests')
        .values({
          tenant_id: fx.county,
          org_id: orgId,
          org_path: paths.get(orgId)!,
          request_no: `2025-${String(n).padStart(5, '0')}`,
          origin_org_id: orgId,
          origin_path: paths.get(orgId)!,
          household_id: null,
          resident_name: '赵大',
          channel: 'reception',
          category: 'infrastructure',
          description: '村口道路破损',
          level: 'studied',
          status,
          accepted_at: at,
          due_at: null,
          owner_member_id: null,
          owner_name: null,
          department: null,
          escalated_at: null,
          closed_at: closedAt,
          result: closedAt ? '已修复' : null,
          rating: null,
          rated_at: null,
          phone_enc: null,
          phone_hash: null,
          phone_masked: null,
          created_by: null,
          created_at: at,
          updated_at: at,
          deleted_at: deletedAt,
        })
        .execute();
    };
    await request(fx.villageA1, 'closed', '2026-03-01T08:00:00.000Z');
    await request(fx.villageA1, 'closed', '2026-06-15T09:30:00.000Z');
    await request(fx.villageA1, 'closed', '2025-12-31T15:59:59.000Z');
    await request(fx.villageA1, 'open', null);
    await request(fx.villageA1, 'reopened', null);
    await request(fx.villageA1, 'closed', '2026-04-01T08:00:00.000Z', '2026-04-02T08:00:00.000Z');
    await request(fx.villageA2, 'closed', '2026-01-01T00:00:00.000Z');
    // Escalated and closed by the township itself.
    await request(fx.townA, 'closed', '2026-04-04T08:00:00.000Z');
    await request(fx.villageB1, 'closed', '2026-02-02T08:00:00.000Z');
  });
  afterAll(() => env?.close());

  it('counts the requests closed this year where they were handled, up the tree', async () => {
    const orgs = await env.ctx.db
      .selectFrom('orgs')
      .select(['id', 'org_path'])
      .where('id', 'in', [fx.villageA1, fx.villageA2, fx.townA, fx.villageB1, fx.county])
      .execute();
    const values = await valuesOf(env.ctx.db, fx.county, orgs, new Set(['services_done']), 2026, '2026-06-15');
    const done = (id: number) => values.get(id)?.services_done;
    expect([done(fx.villageA1), done(fx.villageA2), done(fx.townA), done(fx.villageB1), done(fx.county)]).toEqual([
      2, 1, 4, 1, 5,
    ]);
  });

  it('counts last year apart', async () => {
    const orgs = await env.ctx.db.selectFrom('orgs').select(['id', 'org_path']).where('id', '=', fx.townA).execute();
    const values = await valuesOf(env.ctx.db, fx.county, orgs, new Set(['services_done']), 2025, '2026-06-15');
    expect(values.get(fx.townA)?.services_done).toBe(1);
  });
});

/** The hand-made fixture of the service figures test (residents-figures.test.ts), inserted in the tables. */
import type { Fixture, TestEnv } from '../harness.js';

/** Seven requests, five households, two groups, pairings, visits, wishes and errands, counted by hand in the test. */
export async function seedServiceFigures(env: TestEnv, fx: Fixture): Promise<void> {
  const db = env.ctx.db;
  const path = async (id: number) =>
    (await db.selectFrom('orgs').select('org_path').where('id', '=', id).executeTakeFirstOrThrow()).org_path;
  const P = {
    a1: await path(fx.villageA1),
    a2: await path(fx.villageA2),
    b1: await path(fx.villageB1),
    townB: await path(fx.townB),
  };
  const now = '2026-06-15T02:00:00.000Z';
  const t = fx.county;
  const hh = async (orgId: number, p: string, people: number, poor: boolean, groupId: number | null) =>
    (
      await db
        .insertInto('households')
        .values({
          tenant_id: t,
          org_id: orgId,
          org_path: p,
          address: 'x',
          head_name: '户主',
          tags: poor ? '["lifted_out"]' : '["ordinary"]',
          is_poor: poor ? 1 : 0,
          people,
          group_id: groupId,
          note: null,
          phone_enc: null,
          phone_hash: null,
          phone_masked: null,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const grp = async (orgId: number, p: string) =>
    (
      await db
        .insertInto('household_groups')
        .values({
          tenant_id: t,
          org_id: orgId,
          org_path: p,
          name: '第1联户组',
          leader_kind: 'capable',
          leader_name: '组长',
          leader_member_id: null,
          leader_household_id: null,
          leader_phone_enc: null,
          leader_phone_hash: null,
          leader_phone_masked: null,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const g1 = await grp(fx.villageA1, P.a1);
  const g2 = await grp(fx.villageB1, P.b1);
  const h1 = await hh(fx.villageA1, P.a1, 4, true, g1);
  const h2 = await hh(fx.villageA1, P.a1, 3, false, g1);
  const h3 = await hh(fx.villageA1, P.a1, 2, true, null);
  const h4 = await hh(fx.villageB1, P.b1, 5, false, g2);
  await hh(fx.villageB1, P.b1, 1, false, null);
  const pairing = (household: number, p: string, orgId: number, ended: string | null) => ({
    tenant_id: t,
    org_id: orgId,
    org_path: p,
    household_id: household,
    cadre_member_id: fx.memberIn.county,
    started_on: '2025-01-01',
    ended_on: ended,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  });
  await db
    .insertInto('pairings')
    .values([pairing(h1, P.a1, fx.villageA1, null), pairing(h3, P.a1, fx.villageA1, '2026-01-10')])
    .execute();
  const visit = (household: number, orgId: number, p: string, on: string) => ({
    tenant_id: t,
    org_id: orgId,
    org_path: p,
    household_id: household,
    visitor_member_id: fx.memberIn.county,
    visited_on: on,
    found: '好',
    promised: null,
    request_id: null,
    created_by: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  });
  await db
    .insertInto('visits')
    .values([
      visit(h1, fx.villageA1, P.a1, '2026-03-01'),
      visit(h1, fx.villageA1, P.a1, '2026-05-01'),
      visit(h4, fx.villageB1, P.b1, '2026-04-01'),
      visit(h2, fx.villageA1, P.a1, '2025-11-01'),
    ])
    .execute();
  // Rows written past the service need their own unique acceptance numbers.
  let seq = 0;
  const req = (o: {
    org: number;
    path: string;
    origin?: number;
    originPath?: string;
    level: string;
    channel: string;
    category: string;
    accepted: string;
    due?: string;
    closed?: string;
    rating?: string;
    deleted?: boolean;
    escalations?: number;
  }) => ({
    request_no: `seed-${(seq += 1)}`,
    tenant_id: t,
    org_id: o.org,
    org_path: o.path,
    origin_org_id: o.origin ?? o.org,
    origin_path: o.originPath ?? o.path,
    household_id: null,
    resident_name: null,
    channel: o.channel,
    category: o.category,
    description: 'd',
    level: o.level,
    status: o.closed ? 'closed' : 'open',
    accepted_at: o.accepted,
    due_at: o.due ?? null,
    owner_member_id: null,
    owner_name: null,
    department: null,
    escalations: o.escalations ?? 0,
    escalated_at: null,
    closed_at: o.closed ?? null,
    result: o.closed ? 'ok' : null,
    rating: o.rating ?? null,
    rated_at: null,
    reopened: 0,
    phone_enc: null,
    phone_hash: null,
    phone_masked: null,
    created_by: null,
    created_at: o.accepted,
    updated_at: o.accepted,
    deleted_at: o.deleted ? now : null,
  });
  const A1 = { org: fx.villageA1, path: P.a1 };
  await db
    .insertInto('requests')
    .values([
      req({
        ...A1,
        level: 'on_the_spot',
        channel: 'outreach',
        category: 'livelihood',
        accepted: '2026-03-10T02:00:00.000Z',
        closed: '2026-03-10T03:00:00.000Z',
        rating: 'satisfied',
      }),
      req({
        ...A1,
        level: 'studied',
        channel: 'reception',
        category: 'land',
        accepted: '2026-06-01T02:00:00.000Z',
        due: '2026-06-08T02:00:00.000Z',
      }),
      req({
        ...A1,
        level: 'coordinated',
        channel: 'complaint',
        category: 'dispute',
        accepted: '2026-05-01T02:00:00.000Z',
        due: '2026-05-16T02:00:00.000Z',
        closed: '2026-05-21T02:00:00.000Z',
        rating: 'dissatisfied',
      }),
      req({
        ...A1,
        level: 'on_the_spot',
        channel: 'outreach',
        category: 'livelihood',
        accepted: '2026-03-11T02:00:00.000Z',
        closed: '2026-03-11T03:00:00.000Z',
        deleted: true,
      }),
      // 01:00 on May 1st in China: a May request although its UTC date is April 30th.
      req({
        org: fx.villageA2,
        path: P.a2,
        level: 'on_the_spot',
        channel: 'online',
        category: 'other',
        accepted: '2026-04-30T17:00:00.000Z',
        closed: '2026-04-30T18:00:00.000Z',
        rating: 'fairly_satisfied',
      }),
      req({
        org: fx.villageB1,
        path: P.b1,
        level: 'studied',
        channel: 'hotline',
        category: 'medical',
        accepted: '2026-02-01T02:00:00.000Z',
        due: '2026-02-08T02:00:00.000Z',
        closed: '2026-02-03T02:00:00.000Z',
      }),
      req({
        org: fx.villageB1,
        path: P.b1,
        level: 'on_the_spot',
        channel: 'reception',
        category: 'other',
        accepted: '2025-12-20T02:00:00.000Z',
        closed: '2025-12-20T03:00:00.000Z',
        rating: 'satisfied',
      }),
      req({
        org: fx.townB,
        path: P.townB,
        origin: fx.villageB1,
        originPath: P.b1,
        level: 'studied',
        channel: 'hotline',
        category: 'infrastructure',
        accepted: '2026-06-02T02:00:00.000Z',
        due: '2026-06-09T02:00:00.000Z',
        escalations: 1,
      }),
    ])
    .execute();
  const wish = (
    orgId: number,
    p: string,
    created: string,
    status: string,
    claimed: boolean,
    fulfilled: boolean,
    confirmed: boolean,
  ) => ({
    tenant_id: t,
    org_id: orgId,
    org_path: p,
    kind: 'wish',
    title: 'w',
    description: 'd',
    household_id: null,
    resident_name: null,
    posted_via: 'worker',
    status,
    claimed_by_member_id: claimed ? fx.memberIn.villageA1 : null,
    claimed_at: claimed ? created : null,
    claim_due_at: null,
    fulfilled_at: fulfilled ? created : null,
    fulfil_note: null,
    confirmed_at: confirmed ? created : null,
    phone_enc: null,
    phone_hash: null,
    phone_masked: null,
    created_by: null,
    created_at: created,
    updated_at: created,
    deleted_at: null,
  });
  await db
    .insertInto('wishes')
    .values([
      wish(fx.villageA1, P.a1, '2026-03-01T02:00:00.000Z', 'confirmed', true, true, true),
      wish(fx.villageA1, P.a1, '2026-06-10T02:00:00.000Z', 'open', false, false, false),
      wish(fx.villageB1, P.b1, '2026-05-01T02:00:00.000Z', 'claimed', true, false, false),
    ])
    .execute();
  const errand = (taken: string, status: string) => ({
    tenant_id: t,
    org_id: fx.villageA2,
    org_path: P.a2,
    member_id: fx.memberIn.villageA2,
    household_id: null,
    resident_name: '王大爷',
    card_no: null,
    title: '代办',
    description: null,
    status,
    taken_at: taken,
    done_at: status === 'done' ? taken : null,
    result: null,
    phone_enc: null,
    phone_hash: null,
    phone_masked: null,
    created_by: null,
    created_at: taken,
    updated_at: taken,
    deleted_at: null,
  });
  await db
    .insertInto('errands')
    .values([errand('2026-04-01T02:00:00.000Z', 'done'), errand('2026-06-14T02:00:00.000Z', 'in_progress')])
    .execute();
}

/**
 * Every id a write body names is resolved through the caller's scope (or a named rule that widens it):
 * a table of writes × ids from another village, another township and another county → 404/400, nothing
 * written and nothing of that record in the answer; the same write with an id of the scope succeeds.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as orgs from '../../src/areas/core/orgs/orgs.service.js';
import * as members from '../../src/areas/core/members/members.service.js';
import { systemActor } from '../../src/platform/actor.js';
import { guardPhone } from '../../src/platform/personal.js';
import {
  buildFixture,
  createEnv,
  dialects,
  login,
  testIdNumber,
  type Client,
  type Fixture,
  type TestEnv,
} from '../harness.js';

type Where = 'A2' | 'B' | 'X';
type Kind = 'member' | 'household' | 'org';
interface Case {
  /** The write and the field under test. */
  name: string;
  kind: Kind;
  as: 'sec' | 'town';
  /** An id of the caller's scope: the write succeeds. */
  inScope: () => number;
  /** Ids outside the scope: another village of the township (A2), another township (B), another county (X). */
  out: Where[];
  /** Ids outside the scope that a named rule lets in (the write succeeds). */
  widened?: () => number[];
  /** Builds what the write acts on (outside the count of writes), e.g. a fresh request to transfer. */
  prepare?: (c: Client) => Promise<number>;
  send: (c: Client, id: number, prepared: number) => Promise<LightMyRequestResponse>;
  /** Undoes a successful write so the next one can repeat it. */
  undo?: (c: Client, res: LightMyRequestResponse) => Promise<void>;
}

describe.each(dialects())("references in write bodies are checked against the caller's scope on %s", (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  const c: Record<'sec' | 'town' | 'county', Client> = {} as never;
  const ids = {
    member: {} as Record<Where, number>,
    household: {} as Record<Where, number>,
    org: {} as Record<Where, number>,
  };
  const names = {
    member: {} as Record<Where, string>,
    household: {} as Record<Where, string>,
    org: {} as Record<Where, string>,
  };
  let hhA = 0;
  let hhA1b = 0;
  let requestA = 0;
  let visitA = 0;
  let groupA = 0;
  let meetingA = 0;
  let zone = 0;
  let community = 0;
  let countyOrgan = 0;
  let countyOrganMember = 0;
  let movable = 0;
  let memberToEdit = 0;

  const ok = async (res: Promise<LightMyRequestResponse>) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const insertHousehold = async (tenantId: number, orgId: number, head: string) => {
    const now = env.ctx.clock().toISOString();
    const org = await env.ctx.db
      .selectFrom('orgs')
      .select(['org_path'])
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow();
    const p = guardPhone(env.ctx, null);
    const { id } = await env.ctx.db
      .insertInto('households')
      .values({
        tenant_id: tenantId,
        org_id: orgId,
        org_path: org.org_path,
        address: `${head}家`,
        head_name: head,
        tags: '["subsistence"]',
        is_poor: 1,
        people: 2,
        group_id: null,
        note: null,
        phone_enc: p.phone_enc!,
        phone_hash: p.phone_hash!,
        phone_masked: p.phone_masked!,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  };
  const successes = async () =>
    Number(
      (
        await env.ctx.db
          .selectFrom('audit_log')
          .select((e) => e.fn.countAll<number>().as('n'))
          .where('success', '=', 1)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    env = await createEnv(dialect);
    fx = await buildFixture(env);
    c.sec = await login(env.app, 't-sec-a1');
    c.town = await login(env.app, 't-town-a');
    c.county = await login(env.app, 't-county');

    // Another county (tenant) with a village, a member and a household.
    const now = env.ctx.clock().toISOString();
    const { id: countyX } = await env.ctx.db
      .insertInto('orgs')
      .values({
        tenant_id: 0,
        parent_id: null,
        org_path: '/y/',
        depth: 0,
        name: '外县县委',
        type: 'committee',
        field: null,
        term_start: null,
        term_end: null,
        secretary_member_id: null,
        committee: '[]',
        sort_order: 0,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await env.ctx.db
      .updateTable('orgs')
      .set({ tenant_id: countyX, org_path: `/${countyX}/` })
      .where('id', '=', countyX)
      .execute();
    const sysX = systemActor(countyX, `/${countyX}/`, countyX);
    const townX = (
      await orgs.create(env.ctx, sysX, { parentId: countyX, name: '外县镇党委', type: 'committee', field: 'rural' })
    ).id;
    const villageX = (
      await orgs.create(env.ctx, sysX, { parentId: townX, name: '外县村党支部', type: 'branch', field: 'rural' })
    ).id;
    const memberX = (
      await members.create(env.ctx, sysX, {
        orgId: villageX,
        name: '外县甲',
        idNumber: testIdNumber(),
        gender: 'male',
        joinedAt: '2010-07-01',
      })
    ).id;

    ids.member = { A2: fx.memberIn.villageA2, B: fx.memberIn.villageB1, X: memberX };
    names.member = { A2: '李四', B: '王五', X: '外县甲' };
    ids.household = {
      A2: await insertHousehold(fx.county, fx.villageA2, '南户甲'),
      B: await insertHousehold(fx.county, fx.villageB1, '西户乙'),
      X: await insertHousehold(countyX, villageX, '外县户丙'),
    };
    names.household = { A2: '南户甲', B: '西户乙', X: '外县户丙' };
    ids.org = { A2: fx.villageA2, B: fx.villageB1, X: villageX };
    names.org = { A2: '南村党支部', B: '西村党支部', X: '外县村党支部' };

    hhA = (
      await ok(
        c.sec.post('/api/households', {
          orgId: fx.villageA1,
          address: '东村1号',
          headName: '东户甲',
          tags: ['subsistence'],
        }),
      )
    ).id;
    hhA1b = (
      await ok(
        c.sec.post('/api/households', {
          orgId: fx.villageA1,
          address: '东村2号',
          headName: '东户乙',
          tags: ['ordinary'],
        }),
      )
    ).id;
    requestA = (
      await ok(
        c.sec.post('/api/requests', {
          orgId: fx.villageA1,
          channel: 'reception',
          category: 'infrastructure',
          description: '道路破损',
          level: 'studied',
        }),
      )
    ).id;
    visitA = (
      await ok(
        c.sec.post('/api/visits', {
          householdId: hhA,
          visitorMemberId: fx.memberIn.villageA1,
          visitedOn: '2026-06-10',
          found: '家中整洁',
        }),
      )
    ).id;
    groupA = (
      await ok(
        c.sec.post('/api/household-groups', {
          orgId: fx.villageA1,
          name: '东村一组',
          leaderKind: 'member',
          leaderName: '张三',
          householdIds: [],
        }),
      )
    ).id;
    meetingA = (
      await ok(
        c.sec.post('/api/meetings', {
          orgId: fx.villageA1,
          kind: 'party_lecture',
          topic: '党课',
          heldOn: '2026-06-10',
          startTime: '19:30',
        }),
      )
    ).id;
    community = (
      await ok(
        c.county.post('/api/orgs', { parentId: fx.townA, name: '东街社区党支部', type: 'branch', field: 'community' }),
      )
    ).id;
    zone = (await ok(c.town.post('/api/zones', { orgId: community, name: '一网格' }))).id;
    const organs = (
      await ok(
        c.county.post('/api/orgs', { parentId: fx.county, name: '县直机关工委', type: 'committee', field: 'organ' }),
      )
    ).id;
    countyOrgan = (
      await ok(c.county.post('/api/orgs', { parentId: organs, name: '县水利局党支部', type: 'branch', field: 'organ' }))
    ).id;
    countyOrganMember = (
      await ok(
        c.county.post('/api/members', {
          orgId: countyOrgan,
          name: '县局戊',
          idNumber: testIdNumber(),
          gender: 'male',
          joinedAt: '2005-07-01',
        }),
      )
    ).id;
    movable = (await ok(c.town.post('/api/orgs', { parentId: fx.villageA1, name: '东村第二党小组', type: 'group' })))
      .id;
    memberToEdit = (
      await ok(
        c.sec.post('/api/members', {
          orgId: fx.villageA1,
          name: '东村丁',
          idNumber: testIdNumber(),
          gender: 'male',
          joinedAt: '2012-07-01',
        }),
      )
    ).id;
  });
  afterAll(() => env.close());

  const request = (over: Record<string, unknown>) => ({
    orgId: fx.villageA1,
    channel: 'reception',
    category: 'infrastructure',
    description: '道路破损',
    level: 'studied',
    ...over,
  });
  const freshRequest = async (cl: Client) => (await ok(cl.post('/api/requests', request({})))).id as number;
  const removePairing = async (cl: Client, res: LightMyRequestResponse) =>
    void (await ok(cl.delete(`/api/pairings/${res.json().id}`)));

  const CASES: Case[] = [
    // ---- members named in a body
    {
      name: 'POST /api/requests ownerMemberId',
      kind: 'member',
      as: 'sec',
      inScope: () => fx.memberIn.villageA1,
      out: ['A2', 'B', 'X'],
      send: (cl, id) => cl.post('/api/requests', request({ ownerMemberId: id })),
    },
    {
      name: 'POST /api/requests/:id/assign ownerMemberId',
      kind: 'member',
      as: 'sec',
      inScope: () => fx.memberIn.villageA1,
      out: ['A2', 'B', 'X'],
      send: (cl, id) => cl.post(`/api/requests/${requestA}/assign`, { ownerMemberId: id }),
    },
    {
      name: 'POST /api/visits visitorMemberId',
      kind: 'member',
      as: 'sec',
      inScope: () => fx.memberIn.villageA1,
      out: ['A2', 'B', 'X'],
      widened: () => [fx.memberIn.townA, fx.memberIn.county, countyOrganMember],
      send: (cl, id) =>
        cl.post('/api/visits', { householdId: hhA, visitorMemberId: id, visitedOn: '2026-06-11', found: '了解情况' }),
    },
    {
      name: 'PATCH /api/visits/:id visitorMemberId',
      kind: 'member',
      as: 'sec',
      inScope: () => fx.memberIn.villageA1,
      out: ['A2', 'B', 'X'],
      widened: () => [fx.memberIn.townA],
      send: (cl, id) => cl.patch(`/api/visits/${visitA}`, { visitorMemberId: id }),
    },
    {
      name: 'POST /api/household-groups leaderMemberId',
      kind: 'member',
      as: 'sec',
      inScope: () => fx.memberIn.villageA1,
      out: ['A2', 'B', 'X'],
      send: (cl, id) =>
        cl.post('/api/household-groups', {
          orgId: fx.villageA1,
          name: `组${id}`,
          leaderKind: 'member',
          leaderName: '组长',
          leaderMemberId: id,
          householdIds: [],
        }),
    },
    {
      name: 'PATCH /api/household-groups/:id leaderMemberId',
      kind: 'member',
      as: 'sec',
      inScope: () => fx.memberIn.villageA1,
      out: ['A2', 'B', 'X'],
      send: (cl, id) => cl.patch(`/api/household-groups/${groupA}`, { leaderMemberId: id }),
    },
    {
      name: 'POST /api/meetings lecturerMemberId',
      kind: 'member',
      as: 'sec',
      inScope: () => fx.memberIn.villageA1,
      out: ['A2', 'B', 'X'],
      widened: () => [fx.memberIn.townA],
      send: (cl, id) =>
        cl.post('/api/meetings', {
          orgId: fx.villageA1,
          kind: 'party_lecture',
          topic: '党课',
          heldOn: '2026-06-11',
          startTime: '19:30',
          lecturerMemberId: id,
          lecturerRole: 'leader',
        }),
    },
    {
      name: 'PATCH /api/meetings/:id lecturerMemberId',
      kind: 'member',
      as: 'sec',
      inScope: () => fx.memberIn.villageA1,
      out: ['A2', 'B', 'X'],
      send: (cl, id) => cl.patch(`/api/meetings/${meetingA}`, { lecturerMemberId: id }),
    },
    {
      name: 'PATCH /api/meetings/:id attendance[].memberId',
      kind: 'member',
      as: 'sec',
      inScope: () => fx.memberIn.villageA1,
      out: ['A2', 'B', 'X'],
      send: (cl, id) => cl.patch(`/api/meetings/${meetingA}`, { attendance: [{ memberId: id, status: 'present' }] }),
    },
    {
      name: 'POST /api/errands memberId',
      kind: 'member',
      as: 'sec',
      inScope: () => fx.memberIn.villageA1,
      out: ['A2', 'B', 'X'],
      send: (cl, id) =>
        cl.post('/api/errands', { orgId: fx.villageA1, title: '代办', residentName: '某人', memberId: id }),
    },
    {
      name: 'POST /api/pairings cadreMemberId (widened: any member of the county)',
      kind: 'member',
      as: 'sec',
      inScope: () => fx.memberIn.villageA1,
      out: ['X'],
      widened: () => [fx.memberIn.villageA2, fx.memberIn.villageB1],
      send: (cl, id) => cl.post('/api/pairings', { householdId: hhA, cadreMemberId: id, startedOn: '2026-06-01' }),
      undo: removePairing,
    },
    {
      name: 'POST /api/zones/:id/members memberId',
      kind: 'member',
      as: 'town',
      inScope: () => fx.memberIn.villageA2,
      out: ['B', 'X'],
      widened: () => [fx.memberIn.county, countyOrganMember],
      send: (cl, id) => cl.post(`/api/zones/${zone}/members`, { memberId: id }),
    },
    {
      name: 'PATCH /api/orgs/:id committee[].memberId',
      kind: 'member',
      as: 'town',
      inScope: () => fx.memberIn.villageA1,
      out: ['B', 'X'],
      send: (cl, id) =>
        cl.patch(`/api/orgs/${fx.villageA1}`, { committee: [{ name: '委员', position: '组织委员', memberId: id }] }),
    },
    {
      name: 'POST /api/orgs committee[].memberId',
      kind: 'member',
      as: 'town',
      inScope: () => fx.memberIn.villageA1,
      out: ['B', 'X'],
      send: (cl, id) =>
        cl.post('/api/orgs', {
          parentId: fx.villageA1,
          name: `小组${id}`,
          type: 'group',
          committee: [{ name: '组长', position: '组长', memberId: id }],
        }),
    },
    // ---- households named in a body
    {
      name: 'POST /api/wishes householdId',
      kind: 'household',
      as: 'sec',
      inScope: () => hhA,
      out: ['A2', 'B', 'X'],
      send: (cl, id) =>
        cl.post('/api/wishes', {
          orgId: fx.villageA1,
          kind: 'wish',
          title: '修缮屋顶',
          description: '屋顶漏雨',
          householdId: id,
        }),
    },
    {
      name: 'POST /api/errands householdId',
      kind: 'household',
      as: 'sec',
      inScope: () => hhA,
      out: ['A2', 'B', 'X'],
      send: (cl, id) =>
        cl.post('/api/errands', {
          orgId: fx.villageA1,
          title: '代办',
          residentName: '某人',
          memberId: fx.memberIn.villageA1,
          householdId: id,
        }),
    },
    {
      name: 'POST /api/requests householdId',
      kind: 'household',
      as: 'sec',
      inScope: () => hhA,
      out: ['A2', 'B', 'X'],
      send: (cl, id) => cl.post('/api/requests', request({ householdId: id })),
    },
    {
      name: 'POST /api/visits householdId',
      kind: 'household',
      as: 'sec',
      inScope: () => hhA,
      out: ['A2', 'B', 'X'],
      send: (cl, id) =>
        cl.post('/api/visits', {
          householdId: id,
          visitorMemberId: fx.memberIn.villageA1,
          visitedOn: '2026-06-11',
          found: '了解情况',
        }),
    },
    {
      name: 'POST /api/pairings householdId',
      kind: 'household',
      as: 'sec',
      inScope: () => hhA,
      out: ['A2', 'B', 'X'],
      send: (cl, id) =>
        cl.post('/api/pairings', { householdId: id, cadreMemberId: fx.memberIn.villageA1, startedOn: '2026-06-01' }),
      undo: removePairing,
    },
    {
      name: 'POST /api/household-groups householdIds[]',
      kind: 'household',
      as: 'sec',
      inScope: () => hhA1b,
      out: ['A2', 'B', 'X'],
      send: (cl, id) =>
        cl.post('/api/household-groups', {
          orgId: fx.villageA1,
          name: `户组${id}`,
          leaderKind: 'capable',
          leaderName: '组长',
          householdIds: [id],
        }),
      undo: async (cl, res) => void (await ok(cl.delete(`/api/household-groups/${res.json().id}`))),
    },
    // ---- organizations named in a body
    {
      name: 'POST /api/requests orgId',
      kind: 'org',
      as: 'sec',
      inScope: () => fx.villageA1,
      out: ['A2', 'B', 'X'],
      send: (cl, id) => cl.post('/api/requests', request({ orgId: id })),
    },
    {
      name: 'POST /api/requests/:id/transfer toOrgId',
      kind: 'org',
      as: 'sec',
      inScope: () => fx.villageA1,
      out: ['A2', 'B', 'X'],
      widened: () => [fx.townA, countyOrgan],
      prepare: freshRequest,
      send: (cl, id, r) => cl.post(`/api/requests/${r}/transfer`, { toOrgId: id, note: '请协助' }),
    },
    {
      name: 'POST /api/wishes orgId',
      kind: 'org',
      as: 'sec',
      inScope: () => fx.villageA1,
      out: ['A2', 'B', 'X'],
      send: (cl, id) => cl.post('/api/wishes', { orgId: id, kind: 'wish', title: '修缮屋顶', description: '屋顶漏雨' }),
    },
    {
      name: 'POST /api/errands orgId',
      kind: 'org',
      as: 'sec',
      inScope: () => fx.villageA1,
      out: ['A2', 'B', 'X'],
      send: (cl, id) =>
        cl.post('/api/errands', { orgId: id, title: '代办', residentName: '某人', memberId: fx.memberIn.villageA1 }),
    },
    {
      name: 'POST /api/households orgId',
      kind: 'org',
      as: 'sec',
      inScope: () => fx.villageA1,
      out: ['A2', 'B', 'X'],
      send: (cl, id) => cl.post('/api/households', { orgId: id, address: '新址', headName: '新户', tags: [] }),
    },
    {
      name: 'PATCH /api/households/:id orgId',
      kind: 'org',
      as: 'sec',
      inScope: () => fx.villageA1,
      out: ['A2', 'B', 'X'],
      send: (cl, id) => cl.patch(`/api/households/${hhA1b}`, { orgId: id }),
    },
    {
      name: 'POST /api/household-groups orgId',
      kind: 'org',
      as: 'sec',
      inScope: () => fx.villageA1,
      out: ['A2', 'B', 'X'],
      send: (cl, id) =>
        cl.post('/api/household-groups', {
          orgId: id,
          name: `组织${id}`,
          leaderKind: 'capable',
          leaderName: '组长',
          householdIds: [],
        }),
    },
    {
      name: 'POST /api/meetings orgId',
      kind: 'org',
      as: 'sec',
      inScope: () => fx.villageA1,
      out: ['A2', 'B', 'X'],
      send: (cl, id) =>
        cl.post('/api/meetings', {
          orgId: id,
          kind: 'committee_meeting',
          topic: '研究工作',
          heldOn: '2026-06-11',
          startTime: '19:30',
        }),
    },
    {
      name: 'POST /api/members orgId',
      kind: 'org',
      as: 'sec',
      inScope: () => fx.villageA1,
      out: ['A2', 'B', 'X'],
      send: (cl, id) =>
        cl.post('/api/members', {
          orgId: id,
          name: '新党员',
          idNumber: testIdNumber(),
          gender: 'male',
          joinedAt: '2010-07-01',
        }),
    },
    {
      name: 'PATCH /api/members/:id orgId',
      kind: 'org',
      as: 'sec',
      inScope: () => fx.villageA1,
      out: ['A2', 'B', 'X'],
      send: (cl, id) => cl.patch(`/api/members/${memberToEdit}`, { orgId: id }),
    },
    {
      name: 'POST /api/evaluations orgId',
      kind: 'org',
      as: 'town',
      inScope: () => fx.villageA2,
      out: ['B', 'X'],
      send: (cl, id) =>
        cl.post('/api/evaluations', {
          orgId: id,
          kind: 'year_end_org',
          period: '2026',
          grade: 'good',
          evaluatorName: '东乡镇党委',
        }),
    },
    {
      name: 'POST /api/zones orgId',
      kind: 'org',
      as: 'town',
      inScope: () => community,
      out: ['B', 'X'],
      send: (cl, id) => cl.post('/api/zones', { orgId: id, name: '二网格' }),
    },
    {
      name: 'POST /api/orgs parentId',
      kind: 'org',
      as: 'town',
      inScope: () => fx.villageA2,
      out: ['B', 'X'],
      send: (cl, id) => cl.post('/api/orgs', { parentId: id, name: `新小组${id}`, type: 'group' }),
    },
    {
      name: 'POST /api/orgs/:id/move parentId',
      kind: 'org',
      as: 'town',
      inScope: () => fx.villageA2,
      out: ['B', 'X'],
      send: (cl, id) => cl.post(`/api/orgs/${movable}/move`, { parentId: id }),
    },
  ];

  it.each(CASES.map((k) => [k.name, k] as const))(
    '%s: an id outside the scope is a 404/400 with nothing written and nothing shown',
    async (_name, k) => {
      for (const where of k.out) {
        const id = ids[k.kind][where];
        const prepared = (await k.prepare?.(c[k.as])) ?? 0;
        const before = await successes();
        const res = await k.send(c[k.as], id, prepared);
        expect([400, 404], `${k.name} with ${k.kind} of ${where}: ${res.statusCode} ${res.body}`).toContain(
          res.statusCode,
        );
        expect(res.json().error.code).toBeTruthy();
        expect(res.body).not.toContain(names[k.kind][where]);
        expect(await successes(), `${k.name} with ${k.kind} of ${where} wrote something`).toBe(before);
      }
    },
  );

  it.each(CASES.map((k) => [k.name, k] as const))(
    '%s: an id of the scope (or of the rule that widens it) succeeds',
    async (_name, k) => {
      for (const id of [k.inScope(), ...(k.widened?.() ?? [])]) {
        const res = await k.send(c[k.as], id, (await k.prepare?.(c[k.as])) ?? 0);
        expect(res.statusCode, `${k.name} with ${id}: ${res.body}`).toBe(200);
        await k.undo?.(c[k.as], res);
      }
    },
  );

  it("a meeting of a party group lists only members of its own branch, never another tenant's", async () => {
    const m = await ok(
      c.sec.post('/api/meetings', {
        orgId: fx.groupA1,
        kind: 'group_meeting',
        topic: '小组会',
        heldOn: '2026-06-11',
        startTime: '19:30',
        attendance: [{ memberId: fx.memberIn.villageA1, status: 'present' }],
      }),
    );
    expect(m.attendance.map((a: { memberId: number }) => a.memberId)).toEqual([fx.memberIn.villageA1]);
    for (const where of ['A2', 'B', 'X'] as const) {
      const res = await c.sec.patch(`/api/meetings/${m.id}`, {
        attendance: [{ memberId: ids.member[where], status: 'present' }],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('meetings.not_attendee');
    }
  });
});

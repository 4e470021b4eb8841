/** The shared set-up of the references-scope tests: three counties of data and the ids each write names. */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as orgs from '../../src/areas/core/orgs/orgs.service.js';
import * as members from '../../src/areas/core/members/members.service.js';
import type { DialectName } from '../../src/db/database.js';
import {
  buildFixture,
  createEnv,
  insertCounty,
  login,
  testIdNumber,
  type Client,
  type Fixture,
  type TestEnv,
} from '../harness.js';
import { insertHousehold as insertHouseholdRow } from '../residents/fixtures.js';

export type Where = 'A2' | 'B' | 'X';
export type Kind = 'member' | 'household' | 'org';
export interface Case {
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

/** Registers the set-up hooks of one dialect; the ids it makes are read through the returned getters. */
export function referencesEnv(dialect: DialectName) {
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
  /** A poor household of two on subsistence, inserted straight into the database. */
  const insertHousehold = (tenantId: number, orgId: number, head: string) =>
    insertHouseholdRow(env, tenantId, orgId, head, undefined, { tags: '["subsistence"]', is_poor: 1, people: 2 });
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
    const { id: countyX, system: sysX } = await insertCounty(env.ctx.db, '外县县委', now);
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
  return {
    get env() {
      return env;
    },
    get fx() {
      return fx;
    },
    get hhA() {
      return hhA;
    },
    get hhA1b() {
      return hhA1b;
    },
    get requestA() {
      return requestA;
    },
    get visitA() {
      return visitA;
    },
    get groupA() {
      return groupA;
    },
    get meetingA() {
      return meetingA;
    },
    get zone() {
      return zone;
    },
    get community() {
      return community;
    },
    get countyOrgan() {
      return countyOrgan;
    },
    get countyOrganMember() {
      return countyOrganMember;
    },
    get movable() {
      return movable;
    },
    get memberToEdit() {
      return memberToEdit;
    },
    c,
    ids,
    names,
    ok,
    insertHousehold,
    successes,
    request,
    freshRequest,
    removePairing,
  };
}

/** The two checks every scope case gets: ids outside the scope fail with nothing written or shown; ids in it pass. */
export function scopeCaseTests(rs: ReturnType<typeof referencesEnv>, CASES: Case[]) {
  const { c, ids, names, successes } = rs;
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
}

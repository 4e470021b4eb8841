/**
 * The permission table, continued: lists over the whole scope, the other scoped endpoints, the separation of
 * the three administrators, one's own record and the mass check. See permissions.test.ts.
 */
import { describe, beforeAll, expect, it } from 'vitest';
import { dialects, type Fixture } from '../harness.js';
import { permissionEnv } from './permission-env.js';
import {
  ACTORS,
  FORBIDDEN,
  NOT_FOUND,
  OK,
  SCOPE_LISTS,
  SELF,
  SEPARATION,
  actorByName,
  describeOutcome,
  scopeListExpect,
  type OrgKey,
  type Outcome,
} from './permission-oracle.js';

describe.each(dialects())('permissions · lists, scoped endpoints, separation on %s', (dialect) => {
  const pe = permissionEnv(dialect);
  const { as, org, db, orgRow, memberRow, sorted, expectRefused, expectAllInScope } = pe;

  // The recycle-bin lists need a deleted member in every actor's subtree (in one file the table's deletes left them).
  beforeAll(async () => {
    for (const k of ['county', 'townA', 'townB', 'villageA1', 'villageA2', 'villageB1'] as const) {
      const id = await pe.freshMember(org(k));
      const res = await as['t-county'].delete(`/api/members/${id}`);
      expect(res.statusCode, res.body).toBe(200);
    }
  });

  // ---- lists over the whole scope, per role ----
  for (const a of ACTORS) {
    for (const list of SCOPE_LISTS) {
      const want = scopeListExpect(a, list);
      const url = {
        members: '/api/members?pageSize=500',
        bin: '/api/members?deleted=true&pageSize=500',
        orgs: '/api/orgs?pageSize=500',
        tree: '/api/orgs/tree',
        stats: '/api/stats/overview',
      }[list];
      const exactly = want.status === 200 ? `, exactly the ${a.home} subtree` : '';
      it(`${a.username} (${a.role}) · whole scope: GET ${url} → ${describeOutcome(want)}${exactly}`, async () => {
        const res = await as[a.username].get(url);
        if (want.status !== 200) return expectRefused(res, want, [(await orgRow(org('townB'))).name]);
        expect(res.statusCode, res.body).toBe(200);
        const home = org(a.home);
        const body = res.json();
        if (list === 'members') {
          const items: { id: number; orgId: number }[] = body.items;
          expect(sorted(items.map((i) => i.id))).toEqual(await pe.liveMembersUnder(home));
          expect(body.total).toBe(items.length);
          await expectAllInScope(
            items.map((i) => i.orgId),
            a,
            'members',
          );
        } else if (list === 'bin') {
          // The recycle bin: the members deleted by the table above, only those of the subtree.
          const items: { id: number; orgId: number; deletedAt: string | null }[] = body.items;
          const inDb = await db()
            .selectFrom('members')
            .select('id')
            .where('org_path', 'like', `${await pe.pathOf(home)}%`)
            .where('deleted_at', 'is not', null)
            .execute();
          expect(sorted(items.map((i) => i.id))).toEqual(sorted(inDb.map((r) => Number(r.id))));
          expect(items.every((i) => i.deletedAt !== null)).toBe(true);
          await expectAllInScope(
            items.map((i) => i.orgId),
            a,
            'recycle bin',
          );
        } else if (list === 'orgs') {
          const ids = body.items.map((i: { id: number }) => i.id);
          expect(sorted(ids)).toEqual(await pe.liveOrgsUnder(home));
          await expectAllInScope(ids, a, 'orgs');
        } else if (list === 'tree') {
          expect(body.items.map((i: { id: number }) => i.id)).toEqual([home]);
        } else {
          expect(body.members.total).toBe((await pe.liveMembersUnder(home)).length);
          expect(body.orgs.total).toBe((await pe.liveOrgsUnder(home)).length);
        }
        // No prefix trap outside the subtree may show up (the trap ids share the text of the home id).
        const scope = await pe.subtreeIds(home);
        for (const t of pe.traps) {
          if (scope.has(t.orgId)) continue;
          expect(res.body).not.toContain((await orgRow(t.orgId)).name);
          expect(res.body).not.toContain((await memberRow(t.memberId)).name);
        }
      });
    }
  }

  // ---- other scoped endpoints: export, statistics, reveal, recycle bin of a subtree ----
  const OTHER_SCOPED: {
    who: string;
    method: 'GET' | 'POST';
    url: (f: Fixture) => string;
    label: string;
    body?: unknown;
    expect: Outcome;
    target: OrgKey;
  }[] = [
    {
      who: 't-town-a',
      method: 'GET',
      label: 'GET /api/members/export?org=villageA1',
      url: (f) => `/api/members/export?org=${f.villageA1}`,
      expect: OK,
      target: 'villageA1',
    },
    {
      who: 't-town-a',
      method: 'GET',
      label: 'GET /api/members/export?org=villageB1',
      url: (f) => `/api/members/export?org=${f.villageB1}`,
      expect: NOT_FOUND,
      target: 'villageB1',
    },
    {
      who: 't-sec-a1',
      method: 'GET',
      label: 'GET /api/members/export?org=villageA2',
      url: (f) => `/api/members/export?org=${f.villageA2}`,
      expect: NOT_FOUND,
      target: 'villageA2',
    },
    {
      who: 't-town-a',
      method: 'GET',
      label: 'GET /api/stats/overview?org=villageA1',
      url: (f) => `/api/stats/overview?org=${f.villageA1}`,
      expect: OK,
      target: 'villageA1',
    },
    {
      who: 't-town-a',
      method: 'GET',
      label: 'GET /api/stats/overview?org=townB',
      url: (f) => `/api/stats/overview?org=${f.townB}`,
      expect: NOT_FOUND,
      target: 'townB',
    },
    {
      who: 't-sec-a1',
      method: 'GET',
      label: 'GET /api/stats/overview?org=townA',
      url: (f) => `/api/stats/overview?org=${f.townA}`,
      expect: NOT_FOUND,
      target: 'townA',
    },
    {
      who: 't-town-a',
      method: 'GET',
      label: 'GET /api/members?deleted=true&org=villageB1',
      url: (f) => `/api/members?deleted=true&org=${f.villageB1}`,
      expect: NOT_FOUND,
      target: 'villageB1',
    },
    {
      who: 't-sec-a1',
      method: 'POST',
      label: 'POST /api/members/:id/reveal (member of villageA1)',
      url: (f) => `/api/members/${f.memberIn.villageA1}/reveal`,
      body: { fields: ['phone'] },
      expect: OK,
      target: 'villageA1',
    },
    {
      who: 't-sec-a1',
      method: 'POST',
      label: 'POST /api/members/:id/reveal (member of villageB1)',
      url: (f) => `/api/members/${f.memberIn.villageB1}/reveal`,
      body: { fields: ['phone'] },
      expect: NOT_FOUND,
      target: 'villageB1',
    },
    {
      who: 't-town-a',
      method: 'POST',
      label: 'POST /api/members/:id/reveal (no members.reveal)',
      url: (f) => `/api/members/${f.memberIn.villageA1}/reveal`,
      body: { fields: ['phone'] },
      expect: { status: 403, code: 'members.reveal_denied' },
      target: 'villageA1',
    },
    {
      who: 't-member-a1',
      method: 'POST',
      label: 'POST /api/members/:id/reveal (own record)',
      url: (f) => `/api/members/${f.memberIn.villageA1}/reveal`,
      body: { fields: ['phone'] },
      expect: FORBIDDEN,
      target: 'villageA1',
    },
  ];
  for (const o of OTHER_SCOPED) {
    it(`${o.who} (${actorByName(o.who).role}) · ${o.label} → ${describeOutcome(o.expect)}`, async () => {
      const res = o.method === 'GET' ? await as[o.who].get(o.url(pe.fx)) : await as[o.who].post(o.url(pe.fx), o.body);
      const phones = await db()
        .selectFrom('members')
        .select('phone_masked')
        .where('org_id', '=', org(o.target))
        .execute();
      if (o.expect.status !== 200)
        return expectRefused(res, o.expect, [
          (await orgRow(org(o.target))).name,
          ...phones.map((p) => p.phone_masked!).filter(Boolean),
        ]);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      if (o.url(pe.fx).includes('/export')) expect(res.headers['content-type']).toContain('spreadsheetml');
      else if (o.url(pe.fx).includes('/stats/'))
        expect(res.json().members.total).toBe((await pe.liveMembersUnder(org(o.target))).length);
      else expect(res.json().phone).toMatch(/^1\d{10}$/);
    });
  }

  // ---- three-administrator separation ----
  for (const s of SEPARATION) {
    const a = actorByName(s.who);
    it(`${s.who} (${a.role}) · separation: GET ${s.url} → ${describeOutcome(s.expect)} (${s.why})`, async () => {
      const res = await as[s.who].get(s.url);
      expectRefused(res, s.expect, [
        (await memberRow(pe.fx.memberIn.villageA1)).name,
        (await orgRow(pe.fx.townA)).name,
      ]);
    });
  }

  // ---- one's own record ----
  for (const s of SELF) {
    const a = actorByName(s.who);
    it(`${s.who} (${a.role}) · self: GET /api/me/member → ${describeOutcome(s.expect)}`, async () => {
      const res = await as[s.who].get('/api/me/member');
      if (s.expect.status !== 200) return expectRefused(res, s.expect, []);
      expect(res.statusCode, res.body).toBe(200);
      const m = await memberRow(pe.fx.memberIn.villageA1);
      expect(res.json()).toMatchObject({ id: pe.fx.memberIn.villageA1, orgId: pe.fx.villageA1, name: m.name });
    });
  }

  // ---- the scoped mass check of the brief ----
  it('t-town-a · mass check: all 500-row pages of members and orgs stay in township A (no prefix trap)', async () => {
    const c = as['t-town-a'];
    const townA = await pe.subtreeIds(pe.fx.townA);
    const trap = pe.traps.find((t) => t.mimics === 'townA')!;
    expect(townA.has(trap.orgId)).toBe(false);

    const members = (await c.get('/api/members?pageSize=500')).json() as {
      items: { id: number; orgId: number }[];
      total: number;
    };
    expect(members.items.length).toBeGreaterThan(0);
    expect(members.total).toBe(members.items.length);
    expect(members.items.filter((m) => !townA.has(m.orgId))).toEqual([]);
    expect(members.items.map((m) => m.id)).not.toContain(trap.memberId);
    const membersInDb = Number(
      (
        await db()
          .selectFrom('members')
          .select((e) => e.fn.countAll().as('n'))
          .where('org_path', 'like', `${await pe.pathOf(pe.fx.townA)}%`)
          .where('deleted_at', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(members.total).toBe(membersInDb);

    const orgs = (await c.get('/api/orgs?pageSize=500')).json() as { items: { id: number }[]; total: number };
    expect(orgs.items.length).toBeGreaterThan(0);
    expect(orgs.total).toBe(orgs.items.length);
    expect(orgs.items.filter((o) => !townA.has(o.id))).toEqual([]);
    expect(orgs.items.map((o) => o.id)).not.toContain(trap.orgId);
    expect(sorted(orgs.items.map((o) => o.id))).toEqual(await pe.liveOrgsUnder(pe.fx.townA));
  });

  it('t-sec-a1 · mass check: the villageA1 look-alike org in township A is not in the secretary’s lists', async () => {
    const c = as['t-sec-a1'];
    const trap = pe.traps.find((t) => t.mimics === 'villageA1')!;
    const members = (await c.get('/api/members?pageSize=500')).json() as { items: { id: number; orgId: number }[] };
    expect(members.items.length).toBeGreaterThan(0);
    expect(members.items.map((m) => m.id)).not.toContain(trap.memberId);
    expect(members.items.map((m) => m.orgId)).not.toContain(trap.orgId);
    const orgs = (await c.get('/api/orgs?pageSize=500')).json() as { items: { id: number }[] };
    expect(orgs.items.length).toBeGreaterThan(0);
    expect(orgs.items.map((o) => o.id)).not.toContain(trap.orgId);
    expectRefused(await c.get(`/api/members?org=${trap.orgId}`), NOT_FOUND, [(await orgRow(trap.orgId)).name]);
    expectRefused(await c.get(`/api/orgs/${trap.orgId}`), NOT_FOUND, [(await orgRow(trap.orgId)).name]);
    // The township admin, whose subtree does hold it, sees it.
    expect((await as['t-town-a'].get(`/api/orgs/${trap.orgId}`)).statusCode).toBe(200);
  });
});

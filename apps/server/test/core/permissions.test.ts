/**
 * The permission table: every role × organization relation × action × resource, as data.
 *
 * The expected answer of each case follows from three rules written out here, independently of the
 * server's own tables: a capability the role lacks → 403 `forbidden`; a capability held but a target
 * outside the actor's subtree → 404 `not_found` (never 403, never any data); otherwise 200. Every list
 * that answers 200 is compared with the database, row for row, and each row must lie in the actor's
 * subtree (computed here with an `org_path LIKE 'prefix%'` query, not the server's range query).
 * Every refused write is checked to have changed nothing; every allowed one to have changed the row.
 */
import { describe, expect, it } from 'vitest';
import { ROLE_CAPABILITIES, type Role } from '@dangjian/contracts';
import { testIdNumber, dialects } from '../harness.js';
import { permissionEnv } from './permission-env.js';
import {
  CHECKED_CAPABILITIES,
  CHILD_TYPE,
  ORG_TYPE,
  POLICY,
  TABLE,
  orgDeleteTarget,
  type Action,
  type MemberOrgKey,
  type OrgKey,
} from './permission-oracle.js';

describe.each(dialects())('permissions on %s', (dialect) => {
  const pe = permissionEnv(dialect);
  const { as, uniq, org, db, orgRow, memberRow, sorted, expectRefused, expectAllInScope } = pe;

  it('the role table of the contracts grants exactly the capabilities this file expects', () => {
    for (const role of Object.keys(POLICY) as Role[]) {
      for (const cap of CHECKED_CAPABILITIES)
        expect(ROLE_CAPABILITIES[role].includes(cap), `${role} ${cap}`).toBe(POLICY[role].includes(cap));
    }
  });

  it('the prefix traps are in place: an org whose path starts like townA/villageA1 but is not under it', async () => {
    expect(pe.traps).toHaveLength(2);
    for (const t of pe.traps) {
      const p = await pe.pathOf(t.orgId);
      const mimicPath = await pe.pathOf(org(t.mimics));
      expect(p.startsWith(mimicPath.slice(0, -1))).toBe(true);
      expect(p.startsWith(mimicPath)).toBe(false);
    }
  });

  // ---- orgs and members: role × relation × action ----
  // Relations that do not exist for a role (the county root has no parent or sibling; party groups hold no
  // members) are not cases.
  it('leaves out only the relations that cannot exist', () => {
    const na = TABLE.filter((c) => c.na);
    expect(na.every((c) => /parent|sibling|group/.test(c.name))).toBe(true);
    expect(TABLE.length - na.length).toBeGreaterThan(200);
  });
  for (const c of TABLE.filter((x) => !x.na)) {
    it(c.name, async () => {
      const a = c.actor;
      const client = as[a.username];
      const target = org(c.target!);
      const targetName = (await orgRow(target)).name;
      const want = c.expect;

      if (c.resource === 'orgs') {
        switch (c.action as Action<'orgs'>) {
          case 'read': {
            const res = await client.get(`/api/orgs/${target}`);
            if (want.status !== 200) return expectRefused(res, want, [targetName]);
            expect(res.statusCode, res.body).toBe(200);
            const body = res.json();
            expect(body.id).toBe(target);
            // The breadcrumb starts at the actor's own org: nothing above the scope is named.
            expect(body.path[0].id).toBe(org(a.home));
            await expectAllInScope(
              body.path.map((p: { id: number }) => p.id),
              a,
              'org path',
            );
            return;
          }
          case 'list': {
            const res = await client.get(`/api/orgs?parent=${target}&pageSize=500`);
            if (want.status !== 200) return expectRefused(res, want, [targetName]);
            expect(res.statusCode, res.body).toBe(200);
            const { items, total } = res.json();
            const ids = items.map((i: { id: number }) => i.id);
            expect(sorted(ids)).toEqual(await pe.liveOrgsUnder(target));
            expect(total).toBe(ids.length);
            await expectAllInScope(ids, a, 'orgs list');
            const homeName = (await orgRow(org(a.home))).name;
            for (const i of items) expect(i.pathNames[0]).toBe(homeName);
            return;
          }
          case 'tree': {
            const res = await client.get(`/api/orgs/tree?parent=${target}`);
            if (want.status !== 200) return expectRefused(res, want, [targetName]);
            expect(res.statusCode, res.body).toBe(200);
            const items: { id: number; parentId: number }[] = res.json().items;
            const want_ = await pe.liveChildren(target);
            expect(sorted(items.map((i) => i.id))).toEqual(want_);
            expect(items.every((i) => i.parentId === target)).toBe(true);
            if (want_.length)
              await expectAllInScope(
                items.map((i) => i.id),
                a,
                'org tree',
              );
            return;
          }
          case 'create': {
            const name = uniq('权限测试组织');
            const type = CHILD_TYPE[ORG_TYPE[c.target!]];
            const res = await client.post('/api/orgs', { parentId: target, name, type });
            const made = await db().selectFrom('orgs').selectAll().where('name', '=', name).execute();
            if (want.status !== 200) {
              expectRefused(res, want, [targetName]);
              expect(made).toEqual([]);
              return;
            }
            expect(res.statusCode, res.body).toBe(200);
            expect(res.json()).toMatchObject({ parentId: target, name, type });
            expect(made.map((r) => Number(r.parent_id))).toEqual([target]);
            return;
          }
          case 'update': {
            const before = await orgRow(target);
            const name = uniq('改名组织');
            const res = await client.patch(`/api/orgs/${target}`, { name });
            const after = await orgRow(target);
            if (want.status !== 200) {
              expectRefused(res, want, [targetName]);
              expect(after).toEqual(before);
              return;
            }
            expect(res.statusCode, res.body).toBe(200);
            expect(res.json().name).toBe(name);
            expect(after.name).toBe(name);
            expect((await as['t-county'].patch(`/api/orgs/${target}`, { name: before.name })).statusCode).toBe(200);
            return;
          }
          case 'delete': {
            const t = orgDeleteTarget(a, c.relation)!;
            const id = t.kind === 'existing' ? org(t.org) : await pe.freshOrg(org(t.under));
            const name = (await orgRow(id)).name;
            const res = await client.delete(`/api/orgs/${id}`);
            const after = await orgRow(id);
            if (want.status !== 200) {
              expectRefused(res, want, [name]);
              expect(after.deleted_at).toBeNull();
              return;
            }
            expect(res.statusCode, res.body).toBe(200);
            expect(after.deleted_at).not.toBeNull();
            return;
          }
        }
      } else {
        const memberOf = (k: OrgKey) => pe.fx.memberIn[k as MemberOrgKey];
        switch (c.action as Action<'members'>) {
          case 'read': {
            const id = memberOf(c.target!);
            const m = await memberRow(id);
            const res = await client.get(`/api/members/${id}`);
            if (want.status !== 200) return expectRefused(res, want, [m.name, m.id_number_masked, targetName]);
            expect(res.statusCode, res.body).toBe(200);
            expect(res.json()).toMatchObject({ id, orgId: target, name: m.name });
            expect(res.json().idNumber).toContain('*');
            return;
          }
          case 'list': {
            const res = await client.get(`/api/members?org=${target}&pageSize=500`);
            if (want.status !== 200) return expectRefused(res, want, [targetName]);
            expect(res.statusCode, res.body).toBe(200);
            const { items, total } = res.json() as { items: { id: number; orgId: number }[]; total: number };
            const inDb = await pe.liveMembersUnder(target);
            expect(sorted(items.map((i) => i.id))).toEqual(inDb);
            expect(total).toBe(items.length);
            if (ORG_TYPE[c.target!] === 'group') {
              expect(items).toEqual([]); // a party group holds no members; the point is the 200, not a 404
            } else {
              await expectAllInScope(
                items.map((i) => i.orgId),
                a,
                'members list',
              );
              const under = await pe.subtreeIds(target);
              expect(items.filter((i) => !under.has(i.orgId))).toEqual([]);
            }
            return;
          }
          case 'create': {
            const name = uniq('权限测试党员');
            const res = await client.post('/api/members', {
              orgId: target,
              name,
              idNumber: testIdNumber(),
              gender: 'male',
              joinedAt: '2010-07-01',
            });
            const made = await db().selectFrom('members').selectAll().where('name', '=', name).execute();
            if (want.status !== 200) {
              expectRefused(res, want, [targetName]);
              expect(made).toEqual([]);
              return;
            }
            expect(res.statusCode, res.body).toBe(200);
            expect(res.json()).toMatchObject({ orgId: target, name });
            expect(made.map((r) => Number(r.org_id))).toEqual([target]);
            return;
          }
          case 'update': {
            const id = memberOf(c.target!);
            const before = await memberRow(id);
            const name = uniq('改名党员');
            const res = await client.patch(`/api/members/${id}`, { name });
            const after = await memberRow(id);
            if (want.status !== 200) {
              expectRefused(res, want, [before.name, before.id_number_masked, targetName]);
              expect(after).toEqual(before);
              return;
            }
            expect(res.statusCode, res.body).toBe(200);
            expect(res.json()).toMatchObject({ id, name, orgId: target });
            expect(after.name).toBe(name);
            expect((await as['t-county'].patch(`/api/members/${id}`, { name: before.name })).statusCode).toBe(200);
            return;
          }
          case 'delete': {
            const id = await pe.freshMember(target);
            const m = await memberRow(id);
            const res = await client.delete(`/api/members/${id}`);
            const after = await memberRow(id);
            if (want.status !== 200) {
              expectRefused(res, want, [m.name, m.id_number_masked, targetName]);
              expect(after.deleted_at).toBeNull();
              return;
            }
            expect(res.statusCode, res.body).toBe(200);
            expect(after.deleted_at).not.toBeNull();
            return;
          }
        }
      }
      throw new Error(`no runner for ${c.resource}.${c.action}`);
    });
  }
});

/**
 * The permission table, continued: the township root lock, moving members between orgs, the audit trail
 * (the auditor reads, nobody writes) and accounts (the security admin only). See permissions.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { dialects } from '../harness.js';
import { permissionEnv } from './permission-env.js';
import {
  ACCOUNT_ACTIONS,
  ACTORS,
  AUDIT_ACTIONS,
  FORBIDDEN,
  NOT_FOUND,
  OK,
  accountExpect,
  actorByName,
  auditExpect,
  describeOutcome,
  type MemberOrgKey,
  type OrgKey,
  type Outcome,
} from './permission-oracle.js';

describe.each(dialects())('permissions · root lock, moves, audit, accounts on %s', (dialect) => {
  const pe = permissionEnv(dialect);
  const { as, uniq, org, db, orgRow, memberRow, pathOf, sorted, expectRefused, expectAllInScope } = pe;

  // ---- township root lock ----
  const ROOT_LOCK: { who: string; op: 'move' | 'delete'; org: OrgKey; to?: OrgKey; expect: Outcome }[] = [
    { who: 't-town-a', op: 'move', org: 'townA', to: 'villageA2', expect: { status: 403, code: 'orgs.root_locked' } },
    { who: 't-town-a', op: 'move', org: 'townA', to: 'county', expect: { status: 403, code: 'orgs.root_locked' } },
    { who: 't-town-a', op: 'delete', org: 'townA', expect: { status: 403, code: 'orgs.root_locked' } },
    { who: 't-county', op: 'move', org: 'county', to: 'townB', expect: { status: 403, code: 'orgs.root_locked' } },
    { who: 't-town-a', op: 'move', org: 'villageA2', to: 'townB', expect: NOT_FOUND },
    { who: 't-town-a', op: 'move', org: 'villageB1', to: 'townA', expect: NOT_FOUND },
    { who: 't-sec-a1', op: 'move', org: 'groupA1', to: 'villageA1', expect: FORBIDDEN },
  ];
  for (const r of ROOT_LOCK) {
    it(`${r.who} · orgs.${r.op} ${r.org}${r.to ? ` under ${r.to}` : ''} → ${describeOutcome(r.expect)}`, async () => {
      const before = await orgRow(org(r.org));
      const res =
        r.op === 'move'
          ? await as[r.who].post(`/api/orgs/${org(r.org)}/move`, { parentId: org(r.to!) })
          : await as[r.who].delete(`/api/orgs/${org(r.org)}`);
      expectRefused(res, r.expect, r.expect.status === 404 ? [before.name] : []);
      expect(await orgRow(org(r.org))).toEqual(before);
    });
  }

  // ---- moving a member to another org: both ends must be in scope ----
  const MEMBER_MOVES: { who: string; member: MemberOrgKey; to: OrgKey; expect: Outcome }[] = [
    { who: 't-town-a', member: 'villageA1', to: 'villageA2', expect: OK },
    { who: 't-town-a', member: 'villageA1', to: 'villageB1', expect: NOT_FOUND },
    { who: 't-town-a', member: 'villageA1', to: 'county', expect: NOT_FOUND },
    { who: 't-town-a', member: 'villageB1', to: 'villageA1', expect: NOT_FOUND },
    { who: 't-sec-a1', member: 'villageA1', to: 'villageA2', expect: NOT_FOUND },
    { who: 't-sec-a1', member: 'villageA1', to: 'groupA1', expect: { status: 400, code: 'members.org_not_branch' } },
    { who: 't-member-a1', member: 'villageA1', to: 'villageA2', expect: FORBIDDEN },
    { who: 't-county', member: 'villageB1', to: 'villageA2', expect: OK },
  ];
  for (const mv of MEMBER_MOVES) {
    const move = `move the member of ${mv.member} to ${mv.to}`;
    const who = `${mv.who} (${actorByName(mv.who).role})`;
    it(`${who} · members.update orgId: ${move} → ${describeOutcome(mv.expect)}`, async () => {
      const id = pe.fx.memberIn[mv.member];
      const before = await memberRow(id);
      const res = await as[mv.who].patch(`/api/members/${id}`, { orgId: org(mv.to) });
      const after = await memberRow(id);
      if (mv.expect.status !== 200) {
        expectRefused(res, mv.expect, mv.expect.status === 400 ? [] : [before.name, (await orgRow(org(mv.to))).name]);
        expect(after).toEqual(before);
        return;
      }
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ id, orgId: org(mv.to) });
      expect([after.org_id, after.org_path]).toEqual([org(mv.to), await pathOf(org(mv.to))]);
      const back = await as['t-county'].patch(`/api/members/${id}`, { orgId: before.org_id });
      expect(back.statusCode, back.body).toBe(200);
      expect((await memberRow(id)).org_path).toBe(before.org_path);
    });
  }

  // ---- audit: the auditor reads, nobody writes ----
  for (const a of ACTORS) {
    for (const action of AUDIT_ACTIONS) {
      const want = auditExpect(a, action);
      const label = {
        list: 'GET /api/audit',
        read: 'GET /api/audit/:id',
        verify: 'GET /api/audit/verify',
        delete: 'DELETE /api/audit/1',
        patch: 'PATCH /api/audit/1',
      }[action];
      it(`${a.username} (${a.role}) · audit: ${label} → ${describeOutcome(want)}`, async () => {
        const c = as[a.username];
        const tenantRows = () =>
          db()
            .selectFrom('audit_log')
            .where((eb) => eb.or([eb('tenant_id', '=', pe.fx.county), eb('tenant_id', 'is', null)]));
        if (action === 'delete' || action === 'patch') {
          const before = await db().selectFrom('audit_log').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
          const count = async () =>
            Number(
              (
                await db()
                  .selectFrom('audit_log')
                  .select((e) => e.fn.countAll().as('n'))
                  .executeTakeFirstOrThrow()
              ).n,
            );
          const n = await count();
          const res =
            action === 'delete'
              ? await c.delete('/api/audit/1')
              : await c.patch('/api/audit/1', { detail: 'tampered', success: false });
          expectRefused(res, want, [before.action]);
          expect(await db().selectFrom('audit_log').selectAll().where('id', '=', 1).executeTakeFirstOrThrow()).toEqual(
            before,
          );
          expect(await count()).toBeGreaterThanOrEqual(n); // a trail only grows
          return;
        }
        const latest = await tenantRows().selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
        const url =
          action === 'list'
            ? '/api/audit?pageSize=500'
            : action === 'read'
              ? `/api/audit/${latest.id}`
              : '/api/audit/verify';
        const res = await c.get(url);
        if (want.status !== 200) return expectRefused(res, want, [latest.action]);
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json();
        if (action === 'list') {
          const total = Number(
            (
              await tenantRows()
                .select((e) => e.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          );
          expect(body.total).toBe(total);
          expect(body.items.length).toBeGreaterThan(0);
          const ids = body.items.map((i: { id: number }) => i.id);
          expect(ids).toEqual([...ids].sort((x: number, y: number) => y - x));
        } else if (action === 'read') {
          expect(body).toMatchObject({ id: latest.id, action: latest.action });
        } else {
          expect(body).toMatchObject({ ok: true, firstBroken: null });
          expect(body.checked).toBeGreaterThan(0);
        }
      });
    }
  }

  // ---- accounts: the security admin only ----
  for (const a of ACTORS) {
    for (const action of ACCOUNT_ACTIONS) {
      const want = accountExpect(a, action);
      const label = {
        list: 'GET /api/users',
        read: 'GET /api/users/:id',
        create: 'POST /api/users',
        update: 'PATCH /api/users/:id',
      }[action];
      it(`${a.username} (${a.role}) · accounts: ${label} → ${describeOutcome(want)}`, async () => {
        const c = as[a.username];
        const victim = pe.fx.users.townB.id;
        const userRow = (id: number) =>
          db().selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        switch (action) {
          case 'list': {
            const res = await c.get('/api/users?pageSize=500');
            if (want.status !== 200) return expectRefused(res, want, ['t-town-b']);
            expect(res.statusCode, res.body).toBe(200);
            const { items, total } = res.json() as {
              items: { id: number; username: string; orgId: number }[];
              total: number;
            };
            expect(total).toBe(items.length);
            const inDb = await db()
              .selectFrom('users')
              .select('id')
              .where('org_path', 'like', `${await pathOf(org(a.home))}%`)
              .where('deleted_at', 'is', null)
              .execute();
            expect(sorted(items.map((i) => i.id))).toEqual(sorted(inDb.map((r) => Number(r.id))));
            await expectAllInScope(
              items.map((i) => i.orgId),
              a,
              'users list',
            );
            // Only the flag of a one-time password may mention passwords; no hash or value ever leaves.
            expect(
              JSON.stringify(items.map(({ mustChangePassword: _flag, ...rest }: Record<string, unknown>) => rest)),
            ).not.toMatch(/password/i);
            return;
          }
          case 'read': {
            const res = await c.get(`/api/users/${victim}`);
            if (want.status !== 200) return expectRefused(res, want, ['t-town-b']);
            expect(res.statusCode, res.body).toBe(200);
            expect(res.json()).toMatchObject({
              id: victim,
              username: 't-town-b',
              role: 'township_admin',
              orgId: pe.fx.townB,
            });
            return;
          }
          case 'create': {
            const username = uniq('perm-user-', '.u');
            // A role without administrative power: administrator roles need a two-person grant (admins.test.ts).
            const res = await c.post('/api/users', {
              username,
              displayName: username,
              role: 'branch_secretary',
              orgId: pe.fx.villageB1,
            });
            const made = await db().selectFrom('users').select('id').where('username', '=', username).execute();
            if (want.status !== 200) {
              expectRefused(res, want, []);
              expect(made).toEqual([]);
              return;
            }
            expect(res.statusCode, res.body).toBe(200);
            expect(res.json().user).toMatchObject({
              username,
              role: 'branch_secretary',
              orgId: pe.fx.villageB1,
              mustChangePassword: true,
            });
            expect(made).toHaveLength(1);
            return;
          }
          case 'update': {
            const before = await userRow(victim);
            const displayName = uniq('改名账号');
            const res = await c.patch(`/api/users/${victim}`, { displayName });
            const after = await userRow(victim);
            if (want.status !== 200) {
              expectRefused(res, want, ['t-town-b']);
              expect(after).toEqual(before);
              return;
            }
            expect(res.statusCode, res.body).toBe(200);
            expect(after.display_name).toBe(displayName);
            expect(
              (await as['t-security'].patch(`/api/users/${victim}`, { displayName: before.display_name })).statusCode,
            ).toBe(200);
            return;
          }
        }
      });
    }
  }
});

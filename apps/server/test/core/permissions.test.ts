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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { ROLE_CAPABILITIES, type Capability, type Role } from '@dangjian/contracts';
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

// ---------------------------------------------------------------------------------------------
// The rules, as data
// ---------------------------------------------------------------------------------------------

/** What each role is meant to hold, among the capabilities this file exercises (the oracle). */
const POLICY: Record<Role, readonly Capability[]> = {
  county_admin: ['orgs.read', 'orgs.write', 'members.read', 'members.write', 'stats.read', 'self.read'],
  township_admin: ['orgs.read', 'orgs.write', 'members.read', 'members.write', 'stats.read', 'self.read'],
  branch_secretary: ['orgs.read', 'members.read', 'members.write', 'stats.read', 'self.read'],
  member: ['orgs.read', 'self.read'],
  auditor: ['audit.read', 'self.read'],
  security_admin: ['users.read', 'users.write', 'self.read'],
};
const CHECKED_CAPABILITIES: Capability[] = [
  'orgs.read',
  'orgs.write',
  'members.read',
  'members.write',
  'stats.read',
  'users.read',
  'users.write',
  'audit.read',
  'self.read',
];
const holds = (role: Role, cap: Capability) => POLICY[role].includes(cap);

/** The fixture's organizations and their tree, as the test knows it (not read from the server). */
type OrgKey = 'county' | 'townA' | 'townB' | 'villageA1' | 'villageA2' | 'groupA1' | 'villageB1';
const PARENT: Record<OrgKey, OrgKey | null> = {
  county: null,
  townA: 'county',
  townB: 'county',
  villageA1: 'townA',
  villageA2: 'townA',
  groupA1: 'villageA1',
  villageB1: 'townB',
};
const ORG_TYPE: Record<OrgKey, 'committee' | 'branch' | 'group'> = {
  county: 'committee',
  townA: 'committee',
  townB: 'committee',
  villageA1: 'branch',
  villageA2: 'branch',
  groupA1: 'group',
  villageB1: 'branch',
};
/** Orgs that hold a fixture member (a party group holds none). */
type MemberOrgKey = Exclude<OrgKey, 'groupA1'>;
const holdsMember = (k: OrgKey): k is MemberOrgKey => k !== 'groupA1';

/** Whether `target` is `home` or lies below it. */
function isUnder(target: OrgKey, home: OrgKey): boolean {
  for (let k: OrgKey | null = target; k; k = PARENT[k]) if (k === home) return true;
  return false;
}

/** A type the server accepts as a child of a parent type (only used where a create could succeed). */
const CHILD_TYPE = { committee: 'branch', branch: 'group', group: 'group' } as const;

const RELATIONS = ['own', 'child', 'sibling', 'parent', 'other-township'] as const;
type Relation = (typeof RELATIONS)[number];

interface ActorSpec {
  username: string;
  role: Role;
  home: OrgKey;
  /** The fixture org standing in each relation to the actor's org; null = the relation does not exist. */
  rel: Record<Relation, OrgKey | null>;
}

const AT_COUNTY_ROOT: Record<Relation, OrgKey | null> = {
  own: 'county',
  child: 'townA',
  sibling: null,
  parent: null,
  'other-township': 'villageB1',
};
const IN_VILLAGE_A1: Record<Relation, OrgKey | null> = {
  own: 'villageA1',
  child: 'groupA1',
  sibling: 'villageA2',
  parent: 'townA',
  'other-township': 'villageB1',
};

const ACTORS: ActorSpec[] = [
  { username: 't-county', role: 'county_admin', home: 'county', rel: AT_COUNTY_ROOT },
  {
    username: 't-town-a',
    role: 'township_admin',
    home: 'townA',
    rel: { own: 'townA', child: 'villageA1', sibling: 'townB', parent: 'county', 'other-township': 'villageB1' },
  },
  { username: 't-sec-a1', role: 'branch_secretary', home: 'villageA1', rel: IN_VILLAGE_A1 },
  { username: 't-member-a1', role: 'member', home: 'villageA1', rel: IN_VILLAGE_A1 },
  { username: 't-auditor', role: 'auditor', home: 'county', rel: AT_COUNTY_ROOT },
  { username: 't-security', role: 'security_admin', home: 'county', rel: AT_COUNTY_ROOT },
];
const actorByName = (username: string) => ACTORS.find((a) => a.username === username)!;

type Resource = 'orgs' | 'members';
const ACTIONS = {
  orgs: {
    read: 'orgs.read',
    list: 'orgs.read',
    tree: 'orgs.read',
    create: 'orgs.write',
    update: 'orgs.write',
    delete: 'orgs.write',
  },
  members: {
    read: 'members.read',
    list: 'members.read',
    create: 'members.write',
    update: 'members.write',
    delete: 'members.write',
  },
} as const satisfies Record<Resource, Record<string, Capability>>;
type Action<R extends Resource> = keyof (typeof ACTIONS)[R];

interface Outcome {
  status: 200 | 400 | 403 | 404;
  code?: string;
}
const OK: Outcome = { status: 200 };
const FORBIDDEN: Outcome = { status: 403, code: 'forbidden' };
const NOT_FOUND: Outcome = { status: 404, code: 'not_found' };

/**
 * Where a delete case aims: deleting needs an empty org, so most relations get a fresh one made by the
 * county admin in that position; "own" is the actor's own root (which may never be deleted) and
 * "parent" the real parent (out of scope, so it must be refused before anything else is looked at).
 */
type DeleteTarget = { kind: 'existing'; org: OrgKey } | { kind: 'fresh'; under: OrgKey };
function orgDeleteTarget(a: ActorSpec, rel: Relation): DeleteTarget | null {
  const at = a.rel[rel];
  if (!at) return null;
  switch (rel) {
    case 'own':
    case 'parent':
      return { kind: 'existing', org: at };
    case 'child':
      return { kind: 'fresh', under: a.home };
    case 'sibling':
      return { kind: 'fresh', under: PARENT[a.home]! };
    case 'other-township':
      return { kind: 'fresh', under: at };
  }
}

interface TableCase {
  name: string;
  actor: ActorSpec;
  relation: Relation;
  resource: Resource;
  action: string;
  /** The org the case aims at (for fresh-org deletes: the parent of the fresh org). */
  target: OrgKey | null;
  expect: Outcome;
  /** Why the case does not apply, when it does not. */
  na?: string;
}

/** The expected answer of one cell of the table, from the rules above. */
function expected(a: ActorSpec, rel: Relation, resource: Resource, action: string, target: OrgKey): Outcome {
  const cap = (ACTIONS[resource] as Record<string, Capability>)[action];
  if (!holds(a.role, cap)) return FORBIDDEN;
  // For a fresh-org delete `target` is the fresh org's parent: the fresh org is in scope exactly when its parent is.
  if (!isUnder(target, a.home)) return NOT_FOUND;
  if (resource === 'orgs' && action === 'delete' && rel === 'own') return { status: 403, code: 'orgs.root_locked' };
  if (resource === 'members' && action === 'create' && ORG_TYPE[target] === 'group')
    return { status: 400, code: 'members.org_not_branch' };
  return OK;
}

function describeOutcome(o: Outcome): string {
  return o.code ? `${o.status} ${o.code}` : String(o.status);
}

function buildTable(): TableCase[] {
  const out: TableCase[] = [];
  for (const a of ACTORS) {
    for (const rel of RELATIONS) {
      for (const resource of ['orgs', 'members'] as const) {
        for (const action of Object.keys(ACTIONS[resource])) {
          const who = `${a.username} (${a.role})`;
          const at = a.rel[rel];
          let target: OrgKey | null = at;
          let where = at ? `${rel} org ${at}` : rel;
          let na: string | undefined;
          if (!at) na = `${a.home} is the county root: it has no ${rel}`;
          else if (resource === 'orgs' && action === 'delete') {
            const t = orgDeleteTarget(a, rel)!;
            if (t.kind === 'existing') {
              target = t.org;
              where = rel === 'own' ? `own root org ${t.org}` : `${rel} org ${t.org} (not empty)`;
            } else {
              target = t.under;
              where = `a fresh empty org in ${rel} position (new child of ${t.under})`;
            }
          } else if (resource === 'members' && ['read', 'update', 'delete'].includes(action) && !holdsMember(at)) {
            na = `${at} is a party group, which holds no members`;
          }
          const exp = na ? NOT_FOUND : expected(a, rel, resource, action, target!);
          const route = {
            orgs: {
              read: 'GET /api/orgs/:id',
              list: 'GET /api/orgs?parent=',
              tree: 'GET /api/orgs/tree?parent=',
              create: 'POST /api/orgs {parentId}',
              update: 'PATCH /api/orgs/:id',
              delete: 'DELETE /api/orgs/:id',
            },
            members: {
              read: 'GET /api/members/:id (its member)',
              list: 'GET /api/members?org=',
              create: 'POST /api/members {orgId}',
              update: 'PATCH /api/members/:id (its member)',
              delete: 'DELETE /api/members/:id (a fresh member in it)',
            },
          }[resource][action as 'read'];
          const name = na
            ? `${who} · ${rel} · ${resource}.${action}: n/a (${na})`
            : `${who} · ${where} · ${resource}.${action} ${route} → ${describeOutcome(exp)}`;
          out.push({
            name: name.replace(/\s+/g, ' '),
            actor: a,
            relation: rel,
            resource,
            action,
            target,
            expect: exp,
            na,
          });
        }
      }
    }
  }
  return out;
}

const TABLE = buildTable();

/** Audit routes: only the auditor reads; there is no way to change the trail at all. */
const AUDIT_ACTIONS = ['list', 'read', 'verify', 'delete', 'patch'] as const;
function auditExpect(a: ActorSpec, action: (typeof AUDIT_ACTIONS)[number]): Outcome {
  if (action === 'delete' || action === 'patch') return NOT_FOUND;
  return holds(a.role, 'audit.read') ? OK : FORBIDDEN;
}

/** Account routes: only the security admin. */
const ACCOUNT_ACTIONS = ['list', 'read', 'create', 'update'] as const;
function accountExpect(a: ActorSpec, action: (typeof ACCOUNT_ACTIONS)[number]): Outcome {
  return holds(a.role, action === 'list' || action === 'read' ? 'users.read' : 'users.write') ? OK : FORBIDDEN;
}

/** Lists over the actor's whole scope (no `org`/`parent`): every business reader sees exactly its subtree. */
const SCOPE_LISTS = ['members', 'bin', 'orgs', 'tree', 'stats'] as const;
function scopeListExpect(a: ActorSpec, list: (typeof SCOPE_LISTS)[number]): Outcome {
  const cap: Capability =
    list === 'members' || list === 'bin' ? 'members.read' : list === 'stats' ? 'stats.read' : 'orgs.read';
  return holds(a.role, cap) ? OK : FORBIDDEN;
}

/** Separation of the three administrators (三员分立), beyond what the tables above already cover. */
const SEPARATION: { who: string; url: string; expect: Outcome; why: string }[] = [
  { who: 't-security', url: '/api/members', expect: FORBIDDEN, why: 'the security admin sees no member records' },
  { who: 't-security', url: '/api/stats/overview', expect: FORBIDDEN, why: 'nor statistics' },
  { who: 't-security', url: '/api/audit', expect: FORBIDDEN, why: 'nor the audit trail' },
  { who: 't-security', url: '/api/audit/verify', expect: FORBIDDEN, why: 'nor the audit chain check' },
  { who: 't-security', url: '/api/orgs', expect: FORBIDDEN, why: 'nor organizations' },
  { who: 't-security', url: '/api/me/org', expect: FORBIDDEN, why: 'not even its own organization record' },
  { who: 't-security', url: '/api/members/export', expect: FORBIDDEN, why: 'nor the roster export' },
  { who: 't-auditor', url: '/api/members', expect: FORBIDDEN, why: 'the auditor sees no member records' },
  { who: 't-auditor', url: '/api/orgs', expect: FORBIDDEN, why: 'nor organizations' },
  { who: 't-auditor', url: '/api/orgs/tree', expect: FORBIDDEN, why: 'nor the org tree' },
  { who: 't-auditor', url: '/api/me/org', expect: FORBIDDEN, why: 'not even its own organization record' },
  { who: 't-auditor', url: '/api/users', expect: FORBIDDEN, why: 'nor accounts' },
  { who: 't-auditor', url: '/api/stats/overview', expect: FORBIDDEN, why: 'nor statistics' },
  { who: 't-auditor', url: '/api/members/export', expect: FORBIDDEN, why: 'nor the roster export' },
  { who: 't-member-a1', url: '/api/stats/overview', expect: FORBIDDEN, why: 'a member holds no statistics' },
  { who: 't-member-a1', url: '/api/members/export', expect: FORBIDDEN, why: 'nor the roster export' },
];

/** Each user's own member record: only an account tied to a member has one. */
// A business role without a member record finds none; the auditor and the security admin hold no Party-side data at all.
const SELF: { who: string; expect: Outcome }[] = ACTORS.map((a) => ({
  who: a.username,
  expect: a.role === 'member' ? OK : a.role === 'auditor' || a.role === 'security_admin' ? FORBIDDEN : NOT_FOUND,
}));

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

describe.each(dialects())('permissions on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  const as: Record<string, Client> = {};
  /** A member in the org of a prefix trap: an org whose id begins with the digits of an actor's org id. */
  const traps: { orgId: number; memberId: number; mimics: OrgKey }[] = [];
  let seq = 0;
  /** A unique name; the terminator keeps one name from being a substring of another ('…5号' vs '…50号'). */
  const uniq = (p: string, end = '号') => `${p}${++seq}${end}`;

  const org = (k: OrgKey): number => fx[k];
  const db = () => env.ctx.db;

  const orgRow = (id: number) => db().selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const memberRow = (id: number) =>
    db().selectFrom('members').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const pathOf = async (id: number) => (await orgRow(id)).org_path;
  /** Ids of every org (live or deleted) whose path starts with the org's path: its subtree. */
  const subtreeIds = async (id: number): Promise<Set<number>> => {
    const rows = await db()
      .selectFrom('orgs')
      .select('id')
      .where('org_path', 'like', `${await pathOf(id)}%`)
      .execute();
    return new Set(rows.map((r) => Number(r.id)));
  };
  const liveOrgsUnder = async (id: number) =>
    (
      await db()
        .selectFrom('orgs')
        .select('id')
        .where('org_path', 'like', `${await pathOf(id)}%`)
        .where('deleted_at', 'is', null)
        .execute()
    )
      .map((r) => Number(r.id))
      .sort((x, y) => x - y);
  const liveChildren = async (id: number) =>
    (await db().selectFrom('orgs').select('id').where('parent_id', '=', id).where('deleted_at', 'is', null).execute())
      .map((r) => Number(r.id))
      .sort((x, y) => x - y);
  const liveMembersUnder = async (id: number) =>
    (
      await db()
        .selectFrom('members')
        .select('id')
        .where('org_path', 'like', `${await pathOf(id)}%`)
        .where('deleted_at', 'is', null)
        .execute()
    )
      .map((r) => Number(r.id))
      .sort((x, y) => x - y);
  const sorted = (xs: number[]) => [...xs].sort((x, y) => x - y);

  /** The county admin makes what a case needs. */
  const freshOrg = async (parentId: number, type?: string): Promise<number> => {
    const parentType = (await orgRow(parentId)).type as keyof typeof CHILD_TYPE;
    const res = await as['t-county'].post('/api/orgs', {
      parentId,
      name: uniq('新建空组织'),
      type: type ?? CHILD_TYPE[parentType],
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id;
  };
  const freshMember = async (orgId: number): Promise<number> => {
    const res = await as['t-county'].post('/api/members', {
      orgId,
      name: uniq('新党员'),
      idNumber: testIdNumber(),
      gender: 'male',
      joinedAt: '2010-07-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id;
  };

  /** A refusal: the status and code, nothing but `{ error }` in the body, none of the given strings anywhere in it. */
  function expectRefused(res: LightMyRequestResponse, want: Outcome, secrets: string[]) {
    expect(res.statusCode, res.body).toBe(want.status);
    const body = res.json();
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toBe(want.code);
    if (want.status === 404) expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
    else expect(Object.keys(body.error).every((k) => ['code', 'message', 'details'].includes(k))).toBe(true);
    for (const s of secrets) expect(res.body).not.toContain(s);
  }

  /** Every row of a 200 list must belong to the actor's subtree, and the list must not be empty. */
  async function expectAllInScope(ids: number[], a: ActorSpec, what: string) {
    const scope = await subtreeIds(org(a.home));
    expect(ids.length, `${what}: the list to check is empty`).toBeGreaterThan(0);
    const outside = ids.filter((id) => !scope.has(id));
    expect(outside, `${what}: rows outside ${a.home}'s subtree`).toEqual([]);
  }

  beforeAll(async () => {
    env = await createEnv(dialect);
    fx = await buildFixture(env);
    for (const a of ACTORS) as[a.username] = await login(env.app, a.username);

    // Prefix traps: a county child whose id starts with townA's digits ('/1/2/' vs '/1/2x/'), and a
    // townA child whose id starts with villageA1's digits. Decoys under townB use up the ids before.
    const trapAt = async (mimics: OrgKey, parent: OrgKey) => {
      const prefix = String(org(mimics));
      let last = Number(
        (
          await db()
            .selectFrom('orgs')
            .select((e) => e.fn.max('id').as('m'))
            .executeTakeFirstOrThrow()
        ).m,
      );
      for (let guard = 0; !(String(last + 1).startsWith(prefix) && last + 1 !== org(mimics)); guard++) {
        if (guard > 200) throw new Error('could not reach a prefix-colliding id');
        last = await freshOrg(org('townB'), 'branch');
      }
      const orgId = await freshOrg(
        org(parent),
        ORG_TYPE[parent] === 'committee' ? (parent === 'county' ? 'committee' : 'branch') : 'group',
      );
      expect(
        String(orgId).startsWith(prefix) && orgId !== org(mimics),
        `trap id ${orgId} should start with ${prefix}`,
      ).toBe(true);
      const memberId = await freshMember(orgId);
      traps.push({ orgId, memberId, mimics });
    };
    await trapAt('townA', 'county');
    await trapAt('villageA1', 'townA');
  });
  afterAll(() => env?.close());

  it('the role table of the contracts grants exactly the capabilities this file expects', () => {
    for (const role of Object.keys(POLICY) as Role[]) {
      for (const cap of CHECKED_CAPABILITIES)
        expect(ROLE_CAPABILITIES[role].includes(cap), `${role} ${cap}`).toBe(POLICY[role].includes(cap));
    }
  });

  it('the prefix traps are in place: an org whose path text starts like townA/villageA1 but is not under it', async () => {
    expect(traps).toHaveLength(2);
    for (const t of traps) {
      const p = await pathOf(t.orgId);
      const mimicPath = await pathOf(org(t.mimics));
      expect(p.startsWith(mimicPath.slice(0, -1))).toBe(true);
      expect(p.startsWith(mimicPath)).toBe(false);
    }
  });

  // ---- orgs and members: role × relation × action ----
  // Relations that do not exist for a role (the county root has no parent or sibling; party groups hold no members) are not cases.
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
            expect(sorted(ids)).toEqual(await liveOrgsUnder(target));
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
            const want_ = await liveChildren(target);
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
            const id = t.kind === 'existing' ? org(t.org) : await freshOrg(org(t.under));
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
        const memberOf = (k: OrgKey) => fx.memberIn[k as MemberOrgKey];
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
            const inDb = await liveMembersUnder(target);
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
              const under = await subtreeIds(target);
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
            const id = await freshMember(target);
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
    it(`${mv.who} (${actorByName(mv.who).role}) · members.update orgId: move the member of ${mv.member} to ${mv.to} → ${describeOutcome(mv.expect)}`, async () => {
      const id = fx.memberIn[mv.member];
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
            .where((eb) => eb.or([eb('tenant_id', '=', fx.county), eb('tenant_id', 'is', null)]));
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
        const victim = fx.users.townB.id;
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
              orgId: fx.townB,
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
              orgId: fx.villageB1,
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
              orgId: fx.villageB1,
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
      it(`${a.username} (${a.role}) · whole scope: GET ${url} → ${describeOutcome(want)}${want.status === 200 ? `, exactly the ${a.home} subtree` : ''}`, async () => {
        const res = await as[a.username].get(url);
        if (want.status !== 200) return expectRefused(res, want, [(await orgRow(org('townB'))).name]);
        expect(res.statusCode, res.body).toBe(200);
        const home = org(a.home);
        const body = res.json();
        if (list === 'members') {
          const items: { id: number; orgId: number }[] = body.items;
          expect(sorted(items.map((i) => i.id))).toEqual(await liveMembersUnder(home));
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
            .where('org_path', 'like', `${await pathOf(home)}%`)
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
          expect(sorted(ids)).toEqual(await liveOrgsUnder(home));
          await expectAllInScope(ids, a, 'orgs');
        } else if (list === 'tree') {
          expect(body.items.map((i: { id: number }) => i.id)).toEqual([home]);
        } else {
          expect(body.members.total).toBe((await liveMembersUnder(home)).length);
          expect(body.orgs.total).toBe((await liveOrgsUnder(home)).length);
        }
        // No prefix trap outside the subtree may show up (the trap ids share the text of the home id).
        const scope = await subtreeIds(home);
        for (const t of traps) {
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
      const res = o.method === 'GET' ? await as[o.who].get(o.url(fx)) : await as[o.who].post(o.url(fx), o.body);
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
      if (o.url(fx).includes('/export')) expect(res.headers['content-type']).toContain('spreadsheetml');
      else if (o.url(fx).includes('/stats/'))
        expect(res.json().members.total).toBe((await liveMembersUnder(org(o.target))).length);
      else expect(res.json().phone).toMatch(/^1\d{10}$/);
    });
  }

  // ---- three-administrator separation ----
  for (const s of SEPARATION) {
    const a = actorByName(s.who);
    it(`${s.who} (${a.role}) · separation: GET ${s.url} → ${describeOutcome(s.expect)} (${s.why})`, async () => {
      const res = await as[s.who].get(s.url);
      expectRefused(res, s.expect, [(await memberRow(fx.memberIn.villageA1)).name, (await orgRow(fx.townA)).name]);
    });
  }

  // ---- one's own record ----
  for (const s of SELF) {
    const a = actorByName(s.who);
    it(`${s.who} (${a.role}) · self: GET /api/me/member → ${describeOutcome(s.expect)}`, async () => {
      const res = await as[s.who].get('/api/me/member');
      if (s.expect.status !== 200) return expectRefused(res, s.expect, []);
      expect(res.statusCode, res.body).toBe(200);
      const m = await memberRow(fx.memberIn.villageA1);
      expect(res.json()).toMatchObject({ id: fx.memberIn.villageA1, orgId: fx.villageA1, name: m.name });
    });
  }

  // ---- the scoped mass check of the brief ----
  it('t-town-a · mass check: all 500-row pages of members and orgs stay under township A (prefix trap excluded)', async () => {
    const c = as['t-town-a'];
    const townA = await subtreeIds(fx.townA);
    const trap = traps.find((t) => t.mimics === 'townA')!;
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
          .where('org_path', 'like', `${await pathOf(fx.townA)}%`)
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
    expect(sorted(orgs.items.map((o) => o.id))).toEqual(await liveOrgsUnder(fx.townA));
  });

  it('t-sec-a1 · mass check: the villageA1 look-alike org inside township A is not in the branch secretary’s lists', async () => {
    const c = as['t-sec-a1'];
    const trap = traps.find((t) => t.mimics === 'villageA1')!;
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

/**
 * The oracle of the permission table (see permissions.test.ts): roles, org relations, actions and the
 * expected outcome of each case, written out independently of the server's own tables.
 */
import type { Capability, Role } from '@dangjian/contracts';

// ---------------------------------------------------------------------------------------------
// The rules, as data
// ---------------------------------------------------------------------------------------------

/** What each role is meant to hold, among the capabilities this file exercises (the oracle). */
export const POLICY: Record<Role, readonly Capability[]> = {
  county_admin: ['orgs.read', 'orgs.write', 'members.read', 'members.write', 'stats.read', 'self.read'],
  township_admin: ['orgs.read', 'orgs.write', 'members.read', 'members.write', 'stats.read', 'self.read'],
  branch_secretary: ['orgs.read', 'members.read', 'members.write', 'stats.read', 'self.read'],
  member: ['orgs.read', 'self.read'],
  auditor: ['audit.read', 'self.read'],
  security_admin: ['users.read', 'users.write', 'self.read'],
  region_admin: ['self.read'],
};
export const CHECKED_CAPABILITIES: Capability[] = [
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
export const holds = (role: Role, cap: Capability) => POLICY[role].includes(cap);

/** The fixture's organizations and their tree, as the test knows it (not read from the server). */
export type OrgKey = 'county' | 'townA' | 'townB' | 'villageA1' | 'villageA2' | 'groupA1' | 'villageB1';
export const PARENT: Record<OrgKey, OrgKey | null> = {
  county: null,
  townA: 'county',
  townB: 'county',
  villageA1: 'townA',
  villageA2: 'townA',
  groupA1: 'villageA1',
  villageB1: 'townB',
};
export const ORG_TYPE: Record<OrgKey, 'committee' | 'branch' | 'group'> = {
  county: 'committee',
  townA: 'committee',
  townB: 'committee',
  villageA1: 'branch',
  villageA2: 'branch',
  groupA1: 'group',
  villageB1: 'branch',
};
/** Orgs that hold a fixture member (a party group holds none). */
export type MemberOrgKey = Exclude<OrgKey, 'groupA1'>;
export const holdsMember = (k: OrgKey): k is MemberOrgKey => k !== 'groupA1';

/** Whether `target` is `home` or lies below it. */
export function isUnder(target: OrgKey, home: OrgKey): boolean {
  for (let k: OrgKey | null = target; k; k = PARENT[k]) if (k === home) return true;
  return false;
}

/** A type the server accepts as a child of a parent type (only used where a create could succeed). */
export const CHILD_TYPE = { committee: 'branch', branch: 'group', group: 'group' } as const;

export const RELATIONS = ['own', 'child', 'sibling', 'parent', 'other-township'] as const;
export type Relation = (typeof RELATIONS)[number];

export interface ActorSpec {
  username: string;
  role: Role;
  home: OrgKey;
  /** The fixture org standing in each relation to the actor's org; null = the relation does not exist. */
  rel: Record<Relation, OrgKey | null>;
}

export const AT_COUNTY_ROOT: Record<Relation, OrgKey | null> = {
  own: 'county',
  child: 'townA',
  sibling: null,
  parent: null,
  'other-township': 'villageB1',
};
export const IN_VILLAGE_A1: Record<Relation, OrgKey | null> = {
  own: 'villageA1',
  child: 'groupA1',
  sibling: 'villageA2',
  parent: 'townA',
  'other-township': 'villageB1',
};

export const ACTORS: ActorSpec[] = [
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
export const actorByName = (username: string) => ACTORS.find((a) => a.username === username)!;

export type Resource = 'orgs' | 'members';
export const ACTIONS = {
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
export type Action<R extends Resource> = keyof (typeof ACTIONS)[R];

export interface Outcome {
  status: 200 | 400 | 403 | 404;
  code?: string;
}
export const OK: Outcome = { status: 200 };
export const FORBIDDEN: Outcome = { status: 403, code: 'forbidden' };
export const NOT_FOUND: Outcome = { status: 404, code: 'not_found' };

/**
 * Where a delete case aims: deleting needs an empty org, so most relations get a fresh one made by the
 * county admin in that position; "own" is the actor's own root (which may never be deleted) and
 * "parent" the real parent (out of scope, so it must be refused before anything else is looked at).
 */
export type DeleteTarget = { kind: 'existing'; org: OrgKey } | { kind: 'fresh'; under: OrgKey };
export function orgDeleteTarget(a: ActorSpec, rel: Relation): DeleteTarget | null {
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

export interface TableCase {
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
export function expected(a: ActorSpec, rel: Relation, resource: Resource, action: string, target: OrgKey): Outcome {
  const cap = (ACTIONS[resource] as Record<string, Capability>)[action];
  if (!holds(a.role, cap)) return FORBIDDEN;
  // For a fresh-org delete `target` is the fresh org's parent: the fresh org is in scope exactly when its parent is.
  if (!isUnder(target, a.home)) return NOT_FOUND;
  if (resource === 'orgs' && action === 'delete' && rel === 'own') return { status: 403, code: 'orgs.root_locked' };
  if (resource === 'members' && action === 'create' && ORG_TYPE[target] === 'group')
    return { status: 400, code: 'members.org_not_branch' };
  return OK;
}

export function describeOutcome(o: Outcome): string {
  return o.code ? `${o.status} ${o.code}` : String(o.status);
}

export function buildTable(): TableCase[] {
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

export const TABLE = buildTable();

/** Audit routes: only the auditor reads; there is no way to change the trail at all. */
export const AUDIT_ACTIONS = ['list', 'read', 'verify', 'delete', 'patch'] as const;
export function auditExpect(a: ActorSpec, action: (typeof AUDIT_ACTIONS)[number]): Outcome {
  if (action === 'delete' || action === 'patch') return NOT_FOUND;
  return holds(a.role, 'audit.read') ? OK : FORBIDDEN;
}

/** Account routes: only the security admin. */
export const ACCOUNT_ACTIONS = ['list', 'read', 'create', 'update'] as const;
export function accountExpect(a: ActorSpec, action: (typeof ACCOUNT_ACTIONS)[number]): Outcome {
  return holds(a.role, action === 'list' || action === 'read' ? 'users.read' : 'users.write') ? OK : FORBIDDEN;
}

/** Lists over the actor's whole scope (no `org`/`parent`): every business reader sees exactly its subtree. */
export const SCOPE_LISTS = ['members', 'bin', 'orgs', 'tree', 'stats'] as const;
export function scopeListExpect(a: ActorSpec, list: (typeof SCOPE_LISTS)[number]): Outcome {
  const cap: Capability =
    list === 'members' || list === 'bin' ? 'members.read' : list === 'stats' ? 'stats.read' : 'orgs.read';
  return holds(a.role, cap) ? OK : FORBIDDEN;
}

/** Separation of the three administrators (三员分立), beyond what the tables above already cover. */
export const SEPARATION: { who: string; url: string; expect: Outcome; why: string }[] = [
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
// A business role without a member record finds none; the auditor and the security admin hold no Party-side
// data at all.
export const SELF: { who: string; expect: Outcome }[] = ACTORS.map((a) => ({
  who: a.username,
  expect: a.role === 'member' ? OK : a.role === 'auditor' || a.role === 'security_admin' ? FORBIDDEN : NOT_FOUND,
}));

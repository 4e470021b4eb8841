/**
 * The hours' queries: set-based for a subtree of members, one query per source (the members, class sessions
 * attended, counted meetings attended, party posts held now, rotation attendance).
 */
import type { Q } from '../../../platform/data/scoped.js';

/** The live members of a subtree (whose hours are counted), in roster order. */
export async function membersOfSubtree(db: Q, tenantId: number, [lo, hi]: [string, string], memberId?: number) {
  let q = db
    .selectFrom('members as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .select(['m.id', 'm.name', 'm.org_id', 'm.org_path', 'o.name as org_name'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.org_path', '>=', lo)
    .where('m.org_path', '<', hi)
    .where('m.deleted_at', 'is', null)
    .where('m.status', 'in', ['full', 'probationary']);
  if (memberId !== undefined) q = q.where('m.id', '=', memberId);
  return q.orderBy('m.org_path').orderBy('m.id').execute();
}

/** Class hours (tenths) attended per member of a subtree in a period: sessions of live, open classes. */
export async function classHours(db: Q, tenantId: number, [lo, hi]: [string, string], from: string, to: string) {
  const rows = await db
    .selectFrom('training_attendance as t')
    .innerJoin('training_sessions as s', 's.id', 't.session_id')
    .innerJoin('training_classes as c', 'c.id', 't.class_id')
    .innerJoin('members as m', 'm.id', 't.member_id')
    .select(['t.member_id', (e) => e.fn.sum<number>('s.hours_tenths').as('tenths')])
    .where('m.tenant_id', '=', tenantId)
    .where('m.org_path', '>=', lo)
    .where('m.org_path', '<', hi)
    .where('t.present', '=', 1)
    .where('t.deleted_at', 'is', null)
    .where('s.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .where('c.status', 'in', ['approved', 'finished'])
    .where('s.held_on', '>=', from)
    .where('s.held_on', '<=', to)
    .groupBy('t.member_id')
    .execute();
  return new Map(rows.map((r) => [r.member_id, Number(r.tenths ?? 0)]));
}

/** Meetings of the counted kinds attended per member of a subtree in a period: each meeting once per member. */
export async function meetingsAttended(
  db: Q,
  tenantId: number,
  [lo, hi]: [string, string],
  from: string,
  to: string,
  kinds: string[],
) {
  if (!kinds.length) return [];
  const rows = await db
    .selectFrom('meeting_attendance as a')
    .innerJoin('meetings as g', 'g.id', 'a.meeting_id')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .select(['a.member_id', 'g.kind', (e) => e.fn.count<number>('g.id').distinct().as('n')])
    .where('m.tenant_id', '=', tenantId)
    .where('m.org_path', '>=', lo)
    .where('m.org_path', '<', hi)
    .where('a.status', '=', 'present')
    .where('g.deleted_at', 'is', null)
    .where('g.kind', 'in', kinds)
    .where('g.held_on', '>=', from)
    .where('g.held_on', '<=', to)
    .groupBy(['a.member_id', 'g.kind'])
    .execute();
  return rows.map((r) => ({ memberId: r.member_id, kind: r.kind, count: Number(r.n) }));
}

/** Members of a subtree whose cadre record holds a party post now (secretaries and committee members: 56 hours). */
export async function committeeMembers(db: Q, tenantId: number, [lo, hi]: [string, string]): Promise<Set<number>> {
  const rows = await db
    .selectFrom('cadre_posts as p')
    .innerJoin('cadres as k', 'k.id', 'p.cadre_id')
    .innerJoin('members as m', 'm.id', 'k.member_id')
    .select('k.member_id')
    .distinct()
    .where('m.tenant_id', '=', tenantId)
    .where('m.org_path', '>=', lo)
    .where('m.org_path', '<', hi)
    .where('p.committee', '=', 'party')
    .where('p.ended_on', 'is', null)
    .where('p.deleted_at', 'is', null)
    .where('k.deleted_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.member_id as number));
}

/** Members of a subtree present at a session of a rotation class in a period (the rotation's coverage). */
export async function rotatedMembers(db: Q, tenantId: number, [lo, hi]: [string, string], from: string, to: string) {
  const rows = await db
    .selectFrom('training_attendance as t')
    .innerJoin('training_sessions as s', 's.id', 't.session_id')
    .innerJoin('training_classes as c', 'c.id', 't.class_id')
    .innerJoin('members as m', 'm.id', 't.member_id')
    .select('t.member_id')
    .distinct()
    .where('m.tenant_id', '=', tenantId)
    .where('m.org_path', '>=', lo)
    .where('m.org_path', '<', hi)
    .where('t.present', '=', 1)
    .where('t.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .where('c.kind', '=', 'rotation')
    .where('c.status', 'in', ['approved', 'finished'])
    .where('s.held_on', '>=', from)
    .where('s.held_on', '<=', to)
    .execute();
  return new Set(rows.map((r) => r.member_id));
}

/**
 * Every query on county leaders' contact points (联系点). A point, its visits and issues lie on the path of the
 * organization guided, so a township sees the points in its subtree; a leader lies on the county's path and is
 * seen by a township only through a point of its subtree.
 */
import type { Insertable, Selectable, SelectQueryBuilder, Updateable } from 'kysely';
import { likeContains } from '../../../db/dialect.js';
import type {
  ContactIssuesTable,
  ContactLeadersTable,
  ContactPointsTable,
  ContactVisitsTable,
} from '../../../db/schema/contactPoints.js';
import type { Actor } from '../../../platform/actor.js';
import { notFound } from '../../../platform/errors.js';
import { type Liveness, type Paging, paged, type Q, rangeOf, scoped } from '../../../platform/data/scoped.js';
// The organizations' own readers, under the names this module's code calls them.
export { childOrgs, orgOfTenant } from '../../core/orgs/orgs.repository.js';

export type LeaderRow = Selectable<ContactLeadersTable>;
export type PointRow = Selectable<ContactPointsTable> & { org_name: string; leader_name: string; leader_post: string };
export type { Q };

type AnyQ = SelectQueryBuilder<any, any, any>;

/** Leaders the caller sees: those on its path (the county), or holding a live point of its subtree. */
function leadersSeen(db: Q, actor: Actor, rows: Liveness): AnyQ {
  const [lo, hi] = rangeOf(actor);
  const points = scoped(db, actor, 'contact_points', { as: 'p' }).select('p.leader_id');
  let q = (db as any)
    .selectFrom('contact_leaders as l')
    .where('l.tenant_id', '=', actor.tenantId)
    .where((e: any) => e.or([e.and([e('l.org_path', '>=', lo), e('l.org_path', '<', hi)]), e('l.id', 'in', points)]));
  if (rows !== 'any') q = q.where('l.deleted_at', rows === 'deleted' ? 'is not' : 'is', null);
  return q;
}

/** A page of leaders, in their order. */
export function listLeaders(db: Q, actor: Actor, f: { q?: string; deleted?: boolean }, paging: Paging) {
  let base = leadersSeen(db, actor, f.deleted ? 'deleted' : 'live');
  if (f.q) {
    const text = f.q;
    base = base.where((e: any) => e.or([likeContains('l.name', text), likeContains('l.post', text)]));
  }
  return paged(
    db,
    actor.tenantId!,
    base,
    (b) => b.selectAll('l').orderBy('l.sort_order').orderBy('l.id') as SelectQueryBuilder<any, any, LeaderRow>,
    paging,
  );
}

/** One leader the caller sees, or 404. */
export async function getLeader(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<LeaderRow> {
  const row = (await leadersSeen(db, actor, rows).selectAll('l').where('l.id', '=', id).executeTakeFirst()) as
    | LeaderRow
    | undefined;
  if (!row) throw notFound();
  return row;
}

/** Inserts a leader; answers its id. */
export async function insertLeader(db: Q, row: Insertable<ContactLeadersTable>): Promise<number> {
  return (await db.insertInto('contact_leaders').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes a leader's columns. */
export async function updateLeader(db: Q, id: number, set: Updateable<ContactLeadersTable>): Promise<void> {
  await db.updateTable('contact_leaders').set(set).where('id', '=', id).execute();
}

/** What a list of points asks for. */
export interface PointFilter {
  underPath?: string;
  leaderId?: number;
  leaderIds?: number[];
  kind?: string;
  openIssues?: boolean;
  deleted?: boolean;
}

function pointsOf(db: Q, actor: Actor, f: PointFilter): AnyQ {
  let q = scoped(db, actor, 'contact_points', {
    as: 'p',
    under: f.underPath,
    rows: f.deleted ? 'deleted' : 'live',
  }) as AnyQ;
  if (f.leaderId) q = q.where('p.leader_id', '=', f.leaderId);
  if (f.leaderIds) q = q.where('p.leader_id', 'in', f.leaderIds.length ? f.leaderIds : [0]);
  if (f.kind) q = q.where('p.kind', '=', f.kind);
  if (f.openIssues)
    q = q.where((e: any) =>
      e.exists(
        e
          .selectFrom('contact_issues as i')
          .select('i.id')
          .whereRef('i.point_id', '=', 'p.id')
          .where('i.state', '=', 'open')
          .where('i.deleted_at', 'is', null),
      ),
    );
  return q;
}

function namedPoints(q: AnyQ): AnyQ {
  return q
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .innerJoin('contact_leaders as l', 'l.id', 'p.leader_id')
    .selectAll('p')
    .select(['o.name as org_name', 'l.name as leader_name', 'l.post as leader_post']);
}

/** A page of points: by leader's order, then organization. */
export function listPoints(db: Q, actor: Actor, f: PointFilter, paging: Paging) {
  return paged(
    db,
    actor.tenantId!,
    pointsOf(db, actor, f),
    (b) =>
      namedPoints(b).orderBy('l.sort_order').orderBy('p.leader_id').orderBy('p.id') as SelectQueryBuilder<
        any,
        any,
        PointRow
      >,
    paging,
  );
}

/** Every live point of some leaders in the caller's scope (the leaders' page). */
export function pointsOfLeaders(db: Q, actor: Actor, leaderIds: number[]): Promise<PointRow[]> {
  return namedPoints(pointsOf(db, actor, { leaderIds }))
    .orderBy('p.id')
    .execute() as Promise<PointRow[]>;
}

/** One point of the caller's scope with its names, or 404. */
export async function getPoint(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<PointRow> {
  const row = (await namedPoints(scoped(db, actor, 'contact_points', { as: 'p', rows }) as AnyQ)
    .where('p.id', '=', id)
    .executeTakeFirst()) as PointRow | undefined;
  if (!row) throw notFound();
  return row;
}

/** Whether a leader already has a live point on an organization. */
export async function pointTaken(db: Q, leaderId: number, orgId: number): Promise<boolean> {
  return !!(await db
    .selectFrom('contact_points')
    .select('id')
    .where('leader_id', '=', leaderId)
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst());
}

/** The latest live weak-organization record (软弱涣散) of an organization, if any. */
export async function weakFileOf(db: Q, tenantId: number, orgId: number) {
  return db
    .selectFrom('weak_orgs')
    .select(['id'])
    .where('tenant_id', '=', tenantId)
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null)
    .orderBy('year', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Inserts a point; answers its id. */
export async function insertPoint(db: Q, row: Insertable<ContactPointsTable>): Promise<number> {
  return (await db.insertInto('contact_points').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes a point's columns. */
export async function updatePoint(db: Q, id: number, set: Updateable<ContactPointsTable>): Promise<void> {
  await db.updateTable('contact_points').set(set).where('id', '=', id).execute();
}

/** Visits this year and open issues of some points, by point. */
export async function countsOf(db: Q, ids: number[], year: string) {
  if (!ids.length) return { visits: [], issues: [] };
  const [visits, issues] = await Promise.all([
    db
      .selectFrom('contact_visits')
      .select(['point_id', (e) => e.fn.countAll<number | string>().as('n'), (e) => e.fn.max('visited_on').as('last')])
      .where('point_id', 'in', ids)
      .where('deleted_at', 'is', null)
      .where('visited_on', '>=', `${year}-01-01`)
      .where('visited_on', '<=', `${year}-12-31`)
      .groupBy('point_id')
      .execute(),
    db
      .selectFrom('contact_issues')
      .select(['point_id', (e) => e.fn.countAll<number | string>().as('n')])
      .where('point_id', 'in', ids)
      .where('deleted_at', 'is', null)
      .where('state', '=', 'open')
      .groupBy('point_id')
      .execute(),
  ]);
  return { visits, issues };
}

/** The visits of a point, latest first, with their issues. */
export async function visitsOf(db: Q, pointId: number) {
  const visits = await db
    .selectFrom('contact_visits')
    .select(['id', 'visited_on', 'content'])
    .where('point_id', '=', pointId)
    .where('deleted_at', 'is', null)
    .orderBy('visited_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const issues = await db
    .selectFrom('contact_issues')
    .select(['id', 'visit_id', 'text', 'state', 'solved_on', 'solution'])
    .where('point_id', '=', pointId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  return { visits, issues };
}

/** Inserts a visit; answers its id. */
export async function insertVisit(db: Q, row: Insertable<ContactVisitsTable>): Promise<number> {
  return (await db.insertInto('contact_visits').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Inserts issues. */
export async function insertIssues(db: Q, rows: Insertable<ContactIssuesTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 300)
    await db
      .insertInto('contact_issues')
      .values(rows.slice(i, i + 300))
      .execute();
}

/** An issue of a point. */
export function issueOf(db: Q, pointId: number, id: number) {
  return db
    .selectFrom('contact_issues')
    .selectAll()
    .where('point_id', '=', pointId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Marks an issue solved. */
export async function solveIssue(db: Q, id: number, set: Updateable<ContactIssuesTable>): Promise<void> {
  await db.updateTable('contact_issues').set(set).where('id', '=', id).execute();
}

/** The figure's rows of a subtree: live points, visits of a span and issues found in it. */
export async function figureRows(db: Q, tenantId: number, [lo, hi]: [string, string], from: string, to: string) {
  const sub = (t: string, a = t) =>
    (db as any)
      .selectFrom(`${t} as ${a}`)
      .where(`${a}.tenant_id`, '=', tenantId)
      .where(`${a}.org_path`, '>=', lo)
      .where(`${a}.org_path`, '<', hi)
      .where(`${a}.deleted_at`, 'is', null) as AnyQ;
  const [points, visits, issues] = await Promise.all([
    sub('contact_points').select(['id', 'leader_id', 'org_id', 'org_path', 'kind']).execute(),
    sub('contact_visits')
      .select(['id', 'org_path'])
      .where('visited_on', '>=', from)
      .where('visited_on', '<=', to)
      .execute(),
    sub('contact_issues', 'i')
      .innerJoin('contact_visits as v', 'v.id', 'i.visit_id')
      .select(['i.id', 'i.org_path', 'i.state'])
      .where('v.visited_on', '>=', from)
      .where('v.visited_on', '<=', to)
      .execute(),
  ]);
  return {
    points: points as { id: number; leader_id: number; org_id: number; org_path: string; kind: string }[],
    visits: visits as { id: number; org_path: string }[],
    issues: issues as { id: number; org_path: string; state: string }[],
  };
}

/** Inserts leaders in bulk; answers their ids in order. */
export async function insertLeaders(db: Q, rows: Insertable<ContactLeadersTable>[]): Promise<number[]> {
  return (await db.insertInto('contact_leaders').values(rows).returning('id').execute()).map((r) => r.id);
}

/** Inserts points in bulk; answers their ids in order. */
export async function insertPoints(db: Q, rows: Insertable<ContactPointsTable>[]): Promise<number[]> {
  return (await db.insertInto('contact_points').values(rows).returning('id').execute()).map((r) => r.id);
}

/** Inserts visits in bulk; answers their ids in order. */
export async function insertVisits(db: Q, rows: Insertable<ContactVisitsTable>[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 200)
    ids.push(
      ...(
        await db
          .insertInto('contact_visits')
          .values(rows.slice(i, i + 200))
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
  return ids;
}

/** The demo's county root, open weak-organization files and places (villages and communities). */
export async function demoOrgs(db: Q, tenantId: number) {
  const [root, weak, places] = await Promise.all([
    db
      .selectFrom('orgs')
      .select(['id', 'org_path'])
      .where('tenant_id', '=', tenantId)
      .where('depth', '=', 0)
      .where('deleted_at', 'is', null)
      .executeTakeFirst(),
    db
      .selectFrom('weak_orgs as w')
      .select(['w.id', 'w.org_id', 'w.org_path'])
      .where('w.tenant_id', '=', tenantId)
      .where('w.deleted_at', 'is', null)
      .orderBy('w.id')
      .execute(),
    db
      .selectFrom('orgs')
      .select(['id', 'org_path'])
      .where('tenant_id', '=', tenantId)
      .where('depth', '=', 2)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute(),
  ]);
  return { root, weak, places };
}

/** An account of a tenant (a leader's own, optional). */
export function userOfTenant(db: Q, tenantId: number, id: number) {
  return db.selectFrom('users').select('id').where('id', '=', id).where('tenant_id', '=', tenantId).executeTakeFirst();
}

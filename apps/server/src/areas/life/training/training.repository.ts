/**
 * Every query of the training module. Classes, sessions, attendees and attendance lie on the organizer's path: a
 * scoped query gives each caller the classes of its subtree. Hours are read set-based for a subtree of members, one
 * query per source (class sessions attended, counted meetings attended, party posts held, rotation attendance).
 */
import type { Insertable, Selectable, SelectQueryBuilder } from 'kysely';
import { likeContains, subtreeRange } from '../../../db/dialect.js';
import type {
  TrainingAttendanceTable,
  TrainingAttendeesTable,
  TrainingClassesTable,
  TrainingSessionsTable,
} from '../../../db/schema/training.js';
import type { Actor } from '../../../platform/actor.js';
import { getOr404, type Liveness, type Paging, paged, type Q, scoped } from '../../../platform/data/scoped.js';
import { notFound } from '../../../platform/errors.js';
// The organizations' own readers, under the names this module's code calls them.
export { childOrgs } from '../../core/orgs/orgs.repository.js';

export type ClassRow = Selectable<TrainingClassesTable> & { org_name: string };
export type SessionRow = Selectable<TrainingSessionsTable>;
export type AttendeeRow = Selectable<TrainingAttendeesTable> & { name: string; org_name: string };
export type { Q };

type AnyQ = SelectQueryBuilder<any, any, any>;

/** What a list of classes asks for. */
export interface ClassFilter {
  underPath?: string;
  q?: string;
  status?: string;
  kind?: string;
  year?: number;
  deleted?: boolean;
}

function base(db: Q, actor: Actor, under: string | undefined, rows: Liveness): AnyQ {
  return (scoped(db, actor, 'training_classes', { as: 'c', under, rows }) as AnyQ).innerJoin(
    'orgs as o',
    'o.id',
    'c.org_id',
  );
}
const COLUMNS = (q: AnyQ) => q.selectAll('c').select(['o.name as org_name']);

/** One class of the caller's scope (404 otherwise). */
export async function getClass(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<ClassRow> {
  await getOr404(db, actor, 'training_classes', id, rows);
  return (await COLUMNS(base(db, actor, undefined, 'any'))
    .where('c.id', '=', id)
    .executeTakeFirstOrThrow()) as ClassRow;
}

function filtered(db: Q, actor: Actor, f: ClassFilter): AnyQ {
  let q = base(db, actor, f.underPath, f.deleted ? 'deleted' : 'live');
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.kind) q = q.where('c.kind', '=', f.kind);
  if (f.year) q = q.where('c.year', '=', f.year);
  if (f.q) {
    const text = f.q;
    q = q.where((e: any) => e.or([likeContains('c.title', text), likeContains('o.name', text)]));
  }
  return q;
}

/** A page of classes, the latest starting first. */
export async function listClasses(db: Q, actor: Actor, f: ClassFilter, paging: Paging) {
  const order = (b: AnyQ) => COLUMNS(b).orderBy('c.start_on', 'desc').orderBy('c.id', 'desc');
  return paged(db, actor.tenantId!, filtered(db, actor, f), order, paging) as Promise<{
    rows: ClassRow[];
    total: number;
  }>;
}

/** Inserts classes; answers their ids in order. */
export async function insertClasses(db: Q, rows: Omit<Insertable<TrainingClassesTable>, 'id'>[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 200)
    ids.push(
      ...(
        await db
          .insertInto('training_classes')
          .values(rows.slice(i, i + 200))
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
  return ids;
}

/** Changes columns of a class outside a move. */
export async function updateClass(db: Q, id: number, set: Partial<Selectable<TrainingClassesTable>>): Promise<void> {
  await db.updateTable('training_classes').set(set).where('id', '=', id).execute();
}

/** The live sessions of classes, in date order. */
export async function sessionsOf(db: Q, classIds: number[]): Promise<SessionRow[]> {
  if (!classIds.length) return [];
  return db
    .selectFrom('training_sessions')
    .selectAll()
    .where('class_id', 'in', classIds)
    .where('deleted_at', 'is', null)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
}

/** Replaces the sessions of a class (its plan, before any attendance exists). */
export async function replaceSessions(
  db: Q,
  classId: number,
  rows: Omit<Insertable<TrainingSessionsTable>, 'id'>[],
): Promise<void> {
  await db.deleteFrom('training_sessions').where('class_id', '=', classId).execute();
  await insertRows(db, 'training_sessions', rows);
}

/** Bulk inserts in batches (SQLite binds a few thousand parameters per statement). */
export async function insertRows(
  db: Q,
  table: 'training_sessions' | 'training_attendees' | 'training_attendance',
  rows: Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 400)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + 400) as never)
      .execute();
}

/** The attendees of classes with their names and organizations. */
export async function attendeesOf(db: Q, classIds: number[]): Promise<AttendeeRow[]> {
  if (!classIds.length) return [];
  return (await db
    .selectFrom('training_attendees as a')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .selectAll('a')
    .select(['m.name as name', 'o.name as org_name'])
    .where('a.class_id', 'in', classIds)
    .where('a.deleted_at', 'is', null)
    .orderBy('o.org_path')
    .orderBy('a.id')
    .execute()) as AttendeeRow[];
}

/** Per class: attendees, passed, failed and attendances present (list rows). */
export async function classCounts(db: Q, classIds: number[]) {
  const out = new Map<number, { attendees: number; passed: number; failed: number; personTimes: number }>();
  if (!classIds.length) return out;
  for (const id of classIds) out.set(id, { attendees: 0, passed: 0, failed: 0, personTimes: 0 });
  const a = await db
    .selectFrom('training_attendees')
    .select(['class_id', 'result', (e) => e.fn.countAll<number>().as('n')])
    .where('class_id', 'in', classIds)
    .where('deleted_at', 'is', null)
    .groupBy(['class_id', 'result'])
    .execute();
  for (const r of a) {
    const c = out.get(r.class_id)!;
    c.attendees += Number(r.n);
    if (r.result === 'passed') c.passed += Number(r.n);
    if (r.result === 'failed') c.failed += Number(r.n);
  }
  const p = await db
    .selectFrom('training_attendance')
    .select(['class_id', (e) => e.fn.countAll<number>().as('n')])
    .where('class_id', 'in', classIds)
    .where('present', '=', 1)
    .where('deleted_at', 'is', null)
    .groupBy('class_id')
    .execute();
  for (const r of p) out.get(r.class_id)!.personTimes = Number(r.n);
  return out;
}

/** The attendance rows of classes. */
export async function attendanceOf(db: Q, classIds: number[]) {
  if (!classIds.length) return [];
  return db
    .selectFrom('training_attendance')
    .select(['session_id', 'member_id', 'present'])
    .where('class_id', 'in', classIds)
    .where('deleted_at', 'is', null)
    .execute();
}

/** Removes attendees (and their attendance) from a class. */
export async function removeAttendees(db: Q, classId: number, memberIds: number[]): Promise<void> {
  if (!memberIds.length) return;
  await db
    .deleteFrom('training_attendance')
    .where('class_id', '=', classId)
    .where('member_id', 'in', memberIds)
    .execute();
  await db
    .deleteFrom('training_attendees')
    .where('class_id', '=', classId)
    .where('member_id', 'in', memberIds)
    .execute();
}

/** Replaces the attendance of a session. */
export async function replaceAttendance(
  db: Q,
  sessionId: number,
  rows: Omit<Insertable<TrainingAttendanceTable>, 'id'>[],
): Promise<void> {
  await db.deleteFrom('training_attendance').where('session_id', '=', sessionId).execute();
  await insertRows(db, 'training_attendance', rows);
}

/** Sets attendees' results. */
export async function setResult(db: Q, classId: number, memberId: number, result: string, now: string) {
  await db
    .updateTable('training_attendees')
    .set({ result, updated_at: now })
    .where('class_id', '=', classId)
    .where('member_id', '=', memberId)
    .execute();
}

/** The live members among `ids` inside a subtree (attendees must belong to the organizer's subtree). */
export async function membersUnder(db: Q, tenantId: number, path: string, ids: number[]) {
  if (!ids.length) return [];
  const [lo, hi] = subtreeRange(path);
  return db
    .selectFrom('members')
    .select(['id'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .execute();
}

/** An organization of the caller's scope by id (a class's organizer, a figure's root). */
export async function orgOfTenant(db: Q, tenantId: number, id: number) {
  const o = await db
    .selectFrom('orgs')
    .select(['id', 'name', 'org_path', 'depth'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!o) throw notFound();
  return o;
}

/** One member's classes of a period with hours attended (the phone page). */
export async function myClasses(db: Q, memberId: number, from: string, to: string) {
  const rows = await db
    .selectFrom('training_attendance as t')
    .innerJoin('training_sessions as s', 's.id', 't.session_id')
    .innerJoin('training_classes as c', 'c.id', 't.class_id')
    .select([
      'c.id',
      'c.title',
      (e) => e.fn.sum<number>('s.hours_tenths').as('tenths'),
      (e) => e.fn.countAll<number>().as('n'),
    ])
    .where('t.member_id', '=', memberId)
    .where('t.present', '=', 1)
    .where('t.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .where('c.status', 'in', ['approved', 'finished'])
    .where('s.held_on', '>=', from)
    .where('s.held_on', '<=', to)
    .groupBy(['c.id', 'c.title'])
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({ title: r.title, hours: Number(r.tenths ?? 0) / 10, sessions: Number(r.n) }));
}

/** Classes approved or finished that start in a period, and attendances present at their sessions (the figure). */
export async function classFigures(db: Q, tenantId: number, [lo, hi]: [string, string], from: string, to: string) {
  const c = await db
    .selectFrom('training_classes')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .where('status', 'in', ['approved', 'finished'])
    .where('start_on', '>=', from)
    .where('start_on', '<=', to)
    .executeTakeFirstOrThrow();
  const p = await db
    .selectFrom('training_attendance as t')
    .innerJoin('training_sessions as s', 's.id', 't.session_id')
    .innerJoin('training_classes as c', 'c.id', 't.class_id')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('c.tenant_id', '=', tenantId)
    .where('c.org_path', '>=', lo)
    .where('c.org_path', '<', hi)
    .where('c.deleted_at', 'is', null)
    .where('c.status', 'in', ['approved', 'finished'])
    .where('t.present', '=', 1)
    .where('t.deleted_at', 'is', null)
    .where('s.held_on', '>=', from)
    .where('s.held_on', '<=', to)
    .executeTakeFirstOrThrow();
  return { classes: Number(c.n), personTimes: Number(p.n) };
}

/** The demo's county and its townships (depth 0 and 1), and the demo member's id. */
export async function demoPlaces(db: Q, tenantId: number) {
  const orgs = await db
    .selectFrom('orgs')
    .select(['id', 'name', 'org_path', 'depth'])
    .where('tenant_id', '=', tenantId)
    .where('depth', '<=', 1)
    .where('deleted_at', 'is', null)
    .orderBy('depth')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  const demo = await db
    .selectFrom('users')
    .select(['member_id'])
    .where('tenant_id', '=', tenantId)
    .where('username', '=', 'demo-member')
    .executeTakeFirst();
  return { orgs, demoMember: demo?.member_id ?? null };
}

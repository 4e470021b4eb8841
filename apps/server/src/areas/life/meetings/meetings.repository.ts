/** Every query on meetings, attendance, motions, reviews and photos, inside the caller's scope. */
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Actor } from '../../../platform/actor.js';
import { liveInSubtree, paged, type Q, rangeOf, scoped } from '../../../platform/data/scoped.js';
import type { MeetingAttendanceTable, MeetingMotionsTable, MeetingsTable } from '../../../db/schema/index.js';
import { likeContains, subtreeRange } from '../../../db/dialect.js';
import { notFound } from '../../../platform/errors.js';
import { readVersions } from '../../../platform/data/dataVersions.js';
import { memo } from '../../../platform/memo.js';

export type MeetingRow = Selectable<MeetingsTable> & { org_name: string };
export type { Q };

/** One meeting in scope (404 otherwise). */
export async function getMeeting(
  db: Q,
  actor: Actor,
  id: number,
  opts: { includeDeleted?: boolean } = {},
): Promise<MeetingRow> {
  const q = scoped(db, actor, 'meetings', { as: 'mt', rows: opts.includeDeleted ? 'any' : 'live' })
    .innerJoin('orgs as o', 'o.id', 'mt.org_id')
    .selectAll('mt')
    .select('o.name as org_name')
    .where('mt.id', '=', id);
  const row = (await q.executeTakeFirst()) as MeetingRow | undefined;
  if (!row) throw notFound();
  return row;
}

export interface MeetingFilter {
  underPath?: string;
  kind?: string;
  from?: string;
  to?: string;
  q?: string;
  incomplete?: boolean;
  deleted?: boolean;
}

/** SQL: whether a meeting's record is incomplete (no minutes, or nobody marked present or on leave). */
const incompleteSql = sql<boolean>`(coalesce(mt.minutes, '') = '' or not exists
  (select 1 from meeting_attendance a where a.meeting_id = mt.id and a.status in ('present', 'leave')))`;

/**
 * From this many meetings on, a page is read along the index in the list's order (meetings_order,
 * meetings_kind_order) rather than by sorting the subtree: 20 of 6,000 county theme days cost 0.5 ms that way
 * instead of 20 ms, while a branch's few dozen sort faster than a walk past the rest of the county.
 */
const WIDE_FROM = 500;

/**
 * A page of meetings, newest first (by date, then start time), the total and each one's attendance and photo counts.
 * Outside a transaction the answer is kept under the versions it was read from (meetings, which attendance and
 * photos bump too, and the roster for organizations' names and moves): one read per change, however often asked.
 */
export async function listMeetings(
  db: Q,
  actor: Actor,
  f: MeetingFilter,
  page: number,
  pageSize: number,
): Promise<{ rows: MeetingRow[]; total: number; counts: Map<number, AttendanceCounts> }> {
  const filtered = (wide: boolean) => {
    const rows = f.deleted ? 'deleted' : 'live';
    let q = scoped(db, actor, 'meetings', { as: 'mt', under: f.underPath, rows, wide });
    if (f.kind) q = q.where('mt.kind', '=', f.kind);
    if (f.from) q = q.where('mt.held_on', '>=', f.from);
    if (f.to) q = q.where('mt.held_on', '<=', f.to);
    if (f.q) q = q.where(likeContains('mt.topic', f.q));
    if (f.incomplete) q = q.where(incompleteSql);
    return q;
  };
  const read = async (countKey?: string) => {
    const { rows, total } = (await paged(
      db,
      actor.tenantId!,
      filtered(false),
      (b, n) =>
        (n >= WIDE_FROM ? filtered(true) : b)
          .innerJoin('orgs as o', 'o.id', 'mt.org_id')
          .selectAll('mt')
          .select('o.name as org_name')
          // Newest first, and within a day by the clock (two meetings of a morning and an afternoon).
          .orderBy('mt.held_on', 'desc')
          .orderBy('mt.start_time', 'desc')
          .orderBy('mt.id', 'desc'),
      { page, pageSize },
      countKey ? { domain: 'meetings', key: countKey } : undefined,
    )) as { rows: MeetingRow[]; total: number };
    const counts = await countsOf(
      db,
      rows.map((r) => r.id),
    );
    return { rows, total, counts };
  };
  if (db.isTransaction) return read();
  // The total reads the whole subtree; it changes only when meetings (or the roster, by moves) do.
  const [lo, hi] = rangeOf(actor, f.underPath);
  const tenant = actor.tenantId!;
  const [roster, meetings] = await readVersions(db, tenant, ['roster', 'meetings']);
  const key = `meetings|${lo}|${hi}|r${roster}|${JSON.stringify({ ...f, underPath: undefined })}`;
  return memo(db, `${tenant}|m${meetings}|${key}|page|${page}|${pageSize}`, () => read(key));
}

export interface AttendanceCounts {
  expected: number;
  present: number;
  leave: number;
  absent: number;
  photos: number;
}

/** Attendance and photo counts of some meetings, in two grouped queries. */
export async function countsOf(db: Q, ids: number[]): Promise<Map<number, AttendanceCounts>> {
  const out = new Map<number, AttendanceCounts>(
    ids.map((id) => [id, { expected: 0, present: 0, leave: 0, absent: 0, photos: 0 }]),
  );
  if (!ids.length) return out;
  const att = await db
    .selectFrom('meeting_attendance')
    .select(['meeting_id', 'status', (e) => e.fn.countAll<number>().as('n')])
    .where('meeting_id', 'in', ids)
    .groupBy(['meeting_id', 'status'])
    .execute();
  for (const r of att) {
    const c = out.get(r.meeting_id)!;
    const n = Number(r.n);
    c.expected += n;
    if (r.status === 'present') c.present += n;
    else if (r.status === 'leave') c.leave += n;
    else c.absent += n;
  }
  const photos = await db
    .selectFrom('meeting_photos')
    .select(['meeting_id', (e) => e.fn.countAll<number>().as('n')])
    .where('meeting_id', 'in', ids)
    .where('deleted_at', 'is', null)
    .groupBy('meeting_id')
    .execute();
  for (const p of photos) out.get(p.meeting_id)!.photos = Number(p.n);
  return out;
}

/** Live members of a subtree with their status (the expected attendees of a members' meeting). */
export async function membersUnder(
  db: Q,
  tenantId: number,
  orgPath: string,
): Promise<{ id: number; name: string; status: string }[]> {
  const [lo, hi] = subtreeRange(orgPath);
  return liveInSubtree(db, 'members', tenantId, [lo, hi])
    .select(['id', 'name', 'status'])
    .orderBy('name_pinyin')
    .execute();
}

/** Attendance of one meeting with the members' names. */
export async function attendanceOf(db: Q, meetingId: number) {
  return db
    .selectFrom('meeting_attendance as a')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .select([
      'a.member_id',
      'm.name',
      'm.status as member_status',
      'a.status',
      'a.leave_reason',
      'a.checked_in_at',
      'a.method',
    ])
    .where('a.meeting_id', '=', meetingId)
    .orderBy('m.name_pinyin')
    .execute();
}

/** Held-meeting counts per org, kind and month over a subtree and span (compliance). */
export async function heldByMonth(db: Q, tenantId: number, orgPath: string, from: string, to: string) {
  const [lo, hi] = subtreeRange(orgPath);
  return liveInSubtree(db, 'meetings', tenantId, [lo, hi])
    .select(['org_id', 'kind', sql<string>`substr(held_on, 1, 7)`.as('ym'), (e) => e.fn.countAll<number>().as('n')])
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .groupBy(['org_id', 'kind', sql`substr(held_on, 1, 7)`])
    .execute();
}

/** Members talked with (present at a per-member kind) per org and month: each member counts once per unit. */
export async function talkedByMonth(db: Q, tenantId: number, orgPath: string, kind: string, from: string, to: string) {
  const [lo, hi] = subtreeRange(orgPath);
  return liveInSubtree(db, 'meetings', tenantId, [lo, hi], 'mt')
    .innerJoin('meeting_attendance as a', 'a.meeting_id', 'mt.id')
    .select(['mt.org_id', 'a.member_id', sql<string>`substr(mt.held_on, 1, 7)`.as('ym')])
    .where('mt.kind', '=', kind)
    .where('mt.held_on', '>=', from)
    .where('mt.held_on', '<=', to)
    .where('a.status', '=', 'present')
    .distinct()
    .execute();
}

/** The motions of a meeting, in order. */
export async function motionsOf(db: Q, meetingId: number) {
  return db.selectFrom('meeting_motions').selectAll().where('meeting_id', '=', meetingId).orderBy('id').execute();
}

/** The reviews of a meeting with the members' names. */
export async function reviewsOf(db: Q, meetingId: number) {
  return db
    .selectFrom('meeting_reviews as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .select(['r.member_id', 'm.name', 'r.grade'])
    .where('r.meeting_id', '=', meetingId)
    .orderBy('m.name_pinyin')
    .execute();
}

/** The live photos of a meeting, in order. */
export async function photosOf(db: Q, meetingId: number) {
  return db
    .selectFrom('meeting_photos')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** A member's name (a lecturer's), or null. */
export async function memberName(db: Q, memberId: number): Promise<string | null> {
  return (await db.selectFrom('members').select('name').where('id', '=', memberId).executeTakeFirst())?.name ?? null;
}

/** The path of an org of the tenant (a group's parent branch), or null. */
export async function orgPathInTenant(db: Q, tenantId: number, orgId: number): Promise<string | null> {
  const org = await db
    .selectFrom('orgs')
    .select('org_path')
    .where('id', '=', orgId)
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return org?.org_path ?? null;
}

/** Live members placed directly in an org (its own staff). */
export async function staffOf(db: Q, orgId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('members')
    .select('id')
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((m) => m.id);
}

/** The secretaries of the live orgs directly under an org. */
export async function childSecretaries(db: Q, orgId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('orgs')
    .select('secretary_member_id')
    .where('parent_id', '=', orgId)
    .where('deleted_at', 'is', null)
    .where('secretary_member_id', 'is not', null)
    .execute();
  return rows.map((o) => o.secretary_member_id!);
}

/** The attendance rows of a meeting. */
export async function attendanceRows(db: Q, meetingId: number) {
  return db.selectFrom('meeting_attendance').selectAll().where('meeting_id', '=', meetingId).execute();
}

/** An attendance row to write. */
export type AttendanceRow = Omit<Insertable<MeetingAttendanceTable>, 'id'>;

/** Replaces the attendance of a meeting (in batches, under the engines' parameter limits). */
export async function replaceAttendance(db: Q, meetingId: number, rows: AttendanceRow[]): Promise<void> {
  await db.deleteFrom('meeting_attendance').where('meeting_id', '=', meetingId).execute();
  for (let i = 0; i < rows.length; i += 300)
    await db
      .insertInto('meeting_attendance')
      .values(rows.slice(i, i + 300))
      .execute();
}

/** A motion row to write. */
export type MotionRow = Omit<Insertable<MeetingMotionsTable>, 'id'>;

/** Replaces the motions of a meeting. */
export async function replaceMotions(db: Q, meetingId: number, rows: MotionRow[]): Promise<void> {
  await db.deleteFrom('meeting_motions').where('meeting_id', '=', meetingId).execute();
  for (const row of rows) await db.insertInto('meeting_motions').values(row).execute();
}

/** Replaces the reviews of a meeting. */
export async function replaceReviews(
  db: Q,
  meetingId: number,
  reviews: { memberId: number; grade: string }[],
): Promise<void> {
  await db.deleteFrom('meeting_reviews').where('meeting_id', '=', meetingId).execute();
  if (reviews.length)
    await db
      .insertInto('meeting_reviews')
      .values(reviews.map((r) => ({ meeting_id: meetingId, member_id: r.memberId, grade: r.grade })))
      .execute();
}

/** A new meeting's row. */
export type NewMeeting = Omit<Insertable<MeetingsTable>, 'id'>;

/** Inserts a meeting; returns its id. */
export async function insertMeeting(db: Q, row: NewMeeting): Promise<number> {
  return (await db.insertInto('meetings').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes the columns of one meeting. */
export async function updateMeeting(db: Q, id: number, set: Record<string, unknown>): Promise<void> {
  await db.updateTable('meetings').set(set).where('id', '=', id).execute();
}

/** A meeting's row as stored (one the caller already holds in scope). */
export async function meetingRow(db: Q, id: number) {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Live meetings of a kind held by each of some organizations (itself, not below it) between two days, by org id. */
export async function heldByOrgs(db: Q, tenantId: number, orgIds: number[], kind: string, from: string, to: string) {
  const out = new Map<number, number>();
  for (let i = 0; i < orgIds.length; i += 500) {
    const rows = await db
      .selectFrom('meetings')
      .select(['org_id', (e) => e.fn.countAll<number>().as('n')])
      .where('tenant_id', '=', tenantId)
      .where('org_id', 'in', orgIds.slice(i, i + 500))
      .where('kind', '=', kind)
      .where('held_on', '>=', from)
      .where('held_on', '<=', to)
      .where('deleted_at', 'is', null)
      .groupBy('org_id')
      .execute();
    for (const r of rows) out.set(r.org_id, Number(r.n));
  }
  return out;
}

/** Every query on meetings, attendance, motions, reviews and photos, inside the caller's scope. */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Actor } from '../../../platform/actor.js';
import { scopeRange } from '../../../platform/actor.js';
import type { DB, MeetingsTable } from '../../../db/schema.js';
import { likeContains, subtreeRange } from '../../../db/dialect.js';
import { notFound } from '../../../platform/errors.js';
import { cached, readVersion } from '../../../platform/versions.js';

export type MeetingRow = Selectable<MeetingsTable> & { org_name: string };
type Q = Kysely<DB> | Transaction<DB>;

/** One meeting in scope (404 otherwise). */
export async function getMeeting(
  db: Q,
  actor: Actor,
  id: number,
  opts: { includeDeleted?: boolean } = {},
): Promise<MeetingRow> {
  const [lo, hi] = scopeRange(actor);
  let q = db
    .selectFrom('meetings as mt')
    .innerJoin('orgs as o', 'o.id', 'mt.org_id')
    .selectAll('mt')
    .select('o.name as org_name')
    .where('mt.id', '=', id)
    .where('mt.tenant_id', '=', actor.tenantId!)
    .where('mt.org_path', '>=', lo)
    .where('mt.org_path', '<', hi);
  if (!opts.includeDeleted) q = q.where('mt.deleted_at', 'is', null);
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
const incompleteSql = sql<boolean>`(coalesce(mt.minutes, '') = '' or not exists (select 1 from meeting_attendance a where a.meeting_id = mt.id and a.status in ('present', 'leave')))`;

/** A page of meetings, newest first, and the total. */
export async function listMeetings(
  db: Q,
  actor: Actor,
  f: MeetingFilter,
  page: number,
  pageSize: number,
): Promise<{ rows: MeetingRow[]; total: number }> {
  const [lo, hi] = f.underPath ? subtreeRange(f.underPath) : scopeRange(actor);
  let q = db
    .selectFrom('meetings as mt')
    .where('mt.tenant_id', '=', actor.tenantId!)
    .where('mt.org_path', '>=', lo)
    .where('mt.org_path', '<', hi);
  q = f.deleted ? q.where('mt.deleted_at', 'is not', null) : q.where('mt.deleted_at', 'is', null);
  if (f.kind) q = q.where('mt.kind', '=', f.kind);
  if (f.from) q = q.where('mt.held_on', '>=', f.from);
  if (f.to) q = q.where('mt.held_on', '<=', f.to);
  if (f.q) q = q.where(likeContains('mt.topic', f.q));
  if (f.incomplete) q = q.where(incompleteSql);
  const count = async () =>
    Number((await q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  // The total reads the whole subtree; it changes only when meetings (or the roster, by moves) do.
  const total = db.isTransaction
    ? await count()
    : await cached(
        db as Kysely<DB>,
        actor.tenantId!,
        'meetings',
        `meetings.count|${lo}|${hi}|r${await readVersion(db, actor.tenantId!, 'roster')}|${JSON.stringify({ ...f, underPath: undefined })}`,
        count,
      );
  if (!total) return { rows: [], total };
  const rows = (await q
    .innerJoin('orgs as o', 'o.id', 'mt.org_id')
    .selectAll('mt')
    .select('o.name as org_name')
    .orderBy('mt.held_on', 'desc')
    .orderBy('mt.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute()) as MeetingRow[];
  return { rows, total };
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
  return db
    .selectFrom('members')
    .select(['id', 'name', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
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
  return db
    .selectFrom('meetings')
    .select(['org_id', 'kind', sql<string>`substr(held_on, 1, 7)`.as('ym'), (e) => e.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .where('deleted_at', 'is', null)
    .groupBy(['org_id', 'kind', sql`substr(held_on, 1, 7)`])
    .execute();
}

/** Members talked with (present at a per-member kind) per org and month: each member counts once per unit. */
export async function talkedByMonth(db: Q, tenantId: number, orgPath: string, kind: string, from: string, to: string) {
  const [lo, hi] = subtreeRange(orgPath);
  return db
    .selectFrom('meetings as mt')
    .innerJoin('meeting_attendance as a', 'a.meeting_id', 'mt.id')
    .select(['mt.org_id', 'a.member_id', sql<string>`substr(mt.held_on, 1, 7)`.as('ym')])
    .where('mt.tenant_id', '=', tenantId)
    .where('mt.org_path', '>=', lo)
    .where('mt.org_path', '<', hi)
    .where('mt.kind', '=', kind)
    .where('mt.held_on', '>=', from)
    .where('mt.held_on', '<=', to)
    .where('mt.deleted_at', 'is', null)
    .where('a.status', '=', 'present')
    .distinct()
    .execute();
}

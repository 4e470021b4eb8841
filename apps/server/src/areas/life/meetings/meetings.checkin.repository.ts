/** Queries of sign-in and of a member's own meetings. */
import type { Q } from '../../../platform/data/scoped.js';

/** Whether another meeting holds a sign-in code that is still valid. */
export async function codeTaken(db: Q, code: string, nowIso: string, exceptId: number): Promise<boolean> {
  const clash = await db
    .selectFrom('meetings')
    .select('id')
    .where('checkin_code', '=', code)
    .where('checkin_to', '>=', nowIso)
    .where('id', '!=', exceptId)
    .executeTakeFirst();
  return !!clash;
}

/**
 * Sets a meeting's sign-in window and answers the code in force: a code still valid at `nowIso` is kept, else
 * `code`. One statement, so concurrent opens agree on one code (PostgreSQL re-evaluates it on the row it waited for).
 */
export async function setCheckinWindow(
  db: Q,
  id: number,
  window: { code: string; from: string; to: string; nowIso: string },
): Promise<string> {
  const row = await db
    .updateTable('meetings')
    .set((eb) => ({
      checkin_code: eb
        .case()
        .when(eb.and([eb('checkin_code', 'is not', null), eb('checkin_to', '>=', window.nowIso)]))
        .then(eb.ref('checkin_code'))
        .else(window.code)
        .end(),
      checkin_from: window.from,
      checkin_to: window.to,
    }))
    .where('id', '=', id)
    .returning('checkin_code')
    .executeTakeFirstOrThrow();
  return row.checkin_code ?? window.code;
}

/** The live meeting of the tenant whose sign-in with this code is open now. */
export async function openMeetingByCode(db: Q, tenantId: number, code: string, nowIso: string) {
  return db
    .selectFrom('meetings as mt')
    .innerJoin('orgs as o', 'o.id', 'mt.org_id')
    .select(['mt.id', 'mt.topic', 'mt.kind', 'o.name as org_name'])
    .where('mt.checkin_code', '=', code)
    .where('mt.checkin_from', '<=', nowIso)
    .where('mt.checkin_to', '>=', nowIso)
    .where('mt.deleted_at', 'is', null)
    .where('mt.tenant_id', '=', tenantId)
    .executeTakeFirst();
}

/** Whether a live meeting of the tenant holds this code for a window that has not begun yet. */
export async function codeWaiting(db: Q, tenantId: number, code: string, nowIso: string): Promise<boolean> {
  const row = await db
    .selectFrom('meetings')
    .select('id')
    .where('checkin_code', '=', code)
    .where('checkin_from', '>', nowIso)
    .where('deleted_at', 'is', null)
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return !!row;
}

/** A member's attendance row at a meeting. */
export async function attendanceOfMember(db: Q, meetingId: number, memberId: number) {
  return db
    .selectFrom('meeting_attendance')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

/** Marks an attendance row present by the member's own sign-in. */
export async function markSelfCheckin(db: Q, attendanceId: number, nowIso: string): Promise<void> {
  await db
    .updateTable('meeting_attendance')
    .set({ status: 'present', leave_reason: null, checked_in_at: nowIso, method: 'self' })
    .where('id', '=', attendanceId)
    .execute();
}

/** Which of a member's meetings: held within [from, to] (days), and/or with a sign-in window holding `openAt`. */
export interface MemberMeetingsFilter {
  from?: string;
  to?: string;
  openAt?: string;
}

/**
 * Live meetings a member is listed at, newest first (the phone's list); narrowed by `filter`, earliest first (what
 * is asked of the member this month, the sign-ins open to the member now).
 */
export async function meetingsOfMember(db: Q, memberId: number, limit: number, filter?: MemberMeetingsFilter) {
  let q = db
    .selectFrom('meeting_attendance as a')
    .innerJoin('meetings as mt', 'mt.id', 'a.meeting_id')
    .innerJoin('orgs as o', 'o.id', 'mt.org_id')
    .select([
      'mt.id',
      'mt.kind',
      'mt.topic',
      'mt.held_on',
      'mt.start_time',
      'mt.place',
      'mt.checkin_to',
      'o.name as org_name',
      'a.status',
      'a.checked_in_at',
    ])
    .where('a.member_id', '=', memberId)
    .where('mt.deleted_at', 'is', null);
  if (filter?.from) q = q.where('mt.held_on', '>=', filter.from);
  if (filter?.to) q = q.where('mt.held_on', '<=', filter.to);
  if (filter?.openAt) {
    q = q
      .where('mt.checkin_code', 'is not', null)
      .where('mt.checkin_from', '<=', filter.openAt)
      .where('mt.checkin_to', '>=', filter.openAt);
  }
  const order = filter ? 'asc' : 'desc';
  return q.orderBy('mt.held_on', order).orderBy('mt.start_time', order).limit(limit).execute();
}

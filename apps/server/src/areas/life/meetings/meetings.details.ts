/** The details of a meeting written with it: attendance (with its default), motions and reviews, by the rules. */
import type { MeetingCreateT } from '@dangjian/contracts';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import type * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './meetings.repository.js';
import { EXPECTED_ATTENDEES, type MeetingKind } from './meetings.rules.js';
import { excellentWithinShare, tallyMotion } from './meetings.votes.js';

/**
 * Who may be listed at a meeting of an org: its subtree's members, or (a party group's meeting) the parent
 * branch's members.
 */
async function attendeePool(db: repo.Q, org: orgsRepo.OrgRow): Promise<{ id: number; name: string; status: string }[]> {
  if (org.type === 'group' && org.parent_id) {
    // The parent branch of the same county only: the pool never reaches another tenant's members.
    const parentPath = await repo.orgPathInTenant(db, org.tenant_id, org.parent_id);
    if (parentPath) return repo.membersUnder(db, org.tenant_id, parentPath);
  }
  return repo.membersUnder(db, org.tenant_id, org.org_path);
}

/**
 * Who is expected by default: every member for a members' meeting; for a committee's meeting its
 * seats and secretary, else the org's own staff, else the secretaries of the orgs under it (a
 * township committee's leadership meeting); nobody for kinds listed by hand (a group's meeting, a talk).
 */
async function defaultExpected(
  db: repo.Q,
  org: orgsRepo.OrgRow,
  kind: MeetingKind,
  pool: { id: number }[],
): Promise<number[]> {
  if (kind === 'heart_to_heart' || org.type === 'group') return [];
  if (EXPECTED_ATTENDEES[kind] === 'members') return pool.map((p) => p.id);
  const inPool = new Set(pool.map((p) => p.id));
  const seats = new Set<number>(
    (JSON.parse(org.committee) as { memberId?: number | null }[])
      .map((s) => s.memberId ?? 0)
      .filter((id) => inPool.has(id)),
  );
  if (org.secretary_member_id && inPool.has(org.secretary_member_id)) seats.add(org.secretary_member_id);
  if (seats.size) return [...seats];
  const staff = await repo.staffOf(db, org.id);
  if (staff.length) return staff;
  return (await repo.childSecretaries(db, org.id)).filter((id) => inPool.has(id));
}

/** What a create or a patch may give of the details. */
export type Input = Partial<MeetingCreateT>;

/** Writes attendance (replaced when asked), motions and reviews (when given) inside the caller's transaction. */
export async function writeDetails(
  _ctx: Ctx,
  trx: repo.Q,
  meetingId: number,
  org: orgsRepo.OrgRow,
  kind: MeetingKind,
  input: Input,
  replaceAttendance: boolean,
) {
  // Inside the transaction: SQLite has one connection, and reads must see this transaction's writes.
  const pool = await attendeePool(trx, org);
  const poolById = new Map(pool.map((p) => [p.id, p]));
  if (replaceAttendance) {
    const given = new Map((input.attendance ?? []).map((a) => [a.memberId, a]));
    for (const id of given.keys())
      if (!poolById.has(id)) throw new DomainError('meetings.not_attendee', { memberId: id });
    const existing = await repo.attendanceRows(trx, meetingId);
    const expected = new Set<number>([
      ...(existing.length ? existing.map((e) => e.member_id) : await defaultExpected(trx, org, kind, pool)),
      ...given.keys(),
    ]);
    const prior = new Map(existing.map((e) => [e.member_id, e]));
    const rows = [...expected].map((memberId) => {
      const given0 = given.get(memberId);
      // 'expected' is only shown (a meeting not begun); it is stored as not marked.
      const g = given0?.status === 'expected' ? { ...given0, status: 'absent' as const } : given0;
      const p = prior.get(memberId);
      return {
        meeting_id: meetingId,
        member_id: memberId,
        status: g?.status ?? p?.status ?? 'absent',
        leave_reason: (g?.status ?? p?.status) === 'leave' ? (g?.leaveReason ?? p?.leave_reason ?? null) : null,
        checked_in_at: p?.checked_in_at ?? null,
        method: g ? (p?.method === 'self' && g.status === 'present' ? 'self' : 'secretary') : (p?.method ?? null),
      };
    });
    await repo.replaceAttendance(trx, meetingId, rows);
  }
  if (input.motions !== undefined) {
    if (input.motions.length && kind !== 'general_meeting') throw new DomainError('meetings.votes_only');
    const att = await repo.attendanceRows(trx, meetingId);
    // Entitled: the org's full members; probationary members have no vote.
    const entitled = pool.filter((p) => p.status === 'full').length;
    const presentVoting = att.filter(
      (a) => a.status === 'present' && poolById.get(a.member_id)?.status === 'full',
    ).length;
    const motions = input.motions.map((m) => {
      const t = tallyMotion({ entitled, presentVoting, yes: m.yes, no: m.no, abstain: m.abstain });
      if (!t.valid) throw new DomainError('meetings.votes_exceed', { motion: m.title, presentVoting });
      return {
        meeting_id: meetingId,
        title: m.title,
        yes: m.yes,
        no: m.no,
        abstain: m.abstain,
        entitled,
        present_voting: presentVoting,
        quorum_met: t.quorumMet ? 1 : 0,
        passed: t.passed ? 1 : 0,
      };
    });
    await repo.replaceMotions(trx, meetingId, motions);
  }
  if (input.reviews !== undefined) {
    if (input.reviews.length && kind !== 'member_review') throw new DomainError('meetings.review_only');
    for (const r of input.reviews)
      if (!poolById.has(r.memberId)) throw new DomainError('meetings.not_attendee', { memberId: r.memberId });
    if (!excellentWithinShare(input.reviews.map((r) => r.grade)))
      throw new DomainError('meetings.too_many_excellent', { reviewed: input.reviews.length });
    await repo.replaceReviews(trx, meetingId, input.reviews);
  }
}

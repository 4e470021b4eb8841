/** Meetings (三会一课, 主题党日 …): record, attendance, votes, reviews, photos and sign-in, inside the caller's scope. */
import { chinaDay, chinaInstant } from '@dangjian/contracts';
import crypto from 'node:crypto';
import QRCode from 'qrcode';
import type {
  MeetingCreateT,
  MeetingListQueryT,
  MeetingPatchT,
  MeetingSummaryT,
  MeetingT,
  OrgType,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { diff, writeAudit } from '../../../platform/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { readStored, storeImage } from '../../../platform/files.js';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.js';
import * as membersRepo from '../../core/members/members.repository.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { today } from '../../core/orgs/orgs.service.js';
import * as repo from './meetings.repository.js';
import {
  CHECKIN_DEFAULT_HOURS,
  CHECKIN_EARLY_MINUTES,
  EXPECTED_ATTENDEES,
  KIND_APPLIES_TO,
  LATE_ENTRY_DAYS,
  PHOTO_MAX_BYTES,
  PHOTOS_PER_MEETING,
  type MeetingKind,
} from './meetings.rules.js';
import { daysBetween } from './meetings.periods.js';
import { excellentWithinShare, tallyMotion } from './meetings.votes.js';
import { bumpVersion } from '../../../platform/versions.js';

export { chinaInstant };

function summarize(ctx: Ctx, r: repo.MeetingRow, c: repo.AttendanceCounts): MeetingSummaryT {
  const missing: string[] = [];
  if (!r.minutes?.trim()) missing.push('minutes');
  if (c.present + c.leave === 0) missing.push('attendance');
  const now = ctx.clock().toISOString();
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    kind: r.kind as MeetingSummaryT['kind'],
    topic: r.topic,
    heldOn: r.held_on,
    startTime: r.start_time,
    place: r.place,
    expected: c.expected,
    present: c.present,
    leave: c.leave,
    absent: c.absent,
    photoCount: c.photos,
    complete: missing.length === 0,
    missing,
    enteredAt: r.created_at,
    lateEntry: daysBetween(r.held_on, chinaDay(r.created_at)) > LATE_ENTRY_DAYS,
    checkinOpen: Boolean(
      r.checkin_code && r.checkin_from && r.checkin_to && r.checkin_from <= now && now <= r.checkin_to,
    ),
    deletedAt: r.deleted_at,
  };
}

/** Meetings of a subtree, newest first, with attendance counts and completeness. */
export async function list(ctx: Ctx, actor: Actor, query: MeetingListQueryT) {
  requireCapability(actor, 'meetings.read');
  const underPath = query.org ? (await orgsRepo.getOrg(ctx.db, actor, query.org)).org_path : undefined;
  const { rows, total } = await repo.listMeetings(
    ctx.db,
    actor,
    { ...query, underPath },
    query.page ?? 1,
    query.pageSize ?? 20,
  );
  const counts = await repo.countsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => summarize(ctx, r, counts.get(r.id)!)), total };
}

/** The sign-in link of a code, absolute so a phone camera can open it, and its QR code. */
async function checkinLink(
  ctx: Ctx,
  origin: string | undefined,
  code: string,
): Promise<{ url: string; qrSvg: string }> {
  const url = `${ctx.config.publicUrl ?? origin ?? ''}/m/checkin?code=${code}`;
  return { url, qrSvg: await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) };
}

/** One meeting in full: attendance, motions, reviews, photos and, for its recorders, the open sign-in. */
export async function get(ctx: Ctx, actor: Actor, id: number, origin?: string): Promise<MeetingT> {
  requireCapability(actor, 'meetings.read');
  const r = await repo.getMeeting(ctx.db, actor, id, { includeDeleted: true });
  const counts = (await repo.countsOf(ctx.db, [id])).get(id)!;
  const attendance = await repo.attendanceOf(ctx.db, id);
  const motions = await ctx.db
    .selectFrom('meeting_motions')
    .selectAll()
    .where('meeting_id', '=', id)
    .orderBy('id')
    .execute();
  const reviews = await ctx.db
    .selectFrom('meeting_reviews as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .select(['r.member_id', 'm.name', 'r.grade'])
    .where('r.meeting_id', '=', id)
    .orderBy('m.name_pinyin')
    .execute();
  const photos = await ctx.db
    .selectFrom('meeting_photos')
    .selectAll()
    .where('meeting_id', '=', id)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  const lecturer = r.lecturer_member_id
    ? await ctx.db.selectFrom('members').select('name').where('id', '=', r.lecturer_member_id).executeTakeFirst()
    : null;
  const summary = summarize(ctx, r, counts);
  return {
    ...summary,
    endTime: r.end_time,
    hostName: r.host_name,
    recorderName: r.recorder_name,
    lecturerMemberId: r.lecturer_member_id,
    lecturerName: lecturer?.name ?? null,
    lecturerRole: r.lecturer_role,
    minutes: r.minutes,
    decisions: r.decisions,
    attendance: attendance.map((a) => ({
      memberId: a.member_id,
      name: a.name,
      memberStatus: a.member_status,
      status: a.status as 'present',
      leaveReason: a.leave_reason,
      checkedInAt: a.checked_in_at,
      method: a.method,
    })),
    motions: motions.map((m) => ({
      id: m.id,
      title: m.title,
      yes: m.yes,
      no: m.no,
      abstain: m.abstain,
      entitled: m.entitled,
      presentVoting: m.present_voting,
      quorumMet: Boolean(m.quorum_met),
      passed: Boolean(m.passed),
    })),
    reviews: reviews.map((v) => ({ memberId: v.member_id, name: v.name, grade: v.grade as 'qualified' })),
    photos: photos.map((p) => ({ id: p.id, mime: p.mime, bytes: p.bytes, url: `/api/meetings/${id}/photos/${p.id}` })),
    checkin:
      summary.checkinOpen && r.checkin_code
        ? {
            code: r.checkin_code,
            validFrom: r.checkin_from!,
            validTo: r.checkin_to!,
            ...(await checkinLink(ctx, origin, r.checkin_code)),
          }
        : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Who may be listed at a meeting of an org: its subtree's members, or (a party group's meeting) the parent branch's members. */
async function attendeePool(
  db: Kysely<DB> | Transaction<DB>,
  org: orgsRepo.OrgRow,
): Promise<{ id: number; name: string; status: string }[]> {
  if (org.type === 'group' && org.parent_id) {
    // The parent branch of the same county only: the pool never reaches another tenant's members.
    const parent = await db
      .selectFrom('orgs')
      .selectAll()
      .where('id', '=', org.parent_id)
      .where('tenant_id', '=', org.tenant_id)
      .executeTakeFirst();
    if (parent) return repo.membersUnder(db, org.tenant_id, parent.org_path);
  }
  return repo.membersUnder(db, org.tenant_id, org.org_path);
}

/**
 * Who is expected by default: every member for a members' meeting; for a committee's meeting its
 * seats and secretary, else the org's own staff, else the secretaries of the orgs under it (a
 * township committee's leadership meeting); nobody for kinds listed by hand (a group's meeting, a talk).
 */
async function defaultExpected(
  db: Kysely<DB> | Transaction<DB>,
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
  const staff = await db
    .selectFrom('members')
    .select('id')
    .where('org_id', '=', org.id)
    .where('deleted_at', 'is', null)
    .execute();
  if (staff.length) return staff.map((m) => m.id);
  const secretaries = await db
    .selectFrom('orgs')
    .select('secretary_member_id')
    .where('parent_id', '=', org.id)
    .where('deleted_at', 'is', null)
    .where('secretary_member_id', 'is not', null)
    .execute();
  return secretaries.map((o) => o.secretary_member_id!).filter((id) => inPool.has(id));
}

type Input = Partial<MeetingCreateT>;

async function writeDetails(
  ctx: Ctx,
  trx: Transaction<DB>,
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
    const existing = await trx
      .selectFrom('meeting_attendance')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .execute();
    const expected = new Set<number>([
      ...(existing.length ? existing.map((e) => e.member_id) : await defaultExpected(trx, org, kind, pool)),
      ...given.keys(),
    ]);
    await trx.deleteFrom('meeting_attendance').where('meeting_id', '=', meetingId).execute();
    const prior = new Map(existing.map((e) => [e.member_id, e]));
    const rows = [...expected].map((memberId) => {
      const g = given.get(memberId);
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
    for (let i = 0; i < rows.length; i += 300)
      await trx
        .insertInto('meeting_attendance')
        .values(rows.slice(i, i + 300))
        .execute();
  }
  if (input.motions !== undefined) {
    if (input.motions.length && kind !== 'general_meeting') throw new DomainError('meetings.votes_only');
    const att = await trx
      .selectFrom('meeting_attendance')
      .select(['member_id', 'status'])
      .where('meeting_id', '=', meetingId)
      .execute();
    // Entitled: the org's full members; probationary members have no vote.
    const entitled = pool.filter((p) => p.status === 'full').length;
    const presentVoting = att.filter(
      (a) => a.status === 'present' && poolById.get(a.member_id)?.status === 'full',
    ).length;
    await trx.deleteFrom('meeting_motions').where('meeting_id', '=', meetingId).execute();
    for (const m of input.motions) {
      const t = tallyMotion({ entitled, presentVoting, yes: m.yes, no: m.no, abstain: m.abstain });
      if (!t.valid) throw new DomainError('meetings.votes_exceed', { motion: m.title, presentVoting });
      await trx
        .insertInto('meeting_motions')
        .values({
          meeting_id: meetingId,
          title: m.title,
          yes: m.yes,
          no: m.no,
          abstain: m.abstain,
          entitled,
          present_voting: presentVoting,
          quorum_met: t.quorumMet ? 1 : 0,
          passed: t.passed ? 1 : 0,
        })
        .execute();
    }
  }
  if (input.reviews !== undefined) {
    if (input.reviews.length && kind !== 'member_review') throw new DomainError('meetings.review_only');
    for (const r of input.reviews)
      if (!poolById.has(r.memberId)) throw new DomainError('meetings.not_attendee', { memberId: r.memberId });
    if (!excellentWithinShare(input.reviews.map((r) => r.grade)))
      throw new DomainError('meetings.too_many_excellent', { reviewed: input.reviews.length });
    await trx.deleteFrom('meeting_reviews').where('meeting_id', '=', meetingId).execute();
    if (input.reviews.length)
      await trx
        .insertInto('meeting_reviews')
        .values(input.reviews.map((r) => ({ meeting_id: meetingId, member_id: r.memberId, grade: r.grade })))
        .execute();
  }
}

function auditable(r: {
  topic: string;
  held_on: string;
  start_time: string;
  end_time: string | null;
  place: string | null;
  host_name: string | null;
  recorder_name: string | null;
  minutes: string | null;
  decisions: string | null;
  kind: string;
}) {
  return {
    kind: r.kind,
    topic: r.topic,
    heldOn: r.held_on,
    startTime: r.start_time,
    endTime: r.end_time,
    place: r.place,
    hostName: r.host_name,
    recorderName: r.recorder_name,
    minutes: r.minutes,
    decisions: r.decisions,
  };
}

/** Records a meeting with its expected attendees (the branch's members, its committee, or those listed). */
export async function create(ctx: Ctx, actor: Actor, input: MeetingCreateT): Promise<MeetingT> {
  requireCapability(actor, 'meetings.write');
  const org = await orgsRepo.getOrg(ctx.db, actor, input.orgId);
  const kind = input.kind as MeetingKind;
  if (!KIND_APPLIES_TO[kind].includes(org.type as OrgType))
    throw new DomainError('meetings.kind_not_applicable', { kind, orgType: org.type });
  if (input.heldOn > today(ctx)) throw new DomainError('meetings.in_future');
  // A lecturer may be a leading cadre from above the org or from a county organ (`requireServingMember`).
  if (input.lecturerMemberId)
    await membersRepo.requireServingMember(ctx.db, actor, input.lecturerMemberId, org.org_path);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    const { id } = await trx
      .insertInto('meetings')
      .values({
        tenant_id: org.tenant_id,
        org_id: org.id,
        org_path: org.org_path,
        kind,
        topic: input.topic.trim(),
        held_on: input.heldOn,
        start_time: input.startTime,
        end_time: input.endTime ?? null,
        place: input.place ?? null,
        host_name: input.hostName ?? null,
        recorder_name: input.recorderName ?? null,
        lecturer_member_id: input.lecturerMemberId ?? null,
        lecturer_role: input.lecturerRole ?? null,
        minutes: input.minutes ?? null,
        decisions: input.decisions ?? null,
        checkin_code: null,
        checkin_from: null,
        checkin_to: null,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeDetails(ctx, trx, id, org, kind, input, true);
    const row = await trx.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await bumpVersion(trx, org.tenant_id, 'meetings');
    await writeAudit(ctx, trx, actor, {
      action: 'meeting.create',
      entityType: 'meeting',
      entityId: id,
      changes: diff(null, auditable(row)),
    });
    return id;
  });
  return get(ctx, actor, id);
}

/** Edits a meeting: fields, attendance (merged by member), motions and reviews (replaced when given). */
export async function update(ctx: Ctx, actor: Actor, id: number, patch: MeetingPatchT): Promise<MeetingT> {
  requireCapability(actor, 'meetings.write');
  const row = await repo.getMeeting(ctx.db, actor, id);
  if (patch.orgId && patch.orgId !== row.org_id)
    throw new DomainError('validation', { field: 'orgId', reason: 'a meeting stays with its organization' });
  if (patch.kind && patch.kind !== row.kind)
    throw new DomainError('validation', { field: 'kind', reason: 'the kind of a recorded meeting cannot change' });
  if (patch.heldOn && patch.heldOn > today(ctx)) throw new DomainError('meetings.in_future');
  const org = await orgsRepo.getOrg(ctx.db, actor, row.org_id);
  if (patch.lecturerMemberId)
    await membersRepo.requireServingMember(ctx.db, actor, patch.lecturerMemberId, org.org_path);
  await ctx.db.transaction().execute(async (trx) => {
    const set: Record<string, unknown> = { updated_at: ctx.clock().toISOString() };
    const map: [keyof MeetingPatchT, string][] = [
      ['topic', 'topic'],
      ['heldOn', 'held_on'],
      ['startTime', 'start_time'],
      ['endTime', 'end_time'],
      ['place', 'place'],
      ['hostName', 'host_name'],
      ['recorderName', 'recorder_name'],
      ['lecturerMemberId', 'lecturer_member_id'],
      ['lecturerRole', 'lecturer_role'],
      ['minutes', 'minutes'],
      ['decisions', 'decisions'],
    ];
    for (const [k, col] of map) if (patch[k] !== undefined) set[col] = patch[k];
    await trx.updateTable('meetings').set(set).where('id', '=', id).execute();
    if (patch.attendance !== undefined) {
      // Attendance in a patch is merged: unlisted members keep what they had (a check-in is not lost).
      const current = await trx
        .selectFrom('meeting_attendance')
        .select(['member_id', 'status', 'leave_reason'])
        .where('meeting_id', '=', id)
        .execute();
      const merged = new Map(
        current.map((c) => [
          c.member_id,
          { memberId: c.member_id, status: c.status as 'present', leaveReason: c.leave_reason },
        ]),
      );
      for (const a of patch.attendance)
        merged.set(a.memberId, {
          memberId: a.memberId,
          status: a.status as 'present',
          leaveReason: a.leaveReason ?? null,
        });
      await writeDetails(
        ctx,
        trx,
        id,
        org,
        row.kind as MeetingKind,
        { ...patch, attendance: [...merged.values()] },
        true,
      );
    } else {
      await writeDetails(ctx, trx, id, org, row.kind as MeetingKind, patch, false);
    }
    const after = await trx.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const changes = diff(auditable(row), auditable(after));
    if (patch.attendance) changes.attendance = { before: null, after: `${patch.attendance.length} entries` };
    if (patch.motions) changes.motions = { before: null, after: patch.motions.map((m) => m.title) };
    if (patch.reviews) changes.reviews = { before: null, after: `${patch.reviews.length} grades` };
    await bumpVersion(trx, row.tenant_id, 'meetings');
    await writeAudit(ctx, trx, actor, { action: 'meeting.update', entityType: 'meeting', entityId: id, changes });
  });
  return get(ctx, actor, id);
}

/** Soft-deletes a meeting (it leaves the compliance figures until restored). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'meetings.write');
  await repo.getMeeting(ctx.db, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    await trx
      .updateTable('meetings')
      .set({ deleted_at: now, updated_at: now, checkin_code: null })
      .where('id', '=', id)
      .execute();
    await bumpVersion(trx, actor.tenantId!, 'meetings');
    await writeAudit(ctx, trx, actor, {
      action: 'meeting.delete',
      entityType: 'meeting',
      entityId: id,
      changes: { deletedAt: { before: null, after: now } },
    });
  });
}

/** Restores a soft-deleted meeting. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<MeetingT> {
  requireCapability(actor, 'meetings.write');
  const row = await repo.getMeeting(ctx.db, actor, id, { includeDeleted: true });
  if (!row.deleted_at) return get(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('meetings')
      .set({ deleted_at: null, updated_at: ctx.clock().toISOString() })
      .where('id', '=', id)
      .execute();
    await bumpVersion(trx, row.tenant_id, 'meetings');
    await writeAudit(ctx, trx, actor, {
      action: 'meeting.restore',
      entityType: 'meeting',
      entityId: id,
      changes: { deletedAt: { before: row.deleted_at, after: null } },
    });
  });
  return get(ctx, actor, id);
}

/** Opens sign-in: a 6-digit code and a QR code, valid for the meeting's hours (or `minutes` from now). */
export async function openCheckin(ctx: Ctx, actor: Actor, id: number, minutes?: number, origin?: string) {
  requireCapability(actor, 'meetings.write');
  const row = await repo.getMeeting(ctx.db, actor, id);
  const now = ctx.clock();
  const start = chinaInstant(row.held_on, row.start_time);
  const end = row.end_time
    ? chinaInstant(row.held_on, row.end_time)
    : new Date(Date.parse(start) + CHECKIN_DEFAULT_HOURS * 3_600_000).toISOString();
  let validFrom = new Date(Date.parse(start) - CHECKIN_EARLY_MINUTES * 60_000).toISOString();
  let validTo = end;
  if (minutes || validTo < now.toISOString()) {
    validFrom = now.toISOString();
    validTo = new Date(now.getTime() + (minutes ?? 60) * 60_000).toISOString();
  }
  let code = '';
  for (let i = 0; i < 20; i++) {
    code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    const clash = await ctx.db
      .selectFrom('meetings')
      .select('id')
      .where('checkin_code', '=', code)
      .where('checkin_to', '>=', now.toISOString())
      .where('id', '!=', id)
      .executeTakeFirst();
    if (!clash) break;
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('meetings')
      .set({ checkin_code: code, checkin_from: validFrom, checkin_to: validTo })
      .where('id', '=', id)
      .execute();
    await writeAudit(ctx, trx, actor, {
      action: 'meeting.checkin_open',
      entityType: 'meeting',
      entityId: id,
      detail: `${validFrom} – ${validTo}`,
    });
  });
  return { code, validFrom, validTo, ...(await checkinLink(ctx, origin, code)) };
}

/** Closes sign-in early. */
export async function closeCheckin(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'meetings.write');
  await repo.getMeeting(ctx.db, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('meetings')
      .set({ checkin_code: null, checkin_to: ctx.clock().toISOString() })
      .where('id', '=', id)
      .execute();
    await writeAudit(ctx, trx, actor, { action: 'meeting.checkin_close', entityType: 'meeting', entityId: id });
  });
}

/** A member signs itself in with a code; only an expected attendee of a meeting whose sign-in is open. */
export async function checkin(ctx: Ctx, actor: Actor, code: string) {
  requireCapability(actor, 'meetings.checkin');
  if (!actor.memberId) throw new DomainError('meetings.checkin_not_expected');
  const now = ctx.clock().toISOString();
  const meeting = await ctx.db
    .selectFrom('meetings as mt')
    .innerJoin('orgs as o', 'o.id', 'mt.org_id')
    .select(['mt.id', 'mt.topic', 'mt.kind', 'o.name as org_name'])
    .where('mt.checkin_code', '=', code)
    .where('mt.checkin_from', '<=', now)
    .where('mt.checkin_to', '>=', now)
    .where('mt.deleted_at', 'is', null)
    .where('mt.tenant_id', '=', actor.tenantId!)
    .executeTakeFirst();
  if (!meeting) throw new DomainError('meetings.checkin_invalid');
  const att = await ctx.db
    .selectFrom('meeting_attendance')
    .selectAll()
    .where('meeting_id', '=', meeting.id)
    .where('member_id', '=', actor.memberId)
    .executeTakeFirst();
  if (!att) throw new DomainError('meetings.checkin_not_expected');
  const checkedInAt = att.checked_in_at ?? now;
  if (!att.checked_in_at) {
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('meeting_attendance')
        .set({ status: 'present', leave_reason: null, checked_in_at: now, method: 'self' })
        .where('id', '=', att.id)
        .execute();
      await bumpVersion(trx, actor.tenantId!, 'meetings');
      await writeAudit(ctx, trx, actor, {
        action: 'meeting.checkin',
        entityType: 'meeting',
        entityId: meeting.id,
        changes: { [`attendance.${actor.memberId}`]: { before: att.status, after: 'present' } },
      });
    });
  }
  return { meetingId: meeting.id, topic: meeting.topic, kind: meeting.kind, orgName: meeting.org_name, checkedInAt };
}

/** Meetings the signed-in member is expected at, newest first (the phone pages). */
export async function mine(ctx: Ctx, actor: Actor, limit = 20) {
  requireCapability(actor, 'self.party');
  if (!actor.memberId) return { items: [] };
  const rows = await ctx.db
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
      'o.name as org_name',
      'a.status',
      'a.checked_in_at',
    ])
    .where('a.member_id', '=', actor.memberId)
    .where('mt.deleted_at', 'is', null)
    .orderBy('mt.held_on', 'desc')
    .limit(limit)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      topic: r.topic,
      heldOn: r.held_on,
      startTime: r.start_time,
      place: r.place,
      orgName: r.org_name,
      status: r.status,
      checkedInAt: r.checked_in_at,
    })),
  };
}

/** Adds a photo: type checked by content, size-limited, metadata (EXIF, GPS) stripped, stored by content hash. */
export async function addPhoto(ctx: Ctx, actor: Actor, id: number, file: Buffer) {
  requireCapability(actor, 'meetings.write');
  await repo.getMeeting(ctx.db, actor, id);
  const n = Number(
    (
      await ctx.db
        .selectFrom('meeting_photos')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('meeting_id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );
  if (n >= PHOTOS_PER_MEETING) throw new DomainError('files.too_many');
  const stored = await storeImage(ctx.config.dataDir, file, PHOTO_MAX_BYTES);
  return ctx.db.transaction().execute(async (trx) => {
    const { id: photoId } = await trx
      .insertInto('meeting_photos')
      .values({
        meeting_id: id,
        file_hash: stored.hash,
        mime: stored.mime,
        bytes: stored.bytes,
        created_at: ctx.clock().toISOString(),
        deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(ctx, trx, actor, {
      action: 'meeting.photo_add',
      entityType: 'meeting',
      entityId: id,
      detail: `photo ${photoId} sm3 ${stored.hash.slice(0, 16)}`,
    });
    return { id: photoId, mime: stored.mime, bytes: stored.bytes, url: `/api/meetings/${id}/photos/${photoId}` };
  });
}

/** A photo's bytes, for anyone who may read the meeting. */
export async function photo(
  ctx: Ctx,
  actor: Actor,
  id: number,
  photoId: number,
): Promise<{ mime: string; body: Buffer }> {
  requireCapability(actor, 'meetings.read');
  await repo.getMeeting(ctx.db, actor, id);
  const p = await ctx.db
    .selectFrom('meeting_photos')
    .selectAll()
    .where('id', '=', photoId)
    .where('meeting_id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!p) throw notFound();
  return { mime: p.mime, body: await readStored(ctx.config.dataDir, p.file_hash) };
}

/** Removes a photo from a meeting (soft). */
export async function removePhoto(ctx: Ctx, actor: Actor, id: number, photoId: number): Promise<void> {
  requireCapability(actor, 'meetings.write');
  await repo.getMeeting(ctx.db, actor, id);
  const p = await ctx.db
    .selectFrom('meeting_photos')
    .select('id')
    .where('id', '=', photoId)
    .where('meeting_id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!p) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('meeting_photos')
      .set({ deleted_at: ctx.clock().toISOString() })
      .where('id', '=', photoId)
      .execute();
    await writeAudit(ctx, trx, actor, {
      action: 'meeting.photo_remove',
      entityType: 'meeting',
      entityId: id,
      detail: `photo ${photoId}`,
    });
  });
}

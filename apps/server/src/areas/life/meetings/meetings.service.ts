/** Meetings (三会一课, 主题党日 …): record, attendance, votes, reviews, photos and sign-in, inside the caller's scope. */
import type {
  MeetingCreateT,
  MeetingListQueryT,
  MeetingPatchT,
  MeetingSummaryT,
  MeetingT,
  OrgType,
} from '@dangjian/contracts';
import { addDays, chinaDay } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { diff } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import * as membersRepo from '../../core/members/members.repository.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { today } from '../../core/orgs/orgs.service.js';
import * as repo from './meetings.repository.js';
import { checkinLink, shownStatus, upcomingAt } from './meetings.checkin.js';
import { writeDetails } from './meetings.details.js';
import { KIND_APPLIES_TO, LATE_ENTRY_DAYS, meetingTiming, type MeetingKind } from './meetings.rules.js';
import { daysBetween } from './meetings.periods.js';

export { chinaInstant } from '@dangjian/contracts';
export { checkin, closeCheckin, mine, openCheckin } from './meetings.checkin.js';
export { addPhoto, photo, removePhoto } from './meetings.photos.js';
import { writeRecorder } from '../../../platform/data/record.js';

/** Meeting writes change the compliance figures. */
const recordMeeting = writeRecorder('meeting', ['meetings']);

/** A meeting may be planned ahead (to open its sign-in), but not beyond the county's `planAheadDays`. */
async function refuseFarFuture(ctx: Ctx, actor: Actor, heldOn: string | undefined): Promise<void> {
  if (!heldOn) return;
  const { planAheadDays } = await meetingTiming(ctx.db, actor.tenantId!, ctx.clock());
  if (heldOn > addDays(today(ctx), planAheadDays)) throw new DomainError('meetings.in_future', { planAheadDays });
}

// `now` is read once per answer: a page of twenty meetings would otherwise read the clock forty times.
function summarize(now: string, r: repo.MeetingRow, c: repo.AttendanceCounts): MeetingSummaryT {
  const missing: string[] = [];
  const upcoming = upcomingAt(now, r);
  if (!r.minutes?.trim()) missing.push('minutes');
  if (c.present + c.leave === 0) missing.push('attendance');
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
    absent: upcoming ? 0 : c.absent,
    photoCount: c.photos,
    complete: missing.length === 0,
    missing,
    enteredAt: r.created_at,
    lateEntry: daysBetween(r.held_on, chinaDay(r.created_at)) > LATE_ENTRY_DAYS,
    checkinOpen: Boolean(
      r.checkin_code && r.checkin_from && r.checkin_to && r.checkin_from <= now && now <= r.checkin_to,
    ),
    upcoming,
    deletedAt: r.deleted_at,
  };
}

/** Meetings of a subtree, newest first, with attendance counts and completeness. */
export async function list(ctx: Ctx, actor: Actor, query: MeetingListQueryT) {
  requireCapability(actor, 'meetings.read');
  const underPath = await orgsRepo.underOrg(ctx.db, actor, query.org);
  const { rows, total, counts } = await repo.listMeetings(
    ctx.db,
    actor,
    { ...query, underPath },
    query.page ?? 1,
    query.pageSize ?? 20,
  );
  const now = ctx.clock().toISOString();
  return { items: rows.map((r) => summarize(now, r, counts.get(r.id)!)), total };
}

/** One meeting in full: attendance, motions, reviews, photos and, for its recorders, the open sign-in. */
export async function get(ctx: Ctx, actor: Actor, id: number, origin?: string): Promise<MeetingT> {
  requireCapability(actor, 'meetings.read');
  const r = await repo.getMeeting(ctx.db, actor, id, { includeDeleted: true });
  const counts = (await repo.countsOf(ctx.db, [id])).get(id)!;
  const attendance = await repo.attendanceOf(ctx.db, id);
  const motions = await repo.motionsOf(ctx.db, id);
  const reviews = await repo.reviewsOf(ctx.db, id);
  const photos = await repo.photosOf(ctx.db, id);
  const lecturerName = r.lecturer_member_id ? await repo.memberName(ctx.db, r.lecturer_member_id) : null;
  const summary = summarize(ctx.clock().toISOString(), r, counts);
  return {
    ...summary,
    endTime: r.end_time,
    hostName: r.host_name,
    recorderName: r.recorder_name,
    lecturerMemberId: r.lecturer_member_id,
    lecturerName,
    lecturerRole: r.lecturer_role,
    minutes: r.minutes,
    decisions: r.decisions,
    attendance: attendance.map((a) => ({
      memberId: a.member_id,
      name: a.name,
      memberStatus: a.member_status,
      status: shownStatus(summary.upcoming, a.status),
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
    // An opened sign-in is shown from the moment it is opened, also before its window begins.
    checkin:
      r.checkin_code && r.checkin_from && r.checkin_to && ctx.clock().toISOString() <= r.checkin_to
        ? {
            code: r.checkin_code,
            validFrom: r.checkin_from,
            validTo: r.checkin_to,
            ...(await checkinLink(ctx, origin, r.checkin_code)),
            started: summary.checkinOpen,
          }
        : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
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
  await refuseFarFuture(ctx, actor, input.heldOn);
  // A lecturer may be a leading cadre from above the org or from a county organ (`requireServingMember`).
  if (input.lecturerMemberId)
    await membersRepo.requireServingMember(ctx.db, actor, input.lecturerMemberId, org.org_path);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    const id = await repo.insertMeeting(trx, {
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
    });
    await writeDetails(ctx, trx, id, org, kind, input, true);
    const row = await repo.meetingRow(trx, id);
    await recordMeeting(ctx, trx, actor, org.tenant_id, {
      action: 'meeting.create',
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
  await refuseFarFuture(ctx, actor, patch.heldOn);
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
    await repo.updateMeeting(trx, id, set);
    if (patch.attendance !== undefined) {
      // Attendance in a patch is merged: unlisted members keep what they had (a check-in is not lost).
      const current = await repo.attendanceRows(trx, id);
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
    const after = await repo.meetingRow(trx, id);
    const changes = diff(auditable(row), auditable(after));
    if (patch.attendance) changes.attendance = { before: null, after: `${patch.attendance.length} entries` };
    if (patch.motions) changes.motions = { before: null, after: patch.motions.map((m) => m.title) };
    if (patch.reviews) changes.reviews = { before: null, after: `${patch.reviews.length} grades` };
    await recordMeeting(ctx, trx, actor, row.tenant_id, { action: 'meeting.update', entityId: id, changes });
  });
  return get(ctx, actor, id);
}

/** How a soft delete or restore of a meeting is recorded: the compliance figures change. */
const MEETING_CHANGE = (action: string) => ({
  action,
  entityType: 'meeting',
  domains: ['meetings' as const],
  stampUpdatedAt: true,
});

/** Soft-deletes a meeting (it leaves the compliance figures until restored). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'meetings.write');
  await softDelete(ctx, actor, 'meetings', id, {
    ...MEETING_CHANGE('meeting.delete'),
    // A deleted meeting takes no more sign-ins.
    before: (trx) => repo.updateMeeting(trx, id, { checkin_code: null }),
  });
}

/** Restores a soft-deleted meeting. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<MeetingT> {
  requireCapability(actor, 'meetings.write');
  const row = await repo.getMeeting(ctx.db, actor, id, { includeDeleted: true });
  if (!row.deleted_at) return get(ctx, actor, id);
  await restoreRow(ctx, actor, 'meetings', id, MEETING_CHANGE('meeting.restore'));
  return get(ctx, actor, id);
}

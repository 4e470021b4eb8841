/** Sign-in at a meeting: the code and QR code a recorder opens, a member's own sign-in, the member's meetings. */
import crypto from 'node:crypto';
import QRCode from 'qrcode';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { chinaDateTime, chinaInstant } from '@dangjian/contracts';
import * as checkinRepo from './meetings.checkin.repository.js';
import * as repo from './meetings.repository.js';
import { CHECKIN_DEFAULT_HOURS, CHECKIN_EARLY_MINUTES, meetingTiming, type MeetingKind } from './meetings.rules.js';
import { writeRecorder } from '../../../platform/data/record.js';

/** A sign-in changes the compliance figures. */
const recordMeeting = writeRecorder('meeting', ['meetings']);

/** Whether a meeting has not begun yet: its members not marked are expected, not absent. */
export function isUpcoming(ctx: Ctx, r: { held_on: string; start_time: string }): boolean {
  return upcomingAt(ctx.clock().toISOString(), r);
}

/** Whether a meeting has not begun at the instant `now` (ISO): a page of meetings reads the clock once. */
export function upcomingAt(now: string, r: { held_on: string; start_time: string }): boolean {
  return now < chinaInstant(r.held_on, r.start_time);
}

/** The status a person reads: before the meeting begins nobody is absent (未开始). */
export function shownStatus(upcoming: boolean, status: string): 'present' | 'leave' | 'absent' | 'expected' {
  return (upcoming && status === 'absent' ? 'expected' : status) as 'present';
}

/** The sign-in link of a code, absolute so a phone camera can open it, and its QR code. */
export async function checkinLink(
  ctx: Ctx,
  origin: string | undefined,
  code: string,
): Promise<{ url: string; qrSvg: string }> {
  const url = `${ctx.config.publicUrl ?? origin ?? ''}/m/checkin?code=${code}`;
  return { url, qrSvg: await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) };
}

/**
 * The window of a sign-in. By the rules it runs from an hour before the meeting to its end; a secretary may start
 * it at once (`startNow`) within the county's `checkinStartNowHours` of the meeting, or for `minutes` from now; a
 * meeting that is over is reopened for an hour.
 */
export function checkinWindow(
  row: { held_on: string; start_time: string; end_time: string | null },
  now: Date,
  opts: { minutes?: number; startNow?: boolean; startNowHours: number },
): { validFrom: string; validTo: string; early: boolean } {
  const start = chinaInstant(row.held_on, row.start_time);
  const end = row.end_time
    ? chinaInstant(row.held_on, row.end_time)
    : new Date(Date.parse(start) + CHECKIN_DEFAULT_HOURS * 3_600_000).toISOString();
  const ruleFrom = new Date(Date.parse(start) - CHECKIN_EARLY_MINUTES * 60_000).toISOString();
  const nowIso = now.toISOString();
  if (opts.minutes || end < nowIso) {
    const validTo = new Date(now.getTime() + (opts.minutes ?? 60) * 60_000).toISOString();
    return { validFrom: nowIso, validTo, early: nowIso < ruleFrom };
  }
  if (opts.startNow && nowIso < ruleFrom) {
    if (Date.parse(start) - now.getTime() > opts.startNowHours * 3_600_000)
      throw new DomainError('meetings.checkin_too_early', { hours: opts.startNowHours });
    return { validFrom: nowIso, validTo: end, early: true };
  }
  return { validFrom: ruleFrom, validTo: end, early: false };
}

/**
 * Opens sign-in: a 6-digit code and a QR code for the window of `checkinWindow`. A code opened before its window is
 * shown at once (to print or project) and works from the window's start; starting it now keeps the same code.
 */
export async function openCheckin(
  ctx: Ctx,
  actor: Actor,
  id: number,
  opts: { minutes?: number; now?: boolean } = {},
  origin?: string,
) {
  requireCapability(actor, 'meetings.write');
  const row = await repo.getMeeting(ctx.db, actor, id);
  const now = ctx.clock();
  const { checkinStartNowHours } = await meetingTiming(ctx.db, actor.tenantId!, now);
  const { validFrom, validTo, early } = checkinWindow(row, now, {
    minutes: opts.minutes,
    startNow: opts.now,
    startNowHours: checkinStartNowHours,
  });
  // A code still valid is kept (it may be printed, projected or already in members' hands): opening again, starting
  // it now or many taps at once all answer that one code.
  const nowIso = now.toISOString();
  const live = row.checkin_code && row.checkin_to && row.checkin_to >= nowIso ? row.checkin_code : '';
  let fresh = live;
  for (let i = 0; !fresh && i < 20; i++) {
    const c = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    if (i === 19 || !(await checkinRepo.codeTaken(ctx.db, c, nowIso, id))) fresh = c;
  }
  const code = await ctx.db.transaction().execute(async (trx) => {
    const inForce = await checkinRepo.setCheckinWindow(trx, id, { code: fresh, from: validFrom, to: validTo, nowIso });
    await writeAudit(ctx, trx, actor, {
      action: 'meeting.checkin_open',
      entityType: 'meeting',
      entityId: id,
      // Read by people on the audit page: China time, and whether the secretary opened it before the rules' hour.
      detail: `签到时间 ${chinaDateTime(validFrom)} – ${chinaDateTime(validTo)}${early ? '（提前开启 opened early）' : ''}`,
    });
    return inForce;
  });
  const started = validFrom <= now.toISOString();
  return { code, validFrom, validTo, started, ...(await checkinLink(ctx, origin, code)) };
}

/** Closes sign-in early. */
export async function closeCheckin(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'meetings.write');
  await repo.getMeeting(ctx.db, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateMeeting(trx, id, { checkin_code: null, checkin_to: ctx.clock().toISOString() });
    await writeAudit(ctx, trx, actor, { action: 'meeting.checkin_close', entityType: 'meeting', entityId: id });
  });
}

/** A member signs itself in with a code; only an expected attendee of a meeting whose sign-in is open. */
export async function checkin(ctx: Ctx, actor: Actor, code: string) {
  requireCapability(actor, 'meetings.checkin');
  if (!actor.memberId) throw new DomainError('meetings.checkin_not_expected');
  const now = ctx.clock().toISOString();
  const meeting = await checkinRepo.openMeetingByCode(ctx.db, actor.tenantId!, code, now);
  if (!meeting) {
    // A right code too early gets its own answer: the member is told to wait, not that the code is wrong.
    if (await checkinRepo.codeWaiting(ctx.db, actor.tenantId!, code, now))
      throw new DomainError('meetings.checkin_not_yet');
    throw new DomainError('meetings.checkin_invalid');
  }
  const att = await checkinRepo.attendanceOfMember(ctx.db, meeting.id, actor.memberId);
  if (!att) throw new DomainError('meetings.checkin_not_expected');
  const checkedInAt = att.checked_in_at ?? now;
  if (!att.checked_in_at) {
    await ctx.db.transaction().execute(async (trx) => {
      await checkinRepo.markSelfCheckin(trx, att.id, now);
      await recordMeeting(ctx, trx, actor, actor.tenantId!, {
        action: 'meeting.checkin',
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
  const rows = await checkinRepo.meetingsOfMember(ctx.db, actor.memberId, limit);
  return { items: rows.map((r) => myMeeting(ctx, r)) };
}

/** A meeting of the member's own list: a meeting not yet held shows the member as expected, never absent. */
export function myMeeting(ctx: Ctx, r: Awaited<ReturnType<typeof checkinRepo.meetingsOfMember>>[number]) {
  return {
    id: r.id,
    kind: r.kind as MeetingKind,
    topic: r.topic,
    heldOn: r.held_on,
    startTime: r.start_time,
    place: r.place,
    orgName: r.org_name,
    status: shownStatus(isUpcoming(ctx, r), r.status),
    checkedInAt: r.checked_in_at,
  };
}

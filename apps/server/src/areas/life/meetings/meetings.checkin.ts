/** Sign-in at a meeting: the code and QR code a recorder opens, a member's own sign-in, the member's meetings. */
import crypto from 'node:crypto';
import QRCode from 'qrcode';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { chinaInstant } from '@dangjian/contracts';
import * as checkinRepo from './meetings.checkin.repository.js';
import * as repo from './meetings.repository.js';
import { CHECKIN_DEFAULT_HOURS, CHECKIN_EARLY_MINUTES } from './meetings.rules.js';
import { writeRecorder } from '../../../platform/data/record.js';

/** A sign-in changes the compliance figures. */
const recordMeeting = writeRecorder('meeting', ['meetings']);

/** The sign-in link of a code, absolute so a phone camera can open it, and its QR code. */
export async function checkinLink(
  ctx: Ctx,
  origin: string | undefined,
  code: string,
): Promise<{ url: string; qrSvg: string }> {
  const url = `${ctx.config.publicUrl ?? origin ?? ''}/m/checkin?code=${code}`;
  return { url, qrSvg: await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) };
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
    if (!(await checkinRepo.codeTaken(ctx.db, code, now.toISOString(), id))) break;
  }
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateMeeting(trx, id, { checkin_code: code, checkin_from: validFrom, checkin_to: validTo });
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
  if (!meeting) throw new DomainError('meetings.checkin_invalid');
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

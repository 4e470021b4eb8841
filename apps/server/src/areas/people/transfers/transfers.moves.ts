/**
 * The moves of a transfer after its creation, each in one transaction with what it does to the roster: on
 * acceptance the member's organization and path change (or, from outside, the member is recorded in the
 * receiving organization); on the return slip of a letter to outside the member leaves the roster (soft, with
 * its history). Until then the member counts in the sending organization.
 */
import {
  addDays,
  chinaYear,
  LETTER_DEFAULT_DAYS,
  type TransferAction,
  type TransferApproveT,
  type TransferDetailT,
  type TransferReceiptT,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { asUser, checkMove, move, requireMove } from '../../../platform/workflow.js';
import * as membersRepo from '../../core/members/members.repository.js';
import { memberColumns, validateMember } from '../../core/members/members.service.js';
import * as repo from './transfers.repository.js';
import { checkDuesMonth, checkReceiptDate, checkValidity, fieldError } from './transfers.checks.js';
import { get, todayOf } from './transfers.service.js';
import { transferFlow } from './transfers.workflow.js';

type Trx = repo.Q;

/** Loads a transfer for a move: the capability first (403), then the record inside either side (404). */
async function load(ctx: Ctx, actor: Actor, id: number, action: TransferAction): Promise<repo.TransferRow> {
  requireMove(asUser(actor), transferFlow, action);
  return repo.getTransfer(ctx.db, actor, id);
}

/** Makes a move (and its effect on the roster) in one transaction; answers the transfer as it is now. */
async function run(
  ctx: Ctx,
  actor: Actor,
  id: number,
  action: TransferAction,
  input: Record<string, unknown>,
  prepare?: (trx: Trx, r: repo.TransferRow) => Promise<Record<string, unknown>>,
  after?: (trx: Trx, r: repo.TransferRow) => Promise<void>,
): Promise<TransferDetailT> {
  const r = await load(ctx, actor, id, action);
  const who = asUser(actor);
  await ctx.db.transaction().execute(async (trx) => {
    // Checked before anything is taken (a letter number is not spent on a refused move).
    checkMove(who, transferFlow, r, action, null);
    const extra = prepare ? await prepare(trx, r) : {};
    await move(ctx, trx, who, transferFlow, r, action, { ...input, ...extra });
    await after?.(trx, r);
  });
  return get(ctx, actor, id);
}

/** The higher committee approves: the letter gets its number, validity (≤ 3 months) and dues-paid-to month. */
export function approve(ctx: Ctx, actor: Actor, id: number, body: TransferApproveT): Promise<TransferDetailT> {
  const today = todayOf(ctx);
  return run(ctx, actor, id, 'approve', {}, async (trx, r) => {
    const validUntil = body.validUntil ?? addDays(today, LETTER_DEFAULT_DAYS);
    checkValidity(today, validUntil, today);
    const duesPaidTo = body.duesPaidTo ?? r.dues_paid_to;
    if (!duesPaidTo) throw fieldError('workflow.field_required', 'duesPaidTo');
    checkDuesMonth(duesPaidTo, today);
    const letterNo = await repo.nextLetterNo(trx, r.tenant_id, chinaYear(ctx.clock()));
    return { letterNo, issuedOn: today, validUntil, duesPaidTo };
  });
}

/** The higher committee refuses an application, with its reason (the sender may resubmit or withdraw). */
export function reject(ctx: Ctx, actor: Actor, id: number, reason: string): Promise<TransferDetailT> {
  return run(ctx, actor, id, 'reject', { reason });
}

/** The receiving side sends a letter back, with its reason. */
export function sendBack(ctx: Ctx, actor: Actor, id: number, reason: string): Promise<TransferDetailT> {
  return run(ctx, actor, id, 'sendBack', { reason });
}

/** The sender resubmits a transfer sent back (to be approved again). */
export function resubmit(ctx: Ctx, actor: Actor, id: number, note: string | null): Promise<TransferDetailT> {
  return run(ctx, actor, id, 'resubmit', { note });
}

/** The owning side withdraws a transfer before it is received. */
export function withdraw(ctx: Ctx, actor: Actor, id: number, note: string | null): Promise<TransferDetailT> {
  return run(ctx, actor, id, 'withdraw', { note });
}

/**
 * The receiving side accepts: a member of the county moves to the receiving organization (its roster, its
 * account and the audit follow); a person from outside is recorded as a member of it, from the registered letter.
 */
export function accept(ctx: Ctx, actor: Actor, id: number, note: string | null): Promise<TransferDetailT> {
  const today = todayOf(ctx);
  return run(ctx, actor, id, 'accept', { acceptedOn: today, note }, undefined, async (trx, r) => {
    const now = ctx.clock().toISOString();
    const org = r.to_org_id ? await repo.orgOfTenant(trx, r.tenant_id, r.to_org_id) : undefined;
    if (!org) throw notFound();
    if (r.kind === 'internal') await moveIn(ctx, trx, actor, r, org, now);
    else await createFromOutside(ctx, trx, actor, r, org, today, now);
    await bumpVersion(trx, r.tenant_id, 'roster');
  });
}

async function moveIn(
  ctx: Ctx,
  trx: Trx,
  actor: Actor,
  r: repo.TransferRow,
  org: { id: number; org_path: string },
  now: string,
): Promise<void> {
  const m = r.member_id ? await repo.memberRow(trx, r.tenant_id, r.member_id) : undefined;
  // A member deleted since the application cannot be received: the sender must restore it first.
  if (!m || m.deleted_at) throw new DomainError('workflow.move_refused', { reason: 'member gone' }, 409);
  await repo.moveMemberRows(trx, m.id, org, now);
  // A secretary of the sending organization leaves the seat with the organization.
  await repo.clearSecretarySeats(trx, m.id);
  await writeAudit(ctx, trx, actor, {
    action: 'transfer.member_moved',
    entityType: 'member',
    entityId: m.id,
    tenantId: r.tenant_id,
    changes: { orgId: { before: m.org_id, after: org.id } },
    detail: r.letter_no,
  });
}

async function createFromOutside(
  ctx: Ctx,
  trx: Trx,
  actor: Actor,
  r: repo.TransferRow,
  org: { id: number; org_path: string },
  today: string,
  now: string,
): Promise<void> {
  const idNumber = ctx.vault.decrypt(r.id_number_enc!);
  const { value, errors } = validateMember(
    {
      name: r.name,
      gender: r.gender,
      idNumber,
      joinedAt: r.joined_at ?? '',
      phone: r.phone_enc ? ctx.vault.decrypt(r.phone_enc) : null,
      status: (r.member_status ?? undefined) as 'full' | 'probationary' | undefined,
    },
    today,
  );
  if (!value) throw new DomainError(errors[0]!.code, { fields: errors });
  const cols = memberColumns(ctx, value);
  if (await membersRepo.idNumberTaken(trx, r.tenant_id, cols.id_number_hash))
    throw fieldError('members.id_number_taken', 'idNumber', 409);
  const [memberId] = await membersRepo.insertMembers(trx, [
    {
      ...cols,
      tenant_id: r.tenant_id,
      org_id: org.id,
      org_path: org.org_path,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    },
  ]);
  await repo.updateTransfer(trx, r.id, { member_id: memberId! });
  await writeAudit(ctx, trx, actor, {
    action: 'transfer.member_created',
    entityType: 'member',
    entityId: memberId!,
    tenantId: r.tenant_id,
    changes: { orgId: { before: null, after: org.id }, name: { before: null, after: r.name } },
    detail: r.letter_no,
  });
}

/** The sender records the return slip of a letter to outside: the member leaves the roster (soft, with history). */
export function receipt(ctx: Ctx, actor: Actor, id: number, body: TransferReceiptT): Promise<TransferDetailT> {
  const today = todayOf(ctx);
  return run(
    ctx,
    actor,
    id,
    'receipt',
    { receiptOn: body.receiptOn, note: body.note ?? null },
    async (_trx, r) => {
      checkReceiptDate(body.receiptOn, r.issued_on, today);
      return {};
    },
    async (trx, r) => {
      if (!r.member_id) return;
      const now = ctx.clock().toISOString();
      const m = await repo.memberRow(trx, r.tenant_id, r.member_id);
      if (!m || m.deleted_at) return;
      await repo.leaveRoster(trx, m.id, now);
      await writeAudit(ctx, trx, actor, {
        action: 'transfer.member_left',
        entityType: 'member',
        entityId: m.id,
        tenantId: r.tenant_id,
        changes: { deletedAt: { before: null, after: now } },
        detail: `${r.letter_no ?? ''} ${r.to_org_name}`.trim(),
      });
      await bumpVersion(trx, r.tenant_id, 'roster');
    },
  );
}

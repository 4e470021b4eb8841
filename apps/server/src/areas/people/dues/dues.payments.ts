/**
 * Dues payments: recorded by the branch for a member of its subtree against that member's bills (oldest first). A
 * payment made in its bills' month counts at once; a back payment (补交, a bill of an earlier month) waits for the
 * township's review and counts once approved. A mistaken payment is soft-deleted and restorable; the bills' paid
 * amounts follow every change in the same transaction.
 */
import {
  can,
  chinaDay,
  DUES_COUNTED_PAYMENT_STATUSES,
  type DuesPaymentCreateT,
  type DuesPaymentDetailT,
  type DuesPaymentQueryT,
  type DuesPaymentStatus,
  type DuesPaymentT,
} from '@dangjian/contracts';
import { type Actor, inScope, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAudit } from '../../../platform/data/audit.js';
import { getOr404, restore as restoreRow, softDelete, type SoftChange } from '../../../platform/data/scoped.js';
import { addTimeline, listTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { orgRefOf, placedIn, stampsOf } from '../../../platform/stamps.js';
import * as membersRepo from '../../core/members/members.repository.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { billStatus, fenOf, yuanOf } from './dues.money.js';
import * as repo from './dues.repository.js';
import * as payRepo from './dues.payments.repository.js';

const counted = (status: string) => (DUES_COUNTED_PAYMENT_STATUSES as readonly string[]).includes(status);
const author = (actor: Actor) => ({ id: actor.userId || null, name: actor.displayName });

function present(actor: Actor, r: payRepo.PaymentRow, items: payRepo.ItemRow[]): DuesPaymentT {
  const mayReview = can(actor.role, 'dues.review') && inScope(actor, r.tenant_id, r.org_path) && !r.deleted_at;
  return {
    ...orgRefOf(r),
    memberId: r.member_id,
    memberName: r.member_name,
    paidOn: r.paid_on,
    amount: yuanOf(r.amount_fen),
    method: r.method as DuesPaymentT['method'],
    reference: r.reference,
    note: r.note,
    status: r.status as DuesPaymentStatus,
    backPayment: r.back_payment === 1,
    bills: items.map((i) => ({ billId: i.bill_id, month: i.month, amount: yuanOf(i.amount_fen) })),
    recordedByName: r.recorded_by_name,
    reviewedByName: r.reviewed_by_name,
    reviewedAt: r.reviewed_at,
    reviewNote: r.review_note,
    actions: mayReview && r.status === 'pending' ? ['approve', 'refuse'] : [],
    ...stampsOf(r),
  };
}

async function presentAll(ctx: Ctx, actor: Actor, rows: payRepo.PaymentRow[]): Promise<DuesPaymentT[]> {
  const items = await payRepo.itemsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    present(
      actor,
      r,
      items.filter((i) => i.payment_id === r.id),
    ),
  );
}

/** The payments of the caller's subtree, filtered, a page at a time (the recycle bin with `deleted`). */
export async function listPayments(ctx: Ctx, actor: Actor, q: DuesPaymentQueryT): Promise<Listed<DuesPaymentT>> {
  requireCapability(actor, 'dues.read');
  const under = await orgsRepo.underOrg(ctx.db, actor, q.org);
  const f: payRepo.PaymentFilter = {
    under,
    q: q.q?.trim() || undefined,
    status: q.status,
    method: q.method,
    memberId: q.memberId,
    backPayment: q.backPayment,
    from: q.from,
    to: q.to,
    deleted: q.deleted,
  };
  const { rows, total } = await payRepo.listPayments(ctx.db, actor, f, pagingOf(q), ctx.dialect === 'sqlite');
  return { items: await presentAll(ctx, actor, rows), total };
}

/** One payment of the caller's subtree (also deleted) with its timeline. */
export async function getPayment(ctx: Ctx, actor: Actor, id: number): Promise<DuesPaymentDetailT> {
  requireCapability(actor, 'dues.read');
  const sqlite = ctx.dialect === 'sqlite';
  const live = await payRepo.listPayments(ctx.db, actor, { id }, { page: 1, pageSize: 1 }, sqlite);
  const rows = live.rows.length
    ? live.rows
    : (await payRepo.listPayments(ctx.db, actor, { id, deleted: true }, { page: 1, pageSize: 1 }, sqlite)).rows;
  if (!rows.length) throw notFound();
  const [p] = await presentAll(ctx, actor, rows);
  return { ...p!, events: await listTimeline(ctx.db, 'dues_payment', id) };
}

/** Adds (sign 1) or takes back (sign -1) a payment's parts on its bills; more than a bill's amount refuses. */
async function applyParts(trx: repo.Q, paymentId: number, sign: 1 | -1, now: string): Promise<void> {
  const items = await payRepo.itemsOf(trx, [paymentId]);
  const bills = new Map(
    (
      await payRepo.billsById(
        trx,
        items.map((i) => i.bill_id),
      )
    ).map((b) => [b.id, b]),
  );
  for (const i of items) {
    const b = bills.get(i.bill_id)!;
    const paid = b.paid_fen + sign * i.amount_fen;
    if (paid > b.amount_fen || paid < 0) throw new DomainError('dues.bill_changed', { billId: b.id }, 409);
    await repo.setBillPaid(trx, b.id, paid, billStatus(b.amount_fen, paid, b.status === 'exempt'), now);
  }
}

/** Whether a payment's parts still fit what its bills owe (counted and pending payments of others aside). */
async function stillFits(trx: repo.Q, paymentId: number): Promise<boolean> {
  const items = await payRepo.itemsOf(trx, [paymentId]);
  const ids = items.map((i) => i.bill_id);
  const bills = new Map((await payRepo.billsById(trx, ids)).map((b) => [b.id, b]));
  const pending = await payRepo.pendingOn(trx, ids, paymentId);
  return items.every((i) => {
    const b = bills.get(i.bill_id)!;
    return b.status !== 'exempt' && b.paid_fen + (pending.get(b.id) ?? 0) + i.amount_fen <= b.amount_fen;
  });
}

/**
 * Records a payment for a member of the caller's subtree (another branch's member is not found) against bills of
 * that member, the oldest month first. A bill of a month before the payment's month makes it a back payment.
 */
export async function createPayment(ctx: Ctx, actor: Actor, body: DuesPaymentCreateT): Promise<DuesPaymentDetailT> {
  requireCapability(actor, 'dues.write');
  const now = ctx.clock().toISOString();
  if (body.paidOn > chinaDay(ctx.clock())) throw new DomainError('dues.paid_in_future', { field: 'paidOn' });
  const amountFen = fenOf(body.amount, 'amount');
  const paidMonth = body.paidOn.slice(0, 7);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const member = await membersRepo.requireMemberInScope(trx, actor, body.memberId);
    const bills = await repo.billsOfMember(trx, member.tenant_id, member.id, body.billIds);
    if (bills.length !== body.billIds.length) throw new DomainError('dues.bill_not_member', { field: 'billIds' });
    if (bills.some((b) => b.status === 'paid' || b.status === 'exempt'))
      throw new DomainError('dues.bill_settled', { field: 'billIds' }, 409);
    if (bills.some((b) => b.month > paidMonth)) throw new DomainError('dues.paid_before_bill', { field: 'paidOn' });
    const pending = await payRepo.pendingOn(
      trx,
      bills.map((b) => b.id),
    );
    let left = amountFen;
    const items: { bill_id: number; amount_fen: number }[] = [];
    for (const b of bills) {
      const open = Math.max(0, b.amount_fen - b.paid_fen - (pending.get(b.id) ?? 0));
      const part = Math.min(open, left);
      if (part > 0) items.push({ bill_id: b.id, amount_fen: part });
      left -= part;
    }
    if (left > 0) throw new DomainError('dues.overpaid', { field: 'amount' });
    const back = bills.some((b) => b.month < paidMonth);
    const status: DuesPaymentStatus = back ? 'pending' : 'recorded';
    const id = await payRepo.insertPayment(
      trx,
      {
        ...placedIn({ tenant_id: member.tenant_id, id: member.org_id, org_path: member.org_path }),
        member_id: member.id,
        paid_on: body.paidOn,
        amount_fen: amountFen,
        method: body.method,
        status,
        reference: body.reference?.trim() || null,
        note: body.note?.trim() || null,
        back_payment: back ? 1 : 0,
        recorded_by: actor.userId || null,
        reviewed_by: null,
        reviewed_at: null,
        review_note: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
      items,
    );
    if (!back) {
      await applyParts(trx, id, 1, now);
      await repo.clearArrearsReason(trx, member.id, now);
    }
    await addTimeline(trx, author(actor), {
      tenantId: member.tenant_id,
      entityType: 'dues_payment',
      entityId: id,
      orgPath: member.org_path,
      action: 'recorded',
      toState: status,
      note: `${member.name} ${yuanOf(amountFen).toFixed(2)} 元`,
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'dues_payment.create',
      entityType: 'dues_payment',
      entityId: id,
      changes: {
        memberId: { before: null, after: member.id },
        amount: { before: null, after: yuanOf(amountFen) },
        paidOn: { before: null, after: body.paidOn },
        method: { before: null, after: body.method },
        status: { before: null, after: status },
      },
    });
    await bumpVersion(trx, member.tenant_id, 'dues');
    return id;
  });
  return getPayment(ctx, actor, id);
}

function change(ctx: Ctx, actor: Actor, deleting: boolean): SoftChange {
  return {
    action: deleting ? 'dues_payment.delete' : 'dues_payment.restore',
    entityType: 'dues_payment',
    domains: ['dues'],
    stampUpdatedAt: true,
    before: async (trx, row) => {
      const id = row.id as number;
      const status = row.status as string;
      const now = ctx.clock().toISOString();
      if (deleting && status === 'approved') throw new DomainError('dues.payment_reviewed', undefined, 409);
      if (!deleting && status === 'pending' && !(await stillFits(trx, id)))
        throw new DomainError('dues.bill_changed', undefined, 409);
      if (counted(status)) await applyParts(trx, id, deleting ? -1 : 1, now);
      await addTimeline(trx, author(actor), {
        tenantId: row.tenant_id as number,
        entityType: 'dues_payment',
        entityId: id,
        orgPath: row.org_path as string,
        action: deleting ? 'deleted' : 'restored',
        at: now,
      });
    },
  };
}

/** Soft-deletes a mistaken payment (not an approved back payment); its bills' paid amounts go back. */
export async function removePayment(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'dues.write');
  await softDelete(ctx, actor, 'dues_payments', id, change(ctx, actor, true));
}

/** Restores a deleted payment when its bills still owe it. */
export async function restorePayment(ctx: Ctx, actor: Actor, id: number): Promise<DuesPaymentDetailT> {
  requireCapability(actor, 'dues.write');
  await restoreRow(ctx, actor, 'dues_payments', id, change(ctx, actor, false));
  return getPayment(ctx, actor, id);
}

/** The township's (or county's) review of a back payment: approved, it counts; refused, it needs a reason. */
export async function review(
  ctx: Ctx,
  actor: Actor,
  id: number,
  decision: 'approve' | 'refuse',
  note: string | null | undefined,
): Promise<DuesPaymentDetailT> {
  requireCapability(actor, 'dues.review');
  const text = note?.trim() || null;
  await ctx.db.transaction().execute(async (trx) => {
    const row = await getOr404(trx, actor, 'dues_payments', id);
    if (decision === 'refuse' && !text) throw new DomainError('workflow.field_required', { field: 'note' });
    if (row.status !== 'pending') throw new DomainError('workflow.move_refused', { from: row.status });
    const now = ctx.clock().toISOString();
    const to = decision === 'approve' ? 'approved' : 'refused';
    const done = await payRepo.setPaymentStatus(trx, id, 'pending', {
      status: to,
      reviewed_by: actor.userId || null,
      reviewed_at: now,
      review_note: text,
    });
    if (!done) throw new DomainError('workflow.move_refused', { from: row.status });
    if (to === 'approved') {
      await applyParts(trx, id, 1, now);
      await repo.clearArrearsReason(trx, row.member_id, now);
    }
    await addTimeline(trx, author(actor), {
      tenantId: row.tenant_id,
      entityType: 'dues_payment',
      entityId: id,
      orgPath: row.org_path,
      action: to,
      fromState: 'pending',
      toState: to,
      note: text,
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: `dues_payment.${decision}`,
      entityType: 'dues_payment',
      entityId: id,
      changes: { status: { before: 'pending', after: to } },
      detail: text,
    });
    await bumpVersion(trx, row.tenant_id, 'dues');
  });
  return getPayment(ctx, actor, id);
}

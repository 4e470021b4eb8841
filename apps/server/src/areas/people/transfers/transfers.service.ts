/**
 * Transfers of membership (组织关系转接): the lists of both sides, a transfer with its timeline and the moves
 * the caller may make, the sending side's application and the registration of a letter from outside, soft
 * delete and restore of a mistaken record. The moves themselves are in `transfers.moves.ts`.
 */
import {
  chinaToday,
  type TransferCreateT,
  type TransferDetailT,
  type TransferItemT,
  type TransferListQueryT,
  type TransferRegisterT,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { addTimeline, listTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import { maskIdNumber, maskPhone } from '../../../platform/idcard.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { stampsOf } from '../../../platform/stamps.js';
import { allowedActions, asUser, authorOf, requireMove } from '../../../platform/workflow.js';
import * as membersRepo from '../../core/members/members.repository.js';
import { memberOrg, validateMember } from '../../core/members/members.service.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { MEMBER_HOLDING_TYPES } from '../../core/orgs/orgs.rules.js';
import * as repo from './transfers.repository.js';
import { checkDuesMonth, checkValidity, fieldError } from './transfers.checks.js';
import { sideOf, transferFlow } from './transfers.workflow.js';

/** Today in China by the context's clock. */
export const todayOf = (ctx: Ctx) => chinaToday(ctx.clock());

/** Whether a transfer is overdue on a day: its letter issued, not yet received, and past its validity. */
export function isOverdue(r: { status: string; valid_until: string | null }, today: string): boolean {
  return r.status === 'issued' && r.valid_until != null && r.valid_until < today;
}

/**
 * The API item of a row for a caller on `side`. The receiving side alone sees only what receiving needs: the
 * person (name, masked ID), the organizations' names, the letter and the dates — not the member's record id
 * nor the sending side's reason.
 */
export function present(r: repo.TransferRow, side: 'out' | 'in' | 'both', today: string): TransferItemT {
  // A letter from outside is the receiving side's own record: it sees all of it.
  const full = side !== 'in' || r.kind === 'incoming';
  return {
    id: r.id,
    kind: r.kind as TransferItemT['kind'],
    status: r.status as TransferItemT['status'],
    side,
    overdue: isOverdue(r, today),
    memberId: full ? r.member_id : null,
    name: r.name,
    gender: r.gender as TransferItemT['gender'],
    idNumber: r.id_number_masked ?? '',
    fromOrgId: full ? r.from_org_id : null,
    fromOrgName: r.from_org_name,
    toOrgId: r.to_org_id,
    toOrgName: r.to_org_name,
    toAddress: r.to_address,
    reason: full ? r.reason : null,
    appliedOn: r.applied_on,
    letterNo: r.letter_no,
    issuedOn: r.issued_on,
    validUntil: r.valid_until,
    duesPaidTo: r.dues_paid_to,
    acceptedOn: r.accepted_on,
    receiptOn: r.receipt_on,
    returnReason: r.return_reason,
    ...stampsOf(r),
  };
}

/** Transfers of the caller's subtree (sent from it, received by it, or both), newest first. */
export async function list(ctx: Ctx, actor: Actor, query: TransferListQueryT): Promise<Listed<TransferItemT>> {
  requireCapability(actor, 'transfers.read');
  const today = todayOf(ctx);
  const underPath = await orgsRepo.underOrg(ctx.db, actor, query.org);
  const { rows, total } = await repo.listTransfers(ctx.db, actor, toFilter(query, underPath, today), pagingOf(query));
  const who = asUser(actor);
  return { items: rows.map((r) => present(r, sideOf(who, r) ?? 'in', today)), total };
}

/** The repository filter of a list query. */
export function toFilter(query: TransferListQueryT, underPath: string | undefined, today: string): repo.TransferFilter {
  return {
    underPath,
    direction: query.direction,
    kind: query.kind,
    status: query.status,
    overdue: query.overdue,
    q: query.q?.trim() || undefined,
    from: query.from,
    to: query.to,
    deleted: query.deleted,
    today,
  };
}

/** Events the receiving side alone reads: every move, but the sending side's notes only for its own moves. */
const RECEIVING_NOTES = new Set(['accepted', 'sent_back', 'registered']);

/** One transfer with its timeline and the moves the caller may make now. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<TransferDetailT> {
  requireCapability(actor, 'transfers.read');
  const r = await repo.getTransfer(ctx.db, actor, id, 'any');
  const who = asUser(actor);
  const side = sideOf(who, r) ?? 'in';
  let events = await listTimeline(ctx.db, 'transfer', id);
  if (side === 'in' && r.kind !== 'incoming')
    events = events.map((e) => (RECEIVING_NOTES.has(e.kind) ? e : { ...e, note: null }));
  const actions = r.deleted_at ? [] : allowedActions(who, transferFlow, r);
  return { ...present(r, side, todayOf(ctx)), events, actions };
}

/** The sending side applies for a member of its subtree, to an organization of the county or one outside. */
export async function create(ctx: Ctx, actor: Actor, input: TransferCreateT): Promise<TransferDetailT> {
  const who = asUser(actor);
  requireMove(who, transferFlow, 'apply');
  const member = await membersRepo.requireMemberInScope(ctx.db, actor, input.memberId);
  const today = todayOf(ctx);
  if (input.duesPaidTo) checkDuesMonth(input.duesPaidTo, today);
  const tenantId = member.tenant_id;
  let to: { id: number; name: string; org_path: string } | null = null;
  const outsideName = input.toOrgName?.trim() || null;
  if (input.toOrgId) {
    // The receiving organization may lie in any township of the county: only its existence there is checked.
    const o = await repo.orgOfTenant(ctx.db, tenantId, input.toOrgId);
    if (!o) throw fieldError('not_found', 'toOrgId', 404);
    if (!MEMBER_HOLDING_TYPES.includes(o.type as never)) throw fieldError('transfers.target_not_branch', 'toOrgId');
    if (o.id === member.org_id) throw fieldError('transfers.same_org', 'toOrgId');
    to = o;
  } else if (!outsideName) throw fieldError('transfers.target_required', 'toOrgId');
  const m = (await repo.memberRow(ctx.db, tenantId, member.id))!;
  const from = (await repo.orgNames(ctx.db, [member.org_id])).get(member.org_id) ?? '';
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await repo.hasOpenTransfer(trx, member.id)) throw fieldError('transfers.member_pending', 'memberId', 409);
    const now = ctx.clock().toISOString();
    const [id] = await repo.insertTransfers(trx, [
      {
        tenant_id: tenantId,
        org_id: member.org_id,
        org_path: member.org_path,
        kind: to ? 'internal' : 'outgoing',
        status: 'applied',
        member_id: member.id,
        name: m.name,
        gender: m.gender,
        id_number_enc: m.id_number_enc,
        id_number_hash: m.id_number_hash,
        id_number_masked: m.id_number_masked,
        phone_enc: m.phone_enc,
        phone_hash: m.phone_hash,
        phone_masked: m.phone_masked,
        joined_at: m.joined_at,
        member_status: m.status,
        from_org_id: member.org_id,
        from_org_name: from,
        to_org_id: to?.id ?? null,
        to_path: to?.org_path ?? null,
        to_org_name: to?.name ?? outsideName!,
        to_address: to ? null : input.toAddress?.trim() || null,
        reason: input.reason?.trim() || null,
        applied_on: today,
        dues_paid_to: input.duesPaidTo ?? null,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await recordCreation(ctx, trx, actor, { id: id!, tenantId, orgPath: member.org_path, now }, 'apply', {
      memberId: member.id,
      toOrgId: to?.id ?? null,
      toOrgName: to?.name ?? outsideName,
    });
    return id!;
  });
  return get(ctx, actor, id);
}

/** The receiving organization registers a letter from outside the platform; the member is created on acceptance. */
export async function register(ctx: Ctx, actor: Actor, input: TransferRegisterT): Promise<TransferDetailT> {
  const who = asUser(actor);
  requireMove(who, transferFlow, 'register');
  const org = await memberOrg(ctx, actor, input.orgId);
  const today = todayOf(ctx);
  const { value, errors } = validateMember(
    { ...input, status: input.memberStatus, fullMemberAt: undefined, birthDate: undefined },
    today,
  );
  if (!value) throw new DomainError(errors[0]!.code, { fields: errors });
  if (!input.duesPaidTo) throw fieldError('workflow.field_required', 'duesPaidTo');
  checkDuesMonth(input.duesPaidTo, today);
  checkValidity(input.issuedOn, input.validUntil, today);
  const hash = ctx.vault.lookupHash(value.idNumber);
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await membersRepo.idNumberTaken(trx, org.tenant_id, hash))
      throw fieldError('members.id_number_taken', 'idNumber', 409);
    const now = ctx.clock().toISOString();
    const [id] = await repo.insertTransfers(trx, [
      {
        tenant_id: org.tenant_id,
        org_id: org.id,
        org_path: org.org_path,
        kind: 'incoming',
        status: 'issued',
        member_id: null,
        name: value.name,
        gender: value.gender,
        id_number_enc: ctx.vault.encrypt(value.idNumber),
        id_number_hash: hash,
        id_number_masked: maskIdNumber(value.idNumber),
        phone_enc: value.phone ? ctx.vault.encrypt(value.phone) : null,
        phone_hash: value.phone ? ctx.vault.lookupHash(value.phone) : null,
        phone_masked: value.phone ? maskPhone(value.phone) : null,
        joined_at: value.joinedAt,
        member_status: value.status,
        from_org_id: null,
        from_org_name: input.fromOrgName.trim(),
        to_org_id: org.id,
        to_path: org.org_path,
        to_org_name: org.name,
        to_address: null,
        reason: null,
        applied_on: input.issuedOn,
        letter_no: input.letterNo.trim(),
        issued_on: input.issuedOn,
        valid_until: input.validUntil,
        dues_paid_to: input.duesPaidTo,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await recordCreation(
      ctx,
      trx,
      actor,
      { id: id!, tenantId: org.tenant_id, orgPath: org.org_path, now },
      'register',
      {
        letterNo: input.letterNo.trim(),
        fromOrgName: input.fromOrgName.trim(),
        toOrgId: org.id,
      },
    );
    return id!;
  });
  return get(ctx, actor, id);
}

/** The first timeline entry, the audit record and the version bump of a new transfer. */
async function recordCreation(
  ctx: Ctx,
  trx: repo.Q,
  actor: Actor,
  t: { id: number; tenantId: number; orgPath: string; now: string },
  action: 'apply' | 'register',
  fields: Record<string, unknown>,
): Promise<void> {
  const spec = transferFlow.spec.actions[action];
  const to = typeof spec.to === 'string' ? spec.to : null;
  await addTimeline(trx, authorOf(asUser(actor)), {
    tenantId: t.tenantId,
    entityType: 'transfer',
    entityId: t.id,
    orgPath: t.orgPath,
    action: spec.event,
    toState: to,
    toOrgId: typeof fields.toOrgId === 'number' ? fields.toOrgId : null,
    note: null,
    at: t.now,
  });
  const changes: Record<string, { before: unknown; after: unknown }> = { status: { before: null, after: to } };
  for (const [k, v] of Object.entries(fields)) changes[k] = { before: null, after: v };
  await writeAudit(ctx, trx, actor, { action: `transfer.${action}`, entityType: 'transfer', entityId: t.id, changes });
  await bumpVersion(trx, t.tenantId, 'transfers');
}

const CHANGE = (action: string) => ({
  action,
  entityType: 'transfer',
  domains: ['transfers' as const],
  stampUpdatedAt: true,
});

/** Soft-deletes a mistaken transfer (the owning side; recoverable). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'transfers.write');
  await softDelete(ctx, actor, 'transfers', id, CHANGE('transfer.delete'));
}

/** Restores a transfer deleted by mistake, unless its member has another transfer under way since. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<TransferDetailT> {
  requireCapability(actor, 'transfers.write');
  await restoreRow(ctx, actor, 'transfers', id, {
    ...CHANGE('transfer.restore'),
    before: async (trx, row) => {
      const open = (repo.OPEN_STATUSES as readonly string[]).includes(row.status as string);
      if (open && row.member_id && (await repo.hasOpenTransfer(trx, row.member_id as number, id)))
        throw fieldError('transfers.member_pending', 'memberId', 409);
    },
  });
  return get(ctx, actor, id);
}

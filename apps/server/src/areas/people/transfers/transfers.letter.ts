/**
 * The introduction letter (组织关系介绍信) of a transfer as the print page needs it, and the receiving
 * organizations a form may name (the whole county's by name: a transfer may go to any township).
 */
import { daysBetween, type TransferLetterT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { parseIdNumber } from '../../../platform/idcard.js';
import { asUser } from '../../../platform/workflow.js';
import { MEMBER_HOLDING_TYPES } from '../../core/orgs/orgs.rules.js';
import { yearsBetween } from '../../core/members/members.service.js';
import * as repo from './transfers.repository.js';
import { onOwningSide } from './transfers.workflow.js';

/** The letter of an issued transfer, for the owning side to print (404 for the receiving side alone). */
export async function letter(ctx: Ctx, actor: Actor, id: number): Promise<TransferLetterT> {
  requireCapability(actor, 'transfers.read');
  const r = await repo.getTransfer(ctx.db, actor, id);
  if (!onOwningSide(asUser(actor), r) || r.kind === 'incoming') throw notFound();
  if (!r.letter_no || !r.issued_on || !r.valid_until || !r.dues_paid_to)
    throw new DomainError('workflow.move_refused', { reason: 'no letter yet' }, 409);
  const m = r.member_id ? await repo.memberRow(ctx.db, r.tenant_id, r.member_id) : undefined;
  const birth =
    m?.birth_date ?? (r.id_number_enc ? parseIdNumber(ctx.vault.decrypt(r.id_number_enc))?.birthDate : null);
  const issuer = (await repo.committeeAbove(ctx.db, r.tenant_id, r.org_path)) ?? r.from_org_name;
  return {
    id: r.id,
    letterNo: r.letter_no,
    name: r.name,
    gender: r.gender as TransferLetterT['gender'],
    age: birth ? yearsBetween(birth, r.issued_on) : null,
    ethnicity: m?.ethnicity ?? null,
    idNumber: r.id_number_masked ?? '',
    memberStatus: (r.member_status ?? 'full') as TransferLetterT['memberStatus'],
    fromOrgName: r.from_org_name,
    toOrgName: r.to_org_name,
    toAddress: r.to_address,
    issuedOn: r.issued_on,
    validUntil: r.valid_until,
    validDays: daysBetween(r.issued_on, r.valid_until),
    duesPaidTo: r.dues_paid_to,
    issuerName: issuer,
  };
}

/** Organizations of the county that may receive a member, by name (the create form's picker). */
export async function targets(ctx: Ctx, actor: Actor, q: string | undefined) {
  requireCapability(actor, 'transfers.write');
  if (actor.tenantId == null) throw notFound();
  const rows = await repo.orgsByName(ctx.db, actor.tenantId, q?.trim() || undefined, MEMBER_HOLDING_TYPES);
  return { items: rows.map((o) => ({ id: o.id, name: o.name })), total: rows.length };
}

/**
 * Residents' requests (民情诉求) and three-level handling (三级联动): acceptance with a deadline from the
 * rules, owner, progress, transfer, close, the resident's rating (不满意 reopens, up to the rule's limit).
 * Every step is a timeline event, an audit record and a bump of the service version.
 */
import type {
  RequestAssignT,
  RequestCreateT,
  RequestDetailT,
  RequestItemT,
  RequestListQueryT,
  RequestTransferT,
} from '@dangjian/contracts';
import { can } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { inScope, requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import type { Q } from '../../../platform/data/scoped.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { addTimeline, listTimeline } from '../../../platform/data/timeline.js';
import { DomainError } from '../../../platform/errors.js';
import { isValidMobile, normalizePhone } from '../../../platform/idcard.js';
import { bumpVersion, type Domain } from '../../../platform/data/versions.js';
import {
  act,
  allowedActions,
  asUser,
  authorOf,
  checkMove,
  type FlowActor,
  move,
  requireMove,
} from '../../../platform/workflow.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as membersRepo from '../../core/members/members.repository.js';
import * as householdsRepo from '../households/households.repository.js';
import { residentsRules } from '../common/residents.rules.js';
import { guardPhone } from '../../../platform/personal.js';
import { requestMonth } from './requests.month.js';
import * as repo from './requests.repository.js';
import { addDays, chinaDayStart, deadline } from './requests.time.js';
import { recycledChange } from '../common/recycle.js';
import { daysFor, type RequestAction, requestFlow } from './requests.workflow.js';
import { placedIn, stampsOf } from '../../../platform/stamps.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';

export { daysFor } from './requests.workflow.js';

/** Whether a request is overdue at an instant: not closed and past its deadline. */
export function isOverdue(r: { closed_at: string | null; due_at: string | null }, now: string): boolean {
  return r.closed_at == null && r.due_at != null && r.due_at < now;
}

/** The API item of a row. */
export function toItem(
  r: repo.RequestListRow,
  names: Map<number, string>,
  now: string,
  heads: Map<number, string> = new Map(),
): RequestItemT {
  return {
    id: r.id,
    requestNo: r.request_no,
    orgId: r.org_id,
    orgName: names.get(r.org_id) ?? '',
    originOrgId: r.origin_org_id,
    originOrgName: names.get(r.origin_org_id) ?? '',
    householdId: r.household_id,
    householdHead: r.household_id == null ? null : (heads.get(r.household_id) ?? null),
    residentName: r.resident_name,
    phone: r.phone_masked,
    channel: r.channel as RequestItemT['channel'],
    category: r.category as RequestItemT['category'],
    description: r.description,
    level: r.level as RequestItemT['level'],
    status: r.status as RequestItemT['status'],
    overdue: isOverdue(r, now),
    acceptedAt: r.accepted_at,
    dueAt: r.due_at,
    ownerMemberId: r.owner_member_id,
    ownerName: r.owner_name,
    department: r.department,
    escalations: Number(r.escalations),
    escalatedAt: r.escalated_at,
    closedAt: r.closed_at,
    result: r.result,
    rating: r.rating as RequestItemT['rating'],
    ratedAt: r.rated_at,
    reopened: Number(r.reopened),
    ...stampsOf(r),
  };
}

/** Requests of a subtree (handling or accepted view), newest first, with the overdue flag at the clock's now. */
export async function list(ctx: Ctx, actor: Actor, query: RequestListQueryT): Promise<Listed<RequestItemT>> {
  requireCapability(actor, 'residents.read');
  const underPath = await orgsRepo.underOrg(ctx.db, actor, query.org);
  const now = ctx.clock().toISOString();
  const { page, pageSize } = pagingOf(query);
  let phoneHash: string | undefined;
  const q = query.q?.trim() || undefined;
  if (q && /^[\d\s+-]{11,}$/.test(q) && isValidMobile(normalizePhone(q)))
    phoneHash = ctx.vault.lookupHash(normalizePhone(q));
  // An acceptance number (2026-00123, or 2026-123 typed short) finds that one request.
  const no = q?.match(/^(\d{4})\s*[-－]\s*0*(\d{1,9})$/);
  const requestNo = no ? repo.formatRequestNo(Number(no[1]), Number(no[2])) : undefined;
  const { rows, total } = await repo.listRequests(
    ctx.db,
    ctx.dialect,
    actor,
    {
      underPath,
      view: query.view,
      q,
      phoneHash,
      requestNo,
      status: query.status,
      overdue: query.overdue,
      level: query.level,
      channel: query.channel,
      category: query.category,
      rating: query.rating,
      deleted: query.deleted,
      fromAt: query.from ? chinaDayStart(query.from) : undefined,
      toAt: query.to ? chinaDayStart(addDays(query.to, 1)) : undefined,
    },
    now,
    page,
    pageSize,
  );
  const names = await repo.orgNames(
    ctx.db,
    rows.flatMap((r) => [r.org_id, r.origin_org_id]),
  );
  const heads = await repo.householdHeads(
    ctx.db,
    rows.map((r) => r.household_id),
  );
  return { items: rows.map((r) => toItem(r, names, now, heads)), total };
}

/** One request with its timeline. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<RequestDetailT> {
  requireCapability(actor, 'residents.read');
  const r = await repo.getRequest(ctx.db, actor, id, { includeDeleted: true });
  const names = await repo.orgNames(ctx.db, [r.org_id, r.origin_org_id]);
  const heads = await repo.householdHeads(ctx.db, [r.household_id]);
  return {
    ...toItem(r, names, ctx.clock().toISOString(), heads),
    events: await listTimeline(ctx.db, 'request', id),
    actions: r.deleted_at ? [] : allowedActions(asUser(actor), requestFlow, r),
  };
}

/** The owner (承办人) named by a write body: a member of the caller's scope (null when none is named). */
async function ownerInScope(
  ctx: Ctx,
  actor: Actor,
  memberId: number | null | undefined,
): Promise<membersRepo.MemberRef | null> {
  return memberId == null ? null : membersRepo.requireMemberInScope(ctx.db, actor, memberId);
}

export interface NewRequest {
  channel: string;
  category: string;
  description: string;
  level: string;
  householdId?: number | null;
  residentName?: string | null;
  /** Guarded phone columns (from guardPhone, or copied from a household). */
  phone: Record<string, string | null>;
  /** When it was accepted, for a paper record entered later (≤ now; default now). */
  acceptedAt?: string | null;
  ownerMemberId?: number | null;
  ownerName?: string | null;
  result?: string | null;
}

/**
 * Inserts a request accepted by an organization, inside the caller's transaction: the deadline comes
 * from the rules (研究办 studiedDays, 协调办 coordinatedDays); 当场办 needs its result and closes at once.
 */
export async function insertRequest(
  ctx: Ctx,
  trx: Q,
  actor: Actor,
  org: { id: number; tenant_id: number; org_path: string },
  input: NewRequest,
): Promise<number> {
  const result = input.result?.trim() || null;
  if (input.level === 'on_the_spot' && !result) throw new DomainError('residents.on_the_spot_needs_result');
  const rules = await residentsRules(trx, org.tenant_id);
  const created = ctx.clock().toISOString();
  // A paper record entered later keeps its real acceptance time, and so its real deadline.
  const now = input.acceptedAt ? new Date(input.acceptedAt).toISOString() : created;
  if (now > created) throw new DomainError('residents.in_future');
  const days = daysFor(rules, input.level);
  const onSpot = input.level === 'on_the_spot';
  const { id, requestNo } = await repo.insertRequest(trx, {
    ...placedIn(org),
    origin_org_id: org.id,
    origin_path: org.org_path,
    household_id: input.householdId ?? null,
    resident_name: input.residentName?.trim() || null,
    channel: input.channel,
    category: input.category,
    description: input.description.trim(),
    level: input.level,
    status: onSpot ? 'closed' : 'open',
    accepted_at: now,
    due_at: days == null ? null : deadline(now, days),
    owner_member_id: input.ownerMemberId ?? null,
    owner_name: input.ownerName?.trim() || null,
    department: null,
    escalations: 0,
    escalated_at: null,
    closed_at: onSpot ? now : null,
    result: onSpot ? result : null,
    rating: null,
    rated_at: null,
    reopened: 0,
    phone_enc: input.phone.phone_enc ?? null,
    phone_hash: input.phone.phone_hash ?? null,
    phone_masked: input.phone.phone_masked ?? null,
    created_by: actor.userId || null,
    created_at: created,
    updated_at: created,
    deleted_at: null,
  });
  const entry = { tenantId: org.tenant_id, entityType: 'request', entityId: id, orgPath: org.org_path, at: now };
  const by = authorOf(asUser(actor));
  await addTimeline(trx, by, { ...entry, action: 'accepted', toState: 'open', toOrgId: org.id, note: input.channel });
  const closed = { action: 'closed', fromState: 'open', toState: 'closed', note: result };
  if (onSpot) await addTimeline(trx, by, { ...entry, ...closed });
  for (const domain of requestFlow.versions({ accepted_at: now } as repo.RequestRow))
    await bumpVersion(trx, org.tenant_id, domain);
  await writeAudit(ctx, trx, actor, {
    action: 'request.create',
    entityType: 'request',
    entityId: id,
    changes: {
      requestNo: { before: null, after: requestNo },
      orgId: { before: null, after: org.id },
      channel: { before: null, after: input.channel },
      category: { before: null, after: input.category },
      level: { before: null, after: input.level },
      dueAt: { before: null, after: days == null ? null : deadline(now, days) },
      phone: { before: null, after: input.phone.phone_masked ?? null },
      ...(onSpot ? { status: { before: null, after: 'closed' } } : {}),
    },
  });
  return id;
}

/** Accepts a request at an organization in scope (optionally for a household of the scope). */
export async function create(ctx: Ctx, actor: Actor, input: RequestCreateT): Promise<RequestDetailT> {
  requireCapability(actor, 'residents.write');
  const org = await orgsRepo.getOrg(ctx.db, actor, input.orgId);
  let residentName = input.residentName ?? null;
  // A request's contact may be a landline (an office, a shop), as a household's may.
  let phone = guardPhone(ctx, input.phone, 'phone', { landline: true });
  if (input.householdId != null) {
    const h = await householdsRepo.requireHouseholdInScope(ctx.db, actor, input.householdId);
    residentName ??= h.head_name;
    if (!input.phone) phone = { phone_enc: h.phone_enc, phone_hash: h.phone_hash, phone_masked: h.phone_masked };
  }
  const owner = await ownerInScope(ctx, actor, input.ownerMemberId);
  const id = await ctx.db.transaction().execute((trx) =>
    insertRequest(ctx, trx, actor, org, {
      ...input,
      residentName,
      phone,
      ownerMemberId: owner?.id ?? null,
      ownerName: input.ownerName ?? owner?.name ?? null,
    }),
  );
  return get(ctx, actor, id);
}

/** A live request the actor may move (404 outside the scope; the flow refuses the rest). */
async function load(ctx: Ctx, actor: Actor, id: number, action: RequestAction) {
  requireMove(asUser(actor), requestFlow, action);
  return repo.getRequest(ctx.db, actor, id);
}

/** Makes one move of a request and answers the request as it is now. */
async function moveRequest(
  ctx: Ctx,
  actor: Actor,
  id: number,
  action: RequestAction,
  input: Record<string, unknown>,
): Promise<RequestDetailT> {
  const r = await load(ctx, actor, id, action);
  await act(ctx, asUser(actor), requestFlow, r, action, input);
  return get(ctx, actor, id);
}

/** Names the owner (承办人): a member of the caller's scope or a name. */
export async function assign(ctx: Ctx, actor: Actor, id: number, input: RequestAssignT): Promise<RequestDetailT> {
  const owner = await ownerInScope(ctx, actor, input.ownerMemberId);
  const ownerName = input.ownerName?.trim() || owner?.name || null;
  return moveRequest(ctx, actor, id, 'assign', { ownerName, ownerMemberId: owner?.id ?? null });
}

/** Records progress (办理进展). */
export async function progress(ctx: Ctx, actor: Actor, id: number, note: string): Promise<RequestDetailT> {
  return moveRequest(ctx, actor, id, 'progress', { note });
}

/**
 * Transfers a request to another organization (it may lie outside the actor's subtree: a village hands a
 * matter up to its township or to a county department — see `requireServingOrg`) and/or to a named department.
 * The accepting organization stays; the handling one changes, and with it who sees the request under "handling".
 */
export async function transfer(ctx: Ctx, actor: Actor, id: number, input: RequestTransferT): Promise<RequestDetailT> {
  const r = await load(ctx, actor, id, 'transfer');
  const who = asUser(actor);
  const department = input.department?.trim() || null;
  const named = input.toOrgId == null ? null : { id: input.toOrgId, org_path: r.org_path };
  // A closed request or a transfer to nobody is refused before the target is looked up.
  checkMove(who, requestFlow, r, 'transfer', { target: named, department, note: input.note });
  const target =
    input.toOrgId == null ? null : await orgsRepo.requireServingOrg(ctx.db, actor, input.toOrgId, r.org_path);
  await act(ctx, who, requestFlow, r, 'transfer', { target, department, note: input.note });
  return get(ctx, actor, id);
}

/** Closes a request with its result (办结). */
export async function close(ctx: Ctx, actor: Actor, id: number, result: string): Promise<RequestDetailT> {
  return moveRequest(ctx, actor, id, 'close', { result });
}

/**
 * Records the resident's rating (from the feedback card) by a worker of the handling or the accepting
 * organization, or by the resident on the phone: see `rateAs`.
 */
export async function rate(ctx: Ctx, actor: Actor, id: number, rating: string): Promise<RequestDetailT> {
  const r = await load(ctx, actor, id, 'rate');
  await rateAs(ctx, asUser(actor), r, rating);
  return get(ctx, actor, id);
}

/**
 * A rating is never refused: 不满意 reopens the request (a second move, by the rule) while it has been reopened
 * fewer times than reopenLimit — status reopened, a new deadline, the rating kept in the timeline; past the
 * limit the request stays closed with the rating recorded. Both moves commit together.
 */
export async function rateAs(ctx: Ctx, who: FlowActor, r: repo.RequestRow, rating: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await move(ctx, trx, who, requestFlow, r, 'rate', { rating });
    const rules = await residentsRules(trx, r.tenant_id);
    if (rating !== 'dissatisfied' || Number(r.reopened) >= rules.reopenLimit) return;
    const rated = { ...r, rating, rated_at: ctx.clock().toISOString() };
    await move(ctx, trx, { kind: 'system' }, requestFlow, rated, 'reopen', {});
  });
}

/** Soft-deletes a request (it leaves lists and figures until restored). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'residents.write');
  const r = await repo.getRequest(ctx.db, actor, id);
  await deleted(ctx, actor, r, true);
}

/** Restores a soft-deleted request. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<RequestDetailT> {
  requireCapability(actor, 'residents.write');
  const r = await repo.getRequest(ctx.db, actor, id, { includeDeleted: true });
  if (r.deleted_at) await deleted(ctx, actor, r, false);
  else if (!inScope(actor, r.tenant_id, r.org_path))
    throw new DomainError('forbidden', { reason: 'handled by another organization' });
  return get(ctx, actor, id);
}

/** Deletes or restores a request of the handling side, with its timeline entry. */
async function deleted(ctx: Ctx, actor: Actor, r: repo.RequestRow, deleting: boolean): Promise<void> {
  if (!inScope(actor, r.tenant_id, r.org_path))
    throw new DomainError('forbidden', { reason: 'handled by another organization' });
  const domains: Domain[] = ['residents', `requests:${requestMonth(r.accepted_at)}`];
  const change = recycledChange(ctx, actor, 'request', r, deleting, domains);
  if (deleting) await softDelete(ctx, actor, 'requests', r.id, change);
  else await restoreRow(ctx, actor, 'requests', r.id, change);
}

/** The full phone number of a request's resident (service.reveal), audited. */
export async function reveal(ctx: Ctx, actor: Actor, id: number): Promise<{ phone: string | null }> {
  requireCapability(actor, 'residents.read');
  if (!can(actor.role, 'residents.reveal')) throw new DomainError('members.reveal_denied');
  const r = await repo.getRequest(ctx.db, actor, id);
  await ctx.db
    .transaction()
    .execute((trx) =>
      writeAudit(ctx, trx, actor, { action: 'request.reveal', entityType: 'request', entityId: id, detail: 'phone' }),
    );
  return { phone: r.phone_enc ? ctx.vault.decrypt(r.phone_enc) : null };
}

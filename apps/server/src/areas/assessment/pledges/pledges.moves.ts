/**
 * The moves of a pledge after its draft, and what lives under it: progress entries (践诺进展, the state stays),
 * photos of the evidence (JPEG/PNG, EXIF stripped by the platform's file helpers), the fulfilment submission (with
 * the problems solved), and the evaluations (评诺) — by members in the console or on the phone, and by residents
 * through the pledge's public link (a token, no sign-in, one evaluation per phone key, rate-limited).
 */
import {
  type PledgeAction,
  type PledgeDetailT,
  type PledgeEvaluateT,
  type PledgeReportT,
  type PublicPledgeEvaluateT,
  type PublicPledgeT,
  can as roleCan,
} from '@dangjian/contracts';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { randomToken, sm3 } from '../../../platform/crypto.js';
import { readPhoto, storePhoto } from '../../../platform/data/photos.js';
import { addTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { act, asUser, authorOf, type FlowActor, move, requireMove } from '../../../platform/workflow.js';
import { countsOf, maskName } from './pledges.present.js';
import * as repo from './pledges.repository.js';
import { flowRow, get, isMaker, memberKey, todayOf } from './pledges.service.js';
import { pledgeFlow } from './pledges.workflow.js';

/** Makes a plain move (capability 403 first, then the pledge in scope or 404); answers the pledge as it is now. */
async function run(ctx: Ctx, actor: Actor, id: number, action: PledgeAction, input: Record<string, unknown>) {
  const who = asUser(actor);
  requireMove(who, pledgeFlow, action);
  const r = await flowRow(ctx, actor, id);
  await act(ctx, who, pledgeFlow, r, action, input);
  return get(ctx, actor, id);
}

/** 定诺: the maker submits the pledge for review. */
export const submit = (ctx: Ctx, actor: Actor, id: number, note: string | null) =>
  run(ctx, actor, id, 'submit', { note });
/** 审诺: the branch (a higher organization for an organization's pledge) approves it. */
export const approve = (ctx: Ctx, actor: Actor, id: number, note: string | null) =>
  run(ctx, actor, id, 'approve', { note });
/** Sends the pledge back to its maker with the reason. */
export const returnPledge = (ctx: Ctx, actor: Actor, id: number, reason: string) =>
  run(ctx, actor, id, 'return', { reason });
/** 晒诺: publishes the pledge (the organization, the board and the residents' link see it). */
export const publish = (ctx: Ctx, actor: Actor, id: number, note: string | null) =>
  run(ctx, actor, id, 'publish', { note, token: randomToken(18) });
/** 践诺: the maker reports the fulfilment, with the problems solved through it. */
export async function report(ctx: Ctx, actor: Actor, id: number, input: PledgeReportT): Promise<PledgeDetailT> {
  const who = asUser(actor);
  requireMove(who, pledgeFlow, 'report');
  const r = await flowRow(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await move(ctx, trx, who, pledgeFlow, r, 'report', { ...input });
    const now = ctx.clock().toISOString();
    await repo.insertProgress(trx, [
      {
        tenant_id: r.tenant_id,
        org_id: r.org_id,
        org_path: r.org_path,
        pledge_id: id,
        kind: 'fulfilment',
        text: input.fulfilment.trim(),
        reported_on: todayOf(ctx),
        author_name: actor.displayName,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
  });
  return get(ctx, actor, id);
}
/** Accepts the fulfilment: the pledge is fulfilled today and open for evaluation. */
export const accept = (ctx: Ctx, actor: Actor, id: number, note: string | null) =>
  run(ctx, actor, id, 'accept', { note });
/** Sends the fulfilment back (践诺 continues). */
export const reject = (ctx: Ctx, actor: Actor, id: number, reason: string) => run(ctx, actor, id, 'reject', { reason });
/** 评诺 closed by the branch once the window has passed. */
export const close = (ctx: Ctx, actor: Actor, id: number, note: string | null) =>
  run(ctx, actor, id, 'close', { note });

/** Refuses unless the caller is the maker of a pledge being fulfilled. */
async function fulfilling(ctx: Ctx, actor: Actor, id: number) {
  requireCapability(actor, 'pledges.make');
  const r = await repo.getPledge(ctx.db, actor, id);
  if (!isMaker(actor, r)) throw new DomainError('pledges.not_yours', undefined, 403);
  if (!['published', 'reported'].includes(r.status)) throw new DomainError('pledges.wrong_state', undefined, 409);
  return r;
}

/** Records a progress entry of a published pledge (its maker); the state stays. */
export async function addProgress(ctx: Ctx, actor: Actor, id: number, text: string): Promise<PledgeDetailT> {
  const r = await fulfilling(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    await repo.insertProgress(trx, [
      {
        tenant_id: r.tenant_id,
        org_id: r.org_id,
        org_path: r.org_path,
        pledge_id: id,
        kind: 'progress',
        text: text.trim(),
        reported_on: todayOf(ctx),
        author_name: actor.displayName,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await addTimeline(trx, authorOf(asUser(actor)), {
      tenantId: r.tenant_id,
      entityType: 'pledge',
      entityId: id,
      orgPath: r.org_path,
      action: 'progress',
      note: text.trim(),
      at: now,
    });
    await writeAudit(ctx, trx, actor, { action: 'pledge.progress', entityType: 'pledge', entityId: id });
    await repo.updatePledge(trx, id, { updated_at: now });
    await bumpVersion(trx, r.tenant_id, 'pledges');
  });
  return get(ctx, actor, id);
}

/** Adds a photo of the evidence (its maker, while the pledge is being fulfilled). */
export async function addPhoto(ctx: Ctx, actor: Actor, id: number, file: Buffer) {
  const r = await fulfilling(ctx, actor, id);
  return ctx.db.transaction().execute(async (trx) => {
    const p = await storePhoto(ctx, trx, r.tenant_id, 'pledge', id, file);
    const now = ctx.clock().toISOString();
    await addTimeline(trx, authorOf(asUser(actor)), {
      tenantId: r.tenant_id,
      entityType: 'pledge',
      entityId: id,
      orgPath: r.org_path,
      action: 'photo',
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'pledge.photo_add',
      entityType: 'pledge',
      entityId: id,
      detail: `photo ${p.id} ${p.mime} ${p.bytes} bytes`,
    });
    await bumpVersion(trx, r.tenant_id, 'pledges');
    return { id: p.id, mime: p.mime, bytes: p.bytes, url: `/api/pledges/${id}/photos/${p.id}` };
  });
}

/** A photo of a pledge the caller may see. */
export async function photo(ctx: Ctx, actor: Actor, id: number, photoId: number) {
  requireCapability(actor, 'pledges.read');
  await repo.getPledge(ctx.db, actor, id, 'any');
  return readPhoto(ctx, 'pledge', id, photoId);
}

/** Records one evaluation in its transaction: the timeline entry, the audit record and the version. */
async function record(
  ctx: Ctx,
  who: FlowActor,
  actor: Actor | null,
  r: repo.PledgeRow,
  e: { evaluator: 'member' | 'resident'; key: string; name: string | null; rating: string; comment: string | null },
): Promise<void> {
  try {
    await ctx.db.transaction().execute(async (trx) => {
      if (await repo.hasEvaluated(trx, r.id, e.key)) throw new DomainError('pledges.already_evaluated', undefined, 409);
      const now = ctx.clock().toISOString();
      await repo.insertEvaluations(trx, [
        {
          tenant_id: r.tenant_id,
          org_id: r.org_id,
          org_path: r.org_path,
          pledge_id: r.id,
          evaluator: e.evaluator,
          evaluator_key: e.key,
          evaluator_name: e.name,
          rating: e.rating,
          comment: e.comment,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        },
      ]);
      await addTimeline(trx, authorOf(who), {
        tenantId: r.tenant_id,
        entityType: 'pledge',
        entityId: r.id,
        orgPath: r.org_path,
        action: 'evaluated',
        note: e.rating === 'satisfied' ? '满意' : e.rating === 'fair' ? '基本满意' : '不满意',
        at: now,
      });
      await writeAudit(ctx, trx, actor, {
        action: 'pledge.evaluate',
        entityType: 'pledge',
        entityId: r.id,
        tenantId: r.tenant_id,
        ...(actor ? {} : { actorName: 'resident' }),
        changes: { rating: { before: null, after: e.rating }, evaluator: { before: null, after: e.evaluator } },
      });
      await bumpVersion(trx, r.tenant_id, 'pledges');
    });
  } catch (err) {
    // Two taps at once: the unique index answers for the second.
    if (err instanceof DomainError) throw err;
    if (await repo.hasEvaluated(ctx.db, r.id, e.key))
      throw new DomainError('pledges.already_evaluated', undefined, 409);
    throw err;
  }
}

/** A member evaluates a fulfilled pledge of its organization (never its own), once. */
export async function evaluate(ctx: Ctx, actor: Actor, id: number, input: PledgeEvaluateT): Promise<PledgeDetailT> {
  requireCapability(actor, 'pledges.evaluate');
  const r = await repo.getPledge(ctx.db, actor, id);
  if (actor.memberId == null) throw new DomainError('pledges.no_member_account', undefined, 403);
  if (r.status !== 'fulfilled') throw new DomainError('pledges.evaluation_closed', undefined, 409);
  if (r.member_id === actor.memberId) throw new DomainError('pledges.own_pledge', undefined, 403);
  await record(ctx, asUser(actor), actor, r, {
    evaluator: 'member',
    key: memberKey(actor.memberId),
    name: actor.displayName,
    rating: input.rating,
    comment: input.comment?.trim() || null,
  });
  return get(ctx, actor, id);
}

/** A pledge by its public link: names masked, nothing that names a person further. */
export async function publicPledge(ctx: Ctx, token: string): Promise<PublicPledgeT> {
  const r = await repo.byToken(ctx.db, token);
  if (!r || !['published', 'reported', 'fulfilled', 'evaluated'].includes(r.status)) throw notFound();
  const counts = await repo.ratingCounts(ctx.db, [r.id]);
  return {
    orgName: r.org_name,
    memberName: maskName(r.member_name),
    kind: r.kind as PublicPledgeT['kind'],
    year: r.year,
    category: r.category as PublicPledgeT['category'],
    title: r.title,
    content: r.content,
    status: r.status as PublicPledgeT['status'],
    fulfilment: r.fulfilment,
    fulfilledOn: r.fulfilled_on,
    open: r.status === 'fulfilled',
    ratings: countsOf(counts.get(r.id)),
  };
}

/** A resident evaluates a fulfilled pledge from its public link: once per phone key (kept only as a hash). */
export async function publicEvaluate(ctx: Ctx, token: string, input: PublicPledgeEvaluateT): Promise<PublicPledgeT> {
  const r = await repo.byToken(ctx.db, token);
  if (!r) throw notFound();
  if (r.status !== 'fulfilled') throw new DomainError('pledges.evaluation_closed', undefined, 409);
  await record(ctx, { kind: 'resident', phoneHash: '', phoneMasked: '（扫码评价）' }, null, r, {
    evaluator: 'resident',
    key: `r:${sm3(input.voterKey)}`,
    name: null,
    rating: input.rating,
    comment: input.comment?.trim() || null,
  });
  return publicPledge(ctx, token);
}

/** Whether the caller may evaluate as a member at all (for the phone page). */
export const mayEvaluate = (actor: Actor) => actor.memberId != null && roleCan(actor.role, 'pledges.evaluate');

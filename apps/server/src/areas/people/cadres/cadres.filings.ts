/**
 * Filings (备案) and joint reviews (联审) as use cases: lists, details with their timelines and the moves the caller
 * may make, creation (the first move, written with its timeline entry and audit record), the moves, soft delete and
 * restore. A filing names a party secretary of the term; a review a candidate and the units asked.
 */
import {
  type CadreFilingCreateT,
  type CadreFilingDetailT,
  type CadreFilingItemT,
  type CadreFilingListQueryT,
  type CadreReviewCreateT,
  type CadreReviewDetailT,
  type CadreReviewItemT,
  type CadreReviewListQueryT,
  type CadreReviewOpinionBodyT,
  COMMITTEE_POSTS,
  REVIEW_UNITS,
  type ReviewUnit,
} from '@dangjian/contracts';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAudit } from '../../../platform/data/audit.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { addTimeline, listTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { stampsOf } from '../../../platform/stamps.js';
import { act, allowedActions, asUser, authorOf, requireMove } from '../../../platform/workflow.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { filingFlow, opinionsOf, reviewFlow } from './cadres.flows.js';
import * as repo from './cadres.flows.repository.js';
import * as people from './cadres.repository.js';
import { fieldError, todayOf, townshipIdOf } from './cadres.service.js';

async function townships(ctx: Ctx, tenantId: number, paths: string[]) {
  return people.orgNames(
    ctx.db,
    tenantId,
    paths.map(townshipIdOf).filter((x): x is number => x != null),
  );
}

function presentFiling(r: repo.FilingRow, towns: Map<number, string>): CadreFilingItemT {
  const t = townshipIdOf(r.org_path);
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    townshipId: t,
    townshipName: t == null ? null : (towns.get(t) ?? null),
    cadreId: r.cadre_id,
    cadreName: r.cadre_name,
    term: Number(r.term),
    appointedOn: r.appointed_on,
    status: r.status as CadreFilingItemT['status'],
    filedOn: r.filed_on,
    acknowledgedOn: r.acknowledged_on,
    returnReason: r.return_reason,
    note: r.note,
    ...stampsOf(r),
  };
}

/** Filings of the caller's subtree, the newest filed first. */
export async function listFilings(ctx: Ctx, actor: Actor, q: CadreFilingListQueryT): Promise<Listed<CadreFilingItemT>> {
  requireCapability(actor, 'cadres.read');
  const f: repo.FilingFilter = {
    underPath: await orgsRepo.underOrg(ctx.db, actor, q.org),
    q: q.q?.trim() || undefined,
    status: q.status,
    year: q.year,
    term: q.term ? String(q.term) : undefined,
    deleted: q.deleted,
  };
  const { rows, total } = await repo.listFilings(ctx.db, actor, f, pagingOf(q));
  const towns = await townships(
    ctx,
    actor.tenantId!,
    rows.map((r) => r.org_path),
  );
  return { items: rows.map((r) => presentFiling(r, towns)), total };
}

/** One filing with its timeline and the moves the caller may make. */
export async function getFiling(ctx: Ctx, actor: Actor, id: number): Promise<CadreFilingDetailT> {
  requireCapability(actor, 'cadres.read');
  const r = await repo.getFiling(ctx.db, actor, id, 'any');
  const towns = await townships(ctx, actor.tenantId!, [r.org_path]);
  const events = await listTimeline(ctx.db, 'cadre_filing', id);
  const actions = r.deleted_at ? [] : allowedActions(asUser(actor), filingFlow, r);
  return { ...presentFiling(r, towns), events, actions };
}

/** The township files a secretary of its village for a term (the person holds the party secretary post then). */
export async function createFiling(ctx: Ctx, actor: Actor, input: CadreFilingCreateT): Promise<CadreFilingDetailT> {
  const who = asUser(actor);
  requireMove(who, filingFlow, 'file');
  const c = await people.getCadre(ctx.db, actor, input.cadreId);
  const term = String(input.term);
  const posts = await people.postsInTerm(ctx.db, c.id, term, 'party');
  if (!posts.some((p) => p.post === 'secretary')) throw fieldError('cadres.not_secretary', 'cadreId');
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await repo.filingOf(trx, c.id, term)) throw fieldError('cadres.already_filed', 'cadreId', 409);
    const now = ctx.clock().toISOString();
    const [id] = await repo.insertFilings(trx, [
      {
        tenant_id: c.tenant_id,
        org_id: c.org_id,
        org_path: c.org_path,
        cadre_id: c.id,
        term,
        appointed_on: input.appointedOn,
        filed_on: todayOf(ctx),
        status: 'filed',
        acknowledged_on: null,
        return_reason: null,
        note: input.note?.trim() || null,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await addTimeline(trx, authorOf(who), {
      tenantId: c.tenant_id,
      entityType: 'cadre_filing',
      entityId: id!,
      orgPath: c.org_path,
      action: filingFlow.spec.actions.file.event,
      toState: 'filed',
      note: input.note?.trim() || null,
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'cadre_filing.file',
      entityType: 'cadre_filing',
      entityId: id!,
      changes: { status: { before: null, after: 'filed' }, cadreId: { before: null, after: c.id } },
    });
    await bumpVersion(trx, c.tenant_id, 'cadres');
    return id!;
  });
  return getFiling(ctx, actor, id);
}

/** A move of a filing (capability 403 first, then the filing in scope or 404). */
export async function moveFiling(
  ctx: Ctx,
  actor: Actor,
  id: number,
  action: 'acknowledge' | 'return' | 'refile',
  input: { note?: string | null; reason?: string },
): Promise<CadreFilingDetailT> {
  const who = asUser(actor);
  requireMove(who, filingFlow, action);
  const r = await repo.getFiling(ctx.db, actor, id);
  await act(ctx, who, filingFlow, r, action, { ...input, today: todayOf(ctx) });
  return getFiling(ctx, actor, id);
}

const CHANGE = (action: string, entityType: string) => ({
  action,
  entityType,
  domains: ['cadres' as const],
  stampUpdatedAt: true,
});

/** Soft-deletes a filing entered by mistake. */
export async function removeFiling(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'cadres.file');
  await softDelete(ctx, actor, 'cadre_filings', id, CHANGE('cadre_filing.delete', 'cadre_filing'));
}

/** Restores a filing, unless the person was filed again for the term since. */
export async function restoreFiling(ctx: Ctx, actor: Actor, id: number): Promise<CadreFilingDetailT> {
  requireCapability(actor, 'cadres.file');
  await restoreRow(ctx, actor, 'cadre_filings', id, {
    ...CHANGE('cadre_filing.restore', 'cadre_filing'),
    before: async (trx, row) => {
      if (await repo.filingOf(trx, row.cadre_id as number, row.term as string, id))
        throw fieldError('cadres.already_filed', 'cadreId', 409);
    },
  });
  return getFiling(ctx, actor, id);
}

// Joint reviews -----------------------------------------------------------------------------------------------------

function presentReview(r: repo.ReviewRow, towns: Map<number, string>): CadreReviewItemT {
  const t = townshipIdOf(r.org_path);
  const units = JSON.parse(r.units) as ReviewUnit[];
  const ops = opinionsOf(r);
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    townshipId: t,
    townshipName: t == null ? null : (towns.get(t) ?? null),
    cadreId: r.cadre_id,
    cadreName: r.cadre_name,
    term: Number(r.term),
    committee: r.committee as CadreReviewItemT['committee'],
    post: r.post as CadreReviewItemT['post'],
    status: r.status as CadreReviewItemT['status'],
    units,
    cleared: units.filter((u) => ops[u]?.verdict === 'clear').length,
    stoppedBy: units.filter((u) => ops[u]?.verdict === 'stop'),
    note: r.note,
    ...stampsOf(r),
  };
}

/** Reviews of the caller's subtree, the newest first. */
export async function listReviews(ctx: Ctx, actor: Actor, q: CadreReviewListQueryT): Promise<Listed<CadreReviewItemT>> {
  requireCapability(actor, 'cadres.read');
  const f: repo.ReviewFilter = {
    underPath: await orgsRepo.underOrg(ctx.db, actor, q.org),
    q: q.q?.trim() || undefined,
    status: q.status,
    term: q.term ? String(q.term) : undefined,
    deleted: q.deleted,
  };
  const { rows, total } = await repo.listReviews(ctx.db, actor, f, pagingOf(q));
  const towns = await townships(
    ctx,
    actor.tenantId!,
    rows.map((r) => r.org_path),
  );
  return { items: rows.map((r) => presentReview(r, towns)), total };
}

/** One review with every unit's opinion, its timeline and the moves the caller may make. */
export async function getReview(ctx: Ctx, actor: Actor, id: number): Promise<CadreReviewDetailT> {
  requireCapability(actor, 'cadres.read');
  const r = await repo.getReview(ctx.db, actor, id, 'any');
  const towns = await townships(ctx, actor.tenantId!, [r.org_path]);
  const item = presentReview(r, towns);
  const ops = opinionsOf(r);
  const events = await listTimeline(ctx.db, 'cadre_review', id);
  const actions = r.deleted_at ? [] : allowedActions(asUser(actor), reviewFlow, r);
  return {
    ...item,
    opinions: item.units.map((unit) => ({
      unit,
      verdict: ops[unit]?.verdict ?? null,
      reason: ops[unit]?.reason ?? null,
      on: ops[unit]?.on ?? null,
    })),
    events,
    actions,
  };
}

/** The township opens a joint review of a candidate (a person of its village) for a post in a term. */
export async function createReview(ctx: Ctx, actor: Actor, input: CadreReviewCreateT): Promise<CadreReviewDetailT> {
  const who = asUser(actor);
  requireMove(who, reviewFlow, 'open');
  const c = await people.getCadre(ctx.db, actor, input.cadreId);
  if (!COMMITTEE_POSTS[input.committee].includes(input.post)) throw fieldError('cadres.post_mismatch', 'post');
  const term = String(input.term);
  const units = input.units ?? (Object.keys(REVIEW_UNITS) as ReviewUnit[]);
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await repo.reviewOf(trx, c.id, term)) throw fieldError('cadres.review_open', 'cadreId', 409);
    const now = ctx.clock().toISOString();
    const [id] = await repo.insertReviews(trx, [
      {
        tenant_id: c.tenant_id,
        org_id: c.org_id,
        org_path: c.org_path,
        cadre_id: c.id,
        term,
        committee: input.committee,
        post: input.post,
        status: 'reviewing',
        units: JSON.stringify(units),
        opinions: '{}',
        note: input.note?.trim() || null,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await addTimeline(trx, authorOf(who), {
      tenantId: c.tenant_id,
      entityType: 'cadre_review',
      entityId: id!,
      orgPath: c.org_path,
      action: reviewFlow.spec.actions.open.event,
      toState: 'reviewing',
      note: input.note?.trim() || null,
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'cadre_review.open',
      entityType: 'cadre_review',
      entityId: id!,
      changes: { status: { before: null, after: 'reviewing' }, cadreId: { before: null, after: c.id } },
    });
    await bumpVersion(trx, c.tenant_id, 'cadres');
    return id!;
  });
  return getReview(ctx, actor, id);
}

/** A unit's opinion: `clear`, or `stop` with a reason (one stop stops the candidate). */
export async function opinion(
  ctx: Ctx,
  actor: Actor,
  id: number,
  action: 'clear' | 'stop',
  input: CadreReviewOpinionBodyT,
): Promise<CadreReviewDetailT> {
  const who = asUser(actor);
  requireMove(who, reviewFlow, action);
  const r = await repo.getReview(ctx.db, actor, id);
  if (r.status !== 'reviewing') throw new DomainError('cadres.wrong_state', undefined, 409);
  const units = JSON.parse(r.units) as ReviewUnit[];
  if (!units.includes(input.unit)) throw fieldError('cadres.unit_not_asked', 'unit');
  if (opinionsOf(r)[input.unit]) throw fieldError('cadres.unit_done', 'unit', 409);
  await act(ctx, who, reviewFlow, r, action, { ...input, today: todayOf(ctx) });
  return getReview(ctx, actor, id);
}

/** Soft-deletes a review opened by mistake. */
export async function removeReview(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'cadres.write');
  await softDelete(ctx, actor, 'cadre_reviews', id, CHANGE('cadre_review.delete', 'cadre_review'));
}

/** Restores a review, unless another is under way for the person and term since. */
export async function restoreReview(ctx: Ctx, actor: Actor, id: number): Promise<CadreReviewDetailT> {
  requireCapability(actor, 'cadres.write');
  await restoreRow(ctx, actor, 'cadre_reviews', id, {
    ...CHANGE('cadre_review.restore', 'cadre_review'),
    before: async (trx, row) => {
      if (row.status === 'reviewing' && (await repo.reviewOf(trx, row.cadre_id as number, row.term as string, id)))
        throw fieldError('cadres.review_open', 'cadreId', 409);
    },
  });
  return getReview(ctx, actor, id);
}

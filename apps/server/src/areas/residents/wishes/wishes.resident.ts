/**
 * The residents' phone pages: their own wishes (post, confirm, withdraw) and the requests recorded with their
 * phone number (rate). A resident acts as a flow actor of kind `resident`: they see and move only their own.
 */
import type { ResidentRequestT, ResidentWishT } from '@dangjian/contracts';
import type { Ctx } from '../../../platform/context.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { act, type FlowActor } from '../../../platform/workflow.js';
import { phoneColumns } from '../../../platform/personal.js';
import { isVillage } from '../common/places.js';
import * as requestsRepo from '../requests/requests.repository.js';
import { rateAs } from '../requests/requests.service.js';
import type { Resident } from '../signin/signin.service.js';
import { releaseExpiredClaims } from './wishes.expiry.js';
import { postWish } from './wishes.post.js';
import * as repo from './wishes.repository.js';
import { type WishAction, wishFlow } from './wishes.workflow.js';

/** A resident as a flow actor. */
export function asResident(resident: Resident): FlowActor {
  return { kind: 'resident', phoneHash: resident.phoneHash, phoneMasked: resident.phoneMasked };
}

function presentForResident(r: repo.WishRow): ResidentWishT {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    kind: r.kind as ResidentWishT['kind'],
    title: r.title,
    description: r.description,
    name: r.resident_name,
    status: r.status as ResidentWishT['status'],
    claimedByName: r.claimer_name,
    claimedAt: r.claimed_at,
    fulfilledAt: r.fulfilled_at,
    fulfilNote: r.fulfil_note,
    confirmedAt: r.confirmed_at,
    createdAt: r.created_at,
  };
}

/** The signed-in resident's own wishes (by phone), newest first. */
export async function residentWishes(
  ctx: Ctx,
  resident: Resident,
  page = 1,
  pageSize = 50,
): Promise<{ items: ResidentWishT[]; total: number }> {
  await releaseExpiredClaims(ctx, ctx.clock());
  const { rows, total } = await repo.listWishes(
    ctx.db,
    { tenantId: null, phoneHash: resident.phoneHash },
    page,
    pageSize,
  );
  return { items: rows.map(presentForResident), total };
}

/** A resident posts a wish to a village or community; their phone (from the session) is stored guarded. */
export async function residentPost(
  ctx: Ctx,
  resident: Resident,
  body: { orgId: number; kind: string; title: string; description: string; name?: string | null },
): Promise<ResidentWishT> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const org = await repo.liveOrg(trx, body.orgId);
    if (!org) throw notFound();
    if (!isVillage(org)) throw new DomainError('residents.org_not_village');
    return postWish(
      ctx,
      trx,
      { flow: asResident(resident), user: null, actorName: `resident:${resident.phoneMasked}` },
      {
        org,
        kind: body.kind,
        title: body.title,
        description: body.description,
        householdId: null,
        residentName: body.name?.trim() || null,
        via: 'phone',
        phone: phoneColumns(ctx, resident.phone),
        note: '群众手机提交 posted by the resident',
        audited: { phone: resident.phoneMasked },
      },
    );
  });
  return presentForResident((await repo.findWish(ctx.db, id))!);
}

/** One move of the resident's own wish (another's is not found). */
async function residentMove(ctx: Ctx, resident: Resident, id: number, action: WishAction): Promise<ResidentWishT> {
  const row = await repo.findWish(ctx.db, id);
  if (!row) throw notFound();
  await act(ctx, asResident(resident), wishFlow, row, action);
  return presentForResident((await repo.findWish(ctx.db, id))!);
}

/** The resident confirms a fulfilled wish. */
export async function residentConfirm(ctx: Ctx, resident: Resident, id: number): Promise<ResidentWishT> {
  return residentMove(ctx, resident, id, 'confirm');
}

/** The resident withdraws a wish nobody has claimed yet. */
export async function residentWithdraw(ctx: Ctx, resident: Resident, id: number): Promise<ResidentWishT> {
  return residentMove(ctx, resident, id, 'withdraw');
}

/** Requests recorded with the resident's phone number, newest first. */
export async function residentRequests(
  ctx: Ctx,
  resident: Resident,
  page = 1,
  pageSize = 50,
): Promise<{ items: ResidentRequestT[]; total: number }> {
  const { rows, total } = await requestsRepo.byPhone(ctx.db, resident.phoneHash, page, pageSize);
  return {
    items: rows.map((r) => ({
      id: r.id,
      requestNo: r.request_no,
      orgName: r.org_name,
      category: r.category,
      description: r.description,
      level: r.level,
      status: r.status,
      acceptedAt: r.accepted_at,
      dueAt: r.due_at,
      closedAt: r.closed_at,
      result: r.result,
      rating: r.rating as ResidentRequestT['rating'],
      reopened: Number(r.reopened),
    })),
    total,
  };
}

/**
 * The resident rates a closed request of theirs: the same moves as a worker's entry of the feedback card
 * (`rateAs`): a rating once per closing; 不满意 reopens while reopened < reopenLimit.
 */
export async function residentRate(
  ctx: Ctx,
  resident: Resident,
  id: number,
  rating: string,
): Promise<ResidentRequestT> {
  const r = await requestsRepo.findLive(ctx.db, id);
  if (!r) throw notFound();
  await rateAs(ctx, asResident(resident), r, rating);
  return (await residentRequests(ctx, resident, 1, 500)).items.find((x) => x.id === id)!;
}

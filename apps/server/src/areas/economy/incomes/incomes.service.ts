/**
 * Collective income entries (村集体经济收入): the list, an entry with its photos, timeline and the moves the caller
 * may make, the entry (submitted for review at once), changes before acceptance, soft delete and restore. The
 * review moves and photos are in `incomes.moves.ts`; the classes in `incomes.classes.ts`.
 */
import {
  chinaToday,
  type ErrorCode,
  type IncomeCreateT,
  type IncomeDetailT,
  type IncomeItemT,
  type IncomeListQueryT,
  type IncomeUpdateT,
} from '@dangjian/contracts';
import { type Actor, inScope, requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { countPhotos, listPhotos } from '../../../platform/data/photos.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { addTimeline, listTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { allowedActions, asUser, authorOf, requireMove } from '../../../platform/workflow.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { isEconomyVillage } from './villages.repository.js';
import * as repo from './incomes.repository.js';
import { type FlowRow, incomeFlow } from './incomes.workflow.js';

/** Today in China by the context's clock. */
export const todayOf = (ctx: Ctx) => chinaToday(ctx.clock());

/** A refusal placed on one field of the form. */
export function fieldError(code: ErrorCode, field: string, status?: number): DomainError {
  return new DomainError(code, { fields: [{ field, code }] }, status);
}

/** States an entry may still change (or be deleted) in. */
const EDITABLE = ['submitted', 'returned'];

/** An entry as a list row. */
function present(r: repo.IncomeRow, photos = 0): IncomeItemT {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    townshipName: r.township_name,
    year: r.year,
    source: r.source as IncomeItemT['source'],
    amountFen: Number(r.amount_fen),
    note: r.note,
    evidence: r.evidence,
    status: r.status as IncomeItemT['status'],
    returnReason: r.return_reason,
    reviewedOn: r.reviewed_on,
    photoCount: photos,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

/** Entries the caller may see, the newest year first. */
export async function list(ctx: Ctx, actor: Actor, query: IncomeListQueryT): Promise<Listed<IncomeItemT>> {
  requireCapability(actor, 'incomes.read');
  const filter: repo.IncomeFilter = {
    underPath: await orgsRepo.underOrg(ctx.db, actor, query.org),
    q: query.q?.trim() || undefined,
    year: query.year,
    source: query.source,
    status: query.status,
    deleted: query.deleted,
  };
  const { rows, total } = await repo.listIncomes(ctx.db, actor, filter, pagingOf(query));
  const photos = await countPhotos(
    ctx.db,
    'income',
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => present(r, photos.get(r.id) ?? 0)), total };
}

/** An entry's row for the flow. */
export async function flowRow(ctx: Ctx, actor: Actor, id: number, rows: 'live' | 'any' = 'live'): Promise<FlowRow> {
  return { ...(await repo.getIncome(ctx.db, actor, id, rows)), today: todayOf(ctx) };
}

/** One entry with its photos, timeline and the moves the caller may make now. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<IncomeDetailT> {
  requireCapability(actor, 'incomes.read');
  const r = await flowRow(ctx, actor, id, 'any');
  const [photos, events] = await Promise.all([listPhotos(ctx.db, 'income', id), listTimeline(ctx.db, 'income', id)]);
  const live = !r.deleted_at;
  return {
    ...present(r, photos.length),
    photos: photos.map((p) => ({ id: p.id, url: `/api/economy/incomes/${id}/photos/${p.id}` })),
    events,
    actions: live ? allowedActions(asUser(actor), incomeFlow, r) : [],
    canEdit: live && EDITABLE.includes(r.status) && inScope(actor, r.tenant_id, r.org_path),
  };
}

/** The village an entry is for: the caller's own village, or one of its subtree it names. */
async function villageOf(ctx: Ctx, actor: Actor, orgId: number | undefined) {
  const id = orgId ?? actor.orgId;
  if (id == null) throw fieldError('incomes.village_required', 'orgId');
  const o = await repo.orgOf(ctx.db, actor.tenantId!, id);
  if (!o || !inScope(actor, o.tenant_id, o.org_path)) throw notFound();
  if (!isEconomyVillage(o)) throw fieldError(orgId ? 'incomes.not_village' : 'incomes.village_required', 'orgId');
  return o;
}

/** Enters an income of a village (the village itself, or its township or county for it): submitted for review. */
export async function create(ctx: Ctx, actor: Actor, input: IncomeCreateT): Promise<IncomeDetailT> {
  requireMove(asUser(actor), incomeFlow, 'create');
  const o = await villageOf(ctx, actor, input.orgId);
  if (input.year > Number(todayOf(ctx).slice(0, 4))) throw fieldError('incomes.future_year', 'year');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    const [id] = await repo.insertIncomes(trx, [
      {
        tenant_id: o.tenant_id,
        org_id: o.id,
        org_path: o.org_path,
        year: input.year,
        source: input.source,
        amount_fen: input.amountFen,
        status: 'submitted',
        note: input.note?.trim() || null,
        evidence: input.evidence?.trim() || null,
        return_reason: null,
        reviewed_on: null,
        reviewed_by: null,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await addTimeline(trx, authorOf(asUser(actor)), {
      tenantId: o.tenant_id,
      entityType: 'income',
      entityId: id!,
      orgPath: o.org_path,
      action: incomeFlow.spec.actions.create.event,
      toState: 'submitted',
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'income.create',
      entityType: 'income',
      entityId: id!,
      changes: {
        year: { before: null, after: input.year },
        source: { before: null, after: input.source },
        amountFen: { before: null, after: input.amountFen },
      },
    });
    await bumpVersion(trx, o.tenant_id, 'incomes');
    return id!;
  });
  return get(ctx, actor, id);
}

/** Refuses an accepted entry (reopen it first). */
function requireEditable(r: repo.IncomeRow): void {
  if (!EDITABLE.includes(r.status)) throw new DomainError('incomes.accepted_locked', undefined, 409);
}

/** Changes an entry before the township accepts it. */
export async function update(ctx: Ctx, actor: Actor, id: number, input: IncomeUpdateT): Promise<IncomeDetailT> {
  requireCapability(actor, 'incomes.write');
  const r = await repo.getIncome(ctx.db, actor, id);
  requireEditable(r);
  const set: Record<string, unknown> = {};
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const put = (col: keyof repo.IncomeRow, key: string, after: string | number | null | undefined) => {
    if (after === undefined || after === r[col]) return;
    set[col] = after;
    changes[key] = { before: r[col], after };
  };
  put('source', 'source', input.source);
  put('amount_fen', 'amountFen', input.amountFen);
  if (input.note !== undefined) put('note', 'note', input.note?.trim() || null);
  if (input.evidence !== undefined) put('evidence', 'evidence', input.evidence?.trim() || null);
  if (!Object.keys(set).length) return get(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateIncome(trx, id, { ...set, updated_at: ctx.clock().toISOString() });
    await writeAudit(ctx, trx, actor, { action: 'income.update', entityType: 'income', entityId: id, changes });
    await bumpVersion(trx, r.tenant_id, 'incomes');
  });
  return get(ctx, actor, id);
}

const CHANGE = (action: string) => ({
  action,
  entityType: 'income',
  domains: ['incomes' as const],
  stampUpdatedAt: true,
});

/** Soft-deletes an entry made by mistake (before acceptance; recoverable). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'incomes.write');
  requireEditable(await repo.getIncome(ctx.db, actor, id));
  await softDelete(ctx, actor, 'income_entries', id, CHANGE('income.delete'));
}

/** Restores a deleted entry. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<IncomeDetailT> {
  requireCapability(actor, 'incomes.write');
  const r = await repo.getIncome(ctx.db, actor, id, 'any');
  if (!r.deleted_at) return get(ctx, actor, id);
  await restoreRow(ctx, actor, 'income_entries', id, CHANGE('income.restore'));
  return get(ctx, actor, id);
}

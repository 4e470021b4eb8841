/**
 * Grassroots funds and pay (基层经费保障): yearly money records of a village — entered by the county (or imported)
 * and by a township for its villages, read by the village for itself. A secretary's pay is personal: only roles
 * holding `funds.pay` (township and county) see those records; for the others they do not exist (404).
 */
import {
  can as roleCan,
  type ErrorCode,
  type FundCreateT,
  type FundItemT,
  type FundListQueryT,
  type FundUpdateT,
} from '@dangjian/contracts';
import { type Actor, inScope, requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { isEconomyVillage } from '../incomes/villages.repository.js';
import { orgOf } from '../incomes/incomes.repository.js';
import * as repo from './funds.repository.js';

/** Whether the caller reads secretaries' pay. */
export const readsPay = (actor: Actor) => roleCan(actor.role, 'funds.pay');

/** A refusal placed on one field of the form. */
function fieldError(code: ErrorCode, field: string, status?: number): DomainError {
  return new DomainError(code, { fields: [{ field, code }] }, status);
}

/** A record as the API answers it. */
function present(r: repo.FundRow): FundItemT {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    townshipName: r.township_name,
    year: r.year,
    kind: r.kind as FundItemT['kind'],
    source: r.source as FundItemT['source'],
    amountFen: Number(r.amount_fen),
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

/** Records the caller may see, the newest year first (`?org=&kind=` from the dispatches pages). */
export async function list(ctx: Ctx, actor: Actor, query: FundListQueryT): Promise<Listed<FundItemT>> {
  requireCapability(actor, 'funds.read');
  const filter: repo.FundFilter = {
    underPath: await orgsRepo.underOrg(ctx.db, actor, query.org),
    q: query.q?.trim() || undefined,
    year: query.year,
    kind: query.kind,
    source: query.source,
    deleted: query.deleted,
    pay: readsPay(actor),
  };
  const { rows, total } = await repo.listFunds(ctx.db, actor, filter, pagingOf(query));
  return { items: rows.map(present), total };
}

/** One record. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<FundItemT> {
  requireCapability(actor, 'funds.read');
  return present(await repo.getFund(ctx.db, actor, id, readsPay(actor), 'any'));
}

/** Enters a money record of a village of the caller's subtree. */
export async function create(ctx: Ctx, actor: Actor, input: FundCreateT): Promise<FundItemT> {
  requireCapability(actor, 'funds.write');
  const o = await orgOf(ctx.db, actor.tenantId!, input.orgId);
  if (!o || !inScope(actor, o.tenant_id, o.org_path)) throw notFound();
  if (!isEconomyVillage(o)) throw fieldError('funds.not_village', 'orgId');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    const [id] = await repo.insertFunds(trx, [
      {
        tenant_id: o.tenant_id,
        org_id: o.id,
        org_path: o.org_path,
        year: input.year,
        kind: input.kind,
        source: input.source,
        amount_fen: input.amountFen,
        note: input.note?.trim() || null,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await writeAudit(ctx, trx, actor, {
      action: 'fund.create',
      entityType: 'fund',
      entityId: id!,
      changes: {
        year: { before: null, after: input.year },
        kind: { before: null, after: input.kind },
        amountFen: { before: null, after: input.amountFen },
      },
    });
    await bumpVersion(trx, o.tenant_id, 'funds');
    return id!;
  });
  return get(ctx, actor, id);
}

/** Changes a record. */
export async function update(ctx: Ctx, actor: Actor, id: number, input: FundUpdateT): Promise<FundItemT> {
  requireCapability(actor, 'funds.write');
  const r = await repo.getFund(ctx.db, actor, id, readsPay(actor));
  const set: Record<string, unknown> = {};
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const put = (col: keyof repo.FundRow, key: string, after: string | number | null | undefined) => {
    if (after === undefined || after === r[col]) return;
    set[col] = after;
    changes[key] = { before: r[col], after };
  };
  put('kind', 'kind', input.kind);
  put('source', 'source', input.source);
  put('amount_fen', 'amountFen', input.amountFen);
  if (input.note !== undefined) put('note', 'note', input.note?.trim() || null);
  if (!Object.keys(set).length) return get(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateFund(trx, id, { ...set, updated_at: ctx.clock().toISOString() });
    await writeAudit(ctx, trx, actor, { action: 'fund.update', entityType: 'fund', entityId: id, changes });
    await bumpVersion(trx, r.tenant_id, 'funds');
  });
  return get(ctx, actor, id);
}

const CHANGE = (action: string) => ({ action, entityType: 'fund', domains: ['funds' as const], stampUpdatedAt: true });

/** Soft-deletes a record entered by mistake (recoverable). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'funds.write');
  await repo.getFund(ctx.db, actor, id, readsPay(actor));
  await softDelete(ctx, actor, 'fund_records', id, CHANGE('fund.delete'));
}

/** Restores a deleted record. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<FundItemT> {
  requireCapability(actor, 'funds.write');
  const r = await repo.getFund(ctx.db, actor, id, readsPay(actor), 'any');
  if (!r.deleted_at) return get(ctx, actor, id);
  await restoreRow(ctx, actor, 'fund_records', id, CHANGE('fund.restore'));
  return get(ctx, actor, id);
}

/**
 * The review moves of an income entry (accept, return, resubmit, reopen; each through `act()`) and its evidence
 * photos (JPEG/PNG, EXIF stripped by the platform's file helpers) while it is not yet accepted.
 */
import type { IncomeAction, IncomeDetailT } from '@dangjian/contracts';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { readPhoto, storePhoto } from '../../../platform/data/photos.js';
import { addTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import { act, asUser, authorOf, requireMove } from '../../../platform/workflow.js';
import * as repo from './incomes.repository.js';
import { flowRow, get } from './incomes.service.js';
import { incomeFlow } from './incomes.workflow.js';

/** Makes a move (capability 403 first, then the entry in scope or 404); answers the entry as it is now. */
async function run(ctx: Ctx, actor: Actor, id: number, action: IncomeAction, input: Record<string, unknown>) {
  const who = asUser(actor);
  requireMove(who, incomeFlow, action);
  await act(ctx, who, incomeFlow, await flowRow(ctx, actor, id), action, input);
  return get(ctx, actor, id);
}

/** The township accepts the entry: it counts from now on. */
export const accept = (ctx: Ctx, actor: Actor, id: number, note: string | null): Promise<IncomeDetailT> =>
  run(ctx, actor, id, 'accept', { note });
/** The township returns the entry with the reason. */
export const returnIncome = (ctx: Ctx, actor: Actor, id: number, reason: string): Promise<IncomeDetailT> =>
  run(ctx, actor, id, 'return', { reason });
/** The village submits a returned entry again. */
export const resubmit = (ctx: Ctx, actor: Actor, id: number, note: string | null): Promise<IncomeDetailT> =>
  run(ctx, actor, id, 'resubmit', { note });
/** The township takes an acceptance back (a mistake found later), with the reason. */
export const reopen = (ctx: Ctx, actor: Actor, id: number, reason: string): Promise<IncomeDetailT> =>
  run(ctx, actor, id, 'reopen', { reason });

/** Adds an evidence photo to an entry not yet accepted. */
export async function addPhoto(ctx: Ctx, actor: Actor, id: number, file: Buffer) {
  requireCapability(actor, 'incomes.write');
  const r = await repo.getIncome(ctx.db, actor, id);
  if (r.status === 'accepted') throw new DomainError('incomes.accepted_locked', undefined, 409);
  return ctx.db.transaction().execute(async (trx) => {
    const p = await storePhoto(ctx, trx, r.tenant_id, 'income', id, file);
    const now = ctx.clock().toISOString();
    await addTimeline(trx, authorOf(asUser(actor)), {
      tenantId: r.tenant_id,
      entityType: 'income',
      entityId: id,
      orgPath: r.org_path,
      action: 'photo',
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'income.photo_add',
      entityType: 'income',
      entityId: id,
      detail: `photo ${p.id} ${p.mime} ${p.bytes} bytes`,
    });
    await bumpVersion(trx, r.tenant_id, 'incomes');
    return { id: p.id, mime: p.mime, bytes: p.bytes, url: `/api/economy/incomes/${id}/photos/${p.id}` };
  });
}

/** A photo of an entry the caller may see. */
export async function photo(ctx: Ctx, actor: Actor, id: number, photoId: number) {
  requireCapability(actor, 'incomes.read');
  await repo.getIncome(ctx.db, actor, id, 'any');
  return readPhoto(ctx, 'income', id, photoId);
}

/**
 * Photos of a problem: what was found, and the evidence of its rectification (整改佐证). Staff of the
 * problem's subtree add and remove them until it is closed; whoever reads the problem reads them.
 */
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { readPhoto, storePhoto } from '../../../platform/data/photos.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { notFound } from '../../../platform/errors.js';
import { fieldError } from './problems.categories.js';
import * as repo from './problems.repository.js';

/** Adds a photo to a problem still open. */
export async function addPhoto(ctx: Ctx, actor: Actor, id: number, file: Buffer) {
  requireCapability(actor, 'problems.write');
  return ctx.db.transaction().execute(async (trx) => {
    const r = await repo.getProblem(trx, actor, id);
    if (r.status === 'closed') throw fieldError('problems.closed', 'status', 409);
    const p = await storePhoto(ctx, trx, r.tenant_id, 'problem', id, file);
    await repo.updateProblem(trx, id, { updated_at: ctx.clock().toISOString() });
    await writeAudit(ctx, trx, actor, {
      action: 'problem.photo_add',
      entityType: 'problem',
      entityId: id,
      detail: `photo ${p.id} ${p.mime} ${p.bytes} bytes`,
    });
    await bumpVersion(trx, r.tenant_id, 'problems');
    return { id: p.id, mime: p.mime, bytes: p.bytes, url: `/api/problems/${id}/photos/${p.id}` };
  });
}

/** A photo of a problem of the caller's scope. */
export async function photo(ctx: Ctx, actor: Actor, id: number, photoId: number) {
  requireCapability(actor, 'problems.read');
  await repo.getProblem(ctx.db, actor, id);
  return readPhoto(ctx, 'problem', id, photoId);
}

/** Removes a photo added by mistake (not once the problem is closed). */
export async function removePhoto(ctx: Ctx, actor: Actor, id: number, photoId: number): Promise<void> {
  requireCapability(actor, 'problems.write');
  await ctx.db.transaction().execute(async (trx) => {
    const r = await repo.getProblem(trx, actor, id);
    if (r.status === 'closed') throw fieldError('problems.closed', 'status', 409);
    if (!(await repo.removePhotoRow(trx, id, photoId, ctx.clock().toISOString()))) throw notFound();
    await writeAudit(ctx, trx, actor, {
      action: 'problem.photo_remove',
      entityType: 'problem',
      entityId: id,
      detail: `photo ${photoId}`,
    });
    await bumpVersion(trx, r.tenant_id, 'problems');
  });
}

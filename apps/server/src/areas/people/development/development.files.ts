/**
 * The scans of a candidate's materials (入党材料): JPEG/PNG images stored content-addressed (type by content,
 * EXIF stripped, `platform/files.ts`), each filed under a step and a material of its checklist. Uploading and
 * removing are audited; reading needs only to see the candidate.
 */
import type { DevelopmentFileT, DevelopmentMaterial, DevelopmentStepKey } from '@dangjian/contracts';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import { PHOTO_MAX_BYTES } from '../../../platform/data/photos.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { readStored, storeImage } from '../../../platform/files.js';
import * as repo from './development.repository.js';

/** Scans one candidate's file may hold (25 steps, a page or two each). */
export const FILES_PER_CANDIDATE = 60;

/** The API record of a stored scan. */
export function toFile(
  candidateId: number,
  f: { id: number; step: string | null; material: string | null; mime: string; bytes: number; created_at: string },
): DevelopmentFileT {
  return {
    id: f.id,
    step: f.step as DevelopmentStepKey | null,
    material: f.material as DevelopmentMaterial | null,
    mime: f.mime,
    bytes: Number(f.bytes),
    url: `/api/development/${candidateId}/files/${f.id}`,
    createdAt: f.created_at,
  };
}

/** Uploads a scan to a candidate's file, under a step and a material when named. */
export async function addFile(
  ctx: Ctx,
  actor: Actor,
  id: number,
  file: Buffer,
  where: { step?: DevelopmentStepKey; material?: DevelopmentMaterial },
): Promise<DevelopmentFileT> {
  requireCapability(actor, 'development.write');
  const r = await repo.getCandidate(ctx.db, actor, id);
  if ((await repo.filesOf(ctx.db, id)).length >= FILES_PER_CANDIDATE) throw new DomainError('files.too_many');
  const stored = await storeImage(ctx.config.dataDir, file, PHOTO_MAX_BYTES);
  const now = ctx.clock().toISOString();
  const row = {
    tenant_id: r.tenant_id,
    candidate_id: id,
    step: where.step ?? null,
    material: where.material ?? null,
    file_hash: stored.hash,
    mime: stored.mime,
    bytes: stored.bytes,
    created_by: actor.userId || null,
    created_at: now,
    deleted_at: null,
  };
  const fileId = await ctx.db.transaction().execute(async (trx) => {
    const fileId = await repo.insertFile(trx, row);
    await writeAudit(ctx, trx, actor, {
      action: 'development_candidate.file_add',
      entityType: 'development_candidate',
      entityId: id,
      detail: `file ${fileId} ${where.step ?? ''} ${where.material ?? ''} sm3 ${stored.hash.slice(0, 16)}`.trim(),
    });
    return fileId;
  });
  return toFile(id, { id: fileId, ...row });
}

/** A scan's bytes, for anyone who may see the candidate. */
export async function readFile(ctx: Ctx, actor: Actor, id: number, fileId: number) {
  requireCapability(actor, 'development.read');
  await repo.getCandidate(ctx.db, actor, id, 'any');
  const f = await repo.fileOf(ctx.db, id, fileId);
  if (!f) throw notFound();
  return { mime: f.mime, body: await readStored(ctx.config.dataDir, f.file_hash) };
}

/** Removes a scan from the file (audited). */
export async function removeFile(ctx: Ctx, actor: Actor, id: number, fileId: number): Promise<void> {
  requireCapability(actor, 'development.write');
  await repo.getCandidate(ctx.db, actor, id);
  if (!(await repo.fileOf(ctx.db, id, fileId))) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.removeFile(trx, fileId, ctx.clock().toISOString());
    await writeAudit(ctx, trx, actor, {
      action: 'development_candidate.file_remove',
      entityType: 'development_candidate',
      entityId: id,
      detail: `file ${fileId}`,
    });
  });
}

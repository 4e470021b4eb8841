/** Residents (居民) of a household: add, edit, remove, and the audited reveal of their guarded numbers. */
import type { ResidentCreateT, ResidentPatchT, ResidentT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { diff, writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import type { Q } from '../../../platform/data/scoped.js';
import { DomainError } from '../../../platform/errors.js';
import { guardIdNumber, guardPhone } from '../../../platform/personal.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { presentResident } from './households.present.js';
import * as repo from './households.repository.js';
import { revealNumbers } from '../../../platform/reveal.js';

/** Marks the data of households as changed: figures, cached totals and visits (a moved household moves them). */
export async function bumpHouseholds(trx: Q, tenantId: number): Promise<void> {
  await bumpVersion(trx, tenantId, 'residents');
  await bumpVersion(trx, tenantId, 'households');
  await bumpVersion(trx, tenantId, 'visits');
}

function auditableResident(r: ResidentT) {
  return { householdId: r.householdId, name: r.name, relation: r.relation, idNumber: r.idNumber, phone: r.phone };
}

/** Column values of a resident: guarded numbers and what derives from the ID. */
function residentColumns(
  ctx: Ctx,
  r: { name: string; relation: string; idNumber?: string | null; phone?: string | null },
) {
  const id = guardIdNumber(ctx, r.idNumber);
  const phone = guardPhone(ctx, r.phone, 'phone') as {
    phone_enc: string | null;
    phone_hash: string | null;
    phone_masked: string | null;
  };
  return { name: r.name.trim(), relation: r.relation, ...id, ...phone };
}

export function taken(): DomainError {
  return new DomainError(
    'residents.id_number_taken',
    { fields: [{ field: 'idNumber', code: 'residents.id_number_taken' }] },
    409,
  );
}

/** Inserts residents of a household inside a transaction, refusing an ID number already living elsewhere. */
export async function insertResidents(
  ctx: Ctx,
  trx: Q,
  actor: Actor,
  h: { id: number; tenant_id: number; org_id: number; org_path: string },
  list: ResidentCreateT[],
): Promise<number[]> {
  const now = ctx.clock().toISOString();
  const cols = list.map((r) => residentColumns(ctx, r));
  const seen = new Set<string>();
  for (const c of cols) {
    if (!c.id_number_hash) continue;
    if (seen.has(c.id_number_hash) || (await repo.idNumberTaken(trx, h.tenant_id, c.id_number_hash))) throw taken();
    seen.add(c.id_number_hash);
  }
  const ids: number[] = [];
  for (const c of cols) {
    const [id] = await repo.insertResidents(trx, [
      {
        ...c,
        tenant_id: h.tenant_id,
        org_id: h.org_id,
        org_path: h.org_path,
        household_id: h.id,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    ids.push(id);
    await writeAudit(ctx, trx, actor, {
      action: 'resident.create',
      entityType: 'resident',
      entityId: id,
      changes: diff(null, {
        householdId: h.id,
        name: c.name,
        relation: c.relation,
        idNumber: c.id_number_masked,
        phone: c.phone_masked,
      }),
    });
  }
  return ids;
}

/** Adds a resident to a household and recounts its people. */
export async function addResident(
  ctx: Ctx,
  actor: Actor,
  householdId: number,
  input: ResidentCreateT,
): Promise<ResidentT> {
  requireCapability(actor, 'residents.write');
  const h = await repo.getHousehold(ctx.db, actor, householdId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const [id] = await insertResidents(ctx, trx, actor, h, [input]);
    await repo.recountPeople(trx, householdId, ctx.clock().toISOString());
    await bumpHouseholds(trx, h.tenant_id);
    return id;
  });
  return presentResident(await repo.getResident(ctx.db, actor, id));
}

/** Edits a resident (name, relation, ID and phone numbers). */
export async function updateResident(ctx: Ctx, actor: Actor, id: number, patch: ResidentPatchT): Promise<ResidentT> {
  requireCapability(actor, 'residents.write');
  const row = await repo.getResident(ctx.db, actor, id);
  const set: Record<string, unknown> = {};
  if (patch.name !== undefined) set.name = patch.name.trim();
  if (patch.relation !== undefined) set.relation = patch.relation;
  if (patch.idNumber !== undefined) {
    const cols = guardIdNumber(ctx, patch.idNumber);
    if (cols.id_number_hash !== row.id_number_hash) Object.assign(set, cols);
  }
  if (patch.phone !== undefined) {
    const cols = guardPhone(ctx, patch.phone, 'phone');
    if (cols.phone_hash !== row.phone_hash) Object.assign(set, cols);
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (
      typeof set.id_number_hash === 'string' &&
      (await repo.idNumberTaken(trx, row.tenant_id, set.id_number_hash, id))
    )
      throw taken();
    await repo.updateResident(trx, id, { ...set, updated_at: ctx.clock().toISOString() });
    const after = presentResident(await repo.getResident(trx, actor, id));
    await bumpHouseholds(trx, row.tenant_id);
    await writeAudit(ctx, trx, actor, {
      action: 'resident.update',
      entityType: 'resident',
      entityId: id,
      changes: diff(auditableResident(presentResident(row)), auditableResident(after)),
    });
  });
  return presentResident(await repo.getResident(ctx.db, actor, id));
}

/** Removes a resident (soft) and recounts the household's people. */
export async function removeResident(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'residents.write');
  const row = await repo.getResident(ctx.db, actor, id);
  // Not the kit's soft delete: the household's people are recounted after the row changes, in the same transaction.
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    await repo.updateResident(trx, id, { deleted_at: now, updated_at: now });
    await repo.recountPeople(trx, row.household_id, now);
    await bumpHouseholds(trx, row.tenant_id);
    await writeAudit(ctx, trx, actor, {
      action: 'resident.delete',
      entityType: 'resident',
      entityId: id,
      changes: { deletedAt: { before: null, after: now } },
    });
  });
}

/** A resident's unmasked numbers for a role allowed to see them; the viewing is audited. */
export async function revealResident(
  ctx: Ctx,
  actor: Actor,
  id: number,
  fields: ('idNumber' | 'phone')[],
): Promise<{ idNumber?: string | null; phone?: string | null }> {
  requireCapability(actor, 'residents.read');
  requireCapability(actor, 'residents.reveal');
  const row = await repo.getResident(ctx.db, actor, id);
  return revealNumbers(ctx, actor, 'resident', id, row, fields);
}

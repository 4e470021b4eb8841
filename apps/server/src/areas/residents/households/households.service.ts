/** Households (户) and their residents (居民): list, detail, create, edit, soft delete, reveal of guarded numbers. */
import type {
  HouseholdCreateT,
  HouseholdDetailT,
  HouseholdListQueryT,
  HouseholdPatchT,
  HouseholdT,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { placedIn } from '../../../platform/stamps.js';
import { diff, writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { normalizeIdNumber, normalizeLandline, normalizePhone } from '../../../platform/idcard.js';
import { type Q, restore as restoreRow, type SoftChange, softDelete } from '../../../platform/data/scoped.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { guardPhone } from '../../../platform/personal.js';
import { isVillage } from '../common/places.js';
import { pairingsOfHousehold } from '../pairings/pairings.service.js';
import { isPoorTags, present, presentResident } from './households.present.js';
import * as repo from './households.repository.js';
import { bumpHouseholds, insertResidents, taken } from './households.residents.js';
import { residentsChange } from '../common/recycle.js';
import { revealNumbers } from '../../../platform/reveal.js';

export { isPoorTags, parseTags, present, presentResident } from './households.present.js';
export { addResident, removeResident, revealResident, updateResident } from './households.residents.js';

/** Whether an organization is a village or a community (households and groups live there, not in a sub-branch). */
export const isVillageOrg = isVillage;

/** The village or community organization of the scope a household or group may be placed in. */
export async function villageOrg(
  db: Parameters<typeof orgsRepo.getOrg>[0],
  actor: Actor,
  orgId: number,
): Promise<orgsRepo.OrgRow> {
  const org = await orgsRepo.getOrg(db, actor, orgId);
  if (!isVillageOrg(org))
    throw new DomainError('residents.org_not_village', {
      fields: [{ field: 'orgId', code: 'residents.org_not_village' }],
    });
  return org;
}

function auditable(h: HouseholdT) {
  return { orgId: h.orgId, address: h.address, headName: h.headName, phone: h.phone, tags: h.tags, note: h.note };
}

/** Turns list query parameters into a repository filter (a full ID or phone number becomes an exact keyed lookup). */
export async function toFilter(
  ctx: Ctx,
  actor: Actor,
  query: Pick<HouseholdListQueryT, 'org' | 'q' | 'tag' | 'poor' | 'grouped' | 'paired' | 'deleted'>,
): Promise<repo.HouseholdFilter> {
  const underPath = await orgsRepo.underOrg(ctx.db, actor, query.org);
  const q = query.q?.trim() || undefined;
  let idHash: string | undefined;
  let phoneHash: string | undefined;
  if (q && /^\d{17}[\dXx]$/.test(q)) idHash = ctx.vault.lookupHash(normalizeIdNumber(q));
  else if (q && /^1\d{10}$/.test(q)) phoneHash = ctx.vault.lookupHash(normalizePhone(q));
  else if (q && normalizeLandline(q)) phoneHash = ctx.vault.lookupHash(normalizeLandline(q) as string);
  return {
    underPath,
    q,
    idHash,
    phoneHash,
    tag: query.tag,
    poor: query.poor,
    grouped: query.grouped,
    paired: query.paired,
    deleted: query.deleted,
  };
}

/** Households of a subtree (default: the caller's scope), filtered and paged. */
export async function list(ctx: Ctx, actor: Actor, query: HouseholdListQueryT): Promise<Listed<HouseholdT>> {
  requireCapability(actor, 'residents.read');
  const { rows, total } = await repo.listHouseholds(ctx.db, actor, await toFilter(ctx, actor, query), pagingOf(query));
  return { items: await withCadres(ctx.db, rows), total };
}

/** Households as the API answers them, with the cadres paired with each. */
export async function withCadres(db: Q, rows: repo.HouseholdRow[]): Promise<HouseholdT[]> {
  const cadres = await repo.cadresOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => present(r, cadres.get(r.id)));
}

/** One household with its residents, pairings, recent visits and the number of its requests. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<HouseholdDetailT> {
  requireCapability(actor, 'residents.read');
  const row = await repo.getHousehold(ctx.db, actor, id, { includeDeleted: true });
  const [residents, cadres, pairings, visits, requests] = await Promise.all([
    repo.residentsOf(ctx.db, [id]),
    repo.cadresOf(ctx.db, [id]),
    pairingsOfHousehold(ctx.db, actor, id),
    repo.recentVisits(ctx.db, id),
    repo.requestCount(ctx.db, id),
  ]);
  return {
    ...present(row, cadres.get(id)),
    residents: (residents.get(id) ?? []).map(presentResident),
    pairings,
    recentVisits: visits.map((v) => ({ id: v.id, visitedOn: v.visited_on, visitorName: v.name, found: v.found })),
    requestCount: requests,
  };
}

/** Records a new household, with its residents if given. */
export async function create(ctx: Ctx, actor: Actor, input: HouseholdCreateT): Promise<HouseholdDetailT> {
  requireCapability(actor, 'residents.write');
  const org = await villageOrg(ctx.db, actor, input.orgId);
  const phone = guardPhone(ctx, input.phone, 'phone', { landline: true }) as {
    phone_enc: string | null;
    phone_hash: string | null;
    phone_masked: string | null;
  };
  const now = ctx.clock().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertHousehold(trx, {
      ...placedIn(org),
      address: input.address.trim(),
      head_name: input.headName.trim(),
      tags: JSON.stringify(input.tags),
      is_poor: isPoorTags(input.tags) ? 1 : 0,
      people: 0,
      group_id: null,
      note: input.note ?? null,
      ...phone,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    const after = present(await repo.getHousehold(trx, actor, id));
    await writeAudit(ctx, trx, actor, {
      action: 'household.create',
      entityType: 'household',
      entityId: id,
      changes: diff(null, auditable(after)),
    });
    if (input.residents?.length) {
      await insertResidents(
        ctx,
        trx,
        actor,
        { id, tenant_id: org.tenant_id, org_id: org.id, org_path: org.org_path },
        input.residents,
      );
      await repo.recountPeople(trx, id, now);
    }
    await bumpHouseholds(trx, org.tenant_id);
    return id;
  });
  return get(ctx, actor, id);
}

/** Edits a household; a move to another village carries its residents, pairings and visits and leaves its group. */
export async function update(ctx: Ctx, actor: Actor, id: number, patch: HouseholdPatchT): Promise<HouseholdDetailT> {
  requireCapability(actor, 'residents.write');
  const row = await repo.getHousehold(ctx.db, actor, id);
  const org =
    patch.orgId !== undefined && patch.orgId !== row.org_id ? await villageOrg(ctx.db, actor, patch.orgId) : null;
  const set: Record<string, unknown> = {};
  if (patch.address !== undefined) set.address = patch.address.trim();
  if (patch.headName !== undefined) set.head_name = patch.headName.trim();
  if (patch.note !== undefined) set.note = patch.note;
  if (patch.tags !== undefined)
    Object.assign(set, { tags: JSON.stringify(patch.tags), is_poor: isPoorTags(patch.tags) ? 1 : 0 });
  if (patch.phone !== undefined) {
    const phone = guardPhone(ctx, patch.phone, 'phone', { landline: true });
    // Keep the old ciphertext when the number did not change.
    if (phone.phone_hash !== row.phone_hash) Object.assign(set, phone);
  }
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const before = present(row);
    if (org) {
      Object.assign(set, { org_id: org.id, org_path: org.org_path, group_id: null });
      await repo.moveHouseholdRows(trx, id, org);
    }
    await repo.updateHousehold(trx, id, { ...set, updated_at: now });
    const after = present(await repo.getHousehold(trx, actor, id));
    await bumpHouseholds(trx, row.tenant_id);
    await writeAudit(ctx, trx, actor, {
      action: 'household.update',
      entityType: 'household',
      entityId: id,
      changes: diff(auditable(before), auditable(after)),
    });
  });
  return get(ctx, actor, id);
}

const softChange = (action: string, before?: SoftChange['before']): SoftChange =>
  // A moved household moves its visits.
  residentsChange('household', ['residents', 'households', 'visits'], action, before);

/** Soft-deletes a household (recoverable); its residents stay with it and free their ID numbers meanwhile. */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'residents.write');
  await softDelete(ctx, actor, 'households', id, softChange('household.delete'));
}

/** Restores a soft-deleted household unless one of its residents' ID numbers was registered elsewhere since. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<HouseholdDetailT> {
  requireCapability(actor, 'residents.write');
  await restoreRow(
    ctx,
    actor,
    'households',
    id,
    softChange('household.restore', async (trx, row) => {
      const residents = (await repo.residentsOf(trx, [id])).get(id) ?? [];
      for (const r of residents)
        if (r.id_number_hash && (await repo.idNumberTaken(trx, row.tenant_id as number, r.id_number_hash, r.id)))
          throw taken();
    }),
  );
  return get(ctx, actor, id);
}

/** The household's unmasked phone for a role allowed to see it; the viewing is audited. */
export async function revealHousehold(
  ctx: Ctx,
  actor: Actor,
  id: number,
  fields: ('idNumber' | 'phone')[],
): Promise<{ phone?: string | null }> {
  requireCapability(actor, 'residents.read');
  requireCapability(actor, 'residents.reveal');
  const row = await repo.getHousehold(ctx.db, actor, id);
  return revealNumbers(ctx, actor, 'household', id, row, fields);
}

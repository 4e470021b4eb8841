/** Households (户) and their residents (居民): list, detail, create, edit, soft delete, reveal of guarded numbers. */
import {
  POOR_TAGS,
  type HouseholdCreateT,
  type HouseholdDetailT,
  type HouseholdListQueryT,
  type HouseholdPatchT,
  type HouseholdT,
  type ResidentCreateT,
  type ResidentPatchT,
  type ResidentT,
} from '@dangjian/contracts';
import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { diff, writeAudit } from '../../../platform/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { normalizeIdNumber, normalizePhone } from '../../../platform/idcard.js';
import { bumpVersion } from '../../../platform/versions.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { guardIdNumber, guardPhone, isPlaceOrg } from '../common/residents.shared.js';
import * as repo from './households.repository.js';
import { pairingsOfHousehold } from '../pairings/pairings.service.js';

/** Whether an organization is a village or a community one (households, groups and zones live there). */
export const isVillageOrg = isPlaceOrg;

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

/** Whether a set of tags makes a household poor (困难户). */
export function isPoorTags(tags: readonly string[]): boolean {
  return tags.some((t) => (POOR_TAGS as readonly string[]).includes(t));
}

/** Tags stored as JSON text, parsed defensively. */
export function parseTags(raw: string): HouseholdT['tags'] {
  try {
    const v = JSON.parse(raw);
    return Array.isArray(v) ? (v as HouseholdT['tags']) : [];
  } catch {
    return [];
  }
}

/** The JSON a client sees of a household: numbers masked. */
export function present(row: repo.HouseholdRow, cadres: { memberId: number; name: string }[] = []): HouseholdT {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    address: row.address,
    headName: row.head_name,
    phone: row.phone_masked,
    tags: parseTags(row.tags),
    isPoor: Boolean(Number(row.is_poor)),
    people: Number(row.people),
    groupId: row.group_name != null ? row.group_id : null,
    groupName: row.group_name,
    cadres,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** The JSON a client sees of a resident: numbers masked. */
export function presentResident(r: repo.ResidentRow): ResidentT {
  return {
    id: r.id,
    householdId: r.household_id,
    name: r.name,
    relation: r.relation as ResidentT['relation'],
    gender: r.gender,
    birthDate: r.birth_date,
    idNumber: r.id_number_masked,
    phone: r.phone_masked,
  };
}

function auditable(h: HouseholdT) {
  return { orgId: h.orgId, address: h.address, headName: h.headName, phone: h.phone, tags: h.tags, note: h.note };
}

function auditableResident(r: ResidentT) {
  return { householdId: r.householdId, name: r.name, relation: r.relation, idNumber: r.idNumber, phone: r.phone };
}

/** Turns list query parameters into a repository filter (a full ID or phone number becomes an exact keyed lookup). */
export async function toFilter(
  ctx: Ctx,
  actor: Actor,
  query: Pick<HouseholdListQueryT, 'org' | 'q' | 'tag' | 'poor' | 'grouped' | 'paired' | 'deleted'>,
): Promise<repo.HouseholdFilter> {
  const underPath = query.org ? (await orgsRepo.getOrg(ctx.db, actor, query.org)).org_path : undefined;
  const q = query.q?.trim() || undefined;
  let idHash: string | undefined;
  let phoneHash: string | undefined;
  if (q && /^\d{17}[\dXx]$/.test(q)) idHash = ctx.vault.lookupHash(normalizeIdNumber(q));
  else if (q && /^1\d{10}$/.test(q)) phoneHash = ctx.vault.lookupHash(normalizePhone(q));
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
export async function list(
  ctx: Ctx,
  actor: Actor,
  query: HouseholdListQueryT,
): Promise<{ items: HouseholdT[]; total: number }> {
  requireCapability(actor, 'residents.read');
  const { rows, total } = await repo.listHouseholds(ctx.db, actor, await toFilter(ctx, actor, query), {
    page: query.page ?? 1,
    pageSize: query.pageSize ?? 20,
  });
  const cadres = await repo.cadresOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => present(r, cadres.get(r.id))), total };
}

/** One household with its residents, pairings, recent visits and the number of its requests. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<HouseholdDetailT> {
  requireCapability(actor, 'residents.read');
  const row = await repo.getHousehold(ctx.db, actor, id, { includeDeleted: true });
  const [residents, cadres, pairings, visits, requests] = await Promise.all([
    repo.residentsOf(ctx.db, [id]),
    repo.cadresOf(ctx.db, [id]),
    pairingsOfHousehold(ctx.db, actor, id),
    ctx.db
      .selectFrom('visits as v')
      .innerJoin('members as m', 'm.id', 'v.visitor_member_id')
      .select(['v.id', 'v.visited_on', 'v.found', 'm.name'])
      .where('v.household_id', '=', id)
      .where('v.deleted_at', 'is', null)
      .orderBy('v.visited_on', 'desc')
      .orderBy('v.id', 'desc')
      .limit(5)
      .execute(),
    ctx.db
      .selectFrom('requests')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('household_id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    ...present(row, cadres.get(id)),
    residents: (residents.get(id) ?? []).map(presentResident),
    pairings,
    recentVisits: visits.map((v) => ({ id: v.id, visitedOn: v.visited_on, visitorName: v.name, found: v.found })),
    requestCount: Number(requests.n),
  };
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

function taken(): DomainError {
  return new DomainError(
    'residents.id_number_taken',
    { fields: [{ field: 'idNumber', code: 'residents.id_number_taken' }] },
    409,
  );
}

/** Inserts residents of a household inside a transaction, refusing an ID number already living elsewhere. */
async function insertResidents(
  ctx: Ctx,
  trx: Transaction<DB>,
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
    const { id } = await trx
      .insertInto('residents')
      .values({
        ...c,
        tenant_id: h.tenant_id,
        org_id: h.org_id,
        org_path: h.org_path,
        household_id: h.id,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
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

/** Records a new household, with its residents if given. */
export async function create(ctx: Ctx, actor: Actor, input: HouseholdCreateT): Promise<HouseholdDetailT> {
  requireCapability(actor, 'residents.write');
  const org = await villageOrg(ctx.db, actor, input.orgId);
  const phone = guardPhone(ctx, input.phone, 'phone') as {
    phone_enc: string | null;
    phone_hash: string | null;
    phone_masked: string | null;
  };
  const now = ctx.clock().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('households')
      .values({
        tenant_id: org.tenant_id,
        org_id: org.id,
        org_path: org.org_path,
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
      })
      .returning('id')
      .executeTakeFirstOrThrow();
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
    await bumpVersion(trx, org.tenant_id, 'residents');
    await bumpVersion(trx, org.tenant_id, 'households');
    await bumpVersion(trx, org.tenant_id, 'visits'); // a moved household moves its visits
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
    const phone = guardPhone(ctx, patch.phone, 'phone');
    // Keep the old ciphertext when the number did not change.
    if (phone.phone_hash !== row.phone_hash) Object.assign(set, phone);
  }
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const before = present(row);
    if (org) {
      Object.assign(set, { org_id: org.id, org_path: org.org_path, group_id: null });
      for (const table of ['residents', 'pairings', 'visits'] as const) {
        await trx
          .updateTable(table)
          .set({ org_id: org.id, org_path: org.org_path })
          .where('household_id', '=', id)
          .execute();
      }
    }
    await trx
      .updateTable('households')
      .set({ ...set, updated_at: now })
      .where('id', '=', id)
      .execute();
    const after = present(await repo.getHousehold(trx, actor, id));
    await bumpVersion(trx, row.tenant_id, 'residents');
    await bumpVersion(trx, row.tenant_id, 'households');
    await bumpVersion(trx, row.tenant_id, 'visits'); // a moved household moves its visits
    await writeAudit(ctx, trx, actor, {
      action: 'household.update',
      entityType: 'household',
      entityId: id,
      changes: diff(auditable(before), auditable(after)),
    });
  });
  return get(ctx, actor, id);
}

/** Soft-deletes a household (recoverable); its residents stay with it and free their ID numbers meanwhile. */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'residents.write');
  const row = await repo.getHousehold(ctx.db, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    await trx.updateTable('households').set({ deleted_at: now, updated_at: now }).where('id', '=', id).execute();
    await bumpVersion(trx, row.tenant_id, 'residents');
    await bumpVersion(trx, row.tenant_id, 'households');
    await bumpVersion(trx, row.tenant_id, 'visits'); // a moved household moves its visits
    await writeAudit(ctx, trx, actor, {
      action: 'household.delete',
      entityType: 'household',
      entityId: id,
      changes: { deletedAt: { before: null, after: now } },
    });
  });
}

/** Restores a soft-deleted household unless one of its residents' ID numbers was registered elsewhere since. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<HouseholdDetailT> {
  requireCapability(actor, 'residents.write');
  const row = await repo.getHousehold(ctx.db, actor, id, { includeDeleted: true });
  if (!row.deleted_at) throw new DomainError('residents.not_deleted', undefined, 409);
  await ctx.db.transaction().execute(async (trx) => {
    const residents = (await repo.residentsOf(trx, [id])).get(id) ?? [];
    for (const r of residents)
      if (r.id_number_hash && (await repo.idNumberTaken(trx, row.tenant_id, r.id_number_hash, r.id))) throw taken();
    await trx
      .updateTable('households')
      .set({ deleted_at: null, updated_at: ctx.clock().toISOString() })
      .where('id', '=', id)
      .execute();
    await bumpVersion(trx, row.tenant_id, 'residents');
    await bumpVersion(trx, row.tenant_id, 'households');
    await bumpVersion(trx, row.tenant_id, 'visits'); // a moved household moves its visits
    await writeAudit(ctx, trx, actor, {
      action: 'household.restore',
      entityType: 'household',
      entityId: id,
      changes: { deletedAt: { before: row.deleted_at, after: null } },
    });
  });
  return get(ctx, actor, id);
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
    await bumpVersion(trx, h.tenant_id, 'residents');
    await bumpVersion(trx, h.tenant_id, 'households');
    await bumpVersion(trx, h.tenant_id, 'visits'); // a moved household moves its visits
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
    await trx
      .updateTable('residents')
      .set({ ...set, updated_at: ctx.clock().toISOString() })
      .where('id', '=', id)
      .execute();
    const after = presentResident(await repo.getResident(trx, actor, id));
    await bumpVersion(trx, row.tenant_id, 'residents');
    await bumpVersion(trx, row.tenant_id, 'households');
    await bumpVersion(trx, row.tenant_id, 'visits'); // a moved household moves its visits
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
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    await trx.updateTable('residents').set({ deleted_at: now, updated_at: now }).where('id', '=', id).execute();
    await repo.recountPeople(trx, row.household_id, now);
    await bumpVersion(trx, row.tenant_id, 'residents');
    await bumpVersion(trx, row.tenant_id, 'households');
    await bumpVersion(trx, row.tenant_id, 'visits'); // a moved household moves its visits
    await writeAudit(ctx, trx, actor, {
      action: 'resident.delete',
      entityType: 'resident',
      entityId: id,
      changes: { deletedAt: { before: null, after: now } },
    });
  });
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
  const out: { phone?: string | null } = {};
  if (fields.includes('phone')) out.phone = row.phone_enc ? ctx.vault.decrypt(row.phone_enc) : null;
  await ctx.db
    .transaction()
    .execute((trx) =>
      writeAudit(ctx, trx, actor, {
        action: 'household.reveal',
        entityType: 'household',
        entityId: id,
        detail: fields.join(','),
      }),
    );
  return out;
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
  const out: { idNumber?: string | null; phone?: string | null } = {};
  if (fields.includes('idNumber')) out.idNumber = row.id_number_enc ? ctx.vault.decrypt(row.id_number_enc) : null;
  if (fields.includes('phone')) out.phone = row.phone_enc ? ctx.vault.decrypt(row.phone_enc) : null;
  await ctx.db
    .transaction()
    .execute((trx) =>
      writeAudit(ctx, trx, actor, {
        action: 'resident.reveal',
        entityType: 'resident',
        entityId: id,
        detail: fields.join(','),
      }),
    );
  return out;
}

/**
 * Member responsibility zones (党员责任区) of community grids and the members assigned to them (in-service members
 * report to the community: 双报到).
 */
import type { ZoneCreateT, ZoneListQueryT, ZonePatchT, ZoneT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { diff } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { type Q, restore as restoreRow, type SoftChange, softDelete } from '../../../platform/data/scoped.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { today } from '../../core/orgs/orgs.service.js';
import { isPlaceOrg } from '../common/places.js';
import * as membersRepo from '../../core/members/members.repository.js';
import * as repo from './zones.repository.js';
import { residentsChange } from '../common/recycle.js';
import { orgRefOf, placedIn, stampsOf } from '../../../platform/stamps.js';
import { type Listed, pagingOf, subtreeFilter } from '../../../platform/listing.js';
import { writeRecorder } from '../../../platform/data/record.js';

/** Zone writes change the residents' figures. */
const recordZone = writeRecorder('zone', ['residents']);

/** A community organization of the scope (zones are a community grid's). */
async function communityOrg(db: Q, actor: Actor, orgId: number): Promise<orgsRepo.OrgRow> {
  const org = await orgsRepo.getOrg(db, actor, orgId);
  if (!isPlaceOrg(org, ['community']))
    throw new DomainError('residents.zone_org', { fields: [{ field: 'orgId', code: 'residents.zone_org' }] });
  return org;
}

async function withMembers(db: Q, rows: repo.ZoneRow[]): Promise<ZoneT[]> {
  const ids = rows.map((r) => r.id);
  const assigned = await repo.membersOf(db, ids);
  return rows.map((r) => ({
    ...orgRefOf(r),
    name: r.name,
    area: r.area,
    households: Number(r.households),
    members: assigned
      .filter((a) => a.zone_id === r.id)
      .map((a) => ({ memberId: a.id, name: a.name, orgName: a.org_name, assignedOn: a.assigned_on })),
    ...stampsOf(r),
  }));
}

async function one(db: Q, actor: Actor, id: number, includeDeleted = false): Promise<ZoneT> {
  return (await withMembers(db, [await repo.getZone(db, actor, id, includeDeleted ? 'any' : 'live')]))[0];
}

/** Zones of a subtree with their members. */
export async function list(ctx: Ctx, actor: Actor, query: ZoneListQueryT): Promise<Listed<ZoneT>> {
  const f = await subtreeFilter(ctx, actor, query, 'residents.read');
  const { rows, total } = await repo.listZones(ctx.db, actor, f, pagingOf(query));
  return { items: await withMembers(ctx.db, rows), total };
}

/** One zone with its members. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<ZoneT> {
  return one(ctx.db, actor, id, true);
}

function auditable(z: ZoneT) {
  return { orgId: z.orgId, name: z.name, area: z.area, households: z.households };
}

/** Draws a zone in a community's grid. */
export async function create(ctx: Ctx, actor: Actor, input: ZoneCreateT): Promise<ZoneT> {
  const org = await communityOrg(ctx.db, actor, input.orgId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    const id = await repo.insertZone(trx, {
      ...placedIn(org),
      name: input.name.trim(),
      area: input.area ?? null,
      households: input.households ?? 0,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    await recordZone(ctx, trx, actor, org.tenant_id, {
      action: 'zone.create',
      entityId: id,
      changes: diff(null, auditable(await one(trx, actor, id))),
    });
    return id;
  });
  return one(ctx.db, actor, id);
}

/** Edits a zone (a move goes to another community of the scope). */
export async function update(ctx: Ctx, actor: Actor, id: number, patch: ZonePatchT): Promise<ZoneT> {
  requireCapability(actor, 'residents.write');
  const z = await repo.getZone(ctx.db, actor, id);
  const set: Record<string, unknown> = {};
  if (patch.orgId !== undefined && patch.orgId !== z.org_id) {
    const org = await communityOrg(ctx.db, actor, patch.orgId);
    Object.assign(set, { org_id: org.id, org_path: org.org_path });
  }
  if (patch.name !== undefined) set.name = patch.name.trim();
  if (patch.area !== undefined) set.area = patch.area;
  if (patch.households !== undefined) set.households = patch.households;
  await ctx.db.transaction().execute(async (trx) => {
    const before = await one(trx, actor, id);
    await repo.updateZone(trx, id, { ...set, updated_at: ctx.clock().toISOString() });
    await recordZone(ctx, trx, actor, z.tenant_id, {
      action: 'zone.update',
      entityId: id,
      changes: diff(auditable(before), auditable(await one(trx, actor, id))),
    });
  });
  return one(ctx.db, actor, id);
}

const softChange = (action: string): SoftChange => residentsChange('zone', ['residents'], action);

/** Soft-deletes a zone (its assignments stay for a restore). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'residents.write');
  await softDelete(ctx, actor, 'zones', id, softChange('zone.delete'));
}

/** Restores a soft-deleted zone. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<ZoneT> {
  requireCapability(actor, 'residents.write');
  await restoreRow(ctx, actor, 'zones', id, softChange('zone.restore'));
  return one(ctx.db, actor, id);
}

/**
 * Assigns a member serving the zone (`requireServingMember`) to it (idempotent: assigning twice keeps the first
 * date).
 */
export async function assign(ctx: Ctx, actor: Actor, id: number, memberId: number): Promise<ZoneT> {
  requireCapability(actor, 'residents.write');
  const z = await repo.getZone(ctx.db, actor, id);
  // Members registered in a zone (在职党员进社区报到) may come from above it or from the county's organs.
  await membersRepo.requireServingMember(ctx.db, actor, memberId, z.org_path);
  await ctx.db.transaction().execute(async (trx) => {
    if (await repo.assignmentOf(trx, id, memberId)) return;
    await repo.insertAssignment(trx, id, memberId, today(ctx));
    await recordZone(ctx, trx, actor, z.tenant_id, {
      action: 'zone.assign',
      entityId: id,
      changes: { memberId: { before: null, after: memberId } },
    });
  });
  return one(ctx.db, actor, id);
}

/** Takes a member off a zone. */
export async function unassign(ctx: Ctx, actor: Actor, id: number, memberId: number): Promise<ZoneT> {
  requireCapability(actor, 'residents.write');
  const z = await repo.getZone(ctx.db, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await repo.assignmentOf(trx, id, memberId);
    if (!existing) throw notFound();
    await repo.deleteAssignment(trx, existing.id);
    await recordZone(ctx, trx, actor, z.tenant_id, {
      action: 'zone.unassign',
      entityId: id,
      changes: { memberId: { before: memberId, after: null } },
    });
  });
  return one(ctx.db, actor, id);
}

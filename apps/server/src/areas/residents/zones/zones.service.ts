/** Member responsibility zones (党员责任区) of community grids and the members assigned to them (in-service members report to the community: 双报到). */
import type { ZoneCreateT, ZoneListQueryT, ZonePatchT, ZoneT } from '@dangjian/contracts';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB, ZonesTable } from '../../../db/schema.js';
import type { Actor } from '../../../platform/actor.js';
import { scopeRange } from '../../../platform/actor.js';
import { diff, writeAudit } from '../../../platform/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { likeContains, subtreeRange } from '../../../db/dialect.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { bumpVersion } from '../../../platform/versions.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { today } from '../../core/orgs/orgs.service.js';
import { isVillageOrg } from '../households/households.service.js';
import * as membersRepo from '../../core/members/members.repository.js';

type Q = Kysely<DB> | Transaction<DB>;
type ZoneRow = Selectable<ZonesTable> & { org_name: string };

/** A community organization of the scope (zones are a community grid's). */
async function communityOrg(db: Q, actor: Actor, orgId: number): Promise<orgsRepo.OrgRow> {
  const org = await orgsRepo.getOrg(db, actor, orgId);
  if (!isVillageOrg(org, ['community']))
    throw new DomainError('residents.zone_org', { fields: [{ field: 'orgId', code: 'residents.zone_org' }] });
  return org;
}

async function getZone(db: Q, actor: Actor, id: number, opts: { includeDeleted?: boolean } = {}): Promise<ZoneRow> {
  const [lo, hi] = scopeRange(actor);
  let q = db
    .selectFrom('zones as z')
    .innerJoin('orgs as o', 'o.id', 'z.org_id')
    .selectAll('z')
    .select('o.name as org_name')
    .where('z.id', '=', id)
    .where('z.tenant_id', '=', actor.tenantId!)
    .where('z.org_path', '>=', lo)
    .where('z.org_path', '<', hi);
  if (!opts.includeDeleted) q = q.where('z.deleted_at', 'is', null);
  const row = (await q.executeTakeFirst()) as ZoneRow | undefined;
  if (!row) throw notFound();
  return row;
}

async function withMembers(db: Q, rows: ZoneRow[]): Promise<ZoneT[]> {
  const ids = rows.map((r) => r.id);
  const assigned = ids.length
    ? await db
        .selectFrom('zone_members as zm')
        .innerJoin('members as m', 'm.id', 'zm.member_id')
        .innerJoin('orgs as o', 'o.id', 'm.org_id')
        .select(['zm.zone_id', 'm.id', 'm.name', 'o.name as org_name', 'zm.assigned_on'])
        .where('zm.zone_id', 'in', ids)
        .where('m.deleted_at', 'is', null)
        .orderBy('zm.id')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    name: r.name,
    area: r.area,
    households: Number(r.households),
    members: assigned
      .filter((a) => a.zone_id === r.id)
      .map((a) => ({ memberId: a.id, name: a.name, orgName: a.org_name, assignedOn: a.assigned_on })),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  }));
}

async function one(db: Q, actor: Actor, id: number, includeDeleted = false): Promise<ZoneT> {
  return (await withMembers(db, [await getZone(db, actor, id, { includeDeleted })]))[0];
}

/** Zones of a subtree with their members. */
export async function list(ctx: Ctx, actor: Actor, query: ZoneListQueryT): Promise<{ items: ZoneT[]; total: number }> {
  const [lo, hi] = query.org
    ? subtreeRange((await orgsRepo.getOrg(ctx.db, actor, query.org)).org_path)
    : scopeRange(actor);
  let q = ctx.db
    .selectFrom('zones as z')
    .innerJoin('orgs as o', 'o.id', 'z.org_id')
    .where('z.tenant_id', '=', actor.tenantId!)
    .where('z.org_path', '>=', lo)
    .where('z.org_path', '<', hi);
  q = query.deleted ? q.where('z.deleted_at', 'is not', null) : q.where('z.deleted_at', 'is', null);
  const text = query.q?.trim();
  if (text) q = q.where((eb) => eb.or([likeContains('z.name', text), likeContains('z.area', text)]));
  const total = Number((await q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const pageSize = query.pageSize ?? 20;
  const rows = total
    ? ((await q
        .selectAll('z')
        .select('o.name as org_name')
        .orderBy('z.org_path')
        .orderBy('z.id')
        .limit(pageSize)
        .offset(((query.page ?? 1) - 1) * pageSize)
        .execute()) as ZoneRow[])
    : [];
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
    const { id } = await trx
      .insertInto('zones')
      .values({
        tenant_id: org.tenant_id,
        org_id: org.id,
        org_path: org.org_path,
        name: input.name.trim(),
        area: input.area ?? null,
        households: input.households ?? 0,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await bumpVersion(trx, org.tenant_id, 'residents');
    await writeAudit(ctx, trx, actor, {
      action: 'zone.create',
      entityType: 'zone',
      entityId: id,
      changes: diff(null, auditable(await one(trx, actor, id))),
    });
    return id;
  });
  return one(ctx.db, actor, id);
}

/** Edits a zone (a move goes to another community of the scope). */
export async function update(ctx: Ctx, actor: Actor, id: number, patch: ZonePatchT): Promise<ZoneT> {
  const z = await getZone(ctx.db, actor, id);
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
    await trx
      .updateTable('zones')
      .set({ ...set, updated_at: ctx.clock().toISOString() })
      .where('id', '=', id)
      .execute();
    await bumpVersion(trx, z.tenant_id, 'residents');
    await writeAudit(ctx, trx, actor, {
      action: 'zone.update',
      entityType: 'zone',
      entityId: id,
      changes: diff(auditable(before), auditable(await one(trx, actor, id))),
    });
  });
  return one(ctx.db, actor, id);
}

/** Soft-deletes a zone (its assignments stay for a restore). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  const z = await getZone(ctx.db, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    await trx.updateTable('zones').set({ deleted_at: now, updated_at: now }).where('id', '=', id).execute();
    await bumpVersion(trx, z.tenant_id, 'residents');
    await writeAudit(ctx, trx, actor, {
      action: 'zone.delete',
      entityType: 'zone',
      entityId: id,
      changes: { deletedAt: { before: null, after: now } },
    });
  });
}

/** Restores a soft-deleted zone. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<ZoneT> {
  const z = await getZone(ctx.db, actor, id, { includeDeleted: true });
  if (!z.deleted_at) throw new DomainError('residents.not_deleted', undefined, 409);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('zones')
      .set({ deleted_at: null, updated_at: ctx.clock().toISOString() })
      .where('id', '=', id)
      .execute();
    await bumpVersion(trx, z.tenant_id, 'residents');
    await writeAudit(ctx, trx, actor, {
      action: 'zone.restore',
      entityType: 'zone',
      entityId: id,
      changes: { deletedAt: { before: z.deleted_at, after: null } },
    });
  });
  return one(ctx.db, actor, id);
}

/** Assigns a member serving the zone (`requireServingMember`) to it (idempotent: assigning twice keeps the first date). */
export async function assign(ctx: Ctx, actor: Actor, id: number, memberId: number): Promise<ZoneT> {
  const z = await getZone(ctx.db, actor, id);
  // Members registered in a zone (在职党员进社区报到) may come from above it or from the county's organs.
  await membersRepo.requireServingMember(ctx.db, actor, memberId, z.org_path);
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('zone_members')
      .select('id')
      .where('zone_id', '=', id)
      .where('member_id', '=', memberId)
      .executeTakeFirst();
    if (existing) return;
    await trx
      .insertInto('zone_members')
      .values({ zone_id: id, member_id: memberId, assigned_on: today(ctx) })
      .execute();
    await bumpVersion(trx, z.tenant_id, 'residents');
    await writeAudit(ctx, trx, actor, {
      action: 'zone.assign',
      entityType: 'zone',
      entityId: id,
      changes: { memberId: { before: null, after: memberId } },
    });
  });
  return one(ctx.db, actor, id);
}

/** Takes a member off a zone. */
export async function unassign(ctx: Ctx, actor: Actor, id: number, memberId: number): Promise<ZoneT> {
  const z = await getZone(ctx.db, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('zone_members')
      .select('id')
      .where('zone_id', '=', id)
      .where('member_id', '=', memberId)
      .executeTakeFirst();
    if (!existing) throw notFound();
    await trx.deleteFrom('zone_members').where('id', '=', existing.id).execute();
    await bumpVersion(trx, z.tenant_id, 'residents');
    await writeAudit(ctx, trx, actor, {
      action: 'zone.unassign',
      entityType: 'zone',
      entityId: id,
      changes: { memberId: { before: memberId, after: null } },
    });
  });
  return one(ctx.db, actor, id);
}

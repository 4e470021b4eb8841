/**
 * County leaders of the contact points (县级领导): the list and one leader the caller sees (the county all; a
 * township those holding a point of its subtree, with those points only), recorded, changed, deleted and restored
 * by the county with audit.
 */
import {
  type ContactLeaderCreateT,
  type ContactLeaderItemT,
  type ContactLeaderListQueryT,
  type ContactLeaderUpdateT,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { diff, writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { stampsOf } from '../../../platform/stamps.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './contactPoints.repository.js';
import { CHANGE, fieldError, presentPoints } from './contactPoints.service.js';

async function presentLeaders(ctx: Ctx, actor: Actor, rows: repo.LeaderRow[]): Promise<ContactLeaderItemT[]> {
  const points = await presentPoints(
    ctx,
    await repo.pointsOfLeaders(
      ctx.db,
      actor,
      rows.map((r) => r.id),
    ),
  );
  return rows.map((r) => {
    const mine = points.filter((p) => p.leaderId === r.id);
    return {
      id: r.id,
      name: r.name,
      post: r.post,
      userId: r.user_id,
      sortOrder: r.sort_order,
      points: mine.map((p) => ({
        id: p.id,
        orgId: p.orgId,
        orgName: p.orgName,
        kind: p.kind,
        openIssues: p.openIssues,
      })),
      visits: mine.reduce((a, p) => a + p.visits, 0),
      openIssues: mine.reduce((a, p) => a + p.openIssues, 0),
      ...stampsOf(r),
    };
  });
}

/** The leaders the caller sees, each with the points of its subtree. */
export async function listLeaders(
  ctx: Ctx,
  actor: Actor,
  query: ContactLeaderListQueryT,
): Promise<Listed<ContactLeaderItemT>> {
  requireCapability(actor, 'contactPoints.read');
  const f = { q: query.q?.trim() || undefined, deleted: query.deleted };
  const { rows, total } = await repo.listLeaders(ctx.db, actor, f, pagingOf(query));
  return { items: await presentLeaders(ctx, actor, rows), total };
}

/** One leader with the points of the caller's subtree. */
export async function getLeader(ctx: Ctx, actor: Actor, id: number): Promise<ContactLeaderItemT> {
  requireCapability(actor, 'contactPoints.read');
  const [item] = await presentLeaders(ctx, actor, [await repo.getLeader(ctx.db, actor, id, 'any')]);
  return item!;
}

async function userOf(ctx: Ctx, actor: Actor, userId: number | null | undefined): Promise<number | null> {
  if (!userId) return null;
  const u = await repo.userOfTenant(ctx.db, actor.tenantId!, userId);
  if (!u) throw fieldError('contactPoints.user_unknown', 'userId', 404);
  return u.id;
}

/** Records a county leader (on the county's path). */
export async function createLeader(ctx: Ctx, actor: Actor, input: ContactLeaderCreateT): Promise<ContactLeaderItemT> {
  requireCapability(actor, 'contactPoints.write');
  const name = input.name.trim();
  const post = input.post.trim();
  if (!name) throw fieldError('validation', 'name');
  if (!post) throw fieldError('validation', 'post');
  const userId = await userOf(ctx, actor, input.userId);
  const own = await orgsRepo.getOrg(ctx.db, actor, actor.orgId!);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    const id = await repo.insertLeader(trx, {
      tenant_id: actor.tenantId!,
      org_id: own.id,
      org_path: own.org_path,
      name,
      post,
      user_id: userId,
      sort_order: input.sortOrder ?? 0,
      created_by: actor.userId || null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'contactPoints.leader_create',
      entityType: 'contact_leader',
      entityId: id,
      changes: diff(null, { name, post }),
    });
    await bumpVersion(trx, actor.tenantId!, 'contactPoints');
    return id;
  });
  return getLeader(ctx, actor, id);
}

/** Changes a leader. */
export async function updateLeader(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: ContactLeaderUpdateT,
): Promise<ContactLeaderItemT> {
  requireCapability(actor, 'contactPoints.write');
  const r = await repo.getLeader(ctx.db, actor, id);
  const set: Record<string, unknown> = {};
  if (input.name !== undefined) {
    if (!input.name.trim()) throw fieldError('validation', 'name');
    set.name = input.name.trim();
  }
  if (input.post !== undefined) {
    if (!input.post.trim()) throw fieldError('validation', 'post');
    set.post = input.post.trim();
  }
  if (input.userId !== undefined) set.user_id = await userOf(ctx, actor, input.userId);
  if (input.sortOrder !== undefined) set.sort_order = input.sortOrder;
  const before = Object.fromEntries(Object.keys(set).map((k) => [k, (r as Record<string, unknown>)[k]]));
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateLeader(trx, id, { ...set, updated_at: ctx.clock().toISOString() });
    await writeAudit(ctx, trx, actor, {
      action: 'contactPoints.leader_update',
      entityType: 'contact_leader',
      entityId: id,
      changes: diff(before, set),
    });
    await bumpVersion(trx, actor.tenantId!, 'contactPoints');
  });
  return getLeader(ctx, actor, id);
}

/** Soft-deletes a leader recorded by mistake. */
export async function removeLeader(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'contactPoints.write');
  await softDelete(ctx, actor, 'contact_leaders', id, CHANGE('contactPoints.leader_delete', 'contact_leader'));
}

/** Restores a deleted leader. */
export async function restoreLeader(ctx: Ctx, actor: Actor, id: number): Promise<ContactLeaderItemT> {
  requireCapability(actor, 'contactPoints.write');
  await restoreRow(ctx, actor, 'contact_leaders', id, CHANGE('contactPoints.leader_restore', 'contact_leader'));
  return getLeader(ctx, actor, id);
}

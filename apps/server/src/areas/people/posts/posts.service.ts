/**
 * Posts for members (设岗定责, 党员先锋岗): a branch defines its posts and gives its members one for a period; a
 * holding ends with a reason. Townships and the county read. Soft delete and restore of a post set by mistake.
 */
import {
  can as roleCan,
  chinaToday,
  type ErrorCode,
  type PostAssignT,
  type PostCreateT,
  type PostDetailT,
  type PostEndT,
  type PostItemT,
  type PostKind,
  type PostListQueryT,
  type PostUpdateT,
  type UncoveredMemberT,
  type UncoveredQueryT,
} from '@dangjian/contracts';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAudit } from '../../../platform/data/audit.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './posts.repository.js';

/** Today in China by the context's clock. */
export const todayOf = (ctx: Ctx) => chinaToday(ctx.clock());

/** A refusal placed on one field of the form. */
export function fieldError(code: ErrorCode, field: string, status?: number): DomainError {
  return new DomainError(code, { fields: [{ field, code }] }, status);
}

/** List rows: each post with the names of its holders today. */
async function rowsOf(ctx: Ctx, rows: repo.PostRow[]): Promise<PostItemT[]> {
  const holders = await repo.holdersOf(
    ctx.db,
    rows.map((r) => r.id),
    todayOf(ctx),
  );
  return rows.map((r) => {
    const now = holders.filter((h) => h.post_id === r.id);
    return {
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      name: r.name,
      kind: r.kind as PostKind,
      duties: r.duties,
      capacity: r.capacity,
      holders: now.length,
      holderNames: now.map((h) => h.member_name),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      deletedAt: r.deleted_at,
    };
  });
}

/** Posts of the caller's subtree. */
export async function list(ctx: Ctx, actor: Actor, query: PostListQueryT): Promise<Listed<PostItemT>> {
  requireCapability(actor, 'posts.read');
  const { rows, total } = await repo.listPosts(
    ctx.db,
    actor,
    {
      underPath: await orgsRepo.underOrg(ctx.db, actor, query.org),
      q: query.q?.trim() || undefined,
      kind: query.kind,
      deleted: query.deleted,
    },
    pagingOf(query),
  );
  return { items: await rowsOf(ctx, rows), total };
}

/** A post with every holding, past and present. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<PostDetailT> {
  requireCapability(actor, 'posts.read');
  const r = await repo.getPost(ctx.db, actor, id, 'any');
  const [item] = await rowsOf(ctx, [r]);
  const history = await repo.holdersOf(ctx.db, [id]);
  return {
    ...item!,
    history: history.map((h) => ({
      id: h.id,
      memberId: h.member_id,
      memberName: h.member_name,
      startedOn: h.started_on,
      endedOn: h.ended_on,
      endReason: h.end_reason,
    })),
    canEdit: !r.deleted_at && roleCan(actor.role, 'posts.write') && r.org_id === actor.orgId,
  };
}

/** A branch defines a post of its own. */
export async function create(ctx: Ctx, actor: Actor, input: PostCreateT): Promise<PostDetailT> {
  requireCapability(actor, 'posts.write');
  const org = await orgsRepo.getOrg(ctx.db, actor, actor.orgId!);
  const now = ctx.clock().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const [id] = await repo.insertPosts(trx, [
      {
        tenant_id: org.tenant_id,
        org_id: org.id,
        org_path: org.org_path,
        name: input.name.trim(),
        kind: input.kind,
        duties: input.duties.trim(),
        capacity: input.capacity ?? null,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await writeAudit(ctx, trx, actor, {
      action: 'post.create',
      entityType: 'post',
      entityId: id!,
      changes: { name: { before: null, after: input.name.trim() }, kind: { before: null, after: input.kind } },
    });
    await bumpVersion(trx, org.tenant_id, 'posts');
    return id!;
  });
  return get(ctx, actor, id);
}

/** Only the branch that set a post changes it. */
async function ownPost(ctx: Ctx, actor: Actor, id: number): Promise<repo.PostRow> {
  requireCapability(actor, 'posts.write');
  const r = await repo.getPost(ctx.db, actor, id);
  if (r.org_id !== actor.orgId) throw notFound();
  return r;
}

/** Changes a post's name, kind, duties or capacity. */
export async function update(ctx: Ctx, actor: Actor, id: number, input: PostUpdateT): Promise<PostDetailT> {
  const r = await ownPost(ctx, actor, id);
  const set: Record<string, unknown> = {};
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const put = (col: keyof typeof r, key: string, after: unknown) => {
    if (after === undefined || r[col] === after) return;
    set[col] = after;
    changes[key] = { before: r[col], after };
  };
  put('name', 'name', input.name?.trim());
  put('kind', 'kind', input.kind);
  put('duties', 'duties', input.duties?.trim());
  put('capacity', 'capacity', input.capacity);
  if (!Object.keys(set).length) return get(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updatePost(trx, id, { ...set, updated_at: ctx.clock().toISOString() });
    await writeAudit(ctx, trx, actor, { action: 'post.update', entityType: 'post', entityId: id, changes });
    await bumpVersion(trx, r.tenant_id, 'posts');
  });
  return get(ctx, actor, id);
}

const CHANGE = (action: string) => ({ action, entityType: 'post', domains: ['posts' as const], stampUpdatedAt: true });

/** Soft-deletes a post set by mistake, once no member holds it. */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  await ownPost(ctx, actor, id);
  if ((await repo.holdersOf(ctx.db, [id], todayOf(ctx))).length)
    throw new DomainError('posts.has_holders', undefined, 409);
  await softDelete(ctx, actor, 'member_posts', id, CHANGE('post.delete'));
}

/** Restores a deleted post of the caller's own branch. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<PostDetailT> {
  requireCapability(actor, 'posts.write');
  const r = await repo.getPost(ctx.db, actor, id, 'any');
  if (r.org_id !== actor.orgId) throw notFound();
  await restoreRow(ctx, actor, 'member_posts', id, CHANGE('post.restore'));
  return get(ctx, actor, id);
}

/** Gives a member of the post's organization (or one of its groups) the post from a day. */
export async function assign(ctx: Ctx, actor: Actor, id: number, input: PostAssignT): Promise<PostDetailT> {
  const p = await ownPost(ctx, actor, id);
  const m = await repo.memberInScope(ctx.db, actor, input.memberId);
  if (!m) throw notFound();
  if (!m.org_path.startsWith(p.org_path)) throw fieldError('posts.not_own_member', 'memberId');
  const today = todayOf(ctx);
  const startedOn = input.startedOn ?? today;
  if (startedOn > today) throw fieldError('posts.date_range', 'startedOn');
  await ctx.db.transaction().execute(async (trx) => {
    const now = await repo.holdersOf(trx, [id], today);
    if (now.some((h) => h.member_id === m.id)) throw fieldError('posts.already_held', 'memberId', 409);
    if (p.capacity != null && now.length >= p.capacity) throw fieldError('posts.full', 'memberId', 409);
    const stamp = ctx.clock().toISOString();
    const [hid] = await repo.insertHolders(trx, [
      {
        tenant_id: p.tenant_id,
        org_id: p.org_id,
        org_path: p.org_path,
        post_id: id,
        member_id: m.id,
        started_on: startedOn,
        ended_on: null,
        end_reason: null,
        created_by: actor.userId || null,
        created_at: stamp,
        updated_at: stamp,
        deleted_at: null,
      },
    ]);
    await writeAudit(ctx, trx, actor, {
      action: 'post.assign',
      entityType: 'post',
      entityId: id,
      changes: { memberId: { before: null, after: m.id }, startedOn: { before: null, after: startedOn } },
      detail: `holder ${hid}`,
    });
    await bumpVersion(trx, p.tenant_id, 'posts');
  });
  return get(ctx, actor, id);
}

/** Ends a member's holding of a post on a day, with the reason. */
export async function end(ctx: Ctx, actor: Actor, id: number, holderId: number, input: PostEndT): Promise<PostDetailT> {
  const p = await ownPost(ctx, actor, id);
  const h = await repo.getHolder(ctx.db, id, holderId);
  if (!h) throw notFound();
  if (h.ended_on) throw new DomainError('posts.ended', undefined, 409);
  const endedOn = input.endedOn ?? todayOf(ctx);
  if (endedOn > todayOf(ctx) || endedOn < h.started_on) throw fieldError('posts.date_range', 'endedOn');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateHolder(trx, holderId, {
      ended_on: endedOn,
      end_reason: input.reason.trim(),
      updated_at: ctx.clock().toISOString(),
    });
    await writeAudit(ctx, trx, actor, {
      action: 'post.end',
      entityType: 'post',
      entityId: id,
      changes: { memberId: { before: h.member_id, after: null }, endedOn: { before: null, after: endedOn } },
    });
    await bumpVersion(trx, p.tenant_id, 'posts');
  });
  return get(ctx, actor, id);
}

/** Members of the caller's subtree without a post today, for the one click that gives one. */
export async function uncovered(ctx: Ctx, actor: Actor, query: UncoveredQueryT): Promise<Listed<UncoveredMemberT>> {
  requireCapability(actor, 'posts.read');
  const under = await orgsRepo.underOrg(ctx.db, actor, query.org);
  const { rows, total } = await repo.uncovered(
    ctx.db,
    actor,
    under,
    todayOf(ctx),
    query.q?.trim() || undefined,
    pagingOf(query),
  );
  return { items: rows, total };
}

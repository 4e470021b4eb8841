/**
 * The posts of a person by term: one added (the post must be of its committee; a secretary or a director has one
 * holder per village and term), changed or ended with a day and a reason, soft-deleted and restored.
 */
import type { CadreDetailT, CadrePostCreateT, CadrePostUpdateT } from '@dangjian/contracts';
import { COMMITTEE_POSTS } from '@dangjian/contracts';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAudit } from '../../../platform/data/audit.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import * as repo from './cadres.repository.js';
import { fieldError, get } from './cadres.service.js';

const CHANGE = (action: string) => ({
  action,
  entityType: 'cadre_post',
  domains: ['cadres' as const],
  stampUpdatedAt: true,
});

/** The single posts of a committee: one holder per village and term. */
const SINGLE = new Set(['secretary', 'director']);

/** Adds a post in a term; the post must belong to the committee, a secretary or director has one holder. */
export async function addPost(ctx: Ctx, actor: Actor, id: number, input: CadrePostCreateT): Promise<CadreDetailT> {
  requireCapability(actor, 'cadres.write');
  const r = await repo.getCadre(ctx.db, actor, id);
  if (!COMMITTEE_POSTS[input.committee].includes(input.post)) throw fieldError('cadres.post_mismatch', 'post');
  const term = String(input.term);
  await ctx.db.transaction().execute(async (trx) => {
    if ((await repo.postsInTerm(trx, id, term, input.committee)).some((p) => !p.ended_on))
      throw fieldError('cadres.post_duplicate', 'post', 409);
    if (SINGLE.has(input.post) && (await repo.holdersOf(trx, r.org_id, term, input.committee, input.post)).length)
      throw fieldError('cadres.post_taken', 'post', 409);
    const now = ctx.clock().toISOString();
    const [postId] = await repo.insertPosts(trx, [
      {
        tenant_id: r.tenant_id,
        org_id: r.org_id,
        org_path: r.org_path,
        cadre_id: id,
        committee: input.committee,
        post: input.post,
        term,
        started_on: input.startedOn,
        ended_on: null,
        end_reason: null,
        end_note: null,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await writeAudit(ctx, trx, actor, {
      action: 'cadre_post.create',
      entityType: 'cadre_post',
      entityId: postId!,
      changes: { post: { before: null, after: { committee: input.committee, post: input.post, term } } },
    });
    await bumpVersion(trx, r.tenant_id, 'cadres');
  });
  return get(ctx, actor, id);
}

/** Changes a post's start, or ends it with a day and a reason (both together). */
export async function updatePost(
  ctx: Ctx,
  actor: Actor,
  id: number,
  postId: number,
  input: CadrePostUpdateT,
): Promise<CadreDetailT> {
  requireCapability(actor, 'cadres.write');
  await repo.getCadre(ctx.db, actor, id);
  const p = await repo.getPost(ctx.db, actor, id, postId);
  const startedOn = input.startedOn ?? p.started_on;
  const endedOn = input.endedOn !== undefined ? input.endedOn : p.ended_on;
  const endReason = input.endReason !== undefined ? input.endReason : p.end_reason;
  const endNote = input.endNote !== undefined ? input.endNote?.trim() || null : p.end_note;
  if (endedOn && endedOn < startedOn) throw fieldError('cadres.date_order', 'endedOn');
  if (endedOn && !endReason) throw fieldError('cadres.end_reason_required', 'endReason');
  const set = {
    started_on: startedOn,
    ended_on: endedOn ?? null,
    end_reason: endedOn ? endReason : null,
    end_note: endedOn ? endNote : null,
  };
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  if (set.started_on !== p.started_on) changes.startedOn = { before: p.started_on, after: set.started_on };
  if (set.ended_on !== p.ended_on) changes.endedOn = { before: p.ended_on, after: set.ended_on };
  if (set.end_reason !== p.end_reason) changes.endReason = { before: p.end_reason, after: set.end_reason };
  if (set.end_note !== p.end_note) changes.endNote = { before: p.end_note, after: set.end_note };
  if (!Object.keys(changes).length) return get(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    // Reopening a single post: nobody else may hold it meanwhile.
    if (p.ended_on && !set.ended_on && SINGLE.has(p.post)) {
      const others = await repo.holdersOf(trx, p.org_id, p.term, p.committee, p.post);
      if (others.some((o) => o.id !== p.id)) throw fieldError('cadres.post_taken', 'endedOn', 409);
    }
    await repo.updatePost(trx, postId, { ...set, updated_at: ctx.clock().toISOString() });
    await writeAudit(ctx, trx, actor, {
      action: 'cadre_post.update',
      entityType: 'cadre_post',
      entityId: postId,
      changes,
    });
    await bumpVersion(trx, p.tenant_id, 'cadres');
  });
  return get(ctx, actor, id);
}

/** Soft-deletes a post entered by mistake (recoverable). */
export async function removePost(ctx: Ctx, actor: Actor, id: number, postId: number): Promise<void> {
  requireCapability(actor, 'cadres.write');
  await repo.getPost(ctx.db, actor, id, postId, 'any');
  await softDelete(ctx, actor, 'cadre_posts', postId, CHANGE('cadre_post.delete'));
}

/** Restores a deleted post, unless its single post is held by someone else since. */
export async function restorePost(ctx: Ctx, actor: Actor, id: number, postId: number): Promise<CadreDetailT> {
  requireCapability(actor, 'cadres.write');
  await repo.getPost(ctx.db, actor, id, postId, 'any');
  await restoreRow(ctx, actor, 'cadre_posts', postId, {
    ...CHANGE('cadre_post.restore'),
    before: async (trx, row) => {
      if (row.ended_on || !SINGLE.has(row.post as string)) return;
      const holders = await repo.holdersOf(
        trx,
        row.org_id as number,
        row.term as string,
        row.committee as string,
        row.post as string,
      );
      if (holders.length) throw fieldError('cadres.post_taken', 'post', 409);
    },
  });
  return get(ctx, actor, id);
}

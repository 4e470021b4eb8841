/**
 * Results of star ratings and cadre assessments: the list, one result with its indicator scores (record indicators
 * computed live from the records until publication, then frozen), objections, timeline and the caller's moves; a
 * result started by hand (an organization, or a cadre by member and post), the batch that starts and computes every
 * branch of a subtree under a scheme in one go, soft delete and restore of a result not yet scored. The moves are in
 * `ratings.moves.ts`.
 */
import {
  chinaToday,
  RATING_FLOW,
  type RatingCreateT,
  type RatingComputeResultT,
  type RatingDetailT,
  type RatingItemT,
  type RatingListQueryT,
  type RatingSnapshot,
  type RatingSource,
  type Scored,
  scoreResult,
} from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAudit } from '../../../platform/data/audit.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { addTimeline, addTimelineBatch, listTimeline, type TimelineEntry } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { allowedActions, asUser, authorOf, requireMove } from '../../../platform/workflow.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { entered, json, presentObjection, presentRating, snapshotOf, townshipIdOf, treeOf } from './ratings.present.js';
import * as repo from './ratings.repository.js';
import { fieldError } from './ratings.schemes.js';
import { sourcesOf, valuesOf } from './ratings.sources.js';
import { type FlowRow, ratingFlow } from './ratings.workflow.js';

/** Today in China by the context's clock. */
export const todayOf = (ctx: Ctx) => chinaToday(ctx.clock());

/** Whether the caller reads as a member: published and final results of its own organization only. */
const asMember = (actor: Actor) => actor.role === 'member';
const SEEN_BY_MEMBERS = ['published', 'final'] as const;

type Values = Partial<Record<RatingSource, number | null>>;

/** The record values of results: frozen at publication, else computed live (one batch per year). */
export async function valuesFor(
  ctx: Ctx,
  rows: Pick<repo.RatingRow, 'id' | 'tenant_id' | 'org_id' | 'org_path' | 'year' | 'snapshot' | 'record_values'>[],
): Promise<Map<number, Values>> {
  const out = new Map<number, Values>();
  const live = new Map<number, typeof rows>();
  for (const r of rows) {
    if (r.record_values != null) out.set(r.id, json<Values>(r.record_values, {}));
    else live.set(r.year, [...(live.get(r.year) ?? []), r]);
  }
  const today = todayOf(ctx);
  for (const [year, list] of live) {
    const sources = new Set<RatingSource>();
    for (const r of list) for (const s of sourcesOf(snapshotOf(r).groups)) sources.add(s);
    const orgs = [...new Map(list.map((r) => [r.org_id, { id: r.org_id, org_path: r.org_path }])).values()];
    const values = await valuesOf(ctx.db, list[0]!.tenant_id, orgs, sources, year, today);
    for (const r of list) out.set(r.id, values.get(r.org_id) ?? {});
  }
  return out;
}

/** Scores a result from its copy of the scheme, its values and its entered scores. */
export function scoreOf(
  r: Pick<repo.RatingRow, 'snapshot' | 'self_scores' | 'assessor_scores'>,
  values: Values,
): Scored {
  return scoreResult(snapshotOf(r), values, entered(r.self_scores), entered(r.assessor_scores));
}

/** The stored columns of a score (the lists and figures read them). */
export function storedOf(s: Scored) {
  return {
    self_total_tenths: Math.round(s.selfTotal * 10),
    total_tenths: Math.round(s.total * 10),
    stars: s.stars,
    grade: s.grade,
  };
}

/** A result's row for the flow: with today and the assessor indicators still unscored. */
export async function flowRow(ctx: Ctx, actor: Actor, id: number, rows: 'live' | 'any' = 'live'): Promise<FlowRow> {
  const r = await repo.getRating(ctx.db, actor, id, rows);
  if (asMember(actor) && !(SEEN_BY_MEMBERS as readonly string[]).includes(r.status)) throw notFound();
  const values = await valuesFor(ctx, [r]);
  const s = scoreOf(r, values.get(r.id) ?? {});
  return { ...r, today: todayOf(ctx), missing: s.missing.length };
}

/** Township names of rows, read once. */
async function townships(ctx: Ctx, tenantId: number, rows: { org_path: string }[]) {
  return repo.orgNames(
    ctx.db,
    tenantId,
    rows.map((r) => townshipIdOf(r.org_path)).filter((x): x is number => x != null),
  );
}

const townOf = (names: Map<number, string>, path: string) => {
  const t = townshipIdOf(path);
  return t == null ? null : (names.get(t) ?? null);
};

/** The repository filter of a list query (the org checked inside the caller's scope). */
export async function filterOf(ctx: Ctx, actor: Actor, q: RatingListQueryT): Promise<repo.RatingFilter> {
  return {
    underPath: await orgsRepo.underOrg(ctx.db, actor, q.org),
    q: q.q?.trim() || undefined,
    year: q.year,
    scheme: q.scheme,
    subject: q.subject,
    stars: q.stars,
    status: q.status,
    outcome: q.outcome,
    deleted: asMember(actor) ? false : q.deleted,
    ...(asMember(actor) ? { statuses: SEEN_BY_MEMBERS, orgId: actor.orgId ?? -1 } : {}),
  };
}

/** Results of the caller's subtree (a member: its organization's published ones). */
export async function list(ctx: Ctx, actor: Actor, q: RatingListQueryT): Promise<Listed<RatingItemT>> {
  requireCapability(actor, 'ratings.read');
  const { rows, total } = await repo.listRatings(ctx.db, actor, await filterOf(ctx, actor, q), pagingOf(q));
  const names = await townships(ctx, actor.tenantId!, rows);
  return { items: rows.map((r) => presentRating(r, townOf(names, r.org_path))), total };
}

/** One result with its scores (live until publication), objections, timeline and the caller's moves. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<RatingDetailT> {
  requireCapability(actor, 'ratings.read');
  const r = await repo.getRating(ctx.db, actor, id, 'any');
  if (asMember(actor) && !(SEEN_BY_MEMBERS as readonly string[]).includes(r.status)) throw notFound();
  const values = await valuesFor(ctx, [r]);
  const s = scoreOf(r, values.get(r.id) ?? {});
  const [names, objections, events] = await Promise.all([
    townships(ctx, r.tenant_id, [r]),
    repo.objectionsOf(ctx.db, [id]),
    listTimeline(ctx.db, 'rating', id),
  ]);
  const snap = snapshotOf(r);
  const row: FlowRow = { ...r, today: todayOf(ctx), missing: s.missing.length };
  // Until publication the row shows the live score (the stored one is as of the last computation).
  const live = r.record_values == null && r.status !== 'final';
  const item = presentRating(live ? { ...r, ...storedOf(s), grade: s.grade } : r, townOf(names, r.org_path));
  return {
    ...item,
    maxStars: snap.maxStars,
    thresholds: snap.thresholds,
    scores: s.scores,
    groups: snap.groups.map((g) => ({ key: g.key, name: g.name })),
    objections: objections.map(presentObjection),
    events,
    actions: r.deleted_at ? [] : allowedActions(asUser(actor), ratingFlow, row),
  };
}

/** The copy of a scheme a result keeps. */
function snapshotText(s: repo.SchemeRow): string {
  const { groups, thresholds } = treeOf(s);
  const snap: RatingSnapshot = { mode: s.mode as RatingSnapshot['mode'], maxStars: s.max_stars, groups, thresholds };
  return JSON.stringify(snap);
}

/** A published scheme the caller sees, for starting results. */
async function publishedScheme(ctx: Ctx, actor: Actor, id: number, field: string) {
  const s = await repo.getScheme(ctx.db, actor, id);
  if (s.status !== 'published') throw fieldError('ratings.scheme_draft', field, 409);
  return s;
}

/** Starts one result: an organization under an org scheme, a cadre (member and post) under a cadre scheme. */
export async function create(ctx: Ctx, actor: Actor, input: RatingCreateT): Promise<RatingDetailT> {
  const who = asUser(actor);
  requireMove(who, ratingFlow, 'create');
  const s = await publishedScheme(ctx, actor, input.schemeId, 'schemeId');
  const org = await orgsRepo.getOrg(ctx.db, actor, input.orgId);
  const memberId = input.memberId ?? null;
  if ((s.subject === 'cadre') !== (memberId != null)) throw fieldError('ratings.subject_mismatch', 'memberId');
  let place = { id: org.id, org_path: org.org_path };
  if (memberId != null) {
    const m = await repo.memberOf(ctx.db, org.tenant_id, memberId);
    // A cadre of another organization (or another township) is not found here.
    if (!m || !m.org_path.startsWith(org.org_path)) throw fieldError('not_found', 'memberId', 404);
    place = { id: m.org_id, org_path: m.org_path };
  }
  if (!place.org_path.startsWith(s.org_path) && !s.org_path.startsWith(place.org_path))
    throw fieldError('not_found', 'orgId', 404);
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await repo.resultTaken(trx, s.id, place.id, memberId))
      throw fieldError('ratings.duplicate_result', 'orgId', 409);
    const now = ctx.clock().toISOString();
    const [id] = await repo.insertRatings(trx, [newRow(s, org.tenant_id, place, now, actor, memberId, input.post)]);
    await addTimeline(trx, authorOf(who), {
      tenantId: org.tenant_id,
      entityType: 'rating',
      entityId: id!,
      orgPath: place.org_path,
      action: RATING_FLOW.actions.create.event,
      toState: 'draft',
      note: s.name,
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'rating.create',
      entityType: 'rating',
      entityId: id!,
      changes: {
        status: { before: null, after: 'draft' },
        schemeId: { before: null, after: s.id },
        orgId: { before: null, after: place.id },
        ...(memberId != null ? { memberId: { before: null, after: memberId } } : {}),
      },
    });
    await bumpVersion(trx, org.tenant_id, 'ratings');
    return id!;
  });
  return get(ctx, actor, id);
}

/** A new result's row (a draft with its copy of the scheme). */
function newRow(
  s: repo.SchemeRow,
  tenantId: number,
  place: { id: number; org_path: string },
  now: string,
  actor: Actor | null,
  memberId: number | null = null,
  post: string | null | undefined = null,
) {
  return {
    tenant_id: tenantId,
    org_id: place.id,
    org_path: place.org_path,
    scheme_id: s.id,
    year: s.year,
    subject: s.subject,
    status: 'draft',
    snapshot: snapshotText(s),
    member_id: memberId,
    post: post?.trim() || null,
    self_scores: null,
    assessor_scores: null,
    record_values: null,
    note: null,
    self_total_tenths: null,
    total_tenths: null,
    stars: null,
    grade: null,
    outcome: 'none',
    published_on: null,
    objection_until: null,
    final_on: null,
    problem_id: null,
    created_by: actor?.userId || null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
}

/**
 * Starts the missing results of every rated organization of a subtree under an org scheme and computes the stars of
 * all its results not yet published, in one go: one query per record measure for the whole subtree, one insert for
 * the new results, the moved totals written in chunks of 200, in one transaction.
 */
export async function compute(
  ctx: Ctx,
  actor: Actor,
  q: { scheme: number; org?: number },
): Promise<RatingComputeResultT> {
  requireCapability(actor, 'ratings.score');
  const t0 = Date.now();
  const s = await publishedScheme(ctx, actor, q.scheme, 'scheme');
  const root = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  // The scheme's own subtree bounds what it rates (a township's scheme rates that township's branches).
  const path = root.org_path.startsWith(s.org_path)
    ? root.org_path
    : s.org_path.startsWith(root.org_path)
      ? s.org_path
      : null;
  if (!path) throw fieldError('not_found', 'org', 404);
  const range = subtreeRange(path);
  const tenantId = root.tenant_id;
  const now = ctx.clock().toISOString();
  let created = 0;
  if (s.subject === 'org') {
    const [orgs, existing] = await Promise.all([
      repo.ratedOrgs(ctx.db, tenantId, range),
      repo.ratingsOfScheme(ctx.db, tenantId, s.id, range),
    ]);
    const have = new Set(existing.map((r) => r.org_id));
    const missing = orgs.filter((o) => !have.has(o.id));
    if (missing.length)
      await ctx.db.transaction().execute(async (trx) => {
        const ids = await repo.insertRatings(
          trx,
          missing.map((o) => newRow(s, tenantId, o, now, actor)),
        );
        const entries: { author: { id: number | null; name: string }; entry: TimelineEntry }[] = ids.map((id, n) => ({
          author: { id: actor.userId || null, name: actor.displayName },
          entry: {
            tenantId,
            entityType: 'rating',
            entityId: id,
            orgPath: missing[n]!.org_path,
            action: RATING_FLOW.actions.create.event,
            toState: 'draft',
            note: s.name,
            at: now,
          },
        }));
        for (let i = 0; i < entries.length; i += 500) await addTimelineBatch(trx, entries.slice(i, i + 500));
        created = ids.length;
      });
  }
  const rows = (await repo.ratingsOfScheme(ctx.db, tenantId, s.id, range)).filter((r) => r.record_values == null);
  const values = await valuesFor(ctx, rows);
  const byStars = new Map<number, number>();
  const updates = rows.map((r) => {
    const sc = scoreOf(r, values.get(r.id) ?? {});
    byStars.set(sc.stars, (byStars.get(sc.stars) ?? 0) + 1);
    return { id: r.id, set: storedOf(sc), before: r };
  });
  // Only what moved is written, in chunks.
  const moved = updates.filter(
    ({ before: b, set }) =>
      b.total_tenths !== set.total_tenths ||
      b.stars !== set.stars ||
      b.self_total_tenths !== set.self_total_tenths ||
      b.grade !== set.grade,
  );
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateScores(trx, moved);
    await writeAudit(ctx, trx, actor, {
      action: 'rating.compute',
      entityType: 'rating_scheme',
      entityId: s.id,
      detail: `${path} 新建 ${created}，计算 ${rows.length}`,
    });
    await bumpVersion(trx, tenantId, 'ratings');
  });
  return {
    schemeId: s.id,
    created,
    computed: rows.length,
    ms: Date.now() - t0,
    byStars: [...byStars.entries()].sort((a, b) => a[0] - b[0]).map(([stars, count]) => ({ stars, count })),
  };
}

const CHANGE = (action: string) => ({
  action,
  entityType: 'rating',
  domains: ['ratings' as const],
  stampUpdatedAt: true,
});

/** Soft-deletes a result started by mistake (only one not yet scored). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'ratings.score');
  const r = await repo.getRating(ctx.db, actor, id);
  if (!['draft', 'self_scored'].includes(r.status)) throw new DomainError('ratings.not_draft', undefined, 409);
  await softDelete(ctx, actor, 'ratings', id, CHANGE('rating.delete'));
}

/** Restores a deleted result, unless its subject has another result under the scheme since. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<RatingDetailT> {
  requireCapability(actor, 'ratings.score');
  await restoreRow(ctx, actor, 'ratings', id, {
    ...CHANGE('rating.restore'),
    before: async (trx, row) => {
      if (
        await repo.resultTaken(
          trx,
          row.scheme_id as number,
          row.org_id as number,
          (row.member_id as number | null) ?? null,
        )
      )
        throw fieldError('ratings.duplicate_result', 'orgId', 409);
    },
  });
  return get(ctx, actor, id);
}

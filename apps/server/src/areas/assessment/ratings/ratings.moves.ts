/**
 * The moves of a result: the branch's self-score, the assessor's score (kept apart from the self-score), publication
 * for objections (the record values frozen, the window from the rule of the result's year), objections and their
 * answers (upheld sends the result back to be rescored), and the final move — by the assessor or the daily job once
 * the window has ended and no objection is open — with its outcome: commended at ≥ 4 stars, reminded at ≤ 2 with a
 * rectification problem opened through the problems module in the same transaction.
 */
import {
  addDays,
  type RatingAnswerT,
  type RatingDetailT,
  type RatingScoresT,
  type ScoreEntryT,
  type EnteredScore,
} from '@dangjian/contracts';
import { type Actor, systemActor } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { asUser, checkMove, type FlowActor, move, requireMove, SYSTEM } from '../../../platform/workflow.js';
import { openProblem } from '../../supervision/problems/problems.service.js';
import { entered, snapshotOf } from './ratings.present.js';
import * as repo from './ratings.repository.js';
import { ratingsRules } from './ratings.rules.js';
import { fieldError } from './ratings.schemes.js';
import { flowRow, get, scoreOf, storedOf, todayOf, valuesFor } from './ratings.service.js';
import type { FlowRow } from './ratings.workflow.js';
import { ratingFlow } from './ratings.workflow.js';

/** Checks entered scores against the result's copy of the scheme; answers them by code (merged over the old). */
function checkEntries(r: FlowRow, entries: ScoreEntryT[], old: Record<string, EnteredScore>, by: 'self' | 'assessor') {
  const items = new Map(snapshotOf(r).groups.flatMap((g) => g.items.map((i) => [i.key, i] as const)));
  const out = { ...old };
  for (const e of entries) {
    const i = items.get(e.key);
    if (!i) throw fieldError('ratings.unknown_indicator', 'scores');
    if (i.fill === 'record') throw fieldError('ratings.not_scorable', 'scores');
    if (e.score > i.maxScore) throw fieldError('ratings.over_max', 'scores');
    // The branch states its view of the assessor's indicators too; the assessor checks the self ones.
    void by;
    out[e.key] = {
      score: Math.round(e.score * 10) / 10,
      note: e.note?.trim() || null,
      fileIds: [...new Set(e.fileIds ?? [])],
    };
  }
  return out;
}

/** The branch submits its self-scores (again, while not yet scored). */
export async function selfScore(ctx: Ctx, actor: Actor, id: number, input: RatingScoresT): Promise<RatingDetailT> {
  const who = asUser(actor);
  requireMove(who, ratingFlow, 'selfScore');
  const r = await flowRow(ctx, actor, id);
  checkMove(who, ratingFlow, r, 'selfScore', {});
  const self = checkEntries(r, input.scores, entered(r.self_scores), 'self');
  await ctx.db.transaction().execute(async (trx) => {
    const values = await valuesFor(ctx, [r]);
    const s = scoreOf({ ...r, self_scores: JSON.stringify(self) }, values.get(r.id) ?? {});
    await repo.updateRating(trx, id, { self_scores: JSON.stringify(self), ...storedOf(s) });
    await move(ctx, trx, who, ratingFlow, r, 'selfScore', { note: input.note ?? null });
  });
  return get(ctx, actor, id);
}

/** The township (or county) scores: every assessor indicator must have a score. */
export async function score(ctx: Ctx, actor: Actor, id: number, input: RatingScoresT): Promise<RatingDetailT> {
  const who = asUser(actor);
  requireMove(who, ratingFlow, 'score');
  const r = await flowRow(ctx, actor, id);
  checkMove(who, ratingFlow, r, 'score', null);
  const assessor = checkEntries(r, input.scores, entered(r.assessor_scores), 'assessor');
  const values = await valuesFor(ctx, [r]);
  const s = scoreOf({ ...r, assessor_scores: JSON.stringify(assessor) }, values.get(r.id) ?? {});
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateRating(trx, id, { assessor_scores: JSON.stringify(assessor), ...storedOf(s) });
    const note = `${input.note?.trim() ? `${input.note.trim()}；` : ''}总分 ${s.total}，${s.stars} 星`;
    await move(ctx, trx, who, ratingFlow, r, 'score', { missing: s.missing.length, note });
  });
  return get(ctx, actor, id);
}

/** Publishes a scored result for objections: the record values are frozen, the window set by the rule. */
export async function publish(ctx: Ctx, actor: Actor, id: number): Promise<RatingDetailT> {
  const who = asUser(actor);
  requireMove(who, ratingFlow, 'publish');
  const r = await flowRow(ctx, actor, id);
  checkMove(who, ratingFlow, r, 'publish', null);
  const today = todayOf(ctx);
  const rules = await ratingsRules(ctx.db, r.tenant_id, r.year);
  const values = (await valuesFor(ctx, [r])).get(r.id) ?? {};
  const s = scoreOf(r, values);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateRating(trx, id, { record_values: JSON.stringify(values), ...storedOf(s) });
    await move(ctx, trx, who, ratingFlow, r, 'publish', {
      publishedOn: today,
      until: addDays(today, rules.objectionDays),
    });
  });
  return get(ctx, actor, id);
}

/** Someone of the organization lodges an objection while the result is published. */
export async function object(ctx: Ctx, actor: Actor, id: number, reason: string): Promise<RatingDetailT> {
  const who = asUser(actor);
  requireMove(who, ratingFlow, 'object');
  const r = await flowRow(ctx, actor, id);
  checkMove(who, ratingFlow, r, 'object', { reason });
  if (r.objection_until != null && todayOf(ctx) > r.objection_until)
    throw new DomainError('ratings.wrong_state', { reason: 'window ended' }, 409);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    await repo.insertObjection(trx, {
      tenant_id: r.tenant_id,
      org_id: r.org_id,
      org_path: r.org_path,
      rating_id: id,
      reason: reason.trim(),
      status: 'open',
      raised_by: actor.userId || null,
      raised_by_name: actor.displayName,
      answered_by: null,
      reply: null,
      answered_by_name: null,
      answered_at: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    await move(ctx, trx, who, ratingFlow, r, 'object', { reason });
  });
  return get(ctx, actor, id);
}

/** The assessor answers an objection: upheld sends the result back to be rescored, rejected keeps it published. */
export async function answer(ctx: Ctx, actor: Actor, id: number, input: RatingAnswerT): Promise<RatingDetailT> {
  const who = asUser(actor);
  requireMove(who, ratingFlow, 'answer');
  const r = await flowRow(ctx, actor, id);
  checkMove(who, ratingFlow, r, 'answer', { reply: input.reply });
  const o = (await repo.objectionsOf(ctx.db, [id])).find((x) => x.id === input.objectionId);
  if (!o) throw fieldError('not_found', 'objectionId', 404);
  if (o.status !== 'open') throw fieldError('ratings.objection_closed', 'objectionId', 409);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    const done = await repo.answerObjection(trx, o.id, {
      status: input.upheld ? 'upheld' : 'rejected',
      reply: input.reply.trim(),
      answered_by: actor.userId || null,
      answered_by_name: actor.displayName,
      answered_at: now,
      updated_at: now,
    });
    if (!done) throw fieldError('ratings.objection_closed', 'objectionId', 409);
    // Upheld: the result is rescored; its record values thaw (computed live again until the next publication).
    if (input.upheld)
      await repo.updateRating(trx, id, { record_values: null, published_on: null, objection_until: null });
    await move(ctx, trx, who, ratingFlow, r, 'answer', { upheld: input.upheld, reply: input.reply });
  });
  return get(ctx, actor, id);
}

/**
 * Makes a result final inside a transaction: the outcome by the rules of its year; a reminded organization gets a
 * rectification problem (source `star_rating`, `rating:<id>`) opened by the actor, or by the county for the job.
 */
async function finalizeIn(ctx: Ctx, trx: repo.Q, who: FlowActor, actor: Actor | null, r: FlowRow): Promise<void> {
  checkMove(who, ratingFlow, r, 'finalize', {});
  const rules = await ratingsRules(trx, r.tenant_id, r.year);
  const stars = r.stars ?? 0;
  let outcome: 'commended' | 'reminded' | 'none' = 'none';
  if (r.subject === 'org' && stars >= rules.commendMinStars) outcome = 'commended';
  else if (r.subject === 'org' && stars <= rules.remindMaxStars) outcome = 'reminded';
  const today = r.today;
  let problemId: number | null = null;
  if (outcome === 'reminded') {
    const root = await repo.countyRoot(trx, r.tenant_id);
    const opener = actor ?? systemActor(root.tenant_id, root.org_path, root.id);
    const { id } = await openProblem({ ...ctx, db: trx } as Ctx, opener, {
      orgId: r.org_id,
      source: 'star_rating',
      sourceRef: `rating:${r.id}`,
      category: 'organization',
      title: `${r.org_name}${r.year}年度${r.scheme_name}评为${stars}星，提醒整改`.slice(0, 100),
      description: `星级评定总分 ${(r.total_tenths ?? 0) / 10}，评为${stars}星（${rules.remindMaxStars}星及以下提醒整改）。`,
      dueOn: addDays(today, rules.rectifyDays),
      foundBy: '星级评定',
    });
    problemId = id;
  }
  const words = { commended: '予以表彰', reminded: '提醒整改', none: null }[outcome];
  await move(ctx, trx, who, ratingFlow, r, 'finalize', {
    finalOn: today,
    set: { outcome, problem_id: problemId },
    note: words ? `${stars}星，${words}` : null,
  });
}

/** The assessor makes a result final (the window ended, no objection open). */
export async function finalize(ctx: Ctx, actor: Actor, id: number): Promise<RatingDetailT> {
  const who = asUser(actor);
  requireMove(who, ratingFlow, 'finalize');
  const r = await flowRow(ctx, actor, id);
  checkMove(who, ratingFlow, r, 'finalize', {});
  await ctx.db.transaction().execute((trx) => finalizeIn(ctx, trx, who, actor, r));
  return get(ctx, actor, id);
}

/**
 * The daily job: makes final every published result whose window has ended and which has no open objection, each in
 * its own transaction; idempotent (a result already final is no longer published).
 */
export async function finalizeDue(ctx: Ctx, today: string): Promise<{ finalized: number; waiting: number }> {
  const rows = await repo.dueForFinal(ctx.db, today);
  let finalized = 0;
  let waiting = 0;
  for (const row of rows) {
    const full = await repo.jobRow(ctx.db, row.id);
    const r: FlowRow = {
      ...full,
      member_name: null,
      open_objections: Number(full.open_objections),
      today,
      missing: 0,
    };
    if (r.open_objections > 0) {
      waiting++;
      continue;
    }
    await ctx.db.transaction().execute((trx) => finalizeIn(ctx, trx, SYSTEM, null, r));
    finalized++;
  }
  return { finalized, waiting };
}

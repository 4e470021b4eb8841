/**
 * The moves of a problem after it is found, each through the flow's `act()` in one transaction: the notice
 * (交办单, numbered 交办〔2026〕3号, with a due date from the rules unless named), the start, the claimed fix, the
 * verification (销号) or its failure, and the follow-up check (回头看) that holds or reopens it.
 */
import {
  addDays,
  chinaYear,
  type ProblemAction,
  type ProblemAssignT,
  type ProblemDetailT,
  type ProblemFollowUpT,
  type ProblemRejectT,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { asUser, checkMove, move, requireMove } from '../../../platform/workflow.js';
import * as membersRepo from '../../core/members/members.repository.js';
import { fieldError } from './problems.categories.js';
import * as repo from './problems.repository.js';
import { dueDaysOf, problemRules } from './problems.rules.js';
import { get, todayOf } from './problems.service.js';
import { problemFlow } from './problems.workflow.js';

/** The notice number of a county's n-th notice of a year. */
export const noticeNoOf = (year: number, n: number) => `交办〔${year}〕${n}号`;

/** Makes a move in one transaction (the capability first: 403; then the record in scope: 404); answers the problem. */
async function run(
  ctx: Ctx,
  actor: Actor,
  id: number,
  action: ProblemAction,
  input: Record<string, unknown>,
  prepare?: (trx: repo.Q, r: repo.ProblemRow) => Promise<Record<string, unknown>>,
): Promise<ProblemDetailT> {
  const who = asUser(actor);
  requireMove(who, problemFlow, action);
  const r = await repo.getProblem(ctx.db, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    // Checked before anything is taken (a notice number is not spent on a refused move).
    checkMove(who, problemFlow, r, action, null);
    const extra = prepare ? await prepare(trx, r) : {};
    await move(ctx, trx, who, problemFlow, r, action, { ...input, ...extra });
  });
  return get(ctx, actor, id);
}

/** A due date named by the caller (not before today), or the rules' days for the category from today. */
async function dueOf(ctx: Ctx, trx: repo.Q, r: repo.ProblemRow, named: string | null | undefined): Promise<string> {
  const today = todayOf(ctx);
  if (named) {
    if (named < today) throw fieldError('problems.due_in_past', 'dueOn');
    return named;
  }
  const rules = await problemRules(trx, r.tenant_id, chinaYear(ctx.clock()));
  return addDays(today, dueDaysOf(rules, r.category));
}

/** The county or township issues the notice (交办单): its number, the due date and the responsible person. */
export function assign(ctx: Ctx, actor: Actor, id: number, body: ProblemAssignT): Promise<ProblemDetailT> {
  return run(ctx, actor, id, 'assign', {}, async (trx, r) => {
    const dueOn = await dueOf(ctx, trx, r, body.dueOn);
    let responsibleName = body.responsibleName.trim();
    if (body.responsibleMemberId) {
      // A member named as responsible lies in the caller's subtree (never trusted from the body).
      const m = await membersRepo.requireMemberInScope(trx, actor, body.responsibleMemberId).catch(() => {
        throw fieldError('problems.member_outside', 'responsibleMemberId');
      });
      responsibleName ||= m.name;
    }
    const year = chinaYear(ctx.clock());
    const noticeNo = noticeNoOf(year, await repo.nextNoticeNo(trx, r.tenant_id, year));
    return {
      noticeNo,
      dueOn,
      responsibleName,
      responsibleMemberId: body.responsibleMemberId ?? null,
      note: body.note ?? null,
    };
  });
}

/** The responsible organization starts the rectification (optional: a fix may be claimed at once). */
export function start(ctx: Ctx, actor: Actor, id: number, note: string | null): Promise<ProblemDetailT> {
  return run(ctx, actor, id, 'start', { note });
}

/** The responsible organization claims the fix, saying what was done (measures and photos are on the problem). */
export function claim(ctx: Ctx, actor: Actor, id: number, claimNote: string): Promise<ProblemDetailT> {
  return run(ctx, actor, id, 'claim', { claimNote });
}

/** Someone other than the fixer, of the same level or above, verifies and closes it; the follow-up falls due. */
export function verify(ctx: Ctx, actor: Actor, id: number, note: string | null): Promise<ProblemDetailT> {
  return run(ctx, actor, id, 'verify', { note }, async (trx, r) => {
    const rules = await problemRules(trx, r.tenant_id, chinaYear(ctx.clock()));
    return { followUpMonths: rules.followUpMonths };
  });
}

/** The verification fails: back to assigned with the reason (and a new due date when named). */
export function reject(ctx: Ctx, actor: Actor, id: number, body: ProblemRejectT): Promise<ProblemDetailT> {
  return run(ctx, actor, id, 'reject', { reason: body.reason }, async (trx, r) =>
    body.dueOn ? { dueOn: await dueOf(ctx, trx, r, body.dueOn) } : {},
  );
}

/** The follow-up check (回头看): the fix holds (recorded, stays closed) or the problem reopens with a new due date. */
export function followUp(ctx: Ctx, actor: Actor, id: number, body: ProblemFollowUpT): Promise<ProblemDetailT> {
  if (body.holds) return run(ctx, actor, id, 'followUp', { result: body.result });
  return run(ctx, actor, id, 'reopen', { result: body.result }, async (trx, r) => ({
    dueOn: await dueOf(ctx, trx, r, body.dueOn),
  }));
}

/**
 * The moves of a file after the suspension, and the class records under it: a class (its row, a timeline entry and
 * an audit record; the state stays), the test (its score judged by the pass mark of the file's year, with the
 * `test` move in one transaction; refused before the class hours of the rule are attended), the decision to
 * reinstate (only after a passed test) or to remove, each with who decided and why.
 */
import {
  RETRAINING_CLASS_EVENT,
  type RetrainingAction,
  type RetrainingClassCreateT,
  type RetrainingDecisionT,
  type RetrainingDetailT,
  type RetrainingTestT,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { addTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import { act, asUser, authorOf, checkMove, move, requireMove } from '../../../platform/workflow.js';
import * as repo from './retraining.repository.js';
import { retrainingRules } from './retraining.rules.js';
import { fieldError, get, todayOf } from './retraining.service.js';
import { retrainingFlow } from './retraining.workflow.js';

/** Makes a plain move (capability 403 first, then the file in scope or 404); answers the file as it is now. */
async function run(ctx: Ctx, actor: Actor, id: number, action: RetrainingAction, input: Record<string, unknown>) {
  const who = asUser(actor);
  requireMove(who, retrainingFlow, action);
  const r = await repo.getFile(ctx.db, actor, id);
  await act(ctx, who, retrainingFlow, r, action, input);
  return get(ctx, actor, id);
}

/** The retraining classes start. */
export function start(ctx: Ctx, actor: Actor, id: number, note: string | null): Promise<RetrainingDetailT> {
  return run(ctx, actor, id, 'start', { note });
}

/** A failed (or doubtful) test sends the cadre back to the classes for another test. */
export function retest(ctx: Ctx, actor: Actor, id: number, note: string | null): Promise<RetrainingDetailT> {
  return run(ctx, actor, id, 'retest', { note });
}

/** Reinstates the cadre (复职) after a passed test. */
export function reinstate(ctx: Ctx, actor: Actor, id: number, d: RetrainingDecisionT): Promise<RetrainingDetailT> {
  return run(ctx, actor, id, 'reinstate', { ...d, decidedOn: todayOf(ctx) });
}

/** Removes the cadre (免职、劝退) at any open step. */
export function removeCadre(ctx: Ctx, actor: Actor, id: number, d: RetrainingDecisionT): Promise<RetrainingDetailT> {
  return run(ctx, actor, id, 'remove', { ...d, decidedOn: todayOf(ctx) });
}

/** Records one class of the retraining, attended or missed (recorded by the organizer, not by the cadre). */
export async function addClass(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: RetrainingClassCreateT,
): Promise<RetrainingDetailT> {
  requireCapability(actor, 'retraining.write');
  const r = await repo.getFile(ctx.db, actor, id);
  if (r.status !== 'training') throw new DomainError('retraining.wrong_state', undefined, 409);
  if (input.heldOn < r.suspended_on || input.heldOn > todayOf(ctx)) throw fieldError('retraining.date_range', 'heldOn');
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    const [classId] = await repo.insertClasses(trx, [
      {
        tenant_id: r.tenant_id,
        org_id: r.org_id,
        org_path: r.org_path,
        file_id: id,
        held_on: input.heldOn,
        topic: input.topic.trim(),
        hours_tenths: Math.round(input.hours * 10),
        present: input.present ? 1 : 0,
        note: input.note?.trim() || null,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await addTimeline(trx, authorOf(asUser(actor)), {
      tenantId: r.tenant_id,
      entityType: 'retraining',
      entityId: id,
      orgPath: r.org_path,
      action: RETRAINING_CLASS_EVENT.kind,
      note: `${input.heldOn} ${input.topic.trim()}（${input.hours} 课时，${input.present ? '出勤' : '缺勤'}）`,
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'retraining.class',
      entityType: 'retraining',
      entityId: id,
      changes: { class: { before: null, after: { id: classId, heldOn: input.heldOn, present: input.present } } },
    });
    await bumpVersion(trx, r.tenant_id, 'retraining');
  });
  return get(ctx, actor, id);
}

/** Records the test and the written assessment; the verdict by the pass mark of the file's year. */
export async function recordTest(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: RetrainingTestT,
): Promise<RetrainingDetailT> {
  const who = asUser(actor);
  requireMove(who, retrainingFlow, 'test');
  const r = await repo.getFile(ctx.db, actor, id);
  checkMove(who, retrainingFlow, r, 'test', null);
  if (input.testedOn < r.suspended_on || input.testedOn > todayOf(ctx))
    throw fieldError('retraining.date_range', 'testedOn');
  const rules = await retrainingRules(ctx.db, r.tenant_id, r.year);
  const hours = (await repo.classesOf(ctx.db, [id])).filter((c) => c.present).reduce((s, c) => s + c.hours_tenths, 0);
  if (hours < rules.minHours * 10) throw fieldError('retraining.hours_short', 'testedOn');
  const tenths = Math.round(input.score * 10);
  const passed = tenths >= rules.passScore * 10;
  await ctx.db.transaction().execute(async (trx) => {
    const set = {
      tested_on: input.testedOn,
      test_score_tenths: tenths,
      test_passed: passed ? 1 : 0,
      assessment: input.assessment.trim(),
    };
    const note = `${input.testedOn} 测试 ${tenths / 10} 分（合格分 ${rules.passScore}）：${passed ? '合格' : '不合格'}`;
    await move(ctx, trx, who, retrainingFlow, r, 'test', { set, note });
  });
  return get(ctx, actor, id);
}

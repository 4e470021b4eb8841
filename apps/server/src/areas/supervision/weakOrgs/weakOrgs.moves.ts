/**
 * The moves of a file after its flagging, and the two records that live under it: the monthly check-up (全面体检,
 * the state stays; a timeline entry and an audit record) and the acceptance (验收: its row and the `assess` move in
 * one transaction, the verdict judged by the rule of the acceptance's year — passing leaves the file for the county
 * to release, failing sends it back to rectification).
 */
import {
  CHECKUP_EVENT,
  CHECKUP_RATINGS,
  CHECKUP_TOPICS,
  chinaYear,
  type AcceptanceCreateT,
  type CheckupCreateT,
  judgeAcceptance,
  type WeakOrgAction,
  type WeakOrgDetailT,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { addTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import { act, asUser, authorOf, checkMove, move, requireMove } from '../../../platform/workflow.js';
import * as repo from './weakOrgs.repository.js';
import { weakOrgsRules } from './weakOrgs.rules.js';
import { fieldError, flowRow, get, todayOf } from './weakOrgs.service.js';
import { openProblems } from './weakOrgs.problems.js';
import { weakOrgFlow } from './weakOrgs.workflow.js';

/** Makes a plain move (capability 403 first, then the file in scope or 404); answers the file as it is now. */
async function run(ctx: Ctx, actor: Actor, id: number, action: WeakOrgAction, input: Record<string, unknown>) {
  const who = asUser(actor);
  requireMove(who, weakOrgFlow, action);
  const r = await flowRow(ctx, actor, id);
  await act(ctx, who, weakOrgFlow, r, action, input);
  return get(ctx, actor, id);
}

/** The plan made, the rectification starts. */
export function start(ctx: Ctx, actor: Actor, id: number, note: string | null): Promise<WeakOrgDetailT> {
  return run(ctx, actor, id, 'start', { note });
}

/** The township (or county) asks for acceptance. */
export function submit(ctx: Ctx, actor: Actor, id: number, note: string | null): Promise<WeakOrgDetailT> {
  return run(ctx, actor, id, 'submit', { note });
}

/** The county extends the rectification, with its reason. */
export function extend(ctx: Ctx, actor: Actor, id: number, reason: string): Promise<WeakOrgDetailT> {
  return run(ctx, actor, id, 'extend', { reason });
}

/** The county releases the file (销号) after a passing acceptance. */
export function release(ctx: Ctx, actor: Actor, id: number, note: string | null): Promise<WeakOrgDetailT> {
  return run(ctx, actor, id, 'release', { note, releasedOn: todayOf(ctx) });
}

const ratingWords = (items: CheckupCreateT['items']) =>
  items.map((i) => `${CHECKUP_TOPICS[i.topic].zh}${CHECKUP_RATINGS[i.rating].zh}`).join('，');

/** Records a month's check-up over the four topics; a finding may open a problem (问题整改) linked to the file. */
export async function addCheckup(ctx: Ctx, actor: Actor, id: number, input: CheckupCreateT): Promise<WeakOrgDetailT> {
  requireCapability(actor, 'weakOrgs.write');
  const r = await repo.getFile(ctx.db, actor, id);
  if (r.status === 'released') throw new DomainError('weakOrgs.file_closed', undefined, 409);
  const topics = new Set(input.items.map((i) => i.topic));
  if (topics.size !== Object.keys(CHECKUP_TOPICS).length) throw fieldError('weakOrgs.checkup_topics', 'items');
  if (input.month < r.flagged_on.slice(0, 7) || input.month > todayOf(ctx).slice(0, 7))
    throw fieldError('weakOrgs.checkup_month', 'month');
  await ctx.db.transaction().execute(async (trx) => {
    if (await repo.checkupTaken(trx, id, input.month)) throw fieldError('weakOrgs.checkup_taken', 'month', 409);
    const problemIds = await openProblems(ctx, trx, actor, r, input);
    const items = input.items.map((i, n) => ({
      topic: i.topic,
      rating: i.rating,
      findings: i.findings?.trim() || null,
      problemId: problemIds[n] ?? null,
    }));
    const now = ctx.clock().toISOString();
    const [checkupId] = await repo.insertCheckups(trx, [
      {
        tenant_id: r.tenant_id,
        org_id: r.org_id,
        org_path: r.org_path,
        weak_org_id: id,
        month: input.month,
        checked_by: input.checkedBy.trim(),
        items: JSON.stringify(items),
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await addTimeline(trx, authorOf(asUser(actor)), {
      tenantId: r.tenant_id,
      entityType: 'weak_org',
      entityId: id,
      orgPath: r.org_path,
      action: CHECKUP_EVENT.kind,
      note: `${input.month}（${input.checkedBy.trim()}）：${ratingWords(input.items)}`,
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'weak_org.checkup',
      entityType: 'weak_org',
      entityId: id,
      changes: { checkup: { before: null, after: { id: checkupId, month: input.month } } },
    });
    await bumpVersion(trx, r.tenant_id, 'weakOrgs');
  });
  return get(ctx, actor, id);
}

/** Records the inspection group's acceptance and moves the file by its verdict. */
export async function addAcceptance(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: AcceptanceCreateT,
): Promise<WeakOrgDetailT> {
  const who = asUser(actor);
  requireMove(who, weakOrgFlow, 'assess');
  const r = await flowRow(ctx, actor, id);
  checkMove(who, weakOrgFlow, r, 'assess', null);
  if (input.acceptedOn < r.flagged_on || input.acceptedOn > todayOf(ctx))
    throw fieldError('weakOrgs.acceptance_date', 'acceptedOn');
  if (input.panelDissatisfied > input.panelSize)
    throw fieldError('weakOrgs.dissatisfied_over_panel', 'panelDissatisfied');
  const asked = input.residentsAsked ?? null;
  const residentsNo = input.residentsDissatisfied ?? null;
  if (residentsNo != null && residentsNo > (asked ?? 0))
    throw fieldError('weakOrgs.dissatisfied_over_panel', 'residentsDissatisfied');
  const tenths = Math.round(input.score * 10);
  const rules = await weakOrgsRules(ctx.db, r.tenant_id, chinaYear(input.acceptedOn));
  const verdict = judgeAcceptance(rules, { ...input, score: tenths / 10 });
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    await repo.insertAcceptances(trx, [
      {
        tenant_id: r.tenant_id,
        org_id: r.org_id,
        org_path: r.org_path,
        weak_org_id: id,
        accepted_on: input.acceptedOn,
        panel_size: input.panelSize,
        panel_dissatisfied: input.panelDissatisfied,
        residents_asked: asked,
        residents_dissatisfied: residentsNo,
        score_tenths: tenths,
        passed: verdict.passed ? 1 : 0,
        failures: JSON.stringify(verdict.failures),
        note: input.note?.trim() || null,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    const words = `${input.acceptedOn} 得分 ${tenths / 10}，${input.panelDissatisfied}/${input.panelSize} 人不满意：${
      verdict.passed ? '通过' : '未通过'
    }`;
    await move(ctx, trx, who, weakOrgFlow, r, 'assess', { passed: verdict.passed, note: words });
  });
  return get(ctx, actor, id);
}

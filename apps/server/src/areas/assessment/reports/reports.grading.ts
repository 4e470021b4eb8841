/**
 * The grading of the secretaries' annual reports: the committee's grade with the residents' paper ballots, the panel
 * members' grades on their sheet, the combined result under the year's rule, and the follow-up talk of a secretary
 * graded 差.
 *
 * Residents without accounts: their grades come from paper ballots (群众代表评议票) that the committee counts
 * and enters per report — a tokened link would put a secret in a village's chat groups and be forwarded; the
 * paper ballot is how village meetings vote, and the count is audited with who entered it.
 */
import {
  combineGrades,
  type GradeCounts,
  REPORT_GRADES,
  type ReportDetailT,
  type ReportFollowupT,
  type ReportGrade,
  type ReportGradeBodyT,
  type RoundSheetT,
} from '@dangjian/contracts';
import { type Actor, inScope, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAudit } from '../../../platform/data/audit.js';
import { addTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { act, asUser, authorOf, requireMove } from '../../../platform/workflow.js';
import { openProblem } from '../../supervision/problems/problems.service.js';
import * as panelRepo from './reports.panel.repository.js';
import * as repo from './reports.repository.js';
import { presentRounds } from './reports.rounds.js';
import { reportsRules } from './reports.rules.js';
import { countsOf, fieldError, flowRow, get, presentReports, residentsOf, todayOf, total } from './reports.service.js';
import { reportFlow } from './reports.workflow.js';

/**
 * A panel member's grading sheet: the submitted (and graded) reports of a round it sits on, with its own grades.
 * The sheet reaches the reports of that round only, wherever they lie under the organizer (WIDENING by the seat).
 */
export async function sheet(ctx: Ctx, actor: Actor, roundId: number): Promise<RoundSheetT> {
  requireCapability(actor, 'reports.panel');
  const round = await repo.getRound(ctx.db, actor, roundId);
  const seat = await panelRepo.panelSeat(ctx.db, roundId, actor.memberId);
  if (!seat) throw new DomainError('reports.not_panelist', undefined, 403);
  const rows = (await repo.reportsOfRound(ctx.db, roundId)).filter((r) => r.status !== 'draft');
  const items = await presentReports(ctx, round.tenant_id, rows);
  const grades = await panelRepo.gradesOfPanelist(ctx.db, seat.id);
  const [r] = await presentRounds(ctx, actor, [round]);
  return {
    round: r!,
    items: items.map((it, i) => ({
      ...it,
      content: rows[i]!.content ?? '',
      myGrade: (grades.get(it.id) as ReportGrade | undefined) ?? null,
    })),
  };
}

/** The committee enters its grade and the residents' paper ballots (the report stays in grading). */
export async function committeeGrade(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: ReportGradeBodyT,
): Promise<ReportDetailT> {
  requireCapability(actor, 'reports.grade');
  const r = await flowRow(ctx, actor, id);
  if (!inScope(actor, r.tenant_id, r.round_org_path)) throw new DomainError('reports.not_organizer', undefined, 403);
  if (r.status !== 'submitted') throw new DomainError('reports.not_grading', undefined, 409);
  const set = {
    committee_grade: input.committeeGrade,
    committee_note: input.committeeNote?.trim() || null,
    residents_good: input.residentsGood ?? r.residents_good,
    residents_fair_good: input.residentsFairGood ?? r.residents_fair_good,
    residents_average: input.residentsAverage ?? r.residents_average,
    residents_poor: input.residentsPoor ?? r.residents_poor,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateReport(trx, id, { ...set, updated_at: ctx.clock().toISOString() });
    await writeAudit(ctx, trx, actor, {
      action: 'report.committee_grade',
      entityType: 'report',
      entityId: id,
      changes: {
        committeeGrade: { before: r.committee_grade, after: input.committeeGrade },
        residents: {
          before: residentsOf(r),
          after: {
            good: set.residents_good,
            fair_good: set.residents_fair_good,
            average: set.residents_average,
            poor: set.residents_poor,
          },
        },
      },
    });
    await bumpVersion(trx, r.tenant_id, 'reports');
  });
  return get(ctx, actor, id);
}

/** A panel member grades a report of its round (again while the report is in grading: the last grade counts). */
export async function panelGrade(ctx: Ctx, actor: Actor, id: number, grade: ReportGrade): Promise<RoundSheetT> {
  requireCapability(actor, 'reports.panel');
  const r = await repo.reportById(ctx.db, actor.tenantId!, id);
  const seat = r ? await panelRepo.panelSeat(ctx.db, r.round_id, actor.memberId) : undefined;
  if (!r) throw notFound();
  if (!seat) {
    // A report in the caller's scope is not hidden from it, but it is not on the panel.
    if (inScope(actor, r.tenant_id, r.org_path)) throw new DomainError('reports.not_panelist', undefined, 403);
    throw notFound();
  }
  if (r.status !== 'submitted') throw new DomainError('reports.not_grading', undefined, 409);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    const before = await panelRepo.gradeOf(trx, id, seat.id);
    if (before) await panelRepo.updateGrade(trx, before.id, grade, now);
    else
      await panelRepo.insertGrades(trx, [
        {
          tenant_id: r.tenant_id,
          org_id: r.org_id,
          org_path: r.org_path,
          report_id: id,
          panelist_id: seat.id,
          grade,
          created_by: actor.userId || null,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        },
      ]);
    await writeAudit(ctx, trx, actor, {
      action: 'report.panel_grade',
      entityType: 'report',
      entityId: id,
      changes: { grade: { before: before?.grade ?? null, after: grade } },
    });
    await bumpVersion(trx, r.tenant_id, 'reports');
  });
  return sheet(ctx, actor, r.round_id);
}

/** The result of a report under the rule of its year: its score and final grade, or null without any grade. */
export async function resultOf(ctx: Ctx, r: repo.ReportRow, members: GradeCounts) {
  const rules = await reportsRules(ctx.db, r.tenant_id, r.year);
  return combineGrades(rules, {
    committee: (r.committee_grade as ReportGrade | null) ?? null,
    members,
    residents: residentsOf(r),
  });
}

/** The committee closes the grading: the three parts combine into the score and the final grade. */
export async function grade(ctx: Ctx, actor: Actor, id: number): Promise<ReportDetailT> {
  const who = asUser(actor);
  requireMove(who, reportFlow, 'grade');
  const r = await flowRow(ctx, actor, id);
  const members = countsOf((await panelRepo.panelCounts(ctx.db, [id])).get(id));
  const result = await resultOf(ctx, r, members);
  const words = result
    ? `综合得分 ${result.score}，评定为“${REPORT_GRADES[result.grade].zh}”` +
      `（党员代表 ${total(members)} 票，群众 ${total(residentsOf(r))} 票）`
    : '';
  await act(ctx, who, reportFlow, r, 'grade', {
    today: todayOf(ctx),
    score: result?.score ?? 0,
    grade: result?.grade ?? null,
    words,
  });
  return get(ctx, actor, id);
}

/** The follow-up of a secretary graded 差: the talk, and a problem to rectify when asked (source `other`). */
export async function followup(ctx: Ctx, actor: Actor, id: number, input: ReportFollowupT): Promise<ReportDetailT> {
  requireCapability(actor, 'reports.grade');
  const r = await flowRow(ctx, actor, id);
  if (!inScope(actor, r.tenant_id, r.round_org_path)) throw new DomainError('reports.not_organizer', undefined, 403);
  if (r.final_grade !== 'poor') throw new DomainError('reports.not_poor', undefined, 409);
  if (input.talkedOn > todayOf(ctx)) throw fieldError('validation', 'talkedOn');
  let problemId = r.problem_id;
  if (input.openProblem && !problemId)
    problemId = (
      await openProblem(ctx, actor, {
        orgId: r.org_id,
        source: 'other',
        sourceRef: `report:${id}`,
        category: 'organization',
        title: `${r.year}年度书记述职评议为“差”：${r.org_name}`,
        description: input.note.trim(),
      })
    ).id;
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    await repo.updateReport(trx, id, {
      followup_on: input.talkedOn,
      followup_note: input.note.trim(),
      problem_id: problemId,
      updated_at: now,
    });
    await addTimeline(trx, authorOf(asUser(actor)), {
      tenantId: r.tenant_id,
      entityType: 'report',
      entityId: id,
      orgPath: r.org_path,
      action: 'followup',
      note: `${input.talkedOn} 约谈：${input.note.trim()}`,
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'report.followup',
      entityType: 'report',
      entityId: id,
      changes: {
        followupOn: { before: r.followup_on, after: input.talkedOn },
        problemId: { before: r.problem_id, after: problemId },
      },
    });
    await bumpVersion(trx, r.tenant_id, 'reports');
  });
  return get(ctx, actor, id);
}

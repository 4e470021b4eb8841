/**
 * Secretaries' annual reports (书记述职评议): rounds (opened by the higher committee with a panel; a report row
 * for each organization that reports, so "due" is counted from records), the secretary's draft and submission,
 * the committee's grade with the residents' paper ballots, the panel members' grades on their sheet, and the
 * follow-up talk of a secretary graded 差. The moves go through `act()` (`reports.workflow.ts`).
 *
 * Residents without accounts: their grades come from paper ballots (群众代表评议票) that the committee counts
 * and enters per report — a tokened link would put a secret in a village's chat groups and be forwarded; the
 * paper ballot is how village meetings vote, and the count is audited with who entered it.
 */
import {
  can as roleCan,
  chinaToday,
  combineGrades,
  type ErrorCode,
  type GradeCounts,
  REPORT_GRADES,
  REPORT_GRADE_KEYS,
  type ReportDetailT,
  type ReportFollowupT,
  type ReportGrade,
  type ReportGradeBodyT,
  type ReportItemT,
  type ReportListQueryT,
  type ReportUpdateT,
  type RoundCreateT,
  type RoundDetailT,
  type RoundItemT,
  type RoundListQueryT,
  type RoundSheetT,
} from '@dangjian/contracts';
import { type Actor, inScope, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAudit } from '../../../platform/data/audit.js';
import { addTimeline, listTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { act, allowedActions, asUser, authorOf, requireMove } from '../../../platform/workflow.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { openProblem } from '../../supervision/problems/problems.service.js';
import * as repo from './reports.repository.js';
import { reportsRules } from './reports.rules.js';
import { type FlowRow, reportFlow } from './reports.workflow.js';

/** Today in China by the context's clock. */
export const todayOf = (ctx: Ctx) => chinaToday(ctx.clock());

/** A refusal placed on one field of the form. */
export function fieldError(code: ErrorCode, field: string, status?: number): DomainError {
  return new DomainError(code, { fields: [{ field, code }] }, status);
}

const townshipIdOf = (path: string): number | null => {
  const ids = path.split('/').filter(Boolean);
  return ids.length >= 2 ? Number(ids[1]) : null;
};

const emptyCounts = (): GradeCounts => ({ good: 0, fair_good: 0, average: 0, poor: 0 });
const countsOf = (c: Record<string, number> | undefined): GradeCounts => ({ ...emptyCounts(), ...(c ?? {}) });
const residentsOf = (r: repo.ReportRow): GradeCounts => ({
  good: r.residents_good,
  fair_good: r.residents_fair_good,
  average: r.residents_average,
  poor: r.residents_poor,
});
const total = (c: GradeCounts) => REPORT_GRADE_KEYS.reduce((n, g) => n + c[g], 0);

// ---------------------------------------------------------------------------------------------- rounds

async function presentRounds(ctx: Ctx, actor: Actor, rows: repo.RoundRow[]): Promise<RoundItemT[]> {
  const counts = await repo.roundCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  const seats = await repo.roundsOfPanelist(ctx.db, actor.memberId);
  return rows.map((r) => {
    const c = counts.get(r.id) ?? { due: 0, submitted: 0, graded: 0 };
    return {
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      year: r.year,
      title: r.title,
      deadline: r.deadline,
      status: r.status as RoundItemT['status'],
      reportsDue: c.due,
      submitted: c.submitted,
      graded: c.graded,
      organizer: roleCan(actor.role, 'reports.grade') && inScope(actor, r.tenant_id, r.org_path),
      panelist: seats.has(r.id),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      deletedAt: r.deleted_at,
    };
  });
}

/** Rounds the caller sees: its subtree's and those of the committees above it. */
export async function listRounds(ctx: Ctx, actor: Actor, q: RoundListQueryT): Promise<Listed<RoundItemT>> {
  requireCapability(actor, 'reports.panel');
  const { rows, total: n } = await repo.listRounds(ctx.db, actor, q, pagingOf(q));
  return { items: await presentRounds(ctx, actor, rows), total: n };
}

/** One round with its panel. */
export async function getRound(ctx: Ctx, actor: Actor, id: number): Promise<RoundDetailT> {
  requireCapability(actor, 'reports.panel');
  const r = await repo.getRound(ctx.db, actor, id);
  const [item] = await presentRounds(ctx, actor, [r]);
  const panel = await repo.panelOf(ctx.db, id);
  return {
    ...item!,
    notes: r.notes,
    panel: panel.map((p) => ({
      id: p.id,
      memberId: p.member_id,
      name: p.name,
      orgName: p.org_name,
      hasAccount: Boolean(p.has_account),
    })),
  };
}

/** The county (for township secretaries) or a township (for its villages') opens a round with its panel. */
export async function createRound(ctx: Ctx, actor: Actor, input: RoundCreateT): Promise<RoundDetailT> {
  requireCapability(actor, 'reports.grade');
  const org = await orgsRepo.getOrg(ctx.db, actor, input.orgId ?? actor.orgId!);
  if (org.type !== 'committee' || org.depth > 1) throw fieldError('reports.not_committee', 'orgId');
  const orgs = await repo.reportingOrgs(ctx.db, org.tenant_id, org);
  if (!orgs.length) throw fieldError('reports.no_secretaries', 'orgId');
  const panelIds = input.panelMemberIds ?? [];
  const panel = await repo.membersIn(ctx.db, org.tenant_id, org.org_path, panelIds);
  if (panel.length !== panelIds.length) throw fieldError('reports.panel_outside', 'panelMemberIds');
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await repo.roundTaken(trx, org.id, input.year)) throw fieldError('reports.round_taken', 'year', 409);
    const now = ctx.clock().toISOString();
    const [id] = await repo.insertRounds(trx, [
      {
        tenant_id: org.tenant_id,
        org_id: org.id,
        org_path: org.org_path,
        year: input.year,
        title: input.title.trim(),
        deadline: input.deadline,
        status: 'open',
        notes: input.notes?.trim() || null,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await repo.insertPanelists(
      trx,
      panel.map((m) => ({
        tenant_id: org.tenant_id,
        org_id: org.id,
        org_path: org.org_path,
        round_id: id!,
        member_id: m.id,
        name: m.name,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })),
    );
    await repo.insertReports(
      trx,
      orgs.map((o) => newReport(o, id!, input.year, org.tenant_id, now)),
    );
    await writeAudit(ctx, trx, actor, {
      action: 'report_round.create',
      entityType: 'report_round',
      entityId: id!,
      changes: {
        year: { before: null, after: input.year },
        reportsDue: { before: null, after: orgs.length },
        panel: { before: null, after: panel.map((m) => m.name) },
      },
    });
    await bumpVersion(trx, org.tenant_id, 'reports');
    return id!;
  });
  return getRound(ctx, actor, id);
}

/** The secretary's name of an organization: its recorded secretary, else the committee's 书记. */
export function secretaryName(o: { secretary_name?: string | null; committee: string }): string | null {
  if (o.secretary_name) return o.secretary_name;
  try {
    const c = JSON.parse(o.committee) as { name: string; position: string }[];
    return c.find((x) => x.position === '书记')?.name ?? null;
  } catch {
    return null;
  }
}

/** A report row to insert, the residents' counts included. */
export type NewReport = repo.ReportInsert & {
  residents_good: number;
  residents_fair_good: number;
  residents_average: number;
  residents_poor: number;
};

/** A new draft report of an organization in a round. */
export function newReport(
  o: {
    id: number;
    org_path: string;
    secretary_member_id: number | null;
    secretary_name: string | null;
    committee: string;
  },
  roundId: number,
  year: number,
  tenantId: number,
  now: string,
): NewReport {
  return {
    tenant_id: tenantId,
    org_id: o.id,
    org_path: o.org_path,
    round_id: roundId,
    year,
    status: 'draft',
    secretary_member_id: o.secretary_member_id,
    secretary_name: secretaryName(o),
    content: null,
    attachments: null,
    submitted_on: null,
    committee_grade: null,
    committee_note: null,
    final_grade: null,
    graded_on: null,
    published_on: null,
    residents_good: 0,
    residents_fair_good: 0,
    residents_average: 0,
    residents_poor: 0,
    score_tenths: null,
    problem_id: null,
    followup_on: null,
    followup_note: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
}

/** The organizer closes a round: no further drafts are taken (graded reports stay as they are). */
export async function closeRound(ctx: Ctx, actor: Actor, id: number): Promise<RoundDetailT> {
  requireCapability(actor, 'reports.grade');
  const r = await repo.getRound(ctx.db, actor, id);
  if (!inScope(actor, r.tenant_id, r.org_path)) throw new DomainError('reports.not_organizer', undefined, 403);
  if (r.status !== 'open') throw new DomainError('reports.round_closed', undefined, 409);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    await repo.setRoundStatus(trx, id, 'closed', now);
    await writeAudit(ctx, trx, actor, {
      action: 'report_round.close',
      entityType: 'report_round',
      entityId: id,
      changes: { status: { before: 'open', after: 'closed' } },
    });
    await bumpVersion(trx, r.tenant_id, 'reports');
  });
  return getRound(ctx, actor, id);
}

// --------------------------------------------------------------------------------------------- reports

async function presentReports(ctx: Ctx, tenantId: number, rows: repo.ReportRow[]): Promise<ReportItemT[]> {
  const panel = await repo.panelCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  const towns = await repo.orgNames(
    ctx.db,
    tenantId,
    rows.map((r) => townshipIdOf(r.org_path)).filter((x): x is number => x != null),
  );
  return rows.map((r) => {
    const t = townshipIdOf(r.org_path);
    return {
      id: r.id,
      roundId: r.round_id,
      roundTitle: r.round_title,
      orgId: r.org_id,
      orgName: r.org_name,
      townshipName: t == null ? null : (towns.get(t) ?? null),
      year: r.year,
      secretaryName: r.secretary_name,
      status: r.status as ReportItemT['status'],
      submittedOn: r.submitted_on,
      committeeGrade: (r.committee_grade as ReportGrade | null) ?? null,
      panelGraded: total(countsOf(panel.get(r.id))),
      score: r.score_tenths == null ? null : r.score_tenths / 10,
      finalGrade: (r.final_grade as ReportGrade | null) ?? null,
      followupOn: r.followup_on,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      deletedAt: r.deleted_at,
    };
  });
}

/** Reports of the caller's subtree (or its own organization's, `mine`). */
export async function list(ctx: Ctx, actor: Actor, q: ReportListQueryT): Promise<Listed<ReportItemT>> {
  requireCapability(actor, 'reports.read');
  const f: repo.ReportFilter = {
    underPath: await orgsRepo.underOrg(ctx.db, actor, q.org),
    roundId: q.round,
    orgId: q.mine ? actor.orgId! : undefined,
    year: q.year,
    status: q.status,
    grade: q.grade,
  };
  const { rows, total: n } = await repo.listReports(ctx.db, actor, f, pagingOf(q));
  return { items: await presentReports(ctx, actor.tenantId!, rows), total: n };
}

/** A report's row for the flow, in the caller's scope. */
async function flowRow(ctx: Ctx, actor: Actor, id: number): Promise<FlowRow> {
  const r = await repo.getReport(ctx.db, actor, id);
  const round = await ctx.db
    .selectFrom('report_rounds')
    .select('org_path')
    .where('id', '=', r.round_id)
    .executeTakeFirstOrThrow();
  return { ...r, round_org_path: round.org_path };
}

/** A report of the caller's subtree with its grading, timeline and the moves the caller may make. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<ReportDetailT> {
  requireCapability(actor, 'reports.read');
  return detailOf(ctx, actor, await flowRow(ctx, actor, id));
}

async function detailOf(ctx: Ctx, actor: Actor, row: FlowRow): Promise<ReportDetailT> {
  const id = row.id;
  const seat = await repo.panelSeat(ctx.db, row.round_id, actor.memberId);
  const [item] = await presentReports(ctx, row.tenant_id, [row]);
  const panel = await repo.panelCounts(ctx.db, [id]);
  const mine = seat ? await repo.gradeOf(ctx.db, id, seat.id) : undefined;
  const inScopeNow = inScope(actor, row.tenant_id, row.org_path);
  const organizer = roleCan(actor.role, 'reports.grade') && inScope(actor, row.tenant_id, row.round_org_path);
  return {
    ...item!,
    content: row.content ?? '',
    attachments: row.attachments ? JSON.parse(row.attachments) : [],
    committeeNote: row.committee_note,
    members: countsOf(panel.get(id)),
    residents: residentsOf(row),
    followupNote: row.followup_note,
    problemId: row.problem_id,
    myGrade: (mine?.grade as ReportGrade | undefined) ?? null,
    events: await listTimeline(ctx.db, 'report', id),
    actions: inScopeNow ? allowedActions(asUser(actor), reportFlow, row) : [],
    canWrite: row.status === 'draft' && roleCan(actor.role, 'reports.write') && actor.orgId === row.org_id,
    canGrade: row.status === 'submitted' && organizer,
    canPanelGrade: row.status === 'submitted' && seat != null,
  };
}

/**
 * A panel member's grading sheet: the submitted (and graded) reports of a round it sits on, with its own grades.
 * The sheet reaches the reports of that round only, wherever they lie under the organizer (WIDENING by the seat).
 */
export async function sheet(ctx: Ctx, actor: Actor, roundId: number): Promise<RoundSheetT> {
  requireCapability(actor, 'reports.panel');
  const round = await repo.getRound(ctx.db, actor, roundId);
  const seat = await repo.panelSeat(ctx.db, roundId, actor.memberId);
  if (!seat) throw new DomainError('reports.not_panelist', undefined, 403);
  const rows = (await repo.reportsOfRound(ctx.db, roundId)).filter((r) => r.status !== 'draft');
  const items = await presentReports(ctx, round.tenant_id, rows);
  const grades = await repo.gradesOfPanelist(ctx.db, seat.id);
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

/** The secretary keeps a draft of its own report. */
export async function update(ctx: Ctx, actor: Actor, id: number, input: ReportUpdateT): Promise<ReportDetailT> {
  requireCapability(actor, 'reports.write');
  const r = await flowRow(ctx, actor, id);
  if (actor.orgId !== r.org_id) throw new DomainError('reports.not_own', undefined, 403);
  if (r.status !== 'draft') throw new DomainError('reports.not_draft', undefined, 409);
  const set: Record<string, unknown> = {};
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  if (input.content !== undefined && input.content !== (r.content ?? '')) {
    set.content = input.content;
    changes.content = { before: (r.content ?? '').length, after: input.content.length };
  }
  if (input.attachments !== undefined) {
    set.attachments = JSON.stringify(input.attachments);
    changes.attachments = {
      before: r.attachments ? JSON.parse(r.attachments).length : 0,
      after: input.attachments.length,
    };
  }
  if (!Object.keys(set).length) return get(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateReport(trx, id, { ...set, updated_at: ctx.clock().toISOString() });
    await writeAudit(ctx, trx, actor, { action: 'report.update', entityType: 'report', entityId: id, changes });
    await bumpVersion(trx, r.tenant_id, 'reports');
  });
  return get(ctx, actor, id);
}

async function run(ctx: Ctx, actor: Actor, id: number, action: 'submit' | 'return' | 'publish', input: object) {
  const who = asUser(actor);
  requireMove(who, reportFlow, action);
  const r = await flowRow(ctx, actor, id);
  await act(ctx, who, reportFlow, r, action, { today: todayOf(ctx), ...input });
  return get(ctx, actor, id);
}

/** The secretary submits its report. */
export const submit = (ctx: Ctx, actor: Actor, id: number) => run(ctx, actor, id, 'submit', {});
/** The committee returns a report for changes, with its reason. */
export const returnReport = (ctx: Ctx, actor: Actor, id: number, note: string | null) =>
  run(ctx, actor, id, 'return', { note: note ?? '' });
/** The committee publishes a graded report's result. */
export const publish = (ctx: Ctx, actor: Actor, id: number) => run(ctx, actor, id, 'publish', {});

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
  const seat = r ? await repo.panelSeat(ctx.db, r.round_id, actor.memberId) : undefined;
  if (!r) throw notFound();
  if (!seat) {
    // A report in the caller's scope is not hidden from it, but it is not on the panel.
    if (inScope(actor, r.tenant_id, r.org_path)) throw new DomainError('reports.not_panelist', undefined, 403);
    throw notFound();
  }
  if (r.status !== 'submitted') throw new DomainError('reports.not_grading', undefined, 409);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    const before = await repo.gradeOf(trx, id, seat.id);
    if (before) await repo.updateGrade(trx, before.id, grade, now);
    else
      await repo.insertGrades(trx, [
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
  const members = countsOf((await repo.panelCounts(ctx.db, [id])).get(id));
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

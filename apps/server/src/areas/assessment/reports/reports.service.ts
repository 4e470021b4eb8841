/**
 * Secretaries' annual reports (书记述职评议): rounds (opened by the higher committee with a panel; a report row
 * for each organization that reports, so "due" is counted from records), the secretary's draft and submission,
 * the committee's grade with the residents' paper ballots, the panel members' grades on their sheet, and the
 * follow-up talk of a secretary graded 差. The moves go through `act()` (`reports.workflow.ts`). This file holds the
 * shared helpers and the report itself (list, detail, draft, submit, return, publish); the rounds and their panels
 * are in `reports.rounds.ts`, the grading and the follow-up in `reports.grading.ts`.
 */
import {
  can as roleCan,
  chinaToday,
  type ErrorCode,
  type GradeCounts,
  REPORT_GRADE_KEYS,
  type ReportDetailT,
  type ReportGrade,
  type ReportItemT,
  type ReportListQueryT,
  type ReportUpdateT,
} from '@dangjian/contracts';
import { type Actor, inScope, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAudit } from '../../../platform/data/audit.js';
import { listTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { act, allowedActions, asUser, requireMove } from '../../../platform/workflow.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as panelRepo from './reports.panel.repository.js';
import * as repo from './reports.repository.js';
import { type FlowRow, reportFlow } from './reports.workflow.js';

/** Today in China by the context's clock. */
export const todayOf = (ctx: Ctx) => chinaToday(ctx.clock());

/** A refusal placed on one field of the form. */
export function fieldError(code: ErrorCode, field: string, status?: number): DomainError {
  return new DomainError(code, { fields: [{ field, code }] }, status);
}

/** The township of an organization's path (its second id), null above it. */
export const townshipIdOf = (path: string): number | null => {
  const ids = path.split('/').filter(Boolean);
  return ids.length >= 2 ? Number(ids[1]) : null;
};

const emptyCounts = (): GradeCounts => ({ good: 0, fair_good: 0, average: 0, poor: 0 });
/** Grade counts with every grade present. */
export const countsOf = (c: Record<string, number> | undefined): GradeCounts => ({ ...emptyCounts(), ...(c ?? {}) });
/** The residents' paper-ballot counts of a report. */
export const residentsOf = (r: repo.ReportRow): GradeCounts => ({
  good: r.residents_good,
  fair_good: r.residents_fair_good,
  average: r.residents_average,
  poor: r.residents_poor,
});
/** The number of grades in a count. */
export const total = (c: GradeCounts) => REPORT_GRADE_KEYS.reduce((n, g) => n + c[g], 0);

/** Reports as the API lists them, with their township and the number of panel grades. */
export async function presentReports(ctx: Ctx, tenantId: number, rows: repo.ReportRow[]): Promise<ReportItemT[]> {
  const panel = await panelRepo.panelCounts(
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
export async function flowRow(ctx: Ctx, actor: Actor, id: number): Promise<FlowRow> {
  const r = await repo.getReport(ctx.db, actor, id);
  return { ...r, round_org_path: await repo.roundOrgPath(ctx.db, r.round_id) };
}

/** A report of the caller's subtree with its grading, timeline and the moves the caller may make. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<ReportDetailT> {
  requireCapability(actor, 'reports.read');
  return detailOf(ctx, actor, await flowRow(ctx, actor, id));
}

async function detailOf(ctx: Ctx, actor: Actor, row: FlowRow): Promise<ReportDetailT> {
  const id = row.id;
  const seat = await panelRepo.panelSeat(ctx.db, row.round_id, actor.memberId);
  const [item] = await presentReports(ctx, row.tenant_id, [row]);
  const panel = await panelRepo.panelCounts(ctx.db, [id]);
  const mine = seat ? await panelRepo.gradeOf(ctx.db, id, seat.id) : undefined;
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

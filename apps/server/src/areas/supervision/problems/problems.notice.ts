/**
 * The notice (交办单) of an assigned problem as the web prints it on an A4 page: its number, the issuing
 * organization, the organization responsible, the problem, the due date, the person responsible, the
 * instructions and the measures recorded so far.
 */
import { label, PROBLEM_SOURCES, type ProblemNoticeT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { categoryNames, fieldError } from './problems.categories.js';
import * as repo from './problems.repository.js';
import * as reports from './problems.reports.repository.js';

/** The printable notice of a problem of the caller's scope (409 `problems.not_assigned` before its notice). */
export async function notice(ctx: Ctx, actor: Actor, id: number): Promise<ProblemNoticeT> {
  requireCapability(actor, 'problems.read');
  const r = await repo.getProblem(ctx.db, actor, id);
  if (!r.notice_no || !r.assigned_on) throw fieldError('problems.not_assigned', 'noticeNo', 409);
  const issuer =
    (r.assigned_by ? await reports.orgNameOfUser(ctx.db, r.assigned_by) : null) ??
    (await reports.committeeAbove(ctx.db, r.tenant_id, r.org_path)) ??
    r.org_name;
  const names = await categoryNames(ctx.db, r.tenant_id);
  const measures = await repo.measuresOf(ctx.db, [id]);
  return {
    id: r.id,
    noticeNo: r.notice_no,
    issuerName: issuer,
    orgName: r.org_name,
    title: r.title,
    description: r.description,
    categoryName: names.get(r.category) ?? r.category,
    sourceName: label(PROBLEM_SOURCES, r.source),
    foundOn: r.found_on,
    assignedOn: r.assigned_on,
    dueOn: r.due_on,
    responsibleName: r.responsible_name ?? '',
    instructions: r.notice_note,
    measures: measures.map((m) => ({ content: m.content, ownerName: m.owner_name, dueOn: m.due_on })),
  };
}

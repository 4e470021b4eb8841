/**
 * The problems in Excel: the list as filtered, and the three lists (三个清单) of a subtree and period in one
 * workbook — 问题清单 (the problems), 措施清单 (their measures), 责任清单 (who answers for what).
 */
import {
  label,
  PROBLEM_SOURCES,
  PROBLEM_STATUSES,
  type ProblemItemT,
  type ProblemListQueryT,
  type ProblemListsQueryT,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { writeAuditAlone } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { xlsxBuffer } from '../../../platform/excel.js';
import { addSheet, newBook } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { categoryNames } from './problems.categories.js';
import * as repo from './problems.repository.js';
import { present, todayOf, toFilter } from './problems.service.js';

/** Rows one export may hold. */
export const PROBLEM_EXPORT_MAX = 50_000;

type Locale = 'zh-CN' | 'en';

/** The columns of a problem row (the export and the 问题清单). */
function problemColumns(en: boolean) {
  const h = (zh: string, e: string) => (en ? e : zh);
  return [
    [h('序号', 'No.'), 'no', 6],
    [h('责任组织', 'Organization'), 'org', 24],
    [h('问题类别', 'Category'), 'category', 12],
    [h('问题', 'Problem'), 'title', 36],
    [h('具体表现', 'Description'), 'description', 40],
    [h('来源', 'Source'), 'source', 12],
    [h('发现日期', 'Found on'), 'foundOn', 12],
    [h('交办单号', 'Notice'), 'noticeNo', 16],
    [h('整改期限', 'Due'), 'dueOn', 12],
    [h('整改责任人', 'Responsible'), 'responsible', 12],
    [h('状态', 'Status'), 'status', 18],
    [h('逾期', 'Overdue'), 'overdue', 8],
    [h('销号日期', 'Closed on'), 'closedOn', 12],
    [h('回头看', 'Follow-up'), 'followUp', 12],
  ] as const;
}

function problemRow(p: ProblemItemT, no: number, locale: Locale) {
  const en = locale === 'en';
  return {
    no,
    org: p.orgName,
    category: p.categoryName,
    title: p.title,
    description: p.description ?? '',
    source: label(PROBLEM_SOURCES, p.source, locale),
    foundOn: p.foundOn,
    noticeNo: p.noticeNo ?? '',
    dueOn: p.dueOn ?? '',
    responsible: p.responsibleName ?? '',
    status: label(PROBLEM_STATUSES, p.status, locale),
    overdue: p.overdue ? (en ? 'yes' : '是') : '',
    closedOn: p.closedOn ?? '',
    followUp: p.followedUpOn ?? (p.followUpDue ? `${en ? 'due' : '应于'} ${p.followUpDue}` : ''),
  };
}

/** The problems of a list filter, all of them, as API items (refused past PROBLEM_EXPORT_MAX). */
async function allProblems(ctx: Ctx, actor: Actor, filter: repo.ProblemFilter): Promise<repo.ProblemRow[]> {
  const total = await repo.countProblems(ctx.db, actor, filter);
  if (total > PROBLEM_EXPORT_MAX)
    throw new DomainError('residents.export_too_large', { total, max: PROBLEM_EXPORT_MAX });
  const out: repo.ProblemRow[] = [];
  for await (const rows of repo.iterateProblems(ctx.db, actor, filter)) out.push(...rows);
  return out;
}

/** The problem list as filtered, one row per problem. */
export async function exportProblems(ctx: Ctx, actor: Actor, q: ProblemListQueryT, locale: Locale): Promise<Buffer> {
  requireCapability(actor, 'problems.read');
  const today = todayOf(ctx);
  const underPath = await orgsRepo.underOrg(ctx.db, actor, q.org);
  const rows = await allProblems(ctx, actor, toFilter(q, underPath, today));
  const names = await categoryNames(ctx.db, actor.tenantId!);
  const { wb, ws } = await newBook(locale === 'en' ? 'Problems' : '问题清单', problemColumns(locale === 'en'));
  rows.forEach((r, i) => ws.addRow(problemRow(present(r, names, 0, today), i + 1, locale)));
  await writeAuditAlone(ctx, actor, {
    action: 'problem.export',
    entityType: 'problem',
    detail: `${rows.length} problems; filter ${JSON.stringify(q)}`,
  });
  return xlsxBuffer(wb);
}

/** The three lists of a subtree and period (found in it): problems, measures, responsible persons. */
export async function threeLists(ctx: Ctx, actor: Actor, q: ProblemListsQueryT, locale: Locale): Promise<Buffer> {
  requireCapability(actor, 'problems.read');
  const en = locale === 'en';
  const h = (zh: string, e: string) => (en ? e : zh);
  const today = todayOf(ctx);
  const underPath = await orgsRepo.underOrg(ctx.db, actor, q.org);
  const rows = await allProblems(ctx, actor, { underPath, from: q.from, to: q.to, today });
  const names = await categoryNames(ctx.db, actor.tenantId!);
  const items = rows.map((r) => present(r, names, 0, today));
  const { wb, ws } = await newBook(h('问题清单', 'Problems'), problemColumns(en));
  items.forEach((p, i) => ws.addRow(problemRow(p, i + 1, locale)));
  const measures = await repo.measuresOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const byId = new Map(items.map((p, i) => [p.id, { p, no: i + 1 }]));
  const wm = addSheet(wb, h('措施清单', 'Measures'), [
    [h('问题序号', 'Problem no.'), 'no', 8],
    [h('问题', 'Problem'), 'title', 30],
    [h('责任组织', 'Organization'), 'org', 24],
    [h('整改措施', 'Measure'), 'content', 44],
    [h('措施责任人', 'Owner'), 'owner', 12],
    [h('完成时限', 'Due'), 'dueOn', 12],
    [h('完成情况', 'Done'), 'done', 16],
  ]);
  for (const m of measures) {
    const { p, no } = byId.get(m.problem_id)!;
    const done = m.done_on ? h(`已完成（${m.done_on}）`, `done ${m.done_on}`) : h('未完成', 'not yet');
    wm.addRow({ no, title: p.title, org: p.orgName, content: m.content, owner: m.owner_name, dueOn: m.due_on, done });
  }
  const wr = addSheet(wb, h('责任清单', 'Responsibilities'), [
    [h('责任人', 'Person'), 'person', 12],
    [h('责任组织', 'Organization'), 'org', 24],
    [h('责任', 'Role'), 'role', 12],
    [h('问题序号', 'Problem no.'), 'no', 8],
    [h('问题或措施', 'Problem or measure'), 'what', 44],
    [h('时限', 'Due'), 'dueOn', 12],
    [h('状态', 'Status'), 'status', 18],
  ]);
  for (const [i, p] of items.entries()) {
    if (!p.responsibleName) continue;
    const status = label(PROBLEM_STATUSES, p.status, locale);
    const role = h('整改责任人', 'Responsible');
    wr.addRow({ person: p.responsibleName, org: p.orgName, role, no: i + 1, what: p.title, dueOn: p.dueOn, status });
  }
  for (const m of measures) {
    const { p, no } = byId.get(m.problem_id)!;
    const status = m.done_on ? h('已完成', 'done') : h('未完成', 'not yet');
    const role = h('措施责任人', 'Measure owner');
    wr.addRow({ person: m.owner_name, org: p.orgName, role, no, what: m.content, dueOn: m.due_on ?? '', status });
  }
  await writeAuditAlone(ctx, actor, {
    action: 'problem.lists',
    entityType: 'problem',
    detail: `${items.length} problems, ${measures.length} measures; ${JSON.stringify(q)}`,
  });
  return xlsxBuffer(wb);
}

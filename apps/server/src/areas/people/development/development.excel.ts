/** The candidates list as Excel: the same filters as the list, numbers masked, one row per candidate. */
import {
  DEVELOPMENT_STAGES,
  DEVELOPMENT_STEP_LABELS,
  type DevelopmentListQueryT,
  EDUCATIONS,
  GENDERS,
  label,
  NEXT_STEP_STATES,
} from '@dangjian/contracts';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import { writeAuditAlone } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { xlsxBuffer } from '../../../platform/excel.js';
import { newBook } from '../../../platform/sheets.js';
import { list } from './development.service.js';

/** Rows one export may hold (a county has a few thousand candidates at most). */
export const DEVELOPMENT_EXPORT_MAX = 50_000;
const PAGE = 500;

/** The candidates matching the list's filters as a workbook. */
export async function exportCandidates(
  ctx: Ctx,
  actor: Actor,
  query: DevelopmentListQueryT,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<{ buffer: Buffer; count: number }> {
  requireCapability(actor, 'development.read');
  const en = locale === 'en';
  const first = await list(ctx, actor, { ...query, page: 1, pageSize: PAGE });
  if (first.total > DEVELOPMENT_EXPORT_MAX)
    throw new DomainError('residents.export_too_large', { total: first.total, max: DEVELOPMENT_EXPORT_MAX });
  const h = (zh: string, e: string) => (en ? e : zh);
  const { wb, ws } = await newBook(en ? 'Candidates' : '发展党员', [
    [h('姓名', 'Name'), 'name', 10],
    [h('性别', 'Sex'), 'gender', 6],
    [h('身份证号', 'ID number'), 'idNumber', 20],
    [h('联系电话', 'Phone'), 'phone', 14],
    [h('学历', 'Education'), 'education', 12],
    [h('所在组织', 'Organization'), 'org', 24],
    [h('阶段', 'Stage'), 'stage', 12],
    [h('递交申请', 'Applied'), 'appliedOn', 12],
    [h('确定积极分子', 'Activist since'), 'activistOn', 12],
    [h('确定发展对象', 'Target since'), 'targetOn', 12],
    [h('接收预备党员', 'Admitted'), 'admittedOn', 12],
    [h('预备期满', 'Probation ends'), 'probationEnd', 12],
    [h('转为正式党员', 'Converted'), 'convertedOn', 12],
    [h('下一步骤', 'Next step'), 'next', 20],
    [h('办理期限', 'Due'), 'dueOn', 12],
    [h('状态', 'State'), 'state', 10],
    [h('计划年度', 'Plan year'), 'planYear', 10],
    [h('计划外', 'Outside the plan'), 'outsidePlan', 8],
  ]);
  let count = 0;
  let page = 1;
  let items = first.items;
  while (items.length) {
    for (const c of items) {
      count++;
      ws.addRow({
        name: c.name,
        gender: label(GENDERS, c.gender, locale),
        idNumber: c.idNumber,
        phone: c.phone ?? '',
        education: label(EDUCATIONS, c.education, locale),
        org: c.orgName,
        stage: label(DEVELOPMENT_STAGES, c.stage, locale),
        appliedOn: c.appliedOn,
        activistOn: c.activistOn ?? '',
        targetOn: c.targetOn ?? '',
        admittedOn: c.admittedOn ?? '',
        probationEnd: c.probationEnd ?? '',
        convertedOn: c.convertedOn ?? '',
        next: c.next ? label(DEVELOPMENT_STEP_LABELS, c.next.step, locale) : '',
        dueOn: c.next?.dueOn ?? '',
        state: c.next ? label(NEXT_STEP_STATES, c.next.state, locale) : '',
        planYear: c.planYear,
        outsidePlan: c.outsidePlan ? h('是', 'yes') : '',
      });
    }
    if (items.length < PAGE) break;
    page++;
    items = (await list(ctx, actor, { ...query, page, pageSize: PAGE })).items;
  }
  await writeAuditAlone(ctx, actor, {
    action: 'development_candidate.export',
    entityType: 'development_candidate',
    detail: `${count} candidates; filter ${JSON.stringify(query)}`,
  });
  return { buffer: await xlsxBuffer(wb), count };
}

/** The list of pledges as Excel: the same filters as the list, one row per pledge. */
import { label, PLEDGE_CATEGORIES, PLEDGE_KINDS, PLEDGE_STATUSES, type PledgeListQueryT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { writeAuditAlone } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { xlsxBuffer } from '../../../platform/excel.js';
import { newBook } from '../../../platform/sheets.js';
import { list } from './pledges.service.js';

const PAGE = 500;

/** The pledges matching the list's filters as a workbook. */
export async function exportPledges(
  ctx: Ctx,
  actor: Actor,
  query: PledgeListQueryT,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<{ buffer: Buffer; count: number }> {
  const en = locale === 'en';
  const h = (zh: string, e: string) => (en ? e : zh);
  const { wb, ws } = await newBook(en ? 'Pledges' : '承诺践诺', [
    [h('党组织', 'Organization'), 'org', 26],
    [h('承诺人', 'Member'), 'member', 12],
    [h('类型', 'Kind'), 'kind', 16],
    [h('年度', 'Year'), 'year', 8],
    [h('类别', 'Category'), 'category', 12],
    [h('承诺事项', 'Title'), 'title', 36],
    [h('完成时限', 'Due on'), 'dueOn', 12],
    [h('状态', 'Status'), 'status', 16],
    [h('践诺日期', 'Fulfilled on'), 'fulfilledOn', 12],
    [h('解决问题数', 'Problems solved'), 'problems', 10],
    [h('满意', 'Satisfied'), 'satisfied', 8],
    [h('基本满意', 'Fair'), 'fair', 8],
    [h('不满意', 'Dissatisfied'), 'dissatisfied', 8],
  ]);
  let count = 0;
  for (let page = 1; ; page++) {
    const { items } = await list(ctx, actor, { ...query, page, pageSize: PAGE });
    for (const r of items) {
      count++;
      ws.addRow({
        org: r.orgName,
        member: r.memberName ?? '',
        kind: label(PLEDGE_KINDS, r.kind, locale),
        year: r.year,
        category: label(PLEDGE_CATEGORIES, r.category, locale),
        title: r.title,
        dueOn: r.dueOn,
        status: label(PLEDGE_STATUSES, r.status, locale),
        fulfilledOn: r.fulfilledOn ?? '',
        problems: r.problemsSolved,
        ...r.ratings,
      });
    }
    if (items.length < PAGE) break;
  }
  const detail = `${count} pledges; filter ${JSON.stringify(query)}`;
  await writeAuditAlone(ctx, actor, { action: 'pledge.export', entityType: 'pledge', detail });
  return { buffer: await xlsxBuffer(wb), count };
}

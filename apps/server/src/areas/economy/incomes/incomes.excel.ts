/** The list of income entries as Excel: the same filters as the list, one row per entry, amounts in 万元. */
import { INCOME_SOURCES, INCOME_STATUSES, type IncomeListQueryT, label } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { writeAuditAlone } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { xlsxBuffer } from '../../../platform/excel.js';
import { newBook } from '../../../platform/sheets.js';
import { list } from './incomes.service.js';

const PAGE = 500;

/** The entries matching the list's filters as a workbook. */
export async function exportIncomes(
  ctx: Ctx,
  actor: Actor,
  query: IncomeListQueryT,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<{ buffer: Buffer; count: number }> {
  const en = locale === 'en';
  const h = (zh: string, e: string) => (en ? e : zh);
  const { wb, ws } = await newBook(en ? 'Collective income' : '村集体经济收入', [
    [h('乡镇', 'Township'), 'township', 16],
    [h('村', 'Village'), 'village', 16],
    [h('年度', 'Year'), 'year', 8],
    [h('收入来源', 'Source'), 'source', 12],
    [h('金额（万元）', 'Amount (10k yuan)'), 'amount', 14],
    [h('状态', 'Status'), 'status', 12],
    [h('审核日期', 'Reviewed on'), 'reviewedOn', 12],
    [h('说明', 'Note'), 'note', 30],
    [h('佐证材料', 'Evidence'), 'evidence', 30],
  ]);
  let count = 0;
  for (let page = 1; ; page++) {
    const { items } = await list(ctx, actor, { ...query, page, pageSize: PAGE });
    for (const r of items) {
      count++;
      ws.addRow({
        township: r.townshipName ?? '',
        village: r.orgName,
        year: r.year,
        source: label(INCOME_SOURCES, r.source, locale),
        amount: Math.round(r.amountFen / 100) / 10000,
        status: label(INCOME_STATUSES, r.status, locale),
        reviewedOn: r.reviewedOn ?? '',
        note: r.note ?? '',
        evidence: r.evidence ?? '',
      });
    }
    if (items.length < PAGE) break;
  }
  const detail = `${count} entries; filter ${JSON.stringify(query)}`;
  await writeAuditAlone(ctx, actor, { action: 'income.export', entityType: 'income', detail });
  return { buffer: await xlsxBuffer(wb), count };
}

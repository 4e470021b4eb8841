/** The list of funds records as Excel: the same filters as the list (pay only for those who read it). */
import { FUND_KINDS, FUND_SOURCES, type FundListQueryT, label } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { writeAuditAlone } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { xlsxBuffer } from '../../../platform/excel.js';
import { newBook } from '../../../platform/sheets.js';
import { list } from './funds.service.js';

const PAGE = 500;

/** The records matching the list's filters as a workbook. */
export async function exportFunds(
  ctx: Ctx,
  actor: Actor,
  query: FundListQueryT,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<{ buffer: Buffer; count: number }> {
  const en = locale === 'en';
  const h = (zh: string, e: string) => (en ? e : zh);
  const { wb, ws } = await newBook(en ? 'Funds' : '基层经费', [
    [h('乡镇', 'Township'), 'township', 16],
    [h('村', 'Village'), 'village', 16],
    [h('年度', 'Year'), 'year', 8],
    [h('类别', 'Kind'), 'kind', 20],
    [h('来源', 'Source'), 'source', 10],
    [h('金额（元）', 'Amount (yuan)'), 'amount', 14],
    [h('说明', 'Note'), 'note', 30],
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
        kind: label(FUND_KINDS, r.kind, locale),
        source: label(FUND_SOURCES, r.source, locale),
        amount: r.amountFen / 100,
        note: r.note ?? '',
      });
    }
    if (items.length < PAGE) break;
  }
  const detail = `${count} records; filter ${JSON.stringify(query)}`;
  await writeAuditAlone(ctx, actor, { action: 'fund.export', entityType: 'fund', detail });
  return { buffer: await xlsxBuffer(wb), count };
}

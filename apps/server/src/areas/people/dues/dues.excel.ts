/** The bill list as Excel: the list's filters, one row per bill; the income base (personal) is left out. */
import { DUES_BILL_STATUSES, DUES_CATEGORIES, type DuesBillQueryT, label } from '@dangjian/contracts';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAuditAlone } from '../../../platform/data/audit.js';
import { DomainError } from '../../../platform/errors.js';
import { xlsxBuffer } from '../../../platform/excel.js';
import { newBook } from '../../../platform/sheets.js';
import { listBills } from './dues.service.js';

/** Rows one export may hold: a county's year is about 230,000 bills, so a month or a subtree narrows it. */
export const BILL_EXPORT_MAX = 50_000;
const PAGE = 500;

/** The bills matching the list's filters as a workbook; refused above BILL_EXPORT_MAX rows. */
export async function exportBills(
  ctx: Ctx,
  actor: Actor,
  query: DuesBillQueryT,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<{ buffer: Buffer; count: number }> {
  requireCapability(actor, 'dues.read');
  const en = locale === 'en';
  const first = await listBills(ctx, actor, { ...query, page: 1, pageSize: PAGE });
  if (first.total > BILL_EXPORT_MAX)
    throw new DomainError('validation', { field: 'month', total: first.total, max: BILL_EXPORT_MAX });
  const h = (zh: string, e: string) => (en ? e : zh);
  const { wb, ws } = await newBook(en ? 'Dues bills' : '党费账单', [
    [h('月份', 'Month'), 'month', 10],
    [h('党组织', 'Organization'), 'org', 28],
    [h('姓名', 'Name'), 'name', 12],
    [h('类别', 'Category'), 'category', 16],
    [h('应缴（元）', 'Due (元)'), 'amount', 12],
    [h('已缴（元）', 'Paid (元)'), 'paid', 12],
    [h('未缴（元）', 'Outstanding (元)'), 'outstanding', 14],
    [h('状态', 'Status'), 'status', 10],
    [h('标准版本', 'Rule version'), 'version', 10],
  ]);
  let count = 0;
  for (let page = 1, batch = first; batch.items.length; page++) {
    for (const b of batch.items) {
      count++;
      ws.addRow({
        month: b.month,
        org: b.orgName,
        name: b.memberName,
        category: label(DUES_CATEGORIES, b.category, locale),
        amount: b.amount,
        paid: b.paid,
        outstanding: b.outstanding,
        status: label(DUES_BILL_STATUSES, b.status, locale),
        version: b.ruleVersion,
      });
    }
    if (page * PAGE >= first.total) break;
    batch = await listBills(ctx, actor, { ...query, page: page + 1, pageSize: PAGE });
  }
  await writeAuditAlone(ctx, actor, {
    action: 'dues_bill.export',
    entityType: 'dues_bill',
    detail: `${count} rows; filter ${JSON.stringify(query)}`,
  });
  return { buffer: await xlsxBuffer(wb), count };
}

/** The request list as Excel: the same filters as the list, numbers masked, one row per request. */
import { chinaDateTime } from '@dangjian/contracts';
import {
  REQUEST_CATEGORIES,
  REQUEST_CHANNELS,
  REQUEST_LEVELS,
  REQUEST_STATUSES,
  SATISFACTION,
  label,
  type RequestListQueryT,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { writeAuditBatch } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { loadExcel, xlsxBuffer } from '../../../platform/excel.js';
import { list } from './requests.service.js';

/** Rows one export may hold: a county's five years are 1.8 million, so a period or a subtree narrows it. */
export const REQUEST_EXPORT_MAX = 50_000;
const PAGE = 500;

/** China time as `YYYY-MM-DD HH:mm`, the way the cards and the pages show it. */
function chinaTime(iso: string | null): string {
  return iso ? chinaDateTime(iso) : '';
}

/** The requests matching the list's filters as a workbook; refused above REQUEST_EXPORT_MAX rows. */
export async function exportRequests(
  ctx: Ctx,
  actor: Actor,
  query: RequestListQueryT,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<{ buffer: Buffer; count: number }> {
  requireCapability(actor, 'residents.read');
  const en = locale === 'en';
  const first = await list(ctx, actor, { ...query, page: 1, pageSize: PAGE });
  if (first.total > REQUEST_EXPORT_MAX)
    throw new DomainError('residents.export_too_large', { total: first.total, max: REQUEST_EXPORT_MAX });
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet(en ? 'Requests' : '民情诉求');
  const h = (zh: string, e: string) => (en ? e : zh);
  ws.columns = [
    { header: h('编号', 'No.'), key: 'id', width: 10 },
    { header: h('受理时间', 'Accepted'), key: 'acceptedAt', width: 18 },
    { header: h('受理组织', 'Accepted by'), key: 'origin', width: 22 },
    { header: h('承办组织', 'Handled by'), key: 'org', width: 22 },
    { header: h('来源渠道', 'Channel'), key: 'channel', width: 10 },
    { header: h('类别', 'Category'), key: 'category', width: 12 },
    { header: h('办理方式', 'Level'), key: 'level', width: 10 },
    { header: h('状态', 'Status'), key: 'status', width: 10 },
    { header: h('逾期', 'Overdue'), key: 'overdue', width: 8 },
    { header: h('办结时限', 'Due'), key: 'dueAt', width: 18 },
    { header: h('反映人', 'Resident'), key: 'resident', width: 12 },
    { header: h('联系电话', 'Phone'), key: 'phone', width: 14 },
    { header: h('诉求内容', 'Description'), key: 'description', width: 40 },
    { header: h('责任人/部门', 'Owner / department'), key: 'owner', width: 16 },
    { header: h('办理结果', 'Result'), key: 'result', width: 40 },
    { header: h('办结时间', 'Closed'), key: 'closedAt', width: 18 },
    { header: h('群众评价', 'Rating'), key: 'rating', width: 10 },
  ];
  ws.getRow(1).font = { bold: true };
  let count = 0;
  let page = 1;
  let items = first.items;
  while (items.length) {
    for (const r of items) {
      count++;
      ws.addRow({
        id: r.id,
        acceptedAt: chinaTime(r.acceptedAt),
        origin: r.originOrgName,
        org: r.orgName,
        channel: label(REQUEST_CHANNELS, r.channel, locale),
        category: label(REQUEST_CATEGORIES, r.category, locale),
        level: label(REQUEST_LEVELS, r.level, locale),
        status: label(REQUEST_STATUSES, r.status, locale),
        overdue: r.overdue ? h('是', 'yes') : '',
        dueAt: chinaTime(r.dueAt),
        resident: r.residentName ?? h('匿名', 'anonymous'),
        phone: r.phone ?? '',
        description: r.description,
        owner: [r.ownerName, r.department].filter(Boolean).join(' / '),
        result: r.result ?? '',
        closedAt: chinaTime(r.closedAt),
        rating: r.rating ? label(SATISFACTION, r.rating, locale) : '',
      });
    }
    if (items.length < PAGE) break;
    page++;
    items = (await list(ctx, actor, { ...query, page, pageSize: PAGE })).items;
  }
  await ctx.db.transaction().execute((trx) =>
    writeAuditBatch(ctx, trx, actor, [
      {
        action: 'request.export',
        entityType: 'request',
        detail: `${count} requests; filter ${JSON.stringify(query)}`,
      },
    ]),
  );
  return { buffer: await xlsxBuffer(wb), count };
}

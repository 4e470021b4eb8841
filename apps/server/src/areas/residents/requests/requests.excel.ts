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
import { writeAuditAlone } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { xlsxBuffer } from '../../../platform/excel.js';
import { newBook } from '../../../platform/sheets.js';
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
  const h = (zh: string, e: string) => (en ? e : zh);
  const { wb, ws } = await newBook(en ? 'Requests' : '民情诉求', [
    [h('受理编号', 'Acceptance no.'), 'requestNo', 13],
    [h('受理时间', 'Accepted'), 'acceptedAt', 18],
    [h('受理组织', 'Accepted by'), 'origin', 22],
    [h('承办组织', 'Handled by'), 'org', 22],
    [h('来源渠道', 'Channel'), 'channel', 10],
    [h('类别', 'Category'), 'category', 12],
    [h('办理方式', 'Level'), 'level', 10],
    [h('状态', 'Status'), 'status', 10],
    [h('逾期', 'Overdue'), 'overdue', 8],
    [h('办结时限', 'Due'), 'dueAt', 18],
    [h('反映人', 'Resident'), 'resident', 12],
    [h('联系电话', 'Phone'), 'phone', 14],
    [h('诉求内容', 'Description'), 'description', 40],
    [h('责任人/部门', 'Owner / department'), 'owner', 16],
    [h('办理结果', 'Result'), 'result', 40],
    [h('办结时间', 'Closed'), 'closedAt', 18],
    [h('群众评价', 'Rating'), 'rating', 10],
  ]);
  let count = 0;
  let page = 1;
  let items = first.items;
  while (items.length) {
    for (const r of items) {
      count++;
      ws.addRow({
        requestNo: r.requestNo,
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
  const detail = `${count} requests; filter ${JSON.stringify(query)}`;
  await writeAuditAlone(ctx, actor, { action: 'request.export', entityType: 'request', detail });
  return { buffer: await xlsxBuffer(wb), count };
}

/** The ledger as Excel: the same filters as the list, one row per entry (a member exports its own). */
import {
  label,
  MANUAL_KINDS,
  POINT_EVENTS,
  POINT_STATUSES,
  type PointListQueryT,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { writeAuditAlone } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { xlsxBuffer } from '../../../platform/excel.js';
import { newBook } from '../../../platform/sheets.js';
import { list } from './points.service.js';

const PAGE = 500;

/** The entries matching the list's filters as a workbook. */
export async function exportLedger(
  ctx: Ctx,
  actor: Actor,
  query: PointListQueryT,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<{ buffer: Buffer; count: number }> {
  const en = locale === 'en';
  const h = (zh: string, e: string) => (en ? e : zh);
  const { wb, ws } = await newBook(en ? 'Points ledger' : '积分台账', [
    [h('党员', 'Member'), 'member', 12],
    [h('党组织', 'Organization'), 'org', 24],
    [h('日期', 'Date'), 'occurredOn', 12],
    [h('事项', 'Event'), 'event', 18],
    [h('分值', 'Points'), 'points', 8],
    [h('状态', 'Status'), 'status', 12],
    [h('事由', 'Note'), 'note', 40],
    [h('已公示', 'Published'), 'published', 8],
  ]);
  let count = 0;
  for (let page = 1; ; page++) {
    const { items } = await list(ctx, actor, { ...query, page, pageSize: PAGE });
    for (const r of items) {
      count++;
      ws.addRow({
        member: r.memberName,
        org: r.orgName,
        occurredOn: r.occurredOn,
        event: r.kind ? `${label(POINT_EVENTS, r.event, locale)}·${label(MANUAL_KINDS, r.kind, locale)}` : label(POINT_EVENTS, r.event, locale),
        points: r.points,
        status: label(POINT_STATUSES, r.status, locale),
        note: r.note ?? '',
        published: r.published ? h('是', 'yes') : '',
      });
    }
    if (items.length < PAGE) break;
  }
  await writeAuditAlone(ctx, actor, {
    action: 'point.export',
    entityType: 'point_entry',
    detail: `${count} entries; filter ${JSON.stringify(query)}`,
  });
  return { buffer: await xlsxBuffer(wb), count };
}

/** The list of members away and out of contact as Excel: the same filters as the list, one row per record. */
import { label, MOBILITY_STATUSES, type MobilityListQueryT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { xlsxBuffer } from '../../../platform/excel.js';
import { newBook } from '../../../platform/sheets.js';
import { list } from './mobility.service.js';

const PAGE = 500;
/** Rows one export may hold (a county's records are far fewer). */
const MAX_ROWS = 20_000;

/** The records matching the list's filters as a workbook. */
export async function exportRecords(
  ctx: Ctx,
  actor: Actor,
  query: MobilityListQueryT,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<Buffer> {
  const en = locale === 'en';
  const h = (zh: string, e: string) => (en ? e : zh);
  const { wb, ws } = await newBook(h('流动和失联党员', 'Members away'), [
    [h('姓名', 'Name'), 'member', 10],
    [h('所在党组织', 'Organization'), 'org', 24],
    [h('状态', 'State'), 'status', 10],
    [h('外出（失联）日期', 'Since'), 'since', 14],
    [h('外出地点', 'Where to'), 'destination', 16],
    [h('所在单位', 'Workplace'), 'unit', 20],
    [h('流入地党组织', 'Party organization there'), 'flowOrg', 22],
    [h('联系人', 'Contact'), 'contact', 10],
    [h('预计返回', 'Expected back'), 'expectedReturn', 12],
    [h('失联日期', 'Lost on'), 'lostOn', 12],
    [h('返回日期', 'Back on'), 'returnedOn', 12],
    [h('备注', 'Note'), 'note', 30],
  ]);
  for (let page = 1; (page - 1) * PAGE < MAX_ROWS; page++) {
    const { items, total } = await list(ctx, actor, { ...query, page, pageSize: PAGE });
    for (const r of items)
      ws.addRow({
        member: r.memberName,
        org: r.orgName,
        status: label(MOBILITY_STATUSES, r.status, locale),
        since: r.since,
        destination: r.destination ?? '',
        unit: r.unit ?? '',
        flowOrg: r.flowOrgName ?? '',
        contact: r.contact?.name ?? '',
        expectedReturn: r.expectedReturn ?? '',
        lostOn: r.lostOn ?? '',
        returnedOn: r.returnedOn ?? '',
        note: r.note ?? '',
      });
    if (page * PAGE >= total) break;
  }
  return xlsxBuffer(wb);
}

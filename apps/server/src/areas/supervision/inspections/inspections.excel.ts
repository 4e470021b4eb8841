/** The Excel export of inspections: the list's filter, one row per inspection as the caller sees it. */
import {
  INSPECTION_KINDS,
  INSPECTION_STATUSES,
  type InspectionListQueryT,
  type InspectionTeamMemberT,
  label,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { writeAuditAlone } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { xlsxBuffer } from '../../../platform/excel.js';
import { newBook } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './inspections.repository.js';
import { presentMany, toFilter } from './inspections.service.js';

const COLUMNS = (en: boolean): [string, string, number][] => [
  [en ? 'Title' : '督查名称', 'title', 36],
  [en ? 'Kind' : '督查类型', 'kind', 12],
  [en ? 'Unannounced' : '暗访', 'unannounced', 8],
  [en ? 'Issued by' : '组织单位', 'orgName', 24],
  [en ? 'From' : '开始日期', 'startsOn', 12],
  [en ? 'To' : '结束日期', 'endsOn', 12],
  [en ? 'Status' : '状态', 'status', 10],
  [en ? 'Team leader' : '督查组长', 'leader', 12],
  [en ? 'Team' : '督查组成员', 'team', 30],
  [en ? 'Visits' : '检查单位数', 'visits', 10],
  [en ? 'Findings' : '发现问题', 'findings', 10],
  [en ? 'Problems opened' : '生成整改问题', 'problems', 12],
  [en ? 'Completed on' : '完成日期', 'completedOn', 12],
];

/** The inspections a list filter selects, as a workbook (audited with the filter and the count). */
export async function exportInspections(
  ctx: Ctx,
  actor: Actor,
  query: InspectionListQueryT,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<{ buffer: Buffer; count: number }> {
  requireCapability(actor, 'inspections.read');
  const en = locale === 'en';
  const underPath = await orgsRepo.underOrg(ctx.db, actor, query.org);
  const { wb, ws } = await newBook(en ? 'Inspections' : '督查检查', COLUMNS(en));
  let count = 0;
  for await (const rows of repo.iterateInspections(ctx.db, actor, toFilter(query, underPath))) {
    for (const it of await presentMany(ctx, actor, rows)) {
      count++;
      const leader = it.team.find((m: InspectionTeamMemberT) => m.leader);
      ws.addRow({
        ...it,
        kind: label(INSPECTION_KINDS, it.kind, locale),
        unannounced: it.unannounced ? (en ? 'yes' : '是') : '',
        status: label(INSPECTION_STATUSES, it.status, locale),
        leader: leader?.name ?? '',
        team: it.team.map((m) => (m.title ? `${m.name}（${m.title}）` : m.name)).join('、'),
        completedOn: it.completedOn ?? '',
      });
    }
  }
  const detail = `${count} rows; filter ${JSON.stringify(query)}`;
  await writeAuditAlone(ctx, actor, { action: 'inspection.export', entityType: 'inspection', detail });
  return { buffer: await xlsxBuffer(wb), count };
}

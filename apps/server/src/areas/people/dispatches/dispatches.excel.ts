/** The Excel export of dispatched cadres (phones masked as in the lists). */
import {
  DISPATCH_KINDS,
  DISPATCH_STATUSES,
  DISPATCH_TEAM_ROLES,
  DISPATCH_UNIT_LEVELS,
  type DispatchListQueryT,
  label,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { writeAuditAlone } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { xlsxBuffer } from '../../../platform/excel.js';
import { newBook } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './dispatches.repository.js';
import { toFilter } from './dispatches.service.js';

const COLUMNS = (en: boolean): [string, string, number][] => [
  [en ? 'Kind' : '派驻类型', 'kind', 12],
  [en ? 'Name' : '姓名', 'personName', 10],
  [en ? 'Place in the team' : '队内职务', 'teamRole', 10],
  [en ? 'Team' : '所属工作队', 'teamName', 12],
  [en ? 'Sending unit' : '派出单位', 'sendingUnit', 24],
  [en ? 'Level' : '层级', 'unitLevel', 8],
  [en ? 'Post' : '原单位职务', 'post', 16],
  [en ? 'Phone' : '手机号', 'phone', 14],
  [en ? 'Sent to' : '派驻村（社区）', 'orgs', 30],
  [en ? 'Started on' : '派驻日期', 'startedOn', 12],
  [en ? 'Ends on' : '期满日期', 'endsOn', 12],
  [en ? 'Ended on' : '离岗日期', 'endedOn', 12],
  [en ? 'Status' : '状态', 'status', 8],
];

/** The dispatches a list filter selects, as a workbook (audited with the filter and the count). */
export async function exportDispatches(
  ctx: Ctx,
  actor: Actor,
  query: DispatchListQueryT,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<{ buffer: Buffer; count: number }> {
  requireCapability(actor, 'dispatches.read');
  const en = locale === 'en';
  const underPath = await orgsRepo.underOrg(ctx.db, actor, query.org);
  const { wb, ws } = await newBook(en ? 'Dispatched cadres' : '派驻干部', COLUMNS(en));
  let count = 0;
  for await (const rows of repo.iterateDispatches(ctx.db, actor, toFilter(query, underPath))) {
    const orgs = await repo.orgsOf(
      ctx.db,
      rows.map((r) => r.id),
    );
    for (const r of rows) {
      count++;
      ws.addRow({
        kind: label(DISPATCH_KINDS, r.kind, locale),
        personName: r.person_name,
        teamRole: r.team_role ? label(DISPATCH_TEAM_ROLES, r.team_role, locale) : '',
        teamName: r.team_name ?? '',
        sendingUnit: r.sending_unit,
        unitLevel: label(DISPATCH_UNIT_LEVELS, r.unit_level, locale),
        post: r.post ?? '',
        phone: r.phone_masked ?? '',
        orgs: orgs
          .filter((o) => o.dispatch_id === r.id)
          .map((o) => o.name)
          .join('、'),
        startedOn: r.started_on,
        endsOn: r.ends_on ?? '',
        endedOn: r.ended_on ?? '',
        status: label(DISPATCH_STATUSES, r.status, locale),
      });
    }
  }
  const detail = `${count} rows; filter ${JSON.stringify(query)}`;
  await writeAuditAlone(ctx, actor, { action: 'dispatches.export', entityType: ENTITY_TYPE, detail });
  return { buffer: await xlsxBuffer(wb), count };
}

const ENTITY_TYPE = 'dispatch';

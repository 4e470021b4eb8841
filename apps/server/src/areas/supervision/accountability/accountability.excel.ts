/** The Excel export of accountability records (county and townships only; names of persons as recorded). */
import {
  ACCOUNTABILITY_KINDS,
  ACCOUNTABILITY_TARGETS,
  type AccountabilityListQueryT,
  label,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { writeAuditAlone } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { xlsxBuffer } from '../../../platform/excel.js';
import { newBook } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './accountability.repository.js';
import { toFilter } from './accountability.service.js';

const COLUMNS = (en: boolean): [string, string, number][] => [
  [en ? 'Decided on' : '问责日期', 'decidedOn', 12],
  [en ? 'Kind' : '问责方式', 'kind', 12],
  [en ? 'Kind of punishment' : '处分种类', 'subKind', 12],
  [en ? 'Target' : '对象类型', 'targetKind', 8],
  [en ? 'Organization or person' : '被问责单位或个人', 'target', 24],
  [en ? 'Post' : '职务', 'personPost', 16],
  [en ? 'Counted under' : '所属党组织', 'orgName', 24],
  [en ? 'Reason' : '问责事由', 'reason', 48],
  [en ? 'Decided by' : '问责单位', 'decidedBy', 20],
  [en ? 'Source' : '来源', 'source', 24],
];

/** The records a list filter selects, as a workbook (audited with the filter and the count). */
export async function exportRecords(
  ctx: Ctx,
  actor: Actor,
  query: AccountabilityListQueryT,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<{ buffer: Buffer; count: number }> {
  requireCapability(actor, 'accountability.read');
  const en = locale === 'en';
  const underPath = await orgsRepo.underOrg(ctx.db, actor, query.org);
  const { wb, ws } = await newBook(en ? 'Accountability' : '问责记录', COLUMNS(en));
  let count = 0;
  for await (const rows of repo.iterateRecords(ctx.db, actor, toFilter(query, underPath))) {
    for (const r of rows) {
      count++;
      const source = r.problem_id
        ? `${en ? 'Problem' : '整改问题'} #${r.problem_id}`
        : r.mark_id
          ? `${en ? 'Development mark' : '发展党员督查标记'} #${r.mark_id}`
          : (r.inspection_title ?? '');
      ws.addRow({
        decidedOn: r.decided_on,
        kind: label(ACCOUNTABILITY_KINDS, r.kind, locale),
        subKind: r.sub_kind ?? '',
        targetKind: label(ACCOUNTABILITY_TARGETS, r.target_kind, locale),
        target: r.target_kind === 'org' ? (r.target_org_name ?? '') : (r.person_name ?? ''),
        personPost: r.person_post ?? '',
        orgName: r.org_name,
        reason: r.reason,
        decidedBy: r.decided_by_name ?? '',
        source,
      });
    }
  }
  const detail = `${count} rows; filter ${JSON.stringify(query)}`;
  await writeAuditAlone(ctx, actor, { action: 'accountability.export', entityType: 'accountability_record', detail });
  return { buffer: await xlsxBuffer(wb), count };
}

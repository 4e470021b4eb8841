/** The list of files as Excel: the same filters as the list, one row per file. */
import { label, WEAK_ORG_REASONS, WEAK_ORG_STATUSES, type WeakOrgListQueryT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { writeAuditAlone } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { xlsxBuffer } from '../../../platform/excel.js';
import { newBook } from '../../../platform/sheets.js';
import { list } from './weakOrgs.service.js';

const PAGE = 500;

/** The files matching the list's filters as a workbook. */
export async function exportFiles(
  ctx: Ctx,
  actor: Actor,
  query: WeakOrgListQueryT,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<{ buffer: Buffer; count: number }> {
  const en = locale === 'en';
  const h = (zh: string, e: string) => (en ? e : zh);
  const { wb, ws } = await newBook(en ? 'Weak organizations' : '软弱涣散党组织', [
    [h('党组织', 'Organization'), 'org', 26],
    [h('所属乡镇', 'Township'), 'township', 16],
    [h('年度', 'Year'), 'year', 8],
    [h('状态', 'Status'), 'status', 14],
    [h('软弱涣散原因', 'Reasons'), 'reasons', 40],
    [h('具体表现', 'In words'), 'reasonText', 40],
    [h('确定日期', 'Flagged on'), 'flaggedOn', 12],
    [h('包抓领导', 'Leader'), 'leader', 24],
    [h('挂牌督战', 'Listed'), 'listed', 10],
    [h('整顿月数', 'Months'), 'months', 10],
    [h('最近体检', 'Last check-up'), 'lastCheckup', 12],
    [h('最近验收', 'Last acceptance'), 'lastAcceptance', 22],
    [h('销号日期', 'Released on'), 'releasedOn', 12],
  ]);
  let count = 0;
  for (let page = 1; ; page++) {
    const { items } = await list(ctx, actor, { ...query, page, pageSize: PAGE });
    for (const r of items) {
      count++;
      const a = r.lastAcceptance;
      ws.addRow({
        org: r.orgName,
        township: r.townshipName ?? '',
        year: r.year,
        status: label(WEAK_ORG_STATUSES, r.status, locale),
        reasons: r.reasons.map((k) => label(WEAK_ORG_REASONS, k, locale)).join(en ? '; ' : '；'),
        reasonText: r.reasonText ?? '',
        flaggedOn: r.flaggedOn,
        leader: `${r.leaderPost} ${r.leaderName}`,
        listed: r.listed ? h('是', 'yes') : '',
        months: r.monthsInRectification,
        lastCheckup: r.lastCheckupMonth ?? '',
        lastAcceptance: a ? `${a.acceptedOn} ${a.score} ${a.passed ? h('通过', 'passed') : h('未通过', 'failed')}` : '',
        releasedOn: r.releasedOn ?? '',
      });
    }
    if (items.length < PAGE) break;
  }
  const detail = `${count} files; filter ${JSON.stringify(query)}`;
  await writeAuditAlone(ctx, actor, { action: 'weak_org.export', entityType: 'weak_org', detail });
  return { buffer: await xlsxBuffer(wb), count };
}

/** The list of results as Excel: the same filters as the list, one row per result. */
import { CADRE_GRADES, label, RATING_OUTCOMES, RATING_STATUSES, type RatingListQueryT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAuditAlone } from '../../../platform/data/audit.js';
import { xlsxBuffer } from '../../../platform/excel.js';
import { newBook } from '../../../platform/sheets.js';
import { list } from './ratings.service.js';

const PAGE = 500;

/** The results matching the list's filters as a workbook. */
export async function exportRatings(
  ctx: Ctx,
  actor: Actor,
  query: RatingListQueryT,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<{ buffer: Buffer; count: number }> {
  const en = locale === 'en';
  const h = (zh: string, e: string) => (en ? e : zh);
  const { wb, ws } = await newBook(en ? 'Star ratings' : '星级评定结果', [
    [h('党组织', 'Organization'), 'org', 26],
    [h('所属乡镇', 'Township'), 'township', 16],
    [h('年度', 'Year'), 'year', 8],
    [h('考评方案', 'Scheme'), 'scheme', 30],
    [h('被考核人', 'Cadre'), 'cadre', 18],
    [h('状态', 'Status'), 'status', 14],
    [h('自评总分', 'Self total'), 'selfTotal', 10],
    [h('考评总分', 'Total'), 'total', 10],
    [h('星级（等次）', 'Stars (grade)'), 'stars', 14],
    [h('结果运用', 'Outcome'), 'outcome', 12],
    [h('公示日期', 'Published on'), 'publishedOn', 12],
    [h('确定日期', 'Final on'), 'finalOn', 12],
  ]);
  let count = 0;
  for (let page = 1; ; page++) {
    const { items } = await list(ctx, actor, { ...query, page, pageSize: PAGE });
    for (const r of items) {
      count++;
      ws.addRow({
        org: r.orgName,
        township: r.townshipName ?? '',
        year: r.year,
        scheme: r.schemeName,
        cadre: r.memberName ? `${r.post ?? ''} ${r.memberName}`.trim() : '',
        status: label(RATING_STATUSES, r.status, locale),
        selfTotal: r.selfTotal ?? '',
        total: r.total ?? '',
        stars: r.grade
          ? label(CADRE_GRADES, r.grade, locale)
          : r.stars != null
            ? h(`${r.stars}星`, `${r.stars} stars`)
            : '',
        outcome: r.outcome === 'none' ? '' : label(RATING_OUTCOMES, r.outcome, locale),
        publishedOn: r.publishedOn ?? '',
        finalOn: r.finalOn ?? '',
      });
    }
    if (items.length < PAGE) break;
  }
  const detail = `${count} results; filter ${JSON.stringify(query)}`;
  await writeAuditAlone(ctx, actor, { action: 'rating.export', entityType: 'rating', detail });
  return { buffer: await xlsxBuffer(wb), count };
}

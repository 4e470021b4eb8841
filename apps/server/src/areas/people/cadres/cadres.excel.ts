/** The list of committee people as Excel: the same filters as the list, one row per person (the phone masked). */
import {
  CADRE_EDUCATIONS,
  CADRE_KINDS,
  cadrePostLabel,
  type CadreListQueryT,
  GENDERS,
  label,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAuditAlone } from '../../../platform/data/audit.js';
import { xlsxBuffer } from '../../../platform/excel.js';
import { newBook } from '../../../platform/sheets.js';
import { list } from './cadres.service.js';

const PAGE = 500;

/** The people matching the list's filters as a workbook. */
export async function exportCadres(
  ctx: Ctx,
  actor: Actor,
  query: CadreListQueryT,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<{ buffer: Buffer; count: number }> {
  const en = locale === 'en';
  const h = (zh: string, e: string) => (en ? e : zh);
  const { wb, ws } = await newBook(en ? 'Committees' : '村两委成员', [
    [h('姓名', 'Name'), 'name', 12],
    [h('性别', 'Gender'), 'gender', 6],
    [h('出生日期', 'Birth date'), 'birthDate', 12],
    [h('年龄', 'Age'), 'age', 6],
    [h('学历', 'Education'), 'education', 14],
    [h('村（社区）', 'Village'), 'org', 24],
    [h('所属乡镇', 'Township'), 'township', 16],
    [h('现任职务', 'Posts now'), 'posts', 36],
    [h('“四类人员”', 'Four kinds'), 'kinds', 30],
    [h('联系电话', 'Phone'), 'phone', 14],
  ]);
  let count = 0;
  for (let page = 1; ; page++) {
    const { items } = await list(ctx, actor, { ...query, page, pageSize: PAGE });
    for (const r of items) {
      count++;
      ws.addRow({
        name: r.name,
        gender: label(GENDERS, r.gender, locale),
        birthDate: r.birthDate,
        age: r.age,
        education: r.education ? label(CADRE_EDUCATIONS, r.education, locale) : '',
        org: r.orgName,
        township: r.townshipName ?? '',
        posts: r.currentPosts
          .map(
            (p) => `${p.term} ${en ? cadrePostLabel(p.committee, p.post).en : cadrePostLabel(p.committee, p.post).zh}`,
          )
          .join(en ? '; ' : '；'),
        kinds: r.kinds.map((k) => label(CADRE_KINDS, k, locale)).join(en ? '; ' : '；'),
        phone: r.phone ?? '',
      });
    }
    if (items.length < PAGE) break;
  }
  const detail = `${count} people; filter ${JSON.stringify(query)}`;
  await writeAuditAlone(ctx, actor, { action: 'cadres.export', entityType: 'cadre', detail });
  return { buffer: await xlsxBuffer(wb), count };
}

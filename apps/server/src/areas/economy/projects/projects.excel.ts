/** The list of industry projects as Excel: the same filters as the list, one row per project, money in 万元. */
import {
  label,
  PROJECT_INDUSTRIES,
  PROJECT_MODELS,
  PROJECT_STATUSES,
  type ProjectListQueryT,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { writeAuditAlone } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { xlsxBuffer } from '../../../platform/excel.js';
import { newBook } from '../../../platform/sheets.js';
import { list } from './projects.service.js';

const PAGE = 500;
const wan = (fen: number) => Math.round(fen / 100) / 10_000;

/** The projects matching the list's filters as a workbook. */
export async function exportProjects(
  ctx: Ctx,
  actor: Actor,
  query: ProjectListQueryT,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<{ buffer: Buffer; count: number }> {
  const en = locale === 'en';
  const h = (zh: string, e: string) => (en ? e : zh);
  const { wb, ws } = await newBook(en ? 'Projects' : '党支部+产业项目', [
    [h('项目名称', 'Project'), 'name', 28],
    [h('牵头村', 'Lead organization'), 'org', 24],
    [h('所属乡镇', 'Township'), 'township', 16],
    [h('联建村', 'Partners'), 'partners', 24],
    [h('产业类别', 'Industry'), 'industry', 12],
    [h('模式', 'Models'), 'models', 30],
    [h('合作社', 'Cooperatives'), 'cooperatives', 24],
    [h('起始年度', 'Start year'), 'startYear', 10],
    [h('状态', 'Status'), 'status', 10],
    [h('累计投入（万元）', 'Given (10k yuan)'), 'given', 14],
    [h('累计撬动社会资金（万元）', 'Leveraged (10k yuan)'), 'leveraged', 18],
    [h('最近年度', 'Latest year'), 'year', 10],
    [h('联结农户', 'Households'), 'households', 10],
    [h('农户增收（万元）', 'Added income (10k yuan)'), 'income', 14],
    [h('村集体收益（万元）', 'Collective income (10k yuan)'), 'collective', 14],
  ]);
  let count = 0;
  const sep = en ? '; ' : '；';
  for (let page = 1; ; page++) {
    const { items } = await list(ctx, actor, { ...query, page, pageSize: PAGE });
    for (const r of items) {
      count++;
      ws.addRow({
        name: r.name,
        org: r.orgName,
        township: r.townshipName ?? '',
        partners: r.partners.map((p) => p.orgName).join(sep),
        industry: r.industryText || label(PROJECT_INDUSTRIES, r.industry, locale),
        models: r.models.map((m) => label(PROJECT_MODELS, m, locale)).join(sep),
        cooperatives: r.cooperatives.map((c) => `${c.name}（${c.members}）`).join(sep),
        startYear: r.startYear,
        status: label(PROJECT_STATUSES, r.status, locale),
        given: wan(r.givenFen),
        leveraged: wan(r.leveragedFen),
        year: r.latest?.year ?? '',
        households: r.latest?.households ?? '',
        income: r.latest ? wan(r.latest.householdIncomeFen) : '',
        collective: r.latest ? wan(r.latest.collectiveIncomeFen) : '',
      });
    }
    if (items.length < PAGE) break;
  }
  const detail = `${count} projects; filter ${JSON.stringify(query)}`;
  await writeAuditAlone(ctx, actor, { action: 'projects.export', entityType: 'project', detail });
  return { buffer: await xlsxBuffer(wb), count };
}

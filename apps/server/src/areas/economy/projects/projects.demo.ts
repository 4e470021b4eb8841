/**
 * The industry projects of the demo county (seeds 002 and 004): 110 "Party branch +" projects led by villages all
 * over the county, about 60 cooperatives, each project with up to three yearly records. The red fund and the
 * social capital leveraged follow seed 004's proportion (红色基金 1,500万 over 301 projects, 1.12亿 leveraged: about
 * 5万 and 37万 a project); households linked and their added income after seed 002 (about 2,000 yuan a household).
 * The demo branch's village leads one. Bulk inserts.
 */
import { chinaYear, type ProjectFundT, type ProjectIndustry, type ProjectModel } from '@dangjian/contracts';
import type { DemoContributor, LoadedCounty } from '../../../demo/load.js';
import type { Random } from '../../../demo/random.js';
import type { Ctx } from '../../../platform/context.js';
import { addTimelineBatch, type TimelineEntry } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import * as repo from './projects.repository.js';

const PROJECTS = 110;
/** Industries with the names of their projects and cooperatives (the county's own products). */
const KINDS: { industry: ProjectIndustry; weight: number; names: string[]; coop: string }[] = [
  {
    industry: 'planting',
    weight: 34,
    names: ['白茶种植基地', '粽叶种植基地', '猕猴桃种植园', '蜜柚种植基地', '中药材种植基地', '高山烟叶基地'],
    coop: '种植专业合作社',
  },
  {
    industry: 'breeding',
    weight: 22,
    names: ['生猪养殖场', '桑植黄牛养殖场', '中蜂养殖基地', '稻田养鱼基地', '土鸡养殖场'],
    coop: '养殖专业合作社',
  },
  {
    industry: 'processing',
    weight: 14,
    names: ['粽叶加工厂', '茶叶加工厂', '腊味加工坊', '农产品初加工车间'],
    coop: '农产品加工合作社',
  },
  {
    industry: 'tourism',
    weight: 12,
    names: ['白族文化民宿', '乡村旅游接待中心', '红色研学基地', '农家乐集群'],
    coop: '乡村旅游合作社',
  },
  { industry: 'ecommerce', weight: 9, names: ['农特产品电商服务站', '直播带货中心'], coop: '电商专业合作社' },
  { industry: 'photovoltaic', weight: 9, names: ['村级光伏电站'], coop: '光伏合作社' },
];
const MODEL_SETS: [ProjectModel[], number][] = [
  [['cooperative', 'households'], 34],
  [['enterprise', 'households'], 18],
  [['base', 'households'], 18],
  [['cooperative', 'base', 'households'], 12],
  [['enterprise', 'cooperative'], 8],
  [['households'], 6],
  [['enterprise', 'base'], 4],
];
const STOP_REASONS = ['市场行情下滑，连续两年亏损，经村民代表会议决定停办', '选址涉及生态保护红线，按要求停办'];
const WAN = 1_000_000; // fen in 1万元

async function load(ctx: Ctx, c: LoadedCounty, rng0: Random, log: (line: string) => void): Promise<void> {
  const rng = rng0.fork(1402);
  const db = ctx.db;
  const thisYear = chinaYear(ctx.clock());
  const { orgs, branchOrgId } = await repo.demoVillages(db, c.tenantId);
  if (!orgs.length) return;
  const own = orgs.find((o) => o.id === branchOrgId);
  const others = rng.shuffle(orgs.filter((o) => o.id !== branchOrgId));
  const leads = [...(own ? [own] : []), ...others].slice(0, PROJECTS);
  while (leads.length < PROJECTS) leads.push(rng.pick(orgs));
  const now = ctx.clock().toISOString();
  const kinds = KINDS.flatMap((k) => Array<typeof k>(k.weight).fill(k));
  const models = MODEL_SETS.flatMap(([m, w]) => Array<ProjectModel[]>(w).fill(m));
  const plans = leads.map((org, i) => {
    const kind = rng.pick(kinds);
    const model = rng.pick(models);
    // About 60 cooperatives: the cooperative models have one (a few two), others now and then.
    const coops = model.includes('cooperative') ? (i % 17 === 0 ? 2 : 1) : i % 9 === 0 ? 1 : 0;
    const village = org.name.replace(/(党总支|党支部|党委)$/, '');
    const startYear = i % 12 === 0 ? thisYear : thisYear - rng.int(1, 5);
    const status = i % 37 === 5 ? 'stopped' : i % 12 === 0 ? (i % 24 === 0 ? 'planned' : 'building') : 'operating';
    const siblings = orgs.filter((o) => o.parent_id === org.parent_id && o.id !== org.id);
    const partners = i % 7 === 3 && siblings.length ? [rng.pick(siblings).id] : [];
    return { org, kind, model, coops, village, startYear, status, partners };
  });
  const ids = await repo.insertProjects(
    db,
    plans.map((p) => ({
      tenant_id: c.tenantId,
      org_id: p.org.id,
      org_path: p.org.org_path,
      name: `${p.village}${rng.pick(p.kind.names)}`,
      industry: p.kind.industry,
      industry_text: null,
      models: JSON.stringify(p.model),
      partners: JSON.stringify(p.partners),
      cooperatives: JSON.stringify(
        Array.from({ length: p.coops }, (_, n) => ({
          name: `桑植县${p.village}${n ? '联农' : ''}${p.kind.coop}`,
          members: rng.int(12, 150),
        })),
      ),
      start_year: p.startYear,
      status: p.status,
      stop_reason: p.status === 'stopped' ? rng.pick(STOP_REASONS) : null,
      stopped_year: p.status === 'stopped' ? thisYear - 1 : null,
      note: null,
      created_by: null,
      created_at: `${p.startYear}-03-0${rng.int(1, 9)}T02:00:00.000Z`,
      updated_at: now,
      deleted_at: null,
    })),
  );
  const years: repo.NewYear[] = [];
  const events: { author: { id: null; name: string }; entry: TimelineEntry }[] = [];
  let red = 0;
  let leveraged = 0;
  for (const [i, p] of plans.entries()) {
    const id = ids[i]!;
    events.push({
      author: { id: null, name: '乡镇党委' },
      entry: {
        tenantId: c.tenantId,
        entityType: 'project',
        entityId: id,
        orgPath: p.org.org_path,
        action: 'created',
        toState: p.status,
        at: `${p.startYear}-03-01T02:00:00.000Z`,
      },
    });
    if (p.status === 'planned') continue;
    const last = p.status === 'stopped' ? thisYear - 1 : thisYear;
    const first = Math.max(p.startYear, thisYear - 2);
    // Seed 004's proportion: about 5万 of red fund and 37万 of social capital a project, over its years.
    const redTotal = rng.int(20, 80) * 1000 * 100;
    const levTotal = rng.int(100, 650) * 1000 * 100;
    const span = last - first + 1;
    const households = rng.int(20, 260);
    for (let y = first; y <= last; y++) {
      const k = y - first;
      // The red fund mostly in the first year, the capital spread over the years.
      const redShare = span === 1 ? 1 : k === 0 ? 0.7 : 0.3 / (span - 1);
      const redFen = Math.round((redTotal * redShare) / 100) * 100;
      const funds: ProjectFundT[] = [{ source: 'red_fund', amountFen: redFen }];
      if (i % 3 === 0) funds.push({ source: 'fiscal', amountFen: rng.int(5, 30) * WAN });
      if (i % 5 === 1 && k === 0) funds.push({ source: 'department', amountFen: rng.int(2, 10) * WAN });
      const lev = Math.round(levTotal / span / 100) * 100;
      const hh = Math.round(households * (0.8 + 0.1 * k));
      const poor = Math.round(hh * (0.25 + rng.next() * 0.15));
      const monitored = Math.round(hh * 0.04);
      red += redFen;
      leveraged += lev;
      years.push({
        tenant_id: c.tenantId,
        org_id: p.org.id,
        org_path: p.org.org_path,
        project_id: id,
        year: y,
        funds: JSON.stringify(funds),
        given_fen: funds.reduce((s, f) => s + f.amountFen, 0),
        leveraged_fen: lev,
        households: hh,
        households_poor: poor,
        households_monitored: monitored,
        household_income_fen: hh * rng.int(1500, 3000) * 100,
        collective_income_fen: rng.int(2, 20) * WAN,
        note: null,
        created_by: null,
        created_at: `${y}-12-20T02:00:00.000Z`,
        updated_at: now,
        deleted_at: null,
      });
      events.push({
        author: { id: null, name: '乡镇党委' },
        entry: {
          tenantId: c.tenantId,
          entityType: 'project',
          entityId: id,
          orgPath: p.org.org_path,
          action: 'year',
          note: String(y),
          at: `${y}-12-20T02:00:00.000Z`,
        },
      });
    }
  }
  await repo.insertYears(db, years);
  await addTimelineBatch(db, events);
  await bumpVersion(db, c.tenantId, 'projects');
  const coops = plans.reduce((s, p) => s + p.coops, 0);
  const money = `红色基金 ${(red / WAN).toFixed(0)} 万元，撬动社会资金 ${(leveraged / WAN).toFixed(0)} 万元`;
  log(`  党支部+产业项目 projects：${plans.length} 个，合作社 ${coops} 个，${money}`);
}

/** The projects demo, run after the organizations exist. */
export const projectsContributor: DemoContributor = { name: 'projects', load };

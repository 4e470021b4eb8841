/**
 * The secretaries' annual reports of the demo county: last year's rounds (the county's for the township
 * secretaries, each township's for its villages) closed and published with every report graded — a realistic
 * spread, mostly 好 and 较好, a few 一般 and one or two 差 with their follow-up talk — and this year's rounds open
 * with some reports submitted and the rest in draft. Panels of five members per round; the demo member sits on its
 * township's panel this year. Deterministic from the county's seed; bulk inserts.
 */
import { chinaToday, combineGrades, REPORT_GRADES, REPORTS_RULE_DEFAULTS, type ReportGrade } from '@dangjian/contracts';
import type { DemoContributor, LoadedCounty } from '../../../demo/load.js';
import type { Random } from '../../../demo/random.js';
import type { Ctx } from '../../../platform/context.js';
import { addTimelineBatch, type TimelineEntry } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import * as demoRepo from './reports.demo.repository.js';
import * as panelRepo from './reports.panel.repository.js';
import * as repo from './reports.repository.js';
import { newReport } from './reports.rounds.js';

const WORK = [
  '带领班子成员落实“三会一课”制度，全年召开支部党员大会4次、支委会12次',
  '推进村集体经济发展，新建特色种植基地，村集体经济收入稳步增长',
  '开展党员积分制管理，组织党员承诺践诺，为群众办实事20余件',
  '落实“四议两公开”，村务财务按月公开，群众满意度明显提升',
  '抓好人居环境整治，组织党员志愿服务队开展清洁家园行动',
  '排查化解矛盾纠纷，全年调解各类纠纷15起，无越级上访',
  '发展党员严格程序，培养入党积极分子3名，储备村级后备干部2名',
];
const SHORTFALLS = ['理论学习深度不够', '带富致富能力有待提高', '党员教育管理方式较为单一', '集体经济增收渠道不宽'];

/** A report's text in the usual shape: what was done, what fell short, what comes next. */
function reportText(rng: Random, orgName: string, year: number): string {
  const done = rng.sample(WORK, 4).map((w, i) => `${i + 1}. ${w}。`);
  return [
    `${year}年，${orgName}在上级党委的坚强领导下，认真履行抓基层党建第一责任人职责，现将履职情况报告如下：`,
    '一、主要工作',
    ...done,
    `二、存在的问题：${rng.sample(SHORTFALLS, 2).join('；')}。`,
    `三、下步打算：坚持问题导向，补齐短板，推动${orgName.replace(/党(总)?支部|党委$/, '')}党建工作再上新台阶。`,
  ].join('\n');
}

const GRADE_WEIGHTS: [ReportGrade, number][] = [
  ['good', 45],
  ['fair_good', 35],
  ['average', 15],
  ['poor', 5],
];
const near = (rng: Random, g: ReportGrade): ReportGrade => {
  const keys: ReportGrade[] = ['good', 'fair_good', 'average', 'poor'];
  const i =
    keys.indexOf(g) +
    rng.weighted([
      [-1, 2],
      [0, 6],
      [1, 2],
    ] as const);
  return keys[Math.max(0, Math.min(3, i))]!;
};

async function load(ctx: Ctx, c: LoadedCounty, rng: Random, log: (line: string) => void): Promise<void> {
  const db = ctx.db;
  const today = chinaToday(ctx.clock());
  const year = Number(today.slice(0, 4));
  const now = ctx.clock().toISOString();
  const county = await repo.orgOfTenant(db, c.tenantId, c.tenantId);
  if (!county) return;
  const towns = await demoRepo.townships(db, c.tenantId);
  const demoMember = await demoRepo.demoUser(db, c.tenantId, 'demo-member');
  // The demo branch's report of this year stays a draft: its secretary is the one to write it.
  const demoBranch = await demoRepo.demoUser(db, c.tenantId, 'demo-branch');
  const events: { author: { id: null; name: string }; entry: TimelineEntry }[] = [];
  const grades: Parameters<typeof panelRepo.insertGrades>[1] = [];
  let graded = 0;
  let open = 0;
  const perGrade: Record<ReportGrade, number> = { good: 0, fair_good: 0, average: 0, poor: 0 };
  const organizers = [{ ...county, name: county.name }, ...towns];
  for (const org of organizers) {
    const orgs = await repo.reportingOrgs(db, c.tenantId, org);
    if (!orgs.length) continue;
    const pool = await demoRepo.membersUnder(db, c.tenantId, org.org_path, 200);
    for (const y of [year - 1, year]) {
      const last = y < year;
      const [roundId] = await repo.insertRounds(db, [
        {
          tenant_id: c.tenantId,
          org_id: org.id,
          org_path: org.org_path,
          year: y,
          title: `${y}年度${org.depth === 0 ? '乡镇党委' : '村（社区）党组织'}书记抓基层党建述职评议`,
          deadline: last ? `${year}-01-15` : `${year + 1}-01-15`,
          status: last ? 'closed' : 'open',
          notes: '述职采取“一述一问一评”方式，现场测评与群众代表评议相结合。',
          created_by: null,
          created_at: last ? `${year}-01-02T01:00:00.000Z` : now,
          updated_at: now,
          deleted_at: null,
        },
      ]);
      const seats = rng.sample(pool, Math.min(5, pool.length));
      if (!last && demoMember?.member_id && org.depth === 1) {
        const m = await demoRepo.memberById(db, demoMember.member_id);
        if (m && m.org_path.startsWith(org.org_path) && !seats.some((s) => s.id === m.id))
          seats.splice(0, 1, { id: m.id, name: m.name });
      }
      await panelRepo.insertPanelists(
        db,
        seats.map((m) => ({
          tenant_id: c.tenantId,
          org_id: org.id,
          org_path: org.org_path,
          round_id: roundId!,
          member_id: m.id,
          name: m.name,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })),
      );
      const panelists = await panelRepo.panelOf(db, roundId!);
      const rows = orgs.map((o) => {
        const r = newReport(o, roundId!, y, c.tenantId, now);
        const submitted = last || (rng.chance(0.4) && o.id !== demoBranch?.org_id);
        if (!submitted) return { r, base: null as ReportGrade | null };
        r.content = reportText(rng, o.name, y);
        r.status = 'submitted';
        r.submitted_on = last ? `${year}-01-${String(rng.int(5, 14)).padStart(2, '0')}` : today;
        if (!last) return { r, base: null };
        const base = rng.weighted(GRADE_WEIGHTS);
        const residents = { good: 0, fair_good: 0, average: 0, poor: 0 } as Record<ReportGrade, number>;
        for (let n = 0; n < 30; n++) residents[near(rng, base)]++;
        r.committee_grade = base;
        r.residents_good = residents.good;
        r.residents_fair_good = residents.fair_good;
        r.residents_average = residents.average;
        r.residents_poor = residents.poor;
        return { r, base };
      });
      const ids = await repo.insertReports(
        db,
        rows.map((x) => x.r),
      );
      for (const [i, { r, base }] of rows.entries()) {
        const id = ids[i]!;
        const o = orgs[i]!;
        const ev = (action: string, from: string | null, to: string | null, day: string, note: string | null = null) =>
          events.push({
            author: { id: null, name: action === 'submitted' ? (r.secretary_name ?? o.name) : org.name },
            entry: {
              tenantId: c.tenantId,
              entityType: 'report',
              entityId: id,
              orgPath: o.org_path,
              action,
              fromState: from,
              toState: to,
              note,
              at: `${day}T02:00:00.000Z`,
            },
          });
        if (r.status === 'draft') {
          open++;
          continue;
        }
        ev('submitted', 'draft', 'submitted', r.submitted_on!);
        if (!base) continue;
        const members = { good: 0, fair_good: 0, average: 0, poor: 0 } as Record<ReportGrade, number>;
        for (const p of panelists) {
          const g = near(rng, base);
          members[g]++;
          grades.push({
            tenant_id: c.tenantId,
            org_id: o.id,
            org_path: o.org_path,
            report_id: id,
            panelist_id: p.id,
            grade: g,
            created_by: null,
            created_at: now,
            updated_at: now,
            deleted_at: null,
          });
        }
        const result = combineGrades(
          { ...REPORTS_RULE_DEFAULTS },
          {
            committee: base,
            members,
            residents: {
              good: r.residents_good,
              fair_good: r.residents_fair_good,
              average: r.residents_average,
              poor: r.residents_poor,
            },
          },
        )!;
        const gradedOn = `${year}-01-2${rng.int(0, 5)}`;
        const set: Record<string, unknown> = {
          status: 'published',
          score_tenths: Math.round(result.score * 10),
          final_grade: result.grade,
          graded_on: gradedOn,
          published_on: `${year}-01-28`,
        };
        if (result.grade === 'poor') {
          set.followup_on = `${year}-02-0${rng.int(2, 9)}`;
          set.followup_note = '乡镇党委书记约谈，指出履职不到位的问题，限期整改。';
        }
        await repo.updateReport(db, id, set);
        ev(
          'graded',
          'submitted',
          'graded',
          gradedOn,
          `综合得分 ${result.score}，评定为“${REPORT_GRADES[result.grade].zh}”`,
        );
        ev('published', 'graded', 'published', `${year}-01-28`);
        graded++;
        perGrade[result.grade]++;
      }
    }
  }
  await panelRepo.insertGrades(db, grades);
  await addTimelineBatch(db, events);
  await bumpVersion(db, c.tenantId, 'reports');
  log(
    `  书记述职 annual reports：上年已评定 ${graded}（好 ${perGrade.good}，较好 ${perGrade.fair_good}，` +
      `一般 ${perGrade.average}，差 ${perGrade.poor}），本年待提交 ${open} graded ${graded}, drafts ${open}`,
  );
}

/** The reports demo, run after the organizations and members exist. */
export const reportsContributor: DemoContributor = { name: 'reports', load };

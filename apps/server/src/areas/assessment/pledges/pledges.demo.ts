/**
 * A year of pledges for the demo county: most members make one to three pledges (岗位承诺, 服务承诺, 为民办实事 …),
 * most fulfilled and many evaluated by members and residents; each village and community organization pledges two
 * or three practical things for residents. The demo member's branch gets a timeline for its pledges. Deterministic
 * from the county's seed; bulk inserts in chunks.
 */
import { addDays, chinaToday, type PledgeCategory, type PledgeStatus } from '@dangjian/contracts';
import type { DemoContributor, LoadedCounty } from '../../../demo/load.js';
import type { Random } from '../../../demo/random.js';
import type { Ctx } from '../../../platform/context.js';
import { randomToken } from '../../../platform/crypto.js';
import { addTimelineBatch, type TimelineEntry } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import * as repo from './pledges.repository.js';

const MEMBER_PLEDGES: Record<Exclude<PledgeCategory, 'practical'>, string[]> = {
  post: [
    '立足岗位做表率，全年无差错',
    '带头落实“三会一课”，全年不缺席',
    '带头参加村级公益劳动不少于10次',
    '按时足额交纳党费',
  ],
  service: [
    '结对帮扶1户困难家庭',
    '为独居老人每月上门服务一次',
    '义务为群众代办事项不少于12件',
    '参加志愿服务不少于40小时',
  ],
  study: ['全年学习党的创新理论并撰写心得4篇', '掌握一门实用种养技术并向群众推广'],
  development: ['带动5户群众发展特色种植', '帮助3名村民实现就近就业', '协助合作社拓展农产品销路'],
};
const ORG_PLEDGES = [
  '硬化村内道路1.2公里',
  '为村民安装路灯40盏',
  '整治村内人居环境，清理垃圾死角',
  '建成村级养老服务站',
  '修缮村内灌溉水渠2公里',
  '为留守儿童开设周末课堂',
  '解决村民饮水安全问题',
  '建设村级便民服务中心',
  '开展义诊进村活动4次',
  '为困难群众办理医保参保',
];
const COMMENTS = ['说到做到，群众满意', '实实在在为群众办事', '进度再快一些更好', '服务热情，效果明显', null, null];
/** Rows per insert: within SQLite's 32766 and PostgreSQL's 65535 bound parameters. */
const CHUNK = 1000;
const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);

/** How a demo pledge ends the year. */
function statusOf(rng: Random): PledgeStatus {
  return rng.weighted<PledgeStatus>([
    ['evaluated', 45],
    ['fulfilled', 25],
    ['reported', 5],
    ['published', 15],
    ['approved', 3],
    ['submitted', 4],
    ['draft', 3],
  ]);
}

const rating = (rng: Random) =>
  rng.weighted<string>([
    ['satisfied', 80],
    ['fair', 16],
    ['dissatisfied', 4],
  ]);

async function load(ctx: Ctx, c: LoadedCounty, rng0: Random, log: (line: string) => void): Promise<void> {
  const rng = rng0.fork(1201);
  const db = ctx.db;
  const today = chinaToday(ctx.clock());
  const year = Number(today.slice(0, 4));
  const start = min(`${year}-01-10`, today);
  const now = ctx.clock().toISOString();
  const { members, villages, branch } = await repo.demoPeople(db, c.tenantId);
  const rows: repo.NewPledge[] = [];
  const add = (
    o: { tenant: number; orgId: number; path: string },
    memberId: number | null,
    title: string,
    category: PledgeCategory,
  ) => {
    const status = statusOf(rng);
    // Every day lies between the year's first days and today, whenever in the year the demo is loaded.
    const made = rng.date(start, min(addDays(start, 40), today));
    const due = rng.date(`${year}-06-30`, `${year}-12-31`);
    const done = ['fulfilled', 'evaluated'].includes(status);
    const latest = status === 'fulfilled' ? today : max(made, addDays(today, -31));
    const fulfilledOn = done ? rng.date(min(addDays(made, 60), latest), latest) : null;
    const problems = memberId == null ? rng.int(1, 6) : rng.chance(0.2) ? 1 : 0;
    rows.push({
      tenant_id: o.tenant,
      org_id: o.orgId,
      org_path: o.path,
      member_id: memberId,
      kind: memberId == null ? 'org' : 'member',
      year,
      status,
      category,
      title,
      content: `${title}。按季度报告进展，接受党员群众监督。`,
      due_on: due,
      problems_solved: done || status === 'reported' ? problems : 0,
      fulfilled_on: fulfilledOn,
      fulfilment: done || status === 'reported' ? `已完成：${title}` : null,
      problems_text: done && problems ? `解决群众反映的问题${problems}个` : null,
      return_reason: null,
      // A random link per public pledge, as a publication gives it (the rest of the demo is seeded).
      public_token: ['published', 'reported', 'fulfilled', 'evaluated'].includes(status) ? randomToken(18) : null,
      created_by: null,
      created_at: `${made}T02:00:00.000Z`,
      updated_at: now,
      deleted_at: null,
    });
  };
  const cats = Object.keys(MEMBER_PLEDGES) as (keyof typeof MEMBER_PLEDGES)[];
  for (const m of members) {
    // About 1.08 pledges per member, as seed 004 counts (1.08万 pledges of 1万 members).
    if (rng.chance(0.2)) continue;
    const n = rng.weighted<number>([
      [1, 70],
      [2, 25],
      [3, 5],
    ]);
    for (const cat of rng.sample(cats, n))
      add({ tenant: c.tenantId, orgId: m.org_id, path: m.org_path }, m.id, rng.pick(MEMBER_PLEDGES[cat]), cat);
  }
  for (const v of villages)
    for (const title of rng.sample(ORG_PLEDGES, rng.int(2, 3)))
      add({ tenant: c.tenantId, orgId: v.id, path: v.org_path }, null, title, 'practical');
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) ids.push(...(await repo.insertPledges(db, rows.slice(i, i + CHUNK))));
  // Evaluations of the fulfilled and evaluated pledges, by members of the same branch and by residents.
  const evaluations: Parameters<typeof repo.insertEvaluations>[1] = [];
  const progress: Parameters<typeof repo.insertProgress>[1] = [];
  const events: { author: { id: null; name: string }; entry: TimelineEntry }[] = [];
  const byOrg = new Map<number, number[]>();
  for (const m of members) byOrg.set(m.org_id, [...(byOrg.get(m.org_id) ?? []), m.id]);
  rows.forEach((r, i) => {
    const id = ids[i]!;
    if (r.fulfilment)
      progress.push({
        tenant_id: r.tenant_id,
        org_id: r.org_id,
        org_path: r.org_path,
        pledge_id: id,
        kind: 'fulfilment',
        text: r.fulfilment,
        reported_on: r.fulfilled_on ?? today,
        author_name: null,
        created_by: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      });
    if (r.status === 'fulfilled' || r.status === 'evaluated') {
      const peers = (byOrg.get(r.org_id) ?? []).filter((x) => x !== r.member_id);
      const voters = [
        ...rng.sample(peers, rng.int(1, 2)).map((m) => ({ who: 'member', key: `m:${m}` })),
        ...Array.from({ length: rng.int(0, 1) }, (_, k) => ({ who: 'resident', key: `r:demo${id}x${k}` })),
      ];
      for (const v of voters)
        evaluations.push({
          tenant_id: r.tenant_id,
          org_id: r.org_id,
          org_path: r.org_path,
          pledge_id: id,
          evaluator: v.who,
          evaluator_key: v.key,
          evaluator_name: v.who === 'member' ? '党员' : null,
          rating: rating(rng),
          comment: rng.pick(COMMENTS),
          created_at: now,
          updated_at: now,
          deleted_at: null,
        });
    }
    if (branch?.org_id === r.org_id) {
      const author = { id: null, name: '系统导入' };
      const e = (action: string, toState: string | null, at: string) =>
        events.push({
          author,
          entry: {
            tenantId: r.tenant_id,
            entityType: 'pledge',
            entityId: id,
            orgPath: r.org_path,
            action,
            toState,
            at,
          },
        });
      e('created', 'draft', r.created_at);
      if (r.status !== 'draft') e('submitted', 'submitted', r.created_at);
    }
  });
  for (let i = 0; i < evaluations.length; i += 2 * CHUNK)
    await repo.insertEvaluations(db, evaluations.slice(i, i + 2 * CHUNK));
  for (let i = 0; i < progress.length; i += 2 * CHUNK) await repo.insertProgress(db, progress.slice(i, i + 2 * CHUNK));
  for (let i = 0; i < events.length; i += CHUNK) await addTimelineBatch(db, events.slice(i, i + CHUNK));
  await bumpVersion(db, c.tenantId, 'pledges');
  log(`  ${rows.length} pledges, ${evaluations.length} evaluations`);
}

/** The demo contributor of pledges. */
export const pledgesContributor: DemoContributor = { name: 'pledges', load };

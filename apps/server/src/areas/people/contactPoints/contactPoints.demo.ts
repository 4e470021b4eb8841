/**
 * The county leaders' contact points of the demo county (seed 002's shape: 20 leaders, two or three organizations
 * each, the weak organizations on file taken on first), with a visit to each point about every two months this
 * year and the issues found, most of them solved. Deterministic, inserted in bulk.
 */
import { addDays, chinaToday } from '@dangjian/contracts';
import type { DemoContributor, LoadedCounty } from '../../../demo/load.js';
import { personName } from '../../../demo/names.js';
import type { Random } from '../../../demo/random.js';
import type { Ctx } from '../../../platform/context.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import * as repo from './contactPoints.repository.js';

const POSTS = [
  '县委书记',
  '县委副书记、县长',
  '县委副书记',
  '县委常委、组织部长',
  '县委常委、纪委书记',
  '县委常委、宣传部长',
  '县委常委、统战部长',
  '县委常委、政法委书记',
  '县委常委、常务副县长',
  '县委常委、县委办主任',
  '县人大常委会主任',
  '县政协主席',
  '副县长',
  '副县长',
  '副县长',
  '县人大常委会副主任',
  '县人大常委会副主任',
  '县政协副主席',
  '县政协副主席',
  '县法院院长',
];
const WORK = [
  '到村召开支部委员会，指导“三会一课”和主题党日规范开展',
  '走访困难党员和群众，了解集体经济项目进展',
  '督导整顿方案落实，与村“两委”班子逐一谈心谈话',
  '调研产业发展，协调解决项目用地和资金问题',
  '讲专题党课，听取村党组织书记工作汇报',
];
const ISSUES = [
  '“三会一课”记录不规范',
  '村集体经济收入来源单一',
  '党员活动阵地设施老化',
  '后备力量培养不足',
  '矛盾纠纷调处不及时',
  '村务公开不及时',
];

async function load(ctx: Ctx, c: LoadedCounty, rng0: Random, log: (line: string) => void): Promise<void> {
  const rng = rng0.fork(3401);
  const db = ctx.db;
  const today = chinaToday(ctx.clock());
  const year = today.slice(0, 4);
  const now = ctx.clock().toISOString();
  const { root, weak, places } = await repo.demoOrgs(db, c.tenantId);
  if (!root || !places.length) return;
  const leaderIds = await repo.insertLeaders(
    db,
    POSTS.map((post, i) => ({
      tenant_id: c.tenantId,
      org_id: root.id,
      org_path: root.org_path,
      name: personName(rng, rng.chance(0.8) ? 'male' : 'female', rng.int(1966, 1980)),
      post,
      user_id: null,
      sort_order: i + 1,
      created_by: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    })),
  );
  // Weak organizations on file first (包抓), then other places (联系点): about 49 in all.
  const targets: { org_id: number; org_path: string; weak_org_id: number | null }[] = [];
  const seen = new Set<number>();
  for (const w of weak)
    if (!seen.has(w.org_id) && targets.length < 15) {
      seen.add(w.org_id);
      targets.push({ org_id: w.org_id, org_path: w.org_path, weak_org_id: w.id });
    }
  for (const p of rng.shuffle([...places]))
    if (!seen.has(p.id) && targets.length < 49) {
      seen.add(p.id);
      targets.push({ org_id: p.id, org_path: p.org_path, weak_org_id: null });
    }
  const since = `${Number(year) - 1}-03-01`;
  const pointRows = targets.map((t, i) => ({
    tenant_id: c.tenantId,
    org_id: t.org_id,
    org_path: t.org_path,
    leader_id: leaderIds[i % leaderIds.length]!,
    kind: t.weak_org_id ? 'weak_takeover' : 'guide',
    since,
    weak_org_id: t.weak_org_id,
    note: null,
    created_by: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  }));
  const pointIds = await repo.insertPoints(db, pointRows);
  // A visit about every two months this year.
  const visits: Parameters<typeof repo.insertVisits>[1] = [];
  const pointOf: number[] = [];
  pointRows.forEach((p, i) => {
    for (let d = addDays(`${year}-01-10`, rng.int(0, 40)); d <= today; d = addDays(d, rng.int(45, 75))) {
      visits.push({
        tenant_id: c.tenantId,
        org_id: p.org_id,
        org_path: p.org_path,
        point_id: pointIds[i]!,
        visited_on: d,
        content: rng.pick(WORK),
        created_by: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      });
      pointOf.push(i);
    }
  });
  const visitIds = await repo.insertVisits(db, visits);
  const issues: Parameters<typeof repo.insertIssues>[1] = [];
  visits.forEach((v, i) => {
    if (!rng.chance(0.5)) return;
    const solved = v.visited_on < addDays(today, -60) || rng.chance(0.3);
    issues.push({
      tenant_id: c.tenantId,
      org_id: v.org_id,
      org_path: v.org_path,
      visit_id: visitIds[i]!,
      point_id: v.point_id,
      text: rng.pick(ISSUES),
      state: solved ? 'solved' : 'open',
      solved_on: solved ? [addDays(v.visited_on, rng.int(10, 40)), today].sort()[0]! : null,
      solution: solved ? '已督促整改到位，建立长效机制' : null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
  });
  await repo.insertIssues(db, issues);
  await bumpVersion(db, c.tenantId, 'contactPoints');
  log(
    `  联系点 contact points：县级领导 ${leaderIds.length}，联系党组织 ${pointRows.length}` +
      `（包抓 ${pointRows.filter((p) => p.weak_org_id).length}），走访 ${visits.length}，问题 ${issues.length}`,
  );
}

/** The contact points demo, run after the weak organizations exist. */
export const contactPointsContributor: DemoContributor = { name: 'contactPoints', load };

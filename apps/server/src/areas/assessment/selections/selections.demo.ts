/**
 * The selections of the demo county: last year's 十佳村干部 (two nominations from each township, all reviewed,
 * the county's accounts voting once each, ten winners named by the count and published after five days of 公示)
 * and this year's 十杰百优 taking nominations (some in, a few accepted, one rejected with its reason).
 * Deterministic from the county's seed; bulk inserts.
 */
import { addDays, chinaToday } from '@dangjian/contracts';
import type { DemoContributor, LoadedCounty } from '../../../demo/load.js';
import type { Random } from '../../../demo/random.js';
import type { Ctx } from '../../../platform/context.js';
import { addTimelineBatch, type TimelineEntry } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import * as demoRepo from './selections.demo.repository.js';
import * as repo from './selections.repository.js';

const DEEDS = [
  '带领群众发展特色种植产业，村集体经济收入三年翻一番，群众人均收入明显提高',
  '扎根基层二十年，带头化解矛盾纠纷，所在村连续五年无越级上访',
  '抗洪抢险中连续奋战七昼夜，组织转移群众三百余人，无一人伤亡',
  '推行“党员联户”制度，常态化走访困难群众，帮办实事百余件',
  '牵头成立专业合作社，吸纳脱贫户务工，带动百余户群众增收',
  '狠抓人居环境整治，所在村获评省级美丽乡村示范村',
];

async function load(ctx: Ctx, c: LoadedCounty, rng: Random, log: (line: string) => void): Promise<void> {
  const db = ctx.db;
  const today = chinaToday(ctx.clock());
  const year = Number(today.slice(0, 4));
  const now = ctx.clock().toISOString();
  const county = await repo.orgOfTenant(db, c.tenantId, c.tenantId);
  if (!county) return;
  // Village secretaries by township: the nominees of 十佳村干部.
  const secretaries = await demoRepo.villageSecretaries(db, c.tenantId);
  const byTown = new Map<number, typeof secretaries>();
  for (const s of secretaries) byTown.set(s.town_id, [...(byTown.get(s.town_id) ?? []), s]);
  const voters = await demoRepo.voters(db, c.tenantId);
  const events: { author: { id: null; name: string }; entry: TimelineEntry }[] = [];
  const ev = (
    id: number,
    action: string,
    from: string | null,
    to: string | null,
    day: string,
    note: string | null = null,
  ) =>
    events.push({
      author: { id: null, name: county.name },
      entry: {
        tenantId: c.tenantId,
        entityType: 'selection',
        entityId: id,
        orgPath: county.org_path,
        action,
        fromState: from,
        toState: to,
        note,
        at: `${day}T02:00:00.000Z`,
      },
    });
  const base = {
    tenant_id: c.tenantId,
    org_id: county.id,
    org_path: county.org_path,
    created_by: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    winner_reason: null,
  };
  // Last year's 十佳村干部, published.
  const last = year - 1;
  const [lastId] = await repo.insertSelections(db, [
    {
      ...base,
      year: last,
      title: `${last}年度全县“十佳村干部”评选`,
      kind: 'village_cadres',
      places: 10,
      categories: '[]',
      rules: '各乡镇党委推荐2名，县委组织部资格审查，全县党员干部投票，县委研究确定，公示5天。',
      nominate_from: `${last}-10-08`,
      nominate_to: `${last}-10-31`,
      vote_from: `${last}-11-05`,
      vote_to: `${last}-11-20`,
      quota_per_org: 2,
      max_choices: 10,
      publicize_days: 5,
      status: 'published',
      publicized_on: `${last}-11-25`,
      published_on: `${last}-12-01`,
    },
  ]);
  const noms: Parameters<typeof repo.insertNominations>[1] = [];
  for (const [townId, list] of byTown)
    for (const s of rng.sample(list, Math.min(2, list.length)))
      noms.push({
        ...base,
        org_id: townId,
        org_path: list[0]!.town_path,
        selection_id: lastId!,
        member_id: s.id,
        member_name: s.name,
        category: null,
        deeds: rng.pick(DEEDS),
        evidence: '乡镇党委推荐意见、村民代表评议表',
        status: 'accepted',
        review_reason: null,
        winner: 0,
        created_at: `${last}-10-20T02:00:00.000Z`,
      });
  const nomIds = await repo.insertNominations(db, noms);
  // Each account votes once for up to ten; popularity differs so the count has a clear top ten.
  const weight = nomIds.map(() => rng.int(1, 10));
  const votes = new Map<number, number>(nomIds.map((id) => [id, 0]));
  const ballots: Parameters<typeof repo.insertBallots>[1] = [];
  for (const v of voters) {
    if (!rng.chance(0.85) || !nomIds.length) continue;
    const picks = new Set<number>();
    for (let k = 0; k < Math.min(10, nomIds.length) * 2 && picks.size < Math.min(10, nomIds.length); k++)
      picks.add(nomIds[rng.weighted(weight.map((w, i) => [i, w] as const))]!);
    for (const p of picks) votes.set(p, votes.get(p)! + 1);
    ballots.push({
      tenant_id: c.tenantId,
      org_id: v.org_id!,
      org_path: v.org_path!,
      selection_id: lastId!,
      voter_user_id: v.id,
      choices: JSON.stringify([...picks].sort((a, b) => a - b)),
      cast_at: `${last}-11-${String(rng.int(5, 20)).padStart(2, '0')}T03:00:00.000Z`,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
  }
  await repo.insertBallots(db, ballots);
  const winners = [...votes.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, 10)
    .map(([id]) => id);
  await repo.setWinners(db, lastId!, new Map(winners.map((id) => [id, null])), now);
  ev(lastId!, 'created', null, 'nominating', `${last}-10-08`, `${last}年度全县“十佳村干部”评选，名额 10`);
  ev(lastId!, 'vote_opened', 'nominating', 'voting', `${last}-11-05`);
  ev(lastId!, 'publicized', 'voting', 'publicizing', `${last}-11-25`, `按得票确定当选人 ${winners.length} 名`);
  ev(lastId!, 'published', 'publicizing', 'published', `${last}-12-01`);
  // This year's 十杰百优, taking nominations.
  const [curId] = await repo.insertSelections(db, [
    {
      ...base,
      year,
      title: `${year}年度“十杰百优”评选表彰`,
      kind: 'ten_hundred',
      places: 110,
      categories: JSON.stringify(['十杰村党组织书记', '百优共产党员']),
      rules:
        '“十杰”评选村党组织书记10名，“百优”评选优秀共产党员100名。各乡镇党委按名额推荐，县委组织部审核后组织投票。',
      nominate_from: addDays(today, -10),
      nominate_to: addDays(today, 20),
      vote_from: addDays(today, 25),
      vote_to: addDays(today, 40),
      quota_per_org: 8,
      max_choices: 20,
      publicize_days: 5,
      status: 'nominating',
      publicized_on: null,
      published_on: null,
    },
  ]);
  const cur: Parameters<typeof repo.insertNominations>[1] = [];
  for (const [townId, list] of [...byTown].slice(0, Math.ceil(byTown.size / 2)))
    for (const [i, s] of rng.sample(list, Math.min(3, list.length)).entries())
      cur.push({
        ...base,
        org_id: townId,
        org_path: list[0]!.town_path,
        selection_id: curId!,
        member_id: s.id,
        member_name: s.name,
        category: i === 0 ? '十杰村党组织书记' : '百优共产党员',
        deeds: rng.pick(DEEDS),
        evidence: '乡镇党委推荐意见',
        status: i === 0 ? 'accepted' : i === 2 && townId % 3 === 0 ? 'rejected' : 'pending',
        review_reason: i === 2 && townId % 3 === 0 ? '推荐材料不完整，请补充近三年考核情况' : null,
        winner: 0,
        created_at: now,
      });
  await repo.insertNominations(db, cur);
  ev(curId!, 'created', null, 'nominating', addDays(today, -10), `${year}年度“十杰百优”评选表彰，名额 110`);
  await addTimelineBatch(db, events);
  await bumpVersion(db, c.tenantId, 'selections');
  log(
    `  评选表彰 selections：上年十佳村干部 推荐 ${noms.length}、选票 ${ballots.length}、当选 ${winners.length}；` +
      `本年十杰百优 推荐 ${cur.length} nominations ${noms.length}, ballots ${ballots.length}`,
  );
}

/** The selections demo, run after the organizations, members and accounts exist. */
export const selectionsContributor: DemoContributor = { name: 'selections', load };

/**
 * The weak organizations of the demo county: a dozen villages in rectification now (flagged over the last months,
 * each with its leader, plan and a check-up every month since), one that failed its acceptance and went back, one
 * awaiting acceptance, one extended, one just flagged; and files released in each of the last three years with
 * their check-ups and passing acceptances, so the three-year figure has something to count. Deterministic from
 * the county's seed; bulk inserts.
 */
import {
  addDays,
  addMonths,
  CHECKUP_RATINGS,
  CHECKUP_TOPICS,
  type CheckupRating,
  type CheckupTopic,
  chinaToday,
  WEAK_ORG_REASONS,
  type WeakOrgReason,
} from '@dangjian/contracts';
import type { DemoContributor, LoadedCounty } from '../../../demo/load.js';
import { personName } from '../../../demo/names.js';
import type { Random } from '../../../demo/random.js';
import type { Ctx } from '../../../platform/context.js';
import { addTimelineBatch, type TimelineEntry } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import * as repo from './weakOrgs.repository.js';

const POSTS = [
  '县委常委、组织部部长',
  '县委常委、纪委书记',
  '县委常委、宣传部部长',
  '县委常委、政法委书记',
  '县委常委、统战部部长',
  '县委常委、常务副县长',
  '县委副书记',
  '县委常委、县委办主任',
  '县委常委、县人武部政委',
];
const REASON_TEXT: Record<WeakOrgReason, string> = {
  disunited: '村“两委”班子成员各自为政，议事决策难以形成合力',
  secretary: '村党支部书记年龄偏大、履职能力不足，带富能力弱',
  life: '“三会一课”开展不经常，主题党日流于形式',
  members: '流动党员长期失联，党费收缴不及时',
  affairs: '村务公开不及时，财务管理不规范',
  economy: '村集体经济年收入不足5万元，无稳定增收项目',
  complaints: '群众信访反映问题较多，矛盾纠纷化解不及时',
  other: '换届后班子磨合不到位',
};
const MEASURES = [
  '调整充实村“两委”班子，选优配强村党组织书记',
  '规范落实“三会一课”、主题党日，县包抓领导每季度讲一次党课',
  '清理流动党员，建立联系台账，按月收缴党费',
  '落实“四议两公开”，每月公开村务财务',
  '引进特色种植项目，发展村集体经济',
  '排查化解矛盾纠纷，建立群众诉求办理台账',
];
const FINDINGS: Record<CheckupTopic, string[]> = {
  team: ['班子分工不够明确', '支委会议记录不完整', '书记履职不到位'],
  members: ['流动党员联系不及时', '党员积分管理未落实', '党费收缴滞后'],
  governance: ['村务公开栏更新不及时', '矛盾纠纷台账不全', '村规民约执行不严'],
  economy: ['集体经济项目进度滞后', '合作社经营收益偏低', '资产资源台账不清'],
};
const TOPICS = Object.keys(CHECKUP_TOPICS) as CheckupTopic[];
const REASONS = Object.keys(WEAK_ORG_REASONS).filter((r) => r !== 'other') as WeakOrgReason[];

/** What one demo file is: when flagged and released, and where it stands now. */
interface Plan {
  status: 'flagged' | 'rectifying' | 'accepting' | 'extended' | 'released';
  monthsAgo: number;
  /** Months the rectification took (released files). */
  months?: number;
  failed?: boolean;
}

/** A dozen open now, and files released over the last three years. */
function plans(): Plan[] {
  const open: Plan[] = [
    { status: 'flagged', monthsAgo: 0 },
    { status: 'rectifying', monthsAgo: 7, failed: true },
    { status: 'accepting', monthsAgo: 9 },
    { status: 'extended', monthsAgo: 11 },
    ...[2, 3, 3, 4, 5, 5, 6, 8].map((m): Plan => ({ status: 'rectifying', monthsAgo: m })),
  ];
  const released: Plan[] = [
    ...[30, 30, 29, 28, 28, 27].map((m): Plan => ({ status: 'released', monthsAgo: m, months: 10 })),
    ...[20, 19, 18, 18, 17, 16, 16, 15].map((m): Plan => ({ status: 'released', monthsAgo: m, months: 9 })),
    ...[12, 11, 10].map((m): Plan => ({ status: 'released', monthsAgo: m, months: 8 })),
  ];
  return [...open, ...released];
}

const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;

/** A rating that improves as the rectification goes on (month n of m). */
function rating(rng: Random, n: number, m: number): CheckupRating {
  const p = m > 0 ? n / m : 0;
  const x = rng.next() * 0.6 + p * 0.6;
  return x > 0.75 ? 'good' : x > 0.35 ? 'fair' : 'poor';
}

async function load(ctx: Ctx, c: LoadedCounty, rng0: Random, log: (line: string) => void): Promise<void> {
  const rng = rng0.fork(1301);
  const db = ctx.db;
  const today = chinaToday(ctx.clock());
  const { rows, branchOrgId } = await repo.demoVillages(db, c.tenantId);
  const list = plans();
  if (rows.length < list.length) return;
  const own = rows.find((r) => r.id === branchOrgId);
  // The demo branch's village is among the files in rectification, so its secretary sees its own file.
  const villages = [
    ...(own ? [own] : []),
    ...rng.sample(
      rows.filter((r) => r.id !== branchOrgId),
      list.length,
    ),
  ];
  const now = ctx.clock().toISOString();
  const events: { author: { id: null; name: string }; entry: TimelineEntry }[] = [];
  const checkups: Parameters<typeof repo.insertCheckups>[1] = [];
  const acceptances: Parameters<typeof repo.insertAcceptances>[1] = [];
  let open = 0;
  let released = 0;
  const order = [list[1]!, list[0]!, ...list.slice(2)];
  for (const [i, p] of order.entries()) {
    const v = villages[i]!;
    const flaggedOn = addDays(addMonths(today, -p.monthsAgo), -rng.int(0, 20));
    const flagged = flaggedOn > today ? today : flaggedOn;
    const releasedOn = p.months ? addMonths(flagged, p.months) : null;
    const end = releasedOn ?? today;
    const reasons = rng.sample(REASONS, rng.int(1, 3));
    const leader = personName(rng.fork(i), rng.chance(0.8) ? 'male' : 'female', rng.int(1966, 1978));
    const measures = rng.sample(MEASURES, 3).map((content, n) => ({
      content,
      dueOn: addMonths(flagged, 2 + n * 2),
      done: addMonths(flagged, 2 + n * 2) < end,
    }));
    const planned = p.status !== 'flagged';
    const [id] = await repo.insertFiles(db, [
      {
        tenant_id: c.tenantId,
        org_id: v.id,
        org_path: v.org_path,
        year: Number(flagged.slice(0, 4)),
        status: p.status,
        reasons: JSON.stringify(reasons),
        reason_text: reasons.map((r) => REASON_TEXT[r]).join('；'),
        flagged_on: flagged,
        leader_name: leader,
        leader_post: POSTS[i % POSTS.length]!,
        listed: i % 3 === 0 ? 1 : 0,
        plan: planned
          ? `针对${reasons.map((r) => WEAK_ORG_REASONS[r].zh).join('、')}等问题，制定整顿方案，限期整改到位。`
          : null,
        measures: planned ? JSON.stringify(measures) : null,
        released_on: releasedOn,
        created_by: null,
        created_at: at(flagged, 2),
        updated_at: now,
        deleted_at: null,
      },
    ]);
    const ev = (action: string, from: string | null, to: string | null, day: string, note: string | null = null) =>
      events.push({
        author: { id: null, name: '县委组织部' },
        entry: {
          tenantId: c.tenantId,
          entityType: 'weak_org',
          entityId: id!,
          orgPath: v.org_path,
          action,
          fromState: from,
          toState: to,
          note,
          at: at(day, 2 + (events.length % 6)),
        },
      });
    ev('flagged', null, 'flagged', flagged, `${POSTS[i % POSTS.length]} ${leader}`);
    if (!planned) {
      open++;
      continue;
    }
    ev('started', 'flagged', 'rectifying', addDays(flagged, 10));
    // A check-up each month from the one after the flagging up to the release (or this month).
    const months: string[] = [];
    for (let m = addMonths(flagged, 1).slice(0, 7); m <= end.slice(0, 7); m = addMonths(`${m}-01`, 1).slice(0, 7))
      months.push(m);
    for (const [n, month] of months.entries()) {
      // On a day of the month, never after today (this month's check-up is done by now).
      const dayOf = `${month}-${String(rng.int(10, 25))}`;
      const day = dayOf > today ? today : dayOf;
      const items = TOPICS.map((topic) => {
        const r = rating(rng, n, months.length);
        return { topic, rating: r, findings: r === 'good' ? null : rng.pick(FINDINGS[topic]), problemId: null };
      });
      checkups.push({
        tenant_id: c.tenantId,
        org_id: v.id,
        org_path: v.org_path,
        weak_org_id: id!,
        month,
        checked_by: leader,
        items: JSON.stringify(items),
        created_by: null,
        created_at: at(day, 3),
        updated_at: now,
        deleted_at: null,
      });
      const words = items.map((i) => `${CHECKUP_TOPICS[i.topic].zh}${CHECKUP_RATINGS[i.rating].zh}`).join('，');
      ev('checkup', null, null, day, `${month}（${leader}）：${words}`);
    }
    const accept = (day: string, score: number, size: number, bad: number, passed: boolean) => {
      acceptances.push({
        tenant_id: c.tenantId,
        org_id: v.id,
        org_path: v.org_path,
        weak_org_id: id!,
        accepted_on: day,
        panel_size: size,
        panel_dissatisfied: bad,
        residents_asked: 30,
        residents_dissatisfied: passed ? rng.int(0, 6) : rng.int(8, 14),
        score_tenths: score,
        passed: passed ? 1 : 0,
        failures: JSON.stringify(passed ? [] : bad * 2 > size ? ['score', 'panel'] : ['score']),
        note: passed ? '整顿工作达标，群众认可' : '集体经济项目未见成效，群众满意度不高',
        created_by: null,
        created_at: at(day, 4),
        updated_at: now,
        deleted_at: null,
      });
      ev('submitted', 'rectifying', 'accepting', addDays(day, -7));
      const words = `${day} 得分 ${score / 10}，${bad}/${size} 人不满意：${passed ? '通过' : '未通过'}`;
      ev('assessed', 'accepting', passed ? 'accepting' : 'rectifying', day, words);
    };
    if (p.failed) accept(addDays(today, -rng.int(20, 40)), rng.int(620, 680), 9, 5, false);
    if (p.status === 'accepting') ev('submitted', 'rectifying', 'accepting', addDays(today, -rng.int(2, 6)));
    if (p.status === 'extended')
      ev('extended', 'rectifying', 'extended', addDays(today, -rng.int(10, 30)), '整改任务未全部完成');
    if (releasedOn) {
      accept(addDays(releasedOn, -rng.int(5, 12)), rng.int(720, 920), 9, rng.int(0, 3), true);
      ev('released', 'accepting', 'released', releasedOn, '整顿达标，予以销号');
      released++;
    } else open++;
  }
  await repo.insertCheckups(db, checkups);
  await repo.insertAcceptances(db, acceptances);
  await addTimelineBatch(db, events);
  await bumpVersion(db, c.tenantId, 'weakOrgs');
  log(`  软弱涣散整顿 weak organizations：整顿中 ${open}，已销号 ${released} open ${open}, released ${released}`);
}

/** The weak-organization demo, run after the organizations exist. */
export const weakOrgsContributor: DemoContributor = { name: 'weakOrgs', load };

/**
 * The problems of the demo county over its last year (seed 000's 自查自纠: 81 problems in four categories, 11
 * notices, 50-odd rectified): every state — found, assigned, rectifying, claimed, closed — some overdue, some
 * closed problems followed up (回头看) and a few reopened by it, with their measures and timelines. Inspection
 * problems are left to the inspections' demo. Deterministic from the county's seed; inserted in bulk.
 */
import { addDays, addMonths, chinaToday, PROBLEM_DEFAULT_CATEGORIES } from '@dangjian/contracts';
import type { DemoContributor, LoadedCounty } from '../../../demo/load.js';
import { personName } from '../../../demo/names.js';
import type { Random } from '../../../demo/random.js';
import type { Ctx } from '../../../platform/context.js';
import { addTimelineBatch, type TimelineEntry } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { noticeNoOf } from './problems.moves.js';
import * as repo from './problems.repository.js';
import * as reports from './problems.reports.repository.js';

/** What each category's problems look like (seed 000: 组织建设、作风纪律、服务群众、重点工作). */
const TITLES: Record<string, readonly (readonly [string, string])[]> = {
  organization: [
    ['“三会一课”记录不全', '党小组会记录缺少2个月，支委会议题未记录表决情况'],
    ['主题党日活动流于形式', '活动内容与上级要求不符，无照片和签到'],
    ['党员发展材料不规范', '入党积极分子考察记录未按季度填写'],
    ['党费收缴不及时', '有党员连续3个月未交纳党费，未及时提醒'],
    ['流动党员管理缺位', '外出务工党员未建立联系台账'],
    ['组织生活会批评流于表面', '相互批评意见不具体，整改措施未公示'],
  ],
  conduct: [
    ['工作日脱岗', '暗访发现工作时间村委会无人值守'],
    ['便民服务窗口态度生硬', '群众反映办事人员推诿，一次性告知不到位'],
    ['会风会纪不严', '会议期间玩手机、随意进出'],
    ['惠民资金公示不及时', '低保名单未按季度张榜公示'],
    ['值班制度落实不到位', '值班记录缺失，电话无人接听'],
  ],
  service: [
    ['群众诉求办理超时', '道路照明报修超过办理时限未答复'],
    ['党群服务中心功能闲置', '图书室、活动室长期上锁'],
    ['代办服务未落实', '老年人社保认证未提供上门代办'],
    ['民情走访台账不全', '网格员走访记录与实际不符'],
    ['微心愿认领后未兑现', '已认领的微心愿超过一个月未完成'],
  ],
  key_work: [
    ['扶贫项目进度滞后', '产业扶贫大棚建设未按计划完工'],
    ['项目建设资料不全', '村级道路硬化项目验收资料缺失'],
    ['人居环境整治不彻底', '村内垃圾清运不及时，沟渠堵塞'],
    ['秸秆禁烧巡查不到位', '巡查记录缺失，发现火点处置迟缓'],
    ['防返贫监测不及时', '监测户信息未按月更新'],
  ],
};

const MEASURES = [
  '召开支委会专题研究，制定整改方案',
  '补齐相关记录和台账，建立月度检查制度',
  '对相关责任人进行提醒谈话',
  '组织党员集中学习相关制度规定',
  '公开整改情况，接受群众监督',
  '明确专人负责，按周报告进展',
];

type Plan = { status: string; overdue?: boolean; followed?: 'holds' | 'reopened'; started?: boolean };

/** 81 problems: 52 closed (10 followed up and holding), 3 reopened, the rest on their way; 5 overdue. */
const PLANS: Plan[] = [
  ...Array.from({ length: 42 }, () => ({ status: 'closed' })),
  ...Array.from({ length: 10 }, () => ({ status: 'closed', followed: 'holds' as const })),
  ...Array.from({ length: 3 }, () => ({ status: 'assigned', followed: 'reopened' as const })),
  ...Array.from({ length: 8 }, () => ({ status: 'claimed' })),
  ...Array.from({ length: 5 }, () => ({ status: 'rectifying', started: true })),
  { status: 'rectifying', started: true, overdue: true },
  { status: 'rectifying', started: true, overdue: true },
  { status: 'assigned', overdue: true },
  { status: 'assigned', overdue: true },
  { status: 'assigned', overdue: true },
  ...Array.from({ length: 8 }, () => ({ status: 'found' })),
];
/** The notices (交办通知) issued this year, each covering several problems. */
const NOTICES = 11;

const at = (day: string, n: number) => `${day}T0${1 + (n % 8)}:20:00.000Z`;

async function load(ctx: Ctx, c: LoadedCounty, rng0: Random, log: (line: string) => void): Promise<void> {
  const rng = rng0.fork(1301);
  const db = ctx.db;
  const today = chinaToday(ctx.clock());
  const branches = await reports.demoBranches(db, c.tenantId);
  if (!branches.length) return;
  const year = Number(today.slice(0, 4));
  const yearStart = `${year}-01-01`;
  const now = ctx.clock().toISOString();
  const cats = PROBLEM_DEFAULT_CATEGORIES.map((x) => x.key);
  // Notices are issued at even steps over the days of the year so far; a problem takes the one after it was found.
  const span = Math.max(40, Math.round((Date.parse(today) - Date.parse(yearStart)) / 86_400_000));
  const noticeDays = Array.from({ length: NOTICES }, (_, i) =>
    addDays(yearStart, Math.round(((i + 0.5) * span) / NOTICES)),
  );
  // A notice at least `ago` days back (closed ones), or one of the last 40 days (100 for the overdue).
  const noticeOf = (ago: number, plan: Plan, i: number): number => {
    const ks = noticeDays.map((day, k) => ({ day, k }));
    if (ago < 0) {
      const e = ks.filter((x) => x.day <= addDays(today, ago));
      return e.length ? e[i % e.length]!.k : 0;
    }
    const lo = addDays(today, plan.overdue ? -100 : -40);
    const hi = plan.overdue ? addDays(today, -30) : today;
    const e = ks.filter((x) => x.day >= lo && x.day <= hi);
    return e.length ? rng.pick(e).k : NOTICES - 1;
  };
  const rows: repo.NewProblem[] = [];
  const steps: { plan: Plan; days: Record<string, string> }[] = [];
  for (const [i, plan] of PLANS.entries()) {
    const org = rng.pick(branches);
    const category = cats[i % cats.length]!;
    const [title, description] = rng.pick(TITLES[category]!);
    const secretary = org.secretary ?? personName(rng, rng.chance(0.7) ? 'male' : 'female', 1975);
    const late = plan.status === 'closed' || plan.followed;
    // Closed ones were found early in the year; those under way more recently; found ones this month.
    // The notice that covers it: closed ones an earlier one (followed-up ones early enough for the follow-up),
    // those under way a recent one; it was found a few days to weeks before.
    const k = plan.status === 'found' ? -1 : noticeOf(late ? (plan.followed ? -120 : -45) : 0, plan, i);
    const assigned = k < 0 ? null : noticeDays[k]! > today ? today : noticeDays[k]!;
    const found = assigned ? addDays(assigned, -rng.int(3, 20)) : addDays(today, -rng.int(1, 12));
    const d: Record<string, string> = { found };
    if (assigned) {
      d.assigned = assigned;
      d.due = addDays(assigned, plan.overdue ? rng.int(15, 25) : rng.int(45, 70));
      if (plan.started) d.started = addDays(assigned, rng.int(1, 5));
    }
    if (late || plan.status === 'claimed') {
      const recent = addDays(today, -rng.int(1, 6));
      d.claimed =
        plan.status !== 'claimed' ? addDays(d.assigned!, rng.int(12, 40)) : recent > d.assigned! ? recent : today;
    }
    if (late) {
      d.closed = addDays(d.claimed!, rng.int(2, 9));
      d.followUpDue = addMonths(d.closed, 3);
      if (plan.followed) d.followedUp = addDays(d.followUpDue, rng.int(0, 10));
      if (plan.followed === 'reopened') d.reopenDue = addDays(d.followedUp!, rng.int(20, 40));
    }
    const clamp = (day: string | undefined) => (day && day > today ? today : day);
    for (const k of ['started', 'claimed', 'closed', 'followedUp'] as const) d[k] = clamp(d[k])!;
    const reopened = plan.followed === 'reopened';
    rows.push({
      tenant_id: c.tenantId,
      org_id: org.id,
      org_path: org.org_path,
      source: rng.chance(0.8) ? 'self_inspection' : 'complaint',
      source_ref: null,
      category,
      title,
      description,
      found_on: found,
      found_by: rng.chance(0.5) ? '县委督查组' : `${org.parent_name}`,
      due_on: reopened ? d.reopenDue! : (d.due ?? null),
      responsible_name: d.assigned ? secretary : null,
      responsible_member_id: null,
      status: plan.status,
      notice_no: d.assigned ? noticeNoOf(year, k + 1) : null,
      notice_note: d.assigned ? '请按期整改到位，整改情况及佐证材料报县委组织部。' : null,
      assigned_on: d.assigned ?? null,
      assigned_by: null,
      claimed_at: d.claimed && !reopened ? at(d.claimed, i) : null,
      claim_note: d.claimed && !reopened ? '已按整改方案落实，相关记录和台账已补齐。' : null,
      claimed_by_name: d.claimed && !reopened ? secretary : null,
      claimed_by: null,
      closed_on: plan.status === 'closed' ? d.closed! : null,
      verified_by_name: plan.status === 'closed' ? `${org.parent_name}` : null,
      reject_reason: null,
      verified_by: null,
      follow_up_due: plan.status === 'closed' ? d.followUpDue! : null,
      followed_up_on: d.followedUp ?? null,
      follow_up_result:
        plan.followed === 'holds' ? '整改成效巩固，未发现反弹' : reopened ? '问题出现反弹，需重新整改' : null,
      reopened: reopened ? 1 : 0,
      reminded_on: null,
      escalated_on: null,
      created_by: null,
      created_at: at(found, i),
      updated_at: now,
      deleted_at: null,
    });
    steps.push({ plan, days: d });
  }
  const ids = await repo.insertProblems(db, rows);
  await repo.setNoticeNo(db, c.tenantId, year, NOTICES);
  const events: { author: { id: null; name: string }; entry: TimelineEntry }[] = [];
  const measures: Parameters<typeof repo.insertMeasures>[1] = [];
  for (const [i, id] of ids.entries()) {
    const r = rows[i]!;
    const { plan, days: d } = steps[i]!;
    const ev = (action: string, from: string | null, to: string, day: string, note: string | null = null) =>
      events.push({
        author: { id: null, name: '系统' },
        entry: {
          tenantId: c.tenantId,
          entityType: 'problem',
          entityId: id,
          orgPath: r.org_path,
          action,
          fromState: from,
          toState: to,
          note,
          at: at(day, events.length),
        },
      });
    ev('found', null, 'found', d.found!, r.source === 'complaint' ? '群众投诉' : '自查自纠');
    if (!d.assigned) continue;
    ev('assigned', 'found', 'assigned', d.assigned, `${r.notice_no}，${r.responsible_name}，整改期限 ${d.due}`);
    let state = 'assigned';
    if (d.started) {
      ev('started', state, 'rectifying', d.started);
      state = 'rectifying';
    }
    if (d.claimed) ev('claimed', state, 'claimed', d.claimed, '已按整改方案落实，相关记录和台账已补齐。');
    if (d.closed) ev('verified', 'claimed', 'closed', d.closed);
    if (plan.followed === 'holds') ev('followed_up', 'closed', 'closed', d.followedUp!, r.follow_up_result ?? null);
    if (plan.followed === 'reopened')
      ev('reopened', 'closed', 'assigned', d.followedUp!, `${r.follow_up_result}（新整改期限 ${d.reopenDue}）`);
    for (const [k, content] of rng.sample(MEASURES, rng.int(1, 3)).entries()) {
      const due = addDays(d.assigned, 10 * (k + 1));
      measures.push({
        tenant_id: c.tenantId,
        org_id: r.org_id,
        org_path: r.org_path,
        problem_id: id,
        content,
        owner_name: r.responsible_name!,
        owner_member_id: null,
        due_on: due,
        done_on: d.claimed && due <= d.claimed ? due : null,
        created_at: at(d.assigned, k),
        updated_at: now,
        deleted_at: null,
      });
    }
  }
  await addTimelineBatch(db, events);
  await repo.insertMeasures(db, measures);
  await bumpVersion(db, c.tenantId, 'problems');
  const closed = PLANS.filter((p) => p.status === 'closed').length;
  log(
    `  问题整改 problems：${ids.length} 个，销号 ${closed}，交办通知 ${NOTICES} 期 (${ids.length}, ${closed} closed)`,
  );
}

/** The problems demo, run after the organizations and members exist. */
export const problemsContributor: DemoContributor = { name: 'problems', load };

/**
 * The retraining of the demo county (seed 002: 26 cadres rated incompetent in a year and retrained): 26 village
 * cadres suspended over the last twelve months — most reinstated after their classes and a passed test, some
 * removed, the rest suspended, in retraining or tested and awaiting a decision now. Each with its classes (the
 * seed's topics: 《不忘初心，做一名合格的村干部》, a visit to model villages, cases of grassroots work), the test and
 * the written assessment. The demo branch's village has one of them, so its secretary sees a file. Bulk inserts.
 */
import { addDays, addMonths, chinaToday, type CadrePost, type SuspensionReason } from '@dangjian/contracts';
import type { DemoContributor, LoadedCounty } from '../../../demo/load.js';
import type { Random } from '../../../demo/random.js';
import type { Ctx } from '../../../platform/context.js';
import { addTimelineBatch, type TimelineEntry } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import * as repo from './retraining.repository.js';

const TOPICS = [
  '《不忘初心，做一名合格的村干部》专题辅导',
  '参观考察先进典型村',
  '学习基层党组织工作案例',
  '村级事务管理与“四议两公开”',
  '农村集体经济发展实务',
  '信访矛盾纠纷化解实务',
  '党规党纪与廉洁履职',
  '群众工作方法交流研讨',
];
const EVIDENCE: Record<SuspensionReason, string> = {
  inaction: '对群众反映的道路维修、饮水问题长期推诿，未按要求组织整改',
  slow: '乡镇交办的人居环境整治任务三次逾期未完成',
  ability: '年度述职评议中党员群众反映其履职能力不足，工作思路不清',
  satisfaction: '群众满意度测评不满意率达42%',
  assessment: '年度考核评定为“不称职”',
  discipline: '多次无故缺席乡镇工作例会，值班脱岗',
  other: '',
};
const REASONS = (Object.keys(EVIDENCE) as SuspensionReason[]).filter((r) => r !== 'other');
const POSTS: CadrePost[] = [
  'secretary',
  'deputy_secretary',
  'committee',
  'director',
  'deputy_director',
  'village_member',
];

type Plan = 'suspended' | 'training' | 'tested' | 'reinstated' | 'removed';
/** Where the 26 stand now: the oldest decided, the newest still suspended. */
const PLANS: Plan[] = [
  ...Array<Plan>(12).fill('reinstated'),
  ...Array<Plan>(4).fill('removed'),
  ...Array<Plan>(2).fill('tested'),
  ...Array<Plan>(5).fill('training'),
  ...Array<Plan>(3).fill('suspended'),
];

const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;

async function load(ctx: Ctx, c: LoadedCounty, rng0: Random, log: (line: string) => void): Promise<void> {
  const rng = rng0.fork(1201);
  const db = ctx.db;
  const today = chinaToday(ctx.clock());
  const { orgs, branchOrgId } = await repo.demoCadres(db, c.tenantId);
  if (orgs.length < PLANS.length) return;
  const own = orgs.find((o) => o.id === branchOrgId);
  // Twice as many villages as cadres are drawn: a village without a full member is passed over.
  const drawn = [
    ...(own ? [own] : []),
    ...rng.sample(
      orgs.filter((o) => o.id !== branchOrgId),
      Math.min(orgs.length - (own ? 1 : 0), PLANS.length * 2),
    ),
  ];
  const members = await repo.membersOfOrgs(
    db,
    c.tenantId,
    drawn.map((o) => o.id),
  );
  const picked = drawn.filter((o) => members.some((m) => m.org_id === o.id)).slice(0, PLANS.length);
  const now = ctx.clock().toISOString();
  const events: { author: { id: null; name: string }; entry: TimelineEntry }[] = [];
  const counts: Record<Plan, number> = { suspended: 0, training: 0, tested: 0, reinstated: 0, removed: 0 };
  const classes: Parameters<typeof repo.insertClasses>[1] = [];
  for (const [i, plan] of PLANS.entries()) {
    const org = picked[i];
    if (!org) break;
    const ofOrg = members.filter((m) => m.org_id === org.id);
    if (!ofOrg.length) continue;
    const m = ofOrg[rng.int(0, Math.min(ofOrg.length, 5) - 1)]!;
    // Spread over the year: the decided long ago, the open recently.
    const monthsAgo = i < 16 ? 11 - Math.floor((i * 7) / 16) : i < 18 ? 3 : i < 23 ? 2 : 0;
    const suspendedOn = addDays(addMonths(today, -monthsAgo), -rng.int(0, 20));
    const reasons = rng.sample(REASONS, rng.int(1, 2));
    const by = rng.chance(0.7) ? 'township' : 'county';
    const byName = by === 'county' ? '县委组织部' : '乡镇党委';
    const post = rng.pick(POSTS);
    const passed = plan === 'reinstated' || (plan === 'tested' && i % 2 === 0);
    const testedOn = addDays(suspendedOn, 75);
    const decidedOn = addDays(suspendedOn, 85);
    const score = passed ? rng.int(660, 920) : rng.int(380, 580);
    const tested = plan === 'tested' || plan === 'reinstated' || (plan === 'removed' && i % 2 === 0);
    const decided = plan === 'reinstated' || plan === 'removed';
    const [id] = await repo.insertFiles(db, [
      {
        tenant_id: c.tenantId,
        org_id: m.org_id,
        org_path: m.org_path,
        member_id: m.id,
        year: Number(suspendedOn.slice(0, 4)),
        post,
        post_text: null,
        status: plan,
        reasons: JSON.stringify(reasons),
        reason_text: null,
        evidence: reasons.map((r) => EVIDENCE[r]).join('；'),
        suspended_by: by,
        suspended_on: suspendedOn,
        due_on: addMonths(suspendedOn, 3),
        tested_on: tested ? testedOn : null,
        test_score_tenths: tested ? score : null,
        test_passed: tested ? (passed ? 1 : 0) : null,
        assessment: tested
          ? passed
            ? '整训期间能认真学习，深刻反思自身问题，测试合格，表示复职后改进工作作风。'
            : '整训期间学习态度一般，对自身问题认识不深，测试不合格。'
          : null,
        decided_on: decided ? decidedOn : null,
        decided_by: decided ? `${byName}会议` : null,
        decision_reason: decided
          ? plan === 'reinstated'
            ? '整训测试合格，日常表现良好，同意复职'
            : '整训后仍达不到复职条件，予以组织调整'
          : null,
        created_by: null,
        created_at: at(suspendedOn, 2),
        updated_at: now,
        deleted_at: null,
      },
    ]);
    counts[plan]++;
    const ev = (action: string, from: string | null, to: string | null, day: string, note: string | null = null) =>
      events.push({
        author: { id: null, name: byName },
        entry: {
          tenantId: c.tenantId,
          entityType: 'retraining',
          entityId: id!,
          orgPath: m.org_path,
          action,
          fromState: from,
          toState: to,
          note,
          at: at(day, 2 + (events.length % 6)),
        },
      });
    ev('suspended', null, 'suspended', suspendedOn, reasons.map((r) => EVIDENCE[r]).join('；'));
    if (plan === 'suspended') continue;
    const startOn = addDays(suspendedOn, 7);
    ev('started', 'suspended', 'training', startOn);
    // Eight classes, one every week, up to today; one may be missed.
    for (let n = 0; n < TOPICS.length; n++) {
      const heldOn = addDays(startOn, 7 * n + 1);
      if (heldOn > today || (tested && heldOn > testedOn)) break;
      const present = !(n === 5 && rng.chance(0.3));
      classes.push({
        tenant_id: c.tenantId,
        org_id: m.org_id,
        org_path: m.org_path,
        file_id: id!,
        held_on: heldOn,
        topic: TOPICS[n]!,
        hours_tenths: n === 1 ? 80 : 35,
        present: present ? 1 : 0,
        note: present ? null : '请假',
        created_by: null,
        created_at: at(heldOn, 9),
        updated_at: now,
        deleted_at: null,
      });
      ev('class', null, null, heldOn, `${heldOn} ${TOPICS[n]}（${present ? '出勤' : '缺勤'}）`);
    }
    if (tested)
      ev('tested', 'training', 'tested', testedOn, `${testedOn} 测试 ${score / 10} 分：${passed ? '合格' : '不合格'}`);
    if (decided)
      ev(
        plan,
        tested ? 'tested' : 'training',
        plan,
        decidedOn,
        `${byName}会议：${plan === 'reinstated' ? '复职' : '组织调整'}`,
      );
  }
  await repo.insertClasses(db, classes);
  await addTimelineBatch(db, events);
  await bumpVersion(db, c.tenantId, 'retraining');
  const n = Object.values(counts).reduce((s, x) => s + x, 0);
  const open = counts.training + counts.tested;
  const words = `复职 ${counts.reinstated}，调整 ${counts.removed}，整训中 ${open}，待整训 ${counts.suspended}`;
  log(`  淬火整训 retraining：${n} 名村干部（${words}）`);
}

/** The retraining demo, run after the organizations and members exist. */
export const retrainingContributor: DemoContributor = { name: 'retraining', load };

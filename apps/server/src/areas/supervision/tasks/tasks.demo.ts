/**
 * The tasks of the demo county over its last year: 26 biweekly plans (双周计划) and 12 monthly prompts (月提示) from
 * the county to every branch — the prompts' 主题党日 checked from the meetings already loaded — and a few special
 * tasks from each township to its branches. Most targets done on time, some late, some reported and awaiting
 * acceptance, some sent back, some overdue now; two drafts. Deterministic from the county's seed; bulk inserts.
 */
import { addDays, addMonths, chinaToday, monthRange, TARGET_LEVEL_TYPES } from '@dangjian/contracts';
import type { DemoContributor, LoadedCounty } from '../../../demo/load.js';
import type { Random } from '../../../demo/random.js';
import type { Ctx } from '../../../platform/context.js';
import { addTimelineBatch, type TimelineEntry } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import * as meetingsRepo from '../../life/meetings/meetings.repository.js';
import * as repo from './tasks.repository.js';

const BIWEEKLY = [
  '学习贯彻党的二十届三中全会精神',
  '开展“三会一课”规范化检查',
  '党员信息采集核对',
  '党费收缴情况自查',
  '软弱涣散党组织排查',
  '村级“三务”公开检查',
  '发展党员工作自查',
  '党员先锋岗设岗定责',
  '防汛备汛党员突击队组建',
  '秸秆禁烧宣传和巡查',
  '困难党员走访慰问',
  '流动党员联系摸排',
  '为民办实事清单更新',
];
const PROMPTS = ['按时召开主题党日活动', '开展主题党日并做好记录上传'];
const SPECIALS = ['村集体经济发展情况统计', '基层党建阵地规范化建设', '党员积分管理试点总结', '村务监督委员会换届准备'];
const REPORTS = ['已按要求完成，会议记录及照片已上传。', '已组织全体党员学习并形成记录。', '已完成自查，问题已整改。'];

type Org = { id: number; org_path: string };

async function load(ctx: Ctx, c: LoadedCounty, rng0: Random, log: (line: string) => void): Promise<void> {
  const rng = rng0.fork(1301);
  const db = ctx.db;
  const today = chinaToday(ctx.clock());
  const root = (await repo.orgsByIds(db, c.tenantId, [...c.orgIds.values()])).find((o) => o.parent_id == null);
  if (!root) return;
  const branches = await repo.orgsBelow(db, c.tenantId, root.org_path, TARGET_LEVEL_TYPES.branch);
  const towns = (await repo.childOrgs(db, c.tenantId, root.id)).filter((t) =>
    branches.some((b) => b.org_path.startsWith(t.org_path)),
  );
  if (!branches.length) return;
  const events: { author: { id: null; name: string }; entry: TimelineEntry }[] = [];
  let tasks = 0;
  let targets = 0;
  // Some branches are slow all year: they carry most of the overdue and late ones.
  const slow = new Set(rng.sample(branches, Math.ceil(branches.length * 0.06)).map((b) => b.id));
  const add = async (
    issuer: Org,
    t: { kind: string; title: string; start: string; due: string; record?: boolean; draft?: boolean },
    to: Org[],
  ) => {
    const status = t.draft ? 'draft' : addDays(t.due, 60) < today ? 'closed' : 'issued';
    const issuedAt = `${t.start}T01:00:00.000Z`;
    const now = issuedAt;
    const id = await repo.insertTask(db, {
      tenant_id: c.tenantId,
      org_id: issuer.id,
      org_path: issuer.org_path,
      kind: t.kind,
      title: t.title,
      content: `${t.title}：请各党组织于 ${t.due} 前完成${t.record ? '，平台按会议记录自动核验' : '并报送完成情况'}。`,
      start_on: t.start,
      due_on: t.due,
      completion: t.record ? 'record' : 'evidence',
      check_key: t.record ? 'meeting_held' : null,
      check_params: t.record ? JSON.stringify({ meetingKind: 'theme_day', minCount: 1 }) : null,
      status,
      target_spec: JSON.stringify({ mode: 'field', level: 'branch', field: null }),
      issued_at: t.draft ? null : issuedAt,
      closed_at: status === 'closed' ? `${addDays(t.due, 30)}T02:00:00.000Z` : null,
      withdraw_reason: null,
      created_by: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    tasks++;
    const held = t.record
      ? await meetingsRepo.heldByOrgs(
          db,
          c.tenantId,
          to.map((o) => o.id),
          'theme_day',
          t.start,
          t.due,
        )
      : new Map<number, number>();
    const rows = to.map((o) => {
      // A draft's receivers are chosen; nobody has seen it yet.
      const s: ReturnType<typeof state> = t.draft
        ? { status: 'pending' }
        : state(rng, t, o, today, slow.has(o.id), held);
      return {
        tenant_id: c.tenantId,
        org_id: o.id,
        org_path: o.org_path,
        task_id: id,
        issuer_path: issuer.org_path,
        status: s.status,
        due_on: t.due,
        report_text: s.reported ? rng.pick(REPORTS) : null,
        reported_at: s.reported ? `${s.reported}T03:00:00.000Z` : null,
        reported_by: null,
        reported_by_name: s.reported ? '支部书记' : null,
        done_at: s.done ? `${s.done}T06:00:00.000Z` : null,
        done_by_name: s.done ? (t.record ? '平台记录核验' : '审核人') : null,
        return_reason: s.status === 'returned' ? '佐证材料不全，请补充会议记录照片' : null,
        checked_at: t.record && s.done ? `${s.done}T06:00:00.000Z` : null,
        check_result: t.record && s.done ? `${t.start} 至 ${t.due} 召开主题党日 1 次` : null,
        alerted: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      };
    });
    await repo.insertTargets(db, rows);
    targets += rows.length;
    const entry = (action: string, from: string | null, to_: string, at: string) =>
      events.push({
        author: { id: null, name: '系统' },
        entry: {
          tenantId: c.tenantId,
          entityType: 'task',
          entityId: id,
          orgPath: issuer.org_path,
          action,
          fromState: from,
          toState: to_,
          at,
        },
      });
    entry('drafted', null, 'draft', now);
    if (!t.draft) entry('issued', 'draft', 'issued', issuedAt);
    if (status === 'closed') entry('closed', 'issued', 'closed', `${addDays(t.due, 30)}T02:00:00.000Z`);
  };
  const first = addDays(today, -364);
  for (let i = 0; i < 26; i++) {
    const start = addDays(first, i * 14);
    await add(
      root,
      { kind: 'biweekly', title: `双周计划：${BIWEEKLY[i % BIWEEKLY.length]}`, start, due: addDays(start, 13) },
      branches,
    );
  }
  // Monthly prompts follow the calendar month (a theme day falls in each), the last one this month.
  for (let m = 11; m >= 0; m--) {
    const { from: start, to: due } = monthRange(addMonths(`${today.slice(0, 7)}-01`, -m).slice(0, 7));
    const title = `月提示：${PROMPTS[m % 2]}`;
    await add(root, { kind: 'monthly_prompt', title, start, due, record: m % 3 !== 2 }, branches);
  }
  for (const [k, town] of towns.entries()) {
    const own = branches.filter((b) => b.org_path.startsWith(town.org_path));
    for (let j = 0; j < 3; j++) {
      const start = addDays(today, -rng.int(10, 300));
      await add(
        town,
        { kind: 'special', title: SPECIALS[(k + j) % SPECIALS.length]!, start, due: addDays(start, rng.int(14, 40)) },
        own,
      );
    }
  }
  await add(
    root,
    { kind: 'special', title: '年度党建述职评议准备', start: today, due: addDays(today, 30), draft: true },
    branches,
  );
  await add(
    root,
    {
      kind: 'biweekly',
      title: '双周计划：冬季安全生产检查',
      start: addDays(today, 7),
      due: addDays(today, 20),
      draft: true,
    },
    branches,
  );
  for (let i = 0; i < events.length; i += 500) await addTimelineBatch(db, events.slice(i, i + 500));
  await bumpVersion(db, c.tenantId, 'tasks');
  log(`  任务督办 tasks: ${tasks} tasks, ${targets} targets`);
}

/** The state of one target: done (on time or late), reported, sent back, or still open, with its days. */
function state(
  rng: Random,
  t: { start: string; due: string; record?: boolean },
  o: Org,
  today: string,
  slow: boolean,
  held: Map<number, number>,
): { status: string; reported?: string; done?: string } {
  const past = t.due < today;
  const day = (from: string, to: string) => rng.date(from, to < from ? from : to);
  if (t.record) {
    // Checked from the meetings the demo recorded: done exactly when a theme day was held in the window.
    return (held.get(o.id) ?? 0) > 0
      ? { status: 'done', done: day(t.start, t.due < today ? t.due : today) }
      : { status: 'pending' };
  }
  const p = rng.next();
  const lastDay = past ? t.due : today;
  if (past) {
    const late = slow ? 0.35 : 0.04;
    const open = slow ? 0.25 : 0.012;
    if (p < open) return { status: 'pending' };
    if (p < open + late) {
      const d = day(addDays(t.due, 1), addDays(t.due, 12) < today ? addDays(t.due, 12) : today);
      return { status: 'done', reported: d, done: d };
    }
    if (p < open + late + 0.01 && addDays(t.due, 14) > today)
      return { status: 'reported', reported: day(t.start, lastDay) };
    const r = day(t.start, lastDay);
    return { status: 'done', reported: r, done: addDays(r, rng.int(0, 2)) > today ? r : addDays(r, rng.int(0, 2)) };
  }
  if (t.start > today || p < 0.45) return { status: 'pending' };
  const r = day(t.start, today);
  if (p < 0.7) return { status: 'reported', reported: r };
  if (p < 0.75) return { status: 'returned', reported: r };
  return { status: 'done', reported: r, done: r };
}

/** The demo's tasks. */
export const tasksContributor: DemoContributor = { name: 'tasks', load };

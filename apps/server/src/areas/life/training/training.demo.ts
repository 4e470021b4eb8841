/**
 * Training of the demo county (seed 001: 45 classes, 4,028 person-times; seed 003: 三分五统 rotation): a year of
 * classes — the county's secretaries', cadres', new members' and activists' classes and each township's rotation
 * classes — with their reviewed course plans, attendees from the organizer's subtree, each session's attendance,
 * the results and summaries of the finished ones; a few next classes still planned, submitted or returned. The
 * demo member and its branch attend their township's rotation, so their hours are real. Bulk inserts.
 */
import { addDays, chinaToday, type TrainingKind } from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import type { DemoContributor, LoadedCounty } from '../../../demo/load.js';
import type { Random } from '../../../demo/random.js';
import type { Ctx } from '../../../platform/context.js';
import { addTimelineBatch, type TimelineEntry } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import * as hoursRepo from './training.hours.repository.js';
import * as repo from './training.repository.js';

const TOPICS = [
  ['深入学习贯彻党的二十大精神', '县委党校教师'],
  ['党章党规党纪专题辅导', '县纪委监委干部'],
  ['基层党组织“三会一课”规范化建设', '县委组织部干部'],
  ['发展壮大村级集体经济实务', '县农业农村局专家'],
  ['乡村振兴政策解读', '县乡村振兴局干部'],
  ['党员先锋模范作用与为民服务', '乡镇党委书记'],
  ['基层治理与矛盾纠纷化解', '县司法局干部'],
  ['红色教育现场教学', '红色教育基地讲解员'],
] as const;
const COUNTY_CLASSES: { kind: TrainingKind; title: string; target: string }[] = [
  { kind: 'secretaries', title: '村（社区）党组织书记示范培训班', target: '村（社区）党组织书记' },
  { kind: 'cadres', title: '村“两委”干部履职能力提升培训班', target: '村“两委”干部' },
  { kind: 'new_members', title: '新发展党员集中培训班', target: '近两年发展的新党员' },
  { kind: 'activists', title: '入党积极分子培训班', target: '入党积极分子、发展对象' },
  { kind: 'secretaries', title: '村党组织书记乡村振兴专题培训班', target: '村党组织书记' },
];
const ROTATION_TOTAL = 40;

const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;

async function load(ctx: Ctx, c: LoadedCounty, rng0: Random, log: (line: string) => void): Promise<void> {
  const rng = rng0.fork(1401);
  const db = ctx.db;
  const today = chinaToday(ctx.clock());
  const year = Number(today.slice(0, 4));
  const { orgs, demoMember } = await repo.demoPlaces(db, c.tenantId);
  const county = orgs.find((o) => o.depth === 0);
  const towns = orgs.filter((o) => o.depth === 1 && o.name.match(/[乡镇]|街道/));
  if (!county || !towns.length) return;
  const members = await hoursRepo.membersOfSubtree(db, c.tenantId, subtreeRange(county.org_path));
  const under = (path: string) => members.filter((m) => m.org_path.startsWith(path));

  type Plan = { org: (typeof orgs)[number]; kind: TrainingKind; title: string; target: string; startOn: string };
  const plans: Plan[] = [];
  const first = `${year}-01-10`;
  const span = Math.max(30, Math.round((Date.parse(today) - Date.parse(first)) / 86_400_000) + 20);
  COUNTY_CLASSES.forEach((k, i) =>
    plans.push({ org: county, ...k, startOn: addDays(first, Math.round(((i + 0.5) * span) / COUNTY_CLASSES.length)) }),
  );
  for (let i = 0; i < ROTATION_TOTAL; i++) {
    const t = towns[i % towns.length]!;
    const round = Math.floor(i / towns.length) + 1;
    plans.push({
      org: t,
      kind: 'rotation',
      title: `${t.name.replace(/党委$/, '')}${year}年党员轮训第${round}期（三分五统）`,
      target: '辖区农村、社区党员',
      startOn: addDays(first, rng.int(0, span)),
    });
  }
  // The demo member's township has a rotation class already held, so the member's page shows class hours.
  const home = members.find((m) => m.id === demoMember);
  const own = plans.find((p) => p.kind === 'rotation' && home?.org_path.startsWith(p.org.org_path));
  if (own && own.startOn > addDays(today, -30)) own.startOn = addDays(today, -30);
  const now = ctx.clock().toISOString();
  const rows = plans.map((p) => {
    const sessions = p.kind === 'rotation' ? rng.int(3, 4) : 4;
    const endOn = addDays(p.startOn, sessions - 1);
    const future = p.startOn > addDays(today, -2);
    const status = future
      ? rng.pick(['draft', 'submitted', 'submitted', 'returned'] as const)
      : endOn < addDays(today, -10)
        ? 'finished'
        : 'approved';
    return { p, sessions, endOn, status };
  });
  const ids = await repo.insertClasses(
    db,
    rows.map(({ p, endOn, status }) => {
      const budget = (p.kind === 'rotation' ? rng.int(8, 20) : rng.int(30, 60)) * 100_000;
      return {
        tenant_id: c.tenantId,
        org_id: p.org.id,
        org_path: p.org.org_path,
        year: Number(p.startOn.slice(0, 4)),
        title: p.title,
        kind: p.kind,
        status,
        start_on: p.startOn,
        end_on: endOn,
        place: p.org.depth === 0 ? '县委党校' : `${p.org.name.replace(/党委$/, '')}党群服务中心`,
        target: p.target,
        teachers: '县委党校教师、县直部门业务骨干、优秀村党组织书记',
        budget_fen: budget,
        spent_fen: status === 'finished' ? Math.round(budget * (0.8 + rng.int(0, 18) / 100)) : 0,
        return_reason: status === 'returned' ? '课程安排中缺少党纪学习内容，请补充后再报' : null,
        summary:
          status === 'finished' ? '按计划完成全部课程，学员出勤率高，结业考核总体合格，个别学员补学后再考核。' : null,
        created_by: null,
        created_at: at(addDays(p.startOn, -20), 9),
        updated_at: now,
        deleted_at: null,
      };
    }),
  );
  const sessions: Record<string, unknown>[] = [];
  const attendees: Record<string, unknown>[] = [];
  const attendance: Record<string, unknown>[] = [];
  const events: { author: null; entry: TimelineEntry }[] = [];
  let personTimes = 0;
  const ev = (i: number, action: string, from: string | null, to: string | null, day: string, note?: string) =>
    events.push({
      author: null,
      entry: {
        tenantId: c.tenantId,
        entityType: 'training_class',
        entityId: ids[i]!,
        orgPath: rows[i]!.p.org.org_path,
        action,
        fromState: from,
        toState: to,
        note: note ?? null,
        at: at(day, 10),
      },
    });
  // Sessions first (their ids are needed for attendance), in one batch.
  rows.forEach((r, i) => {
    const topics = rng.sample(TOPICS, r.sessions);
    topics.forEach(([topic, teacher], n) => {
      const day = addDays(r.p.startOn, n);
      const tenths = n === r.sessions - 1 && r.p.kind !== 'rotation' ? 40 : 30;
      sessions.push({
        tenant_id: c.tenantId,
        org_id: r.p.org.id,
        org_path: r.p.org.org_path,
        class_id: ids[i],
        held_on: day,
        topic,
        teacher,
        hours_tenths: tenths,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      });
    });
  });
  await repo.insertRows(db, 'training_sessions', sessions);
  const sessionRows = await repo.sessionsOf(db, ids);
  rows.forEach((r, i) => {
    const id = ids[i]!;
    const pool = under(r.p.org.org_path);
    const size = Math.min(pool.length, r.p.kind === 'rotation' ? rng.int(22, 30) : rng.int(30, 42));
    const picked = rng.sample(pool, size).map((m) => m.id);
    if (demoMember && r.p.kind === 'rotation' && pool.some((m) => m.id === demoMember) && !picked.includes(demoMember))
      picked.push(demoMember);
    const finished = r.status === 'finished';
    for (const m of picked)
      attendees.push({
        tenant_id: c.tenantId,
        org_id: r.p.org.id,
        org_path: r.p.org.org_path,
        class_id: id,
        member_id: m,
        result: finished ? (rng.chance(0.96) ? 'passed' : 'failed') : null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      });
    const created = at(addDays(r.p.startOn, -20), 9);
    ev(i, 'created', null, 'draft', created.slice(0, 10), r.p.title);
    if (r.status === 'draft') return;
    ev(i, 'submitted', 'draft', 'submitted', addDays(r.p.startOn, -15));
    if (r.status === 'returned') {
      ev(i, 'returned', 'submitted', 'returned', addDays(r.p.startOn, -12), '课程安排中缺少党纪学习内容，请补充后再报');
      return;
    }
    if (r.status === 'submitted') return;
    ev(i, 'approved', 'submitted', 'approved', addDays(r.p.startOn, -10));
    for (const s of sessionRows.filter((x) => x.class_id === id)) {
      if (s.held_on > today) continue;
      for (const m of picked) {
        const present = m === demoMember || rng.chance(0.93) ? 1 : 0;
        personTimes += present;
        attendance.push({
          tenant_id: c.tenantId,
          org_id: r.p.org.id,
          org_path: r.p.org.org_path,
          class_id: id,
          session_id: s.id,
          member_id: m,
          present,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        });
      }
    }
    if (finished)
      ev(i, 'finished', 'approved', 'finished', addDays(r.endOn, 3), '按计划完成全部课程，结业考核总体合格');
  });
  await repo.insertRows(db, 'training_attendees', attendees);
  await repo.insertRows(db, 'training_attendance', attendance);
  await addTimelineBatch(db, events);
  await bumpVersion(db, c.tenantId, 'training');
  log(`  轮训学时 training：${ids.length} 个培训班，${attendees.length} 名学员，出勤 ${personTimes} 人次`);
}

/** The training demo, run after the organizations, members and meetings exist. */
export const trainingContributor: DemoContributor = { name: 'training', load };

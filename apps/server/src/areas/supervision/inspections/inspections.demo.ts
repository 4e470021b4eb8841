/**
 * The inspections of the demo county over its year (seed 003: 季度督查、半年督查、随机暗访、现场观摩): four quarterly
 * inspections and a half-year one by the county, two unannounced visits by each of a few townships, two on-site
 * observations — past ones completed, the current one under way, later ones planned — with their teams, visits,
 * checklist results and findings. Each finding opened its problem (source `inspection`), older ones since closed,
 * recent ones on their way. The problems' own demo leaves inspection problems to this one. Deterministic, in bulk.
 */
import {
  addDays,
  chinaToday,
  INSPECTION_CHECKLISTS,
  type InspectionKind,
  type InspectionTopic,
} from '@dangjian/contracts';
import type { DemoContributor, LoadedCounty } from '../../../demo/load.js';
import { personName } from '../../../demo/names.js';
import type { Random } from '../../../demo/random.js';
import type { Ctx } from '../../../platform/context.js';
import { addTimelineBatch, type TimelineEntry } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { insertProblems, type NewProblem } from '../problems/problems.repository.js';
import * as repo from './inspections.repository.js';
import * as reports from './inspections.reports.repository.js';

/** What a failed topic was found to be, and the problems' category it opens under. */
const FOUND: Partial<Record<InspectionTopic, readonly [string, string]>> = {
  meetings: ['党小组会记录缺少两个月，支委会未记录表决情况', 'organization'],
  theme_day: ['主题党日活动无签到和照片，内容与上级要求不符', 'organization'],
  development: ['入党积极分子考察记录未按季度填写', 'organization'],
  dues: ['三名党员连续三个月未交纳党费，支部未提醒', 'organization'],
  position: ['党群服务中心活动室长期上锁，制度未上墙', 'service'],
  service: ['群众反映的路灯报修超过时限未答复', 'service'],
  team: ['支委分工不明确，组织委员长期空缺', 'organization'],
  education: ['党员学习笔记与学习计划不符', 'organization'],
  records: ['“三会一课”台账与会议记录不一致', 'organization'],
  rectification: ['上次督查发现的问题整改未到位', 'key_work'],
  style: ['工作时间村委会无人值守，值班电话无人接听', 'conduct'],
  economy: ['村集体经济项目收支未公开', 'key_work'],
};
const TITLES = ['县委组织部', '县纪委监委', '县委督查室', '县委宣传部', '乡镇党委'];
const SEVERITIES = [
  ['minor', 5],
  ['major', 3],
  ['serious', 1],
] as const;

type Org = Awaited<ReturnType<typeof reports.demoOrgs>>[number];
type Plan = { kind: InspectionKind; title: string; issuer: Org; starts: string; days: number; visits: Org[] };

const at = (day: string, n: number) => `${day}T0${1 + (n % 8)}:10:00.000Z`;

/** The inspections of the year: what, by whom, when, and where they went. */
function plans(rng: Random, county: Org, towns: Org[], branches: Org[], year: number): Plan[] {
  const under = (o: Org) => branches.filter((b) => b.org_path.startsWith(o.org_path));
  const out: Plan[] = [];
  for (let q = 1; q <= 4; q++)
    out.push({
      kind: 'quarterly',
      title: `${year}年第${'一二三四'[q - 1]}季度基层党建督查`,
      issuer: county,
      starts: `${year}-${String(q * 3).padStart(2, '0')}-08`,
      days: 10,
      visits: rng.sample(branches, Math.min(branches.length, 12)),
    });
  out.push({
    kind: 'half_year',
    title: `${year}年上半年党建工作督查`,
    issuer: county,
    starts: `${year}-06-16`,
    days: 12,
    visits: rng.sample(branches, Math.min(branches.length, 20)),
  });
  for (const [k, town] of towns.slice(0, 6).entries())
    for (let n = 0; n < 2; n++)
      out.push({
        kind: 'unannounced',
        title: `${town.name}作风建设随机暗访`,
        issuer: town,
        starts: `${year}-${String(2 + ((k * 2 + n * 5) % 10)).padStart(2, '0')}-${String(10 + k).padStart(2, '0')}`,
        days: 2,
        visits: rng.sample(under(town), Math.min(under(town).length, 3)),
      });
  for (const month of [5, 10])
    out.push({
      kind: 'observation',
      title: `${year}年${month}月党建示范点现场观摩`,
      issuer: county,
      starts: `${year}-${String(month).padStart(2, '0')}-20`,
      days: 1,
      visits: rng.sample(branches, Math.min(branches.length, 4)),
    });
  return out.filter((p) => p.visits.length);
}

async function load(ctx: Ctx, c: LoadedCounty, rng0: Random, log: (line: string) => void): Promise<void> {
  const rng = rng0.fork(1401);
  const db = ctx.db;
  const today = chinaToday(ctx.clock());
  const year = Number(today.slice(0, 4));
  const now = ctx.clock().toISOString();
  const orgs = await reports.demoOrgs(db, c.tenantId);
  const county = orgs.find((o) => o.depth === 0);
  const towns = orgs.filter((o) => o.depth === 1 && o.type === 'committee');
  const branches = orgs.filter((o) => o.type === 'branch');
  if (!county || !branches.length) return;
  const events: { author: { id: null; name: string }; entry: TimelineEntry }[] = [];
  const ev = (id: number, path: string, action: string, from: string | null, to: string, day: string) =>
    events.push({
      author: { id: null, name: '系统' },
      entry: {
        tenantId: c.tenantId,
        entityType: 'inspection',
        entityId: id,
        orgPath: path,
        action,
        fromState: from,
        toState: to,
        note: null,
        at: at(day, events.length),
      },
    });
  let visitCount = 0;
  const found: {
    finding: number;
    org: Org;
    topic: InspectionTopic;
    day: string;
    kind: InspectionKind;
    title: string;
  }[] = [];
  const all = plans(rng, county, towns, branches, year);
  for (const p of all) {
    const ends = addDays(p.starts, p.days - 1);
    const status = ends < today ? 'completed' : p.starts <= today ? 'in_progress' : 'planned';
    const leader = personName(rng, rng.chance(0.7) ? 'male' : 'female', 1972);
    const team = [
      { name: leader, title: `${rng.pick(TITLES)}副部长`, userId: null, leader: true },
      ...Array.from({ length: rng.int(2, 3) }, () => ({
        name: personName(rng, rng.chance(0.5) ? 'male' : 'female', 1985),
        title: rng.pick(['组织科科长', '干部', '督查专员', '组织委员']),
        userId: null,
        leader: false,
      })),
    ];
    const checklist = INSPECTION_CHECKLISTS[p.kind];
    const created = addDays(p.starts, p.kind === 'unannounced' ? -1 : -10);
    const id = await repo.insertInspection(db, {
      tenant_id: c.tenantId,
      org_id: p.issuer.id,
      org_path: p.issuer.org_path,
      kind: p.kind,
      status,
      title: p.title,
      starts_on: p.starts,
      ends_on: ends,
      team: JSON.stringify(team),
      checklist: JSON.stringify(checklist),
      unannounced: p.kind === 'unannounced' ? 1 : 0,
      note: null,
      completed_on: status === 'completed' ? ends : null,
      cancel_reason: null,
      created_by: null,
      created_at: at(created, 0),
      updated_at: now,
      deleted_at: null,
    });
    ev(id, p.issuer.org_path, 'created', null, 'planned', created);
    if (status !== 'planned') ev(id, p.issuer.org_path, 'started', 'planned', 'in_progress', p.starts);
    if (status === 'completed') ev(id, p.issuer.org_path, 'completed', 'in_progress', 'completed', ends);
    // Under way: the first half of the list visited so far.
    const visited = (k: number) => status === 'completed' || (status === 'in_progress' && k < p.visits.length / 2);
    const rows = p.visits.map((o, k) => {
      const day = visited(k)
        ? addDays(p.starts, Math.min(p.days - 1, Math.floor((k * p.days) / p.visits.length)))
        : null;
      const results = day
        ? checklist.map((topic) => ({
            topic,
            result: rng.weighted([
              ['meets', 14],
              ['partly', 4],
              ['fails', 1],
            ] as const),
            note: null,
          }))
        : [];
      return {
        tenant_id: c.tenantId,
        org_id: o.id,
        org_path: o.org_path,
        inspection_id: id,
        visited_on: day && day <= today ? day : null,
        score: day && p.kind !== 'observation' ? rng.int(72, 97) : null,
        results: JSON.stringify(results),
        note: null,
        created_at: at(created, k),
        updated_at: now,
        deleted_at: null,
      };
    });
    const visitIds = await repo.insertVisits(db, rows);
    visitCount += visitIds.length;
    for (const [k, v] of rows.entries()) {
      if (!v.visited_on) continue;
      const failed = (JSON.parse(v.results) as { topic: InspectionTopic; result: string }[]).filter(
        (x) => x.result === 'fails' && FOUND[x.topic],
      );
      for (const f of failed) {
        const [text, category] = FOUND[f.topic]!;
        const finding = await repo.insertFinding(db, {
          tenant_id: c.tenantId,
          org_id: v.org_id,
          org_path: v.org_path,
          inspection_id: id,
          visit_id: visitIds[k]!,
          text,
          category,
          severity: rng.weighted(SEVERITIES),
          problem_id: null,
          created_by: null,
          created_at: at(v.visited_on, k),
          updated_at: now,
          deleted_at: null,
        });
        found.push({ finding, org: p.visits[k]!, topic: f.topic, day: v.visited_on, kind: p.kind, title: p.title });
      }
    }
  }
  const opened = await openProblems(ctx, c, rng, found, today, now);
  await addTimelineBatch(db, events);
  await bumpVersion(db, c.tenantId, 'inspections');
  await bumpVersion(db, c.tenantId, 'problems');
  const counts = `${all.length} 次，检查 ${visitCount} 个单位，发现问题 ${found.length} 个，已销号 ${opened.closed}`;
  log(`  督查检查 inspections：${counts} (${all.length}, ${visitCount} visits, ${found.length} findings)`);
}

/** The problems of the findings, as `openProblem` would have opened them, then moved on by their age. */
async function openProblems(
  ctx: Ctx,
  c: LoadedCounty,
  rng: Random,
  found: { finding: number; org: Org; topic: InspectionTopic; day: string; kind: InspectionKind; title: string }[],
  today: string,
  now: string,
): Promise<{ closed: number }> {
  const rows: NewProblem[] = found.map((f, i) => {
    const age = Math.round((Date.parse(today) - Date.parse(f.day)) / 86_400_000);
    const [text, category] = FOUND[f.topic]!;
    // Older than two months: closed; older than three weeks: claimed or under way; else assigned or just found.
    const status =
      age > 60
        ? rng.chance(0.9)
          ? 'closed'
          : 'rectifying'
        : age > 21
          ? rng.pick(['claimed', 'rectifying'])
          : age > 5
            ? 'assigned'
            : 'found';
    const assigned = status === 'found' ? null : addDays(f.day, rng.int(2, 5));
    const claimed =
      status === 'closed' || status === 'claimed' ? addDays(f.day, Math.min(age - 1, rng.int(15, 40))) : null;
    const closed = status === 'closed' ? addDays(claimed!, Math.min(rng.int(2, 8), Math.max(0, age - 2))) : null;
    const secretary = f.org.secretary ?? '支部书记';
    return {
      tenant_id: c.tenantId,
      org_id: f.org.id,
      org_path: f.org.org_path,
      source: 'inspection',
      source_ref: `inspection_finding:${f.finding}`,
      category,
      title: `${f.kind === 'unannounced' ? '随机暗访' : '督查'}发现：${text}`,
      description: `${f.title}（${f.day}）：${text}`,
      found_on: f.day,
      found_by: '督查组',
      due_on: assigned ? addDays(assigned, 30) : null,
      responsible_name: assigned ? secretary : null,
      responsible_member_id: null,
      status,
      notice_no: null,
      notice_note: null,
      assigned_on: assigned,
      assigned_by: null,
      claimed_at: claimed ? at(claimed, i) : null,
      claim_note: claimed ? '已按督查意见整改，相关记录已补齐。' : null,
      claimed_by_name: claimed ? secretary : null,
      claimed_by: null,
      closed_on: closed,
      verified_by_name: closed ? '乡镇党委' : null,
      reject_reason: null,
      verified_by: null,
      follow_up_due: null,
      followed_up_on: null,
      follow_up_result: null,
      reopened: 0,
      reminded_on: null,
      escalated_on: null,
      created_by: null,
      created_at: at(f.day, i),
      updated_at: now,
      deleted_at: null,
    };
  });
  const ids = await insertProblems(ctx.db, rows);
  const events: { author: { id: null; name: string }; entry: TimelineEntry }[] = [];
  for (const [i, id] of ids.entries()) {
    const r = rows[i]!;
    await repo.setFindingProblem(ctx.db, found[i]!.finding, id);
    const ev = (action: string, from: string | null, to: string, day: string) =>
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
          note: null,
          at: at(day, i),
        },
      });
    ev('found', null, 'found', r.found_on);
    if (!r.assigned_on) continue;
    ev('assigned', 'found', 'assigned', r.assigned_on);
    if (r.status === 'assigned') continue;
    ev('started', 'assigned', 'rectifying', addDays(r.assigned_on, 1));
    if (r.claimed_at) ev('claimed', 'rectifying', 'claimed', r.claimed_at.slice(0, 10));
    if (r.closed_on) ev('verified', 'claimed', 'closed', r.closed_on);
  }
  await addTimelineBatch(ctx.db, events);
  return { closed: rows.filter((r) => r.status === 'closed').length };
}

/** The inspections demo, run after the organizations, members and problems exist. */
export const inspectionsContributor: DemoContributor = { name: 'inspections', load };

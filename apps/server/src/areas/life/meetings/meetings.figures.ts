/**
 * Figures of organizational life computed from the records: rules in force, compliance, attendance, and the year's
 * record export.
 */
import ExcelJS from 'exceljs';
import {
  ATTENDANCE_STATUSES,
  ComplianceQuery,
  MeetingStatsQuery,
  MEETING_KIND_LABELS,
  chinaDateTime,
  label,
  type OrgType,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { xlsxBuffer } from '../../../platform/excel.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { today } from '../../core/orgs/orgs.service.js';
import * as repo from './meetings.repository.js';
import * as figuresRepo from './meetings.figures.repository.js';
import {
  KIND_APPLIES_TO,
  MEETING_KINDS,
  MEETING_RULES,
  type FrequencyRule,
  type FrequencyRules,
  type MeetingKind,
} from './meetings.rules.js';
import { parsePeriod, unitOf } from './meetings.periods.js';
import { computeCompliance, heldKey, loadSpan, type ComplianceStatus } from './meetings.compliance.js';
import { changeRules, rulesDetail } from '../../../platform/rules.js';
import { defineFigure } from '../../../platform/figures.js';
import { fillCompliance } from './meetings.compliance.xlsx.js';
import { addSheet } from '../../../platform/sheets.js';
import { isUpcoming, shownStatus } from './meetings.checkin.js';

/** The organization a figure is computed for, as plain data (part of the cache key). */
type OrgRef = Pick<orgsRepo.OrgRow, 'id' | 'tenant_id' | 'org_path' | 'name'>;
const orgRef = (o: OrgRef): OrgRef => ({ id: o.id, tenant_id: o.tenant_id, org_path: o.org_path, name: o.name });
type ComplianceArgs = { root: OrgRef; period: string; status?: ComplianceStatus; day: string };
// The day is in the key: a meeting planned ahead enters the figures on the day it is held.
type StatsArgs = { root: OrgRef; period: string; day: string };

/** 组织生活落实情况: what the rules require of every org × kind of a subtree in a period, and what was held. */
export const complianceFigure = defineFigure({
  key: 'meetings.compliance',
  name: { zh: '组织生活落实情况', en: 'Compliance of organizational life' },
  params: ComplianceQuery,
  route: 'GET /api/compliance/meetings',
  depends: ['meetings', 'roster'],
  compute: (ctx: Ctx, args: ComplianceArgs) => complianceUncached(ctx, args),
  excel: { route: 'GET /api/compliance/meetings/export', fill: fillCompliance },
});

/** 组织生活统计: meetings by kind, attendance per org and member, lectures, incomplete records. */
export const statsFigure = defineFigure({
  key: 'meetings.stats',
  name: { zh: '组织生活统计', en: 'Figures of organizational life' },
  params: MeetingStatsQuery,
  route: 'GET /api/stats/meetings',
  depends: ['meetings', 'roster'],
  compute: (ctx: Ctx, args: StatsArgs) => statsUncached(ctx, args),
});

/** The rules in force for a county and year: national defaults with the county's overrides (`platform/rules.ts`). */
export async function rulesFor(
  ctx: Ctx,
  tenantId: number,
  year: number,
): Promise<{ rules: FrequencyRules; overridden: Set<MeetingKind> }> {
  const { values, from } = await rulesDetail<FrequencyRules>(ctx.db, MEETING_RULES.name, tenantId, year);
  const overridden = new Set(MEETING_KINDS.filter((k) => from[k] && !from[k].reset));
  return { rules: values, overridden };
}

/** The rules in force for a year, as everyone may read them. */
export async function rulesInForce(ctx: Ctx, actor: Actor, year: number) {
  requireCapability(actor, 'self.party');
  const { rules, overridden } = await rulesFor(ctx, actor.tenantId!, year);
  return {
    year,
    rules: MEETING_KINDS.map((kind) => ({
      kind,
      rule: rules[kind],
      source: overridden.has(kind) ? ('county' as const) : ('national' as const),
      appliesTo: [...KIND_APPLIES_TO[kind]],
    })),
  };
}

/** Sets (or with null, waives) a county's rule for a kind from a year on; the county admin only. */
export async function setRule(ctx: Ctx, actor: Actor, year: number, kind: MeetingKind, rule: FrequencyRule | null) {
  requireCapability(actor, 'meetings.rules');
  if (!(MEETING_KINDS as readonly string[]).includes(kind)) throw new DomainError('validation', { field: 'kind' });
  if (year < 2000 || year > 2100) throw new DomainError('validation', { field: 'year' });
  await changeRules(ctx, actor, MEETING_RULES.name, year, { values: { [kind]: rule } }, null);
  return rulesInForce(ctx, actor, year);
}

/** Compliance of every org × kind of a subtree in a period (YYYY-MM, YYYY-Qn or YYYY). */
export async function compliance(
  ctx: Ctx,
  actor: Actor,
  q: { org?: number; period: string; status?: ComplianceStatus },
  opts: { today?: string } = {},
) {
  requireCapability(actor, 'meetings.read');
  const span = parsePeriod(q.period);
  if (!span) throw new DomainError('meetings.bad_period');
  const root = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  const day = opts.today ?? today(ctx);
  // Figures follow the meetings, the rules and the roster, and the day (what is due moves with it).
  return complianceFigure.get(ctx, root.tenant_id, { root: orgRef(root), period: q.period, status: q.status, day });
}

async function complianceUncached(ctx: Ctx, { root, period, status, day }: ComplianceArgs) {
  const span = parsePeriod(period)!;
  const q = { period, status };
  const { rules } = await rulesFor(ctx, root.tenant_id, Number(q.period.slice(0, 4)));
  const orgRows = await figuresRepo.subtreeOrgs(ctx.db, root.tenant_id, root.org_path);
  const needsMembers = MEETING_KINDS.some((k) => rules[k]?.perMember);
  const memberCount = new Map<number, number>();
  if (needsMembers) {
    const counts = await figuresRepo.memberCountsByOrg(ctx.db, root.tenant_id, root.org_path);
    for (const c of counts) memberCount.set(c.org_id, Number(c.n));
  }
  const loaded = loadSpan(span, rules);
  // A meeting planned ahead is not held yet: it does not meet a requirement before its day.
  const wide = { from: loaded.from, to: loaded.to < day ? loaded.to : day };
  const held = new Map<string, number>();
  const add = (orgId: number, kind: MeetingKind, ym: string, n: number) => {
    const rule = rules[kind];
    if (!rule) return;
    const key = heldKey(orgId, kind, unitOf(`${ym}-01`, rule.every).key);
    held.set(key, (held.get(key) ?? 0) + n);
  };
  for (const r of await repo.heldByMonth(ctx.db, root.tenant_id, root.org_path, wide.from, wide.to)) {
    if (!rules[r.kind as MeetingKind]?.perMember) add(r.org_id, r.kind as MeetingKind, r.ym, Number(r.n));
  }
  for (const kind of MEETING_KINDS.filter((k) => rules[k]?.perMember)) {
    // Each member counts once per unit, however many talks.
    const seen = new Set<string>();
    for (const r of await repo.talkedByMonth(ctx.db, root.tenant_id, root.org_path, kind, wide.from, wide.to)) {
      const unit = unitOf(`${r.ym}-01`, rules[kind]!.every).key;
      const k = `${r.org_id}|${r.member_id}|${unit}`;
      if (seen.has(k)) continue;
      seen.add(k);
      add(r.org_id, kind, r.ym, 1);
    }
  }
  const result = computeCompliance({
    today: day,
    span,
    rules,
    orgs: orgRows.map((o) => ({ id: o.id, type: o.type as OrgType, memberCount: memberCount.get(o.id) ?? 0 })),
    held,
  });
  const names = new Map(orgRows.map((o) => [o.id, { name: o.name, path: o.org_path }]));
  const items = result.items
    .filter((i) => !q.status || i.status === q.status)
    .map((i) => ({ ...i, orgName: names.get(i.orgId)!.name }))
    .sort((a, b) =>
      names.get(a.orgId)!.path < names.get(b.orgId)!.path
        ? -1
        : names.get(a.orgId)!.path > names.get(b.orgId)!.path
          ? 1
          : MEETING_KINDS.indexOf(a.kind) - MEETING_KINDS.indexOf(b.kind),
    );
  return { period: { from: span.from, to: span.to }, items, summary: result.summary };
}

/**
 * Meetings by kind, attendance per org and per member, lectures by secretaries, incomplete records — for a subtree
 * and period.
 */
export async function stats(ctx: Ctx, actor: Actor, q: { org?: number; period: string }) {
  requireCapability(actor, 'meetings.read');
  const span = parsePeriod(q.period);
  if (!span) throw new DomainError('meetings.bad_period');
  const root = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  return statsFigure.get(ctx, root.tenant_id, { root: orgRef(root), period: q.period, day: today(ctx) });
}

async function statsUncached(ctx: Ctx, { root, period, day }: StatsArgs) {
  const whole = parsePeriod(period)!;
  // Meetings not yet held count nowhere: none of their members is absent yet.
  const span = { from: whole.from, to: whole.to < day ? whole.to : day };
  const { byKind, perOrg, meetingsPerOrg, perMember, lectures, incomplete } = await figuresRepo.statsRows(
    ctx.db,
    root.tenant_id,
    root.org_path,
    span,
  );
  const mCount = new Map(meetingsPerOrg.map((r) => [r.org_id, Number(r.n)]));
  const rate = (p: number, e: number) => (e ? Math.round((p / e) * 10_000) / 10_000 : 0);
  const expected = perOrg.reduce((a, r) => a + Number(r.expected), 0);
  const present = perOrg.reduce((a, r) => a + Number(r.present ?? 0), 0);
  const leave = perOrg.reduce((a, r) => a + Number(r.leave ?? 0), 0);
  return {
    byKind: byKind
      .map((r) => ({ key: r.key, count: Number(r.count) }))
      .sort((a, b) => MEETING_KINDS.indexOf(a.key as MeetingKind) - MEETING_KINDS.indexOf(b.key as MeetingKind)),
    meetings: byKind.reduce((a, r) => a + Number(r.count), 0),
    attendance: { expected, present, leave, rate: rate(present, expected) },
    orgs: perOrg
      .map((r) => ({
        orgId: r.org_id,
        orgName: r.name,
        meetings: mCount.get(r.org_id) ?? 0,
        expected: Number(r.expected),
        present: Number(r.present ?? 0),
        rate: rate(Number(r.present ?? 0), Number(r.expected)),
      }))
      .sort((a, b) => a.rate - b.rate)
      .slice(0, 200),
    members: perMember
      .map((r) => ({
        memberId: r.member_id,
        name: r.name,
        orgName: r.org_name,
        expected: Number(r.expected),
        present: Number(r.present ?? 0),
        rate: rate(Number(r.present ?? 0), Number(r.expected)),
      }))
      .sort((a, b) => a.rate - b.rate)
      .slice(0, 200),
    lectures: { total: Number(lectures.total ?? 0), bySecretaries: Number(lectures.secretaries ?? 0) },
    incomplete: Number(incomplete.n),
  };
}

/** A branch's year of organizational life as an Excel workbook (纪实): one sheet of meetings, one of attendance. */
export async function yearbook(
  ctx: Ctx,
  actor: Actor,
  orgId: number,
  year: number,
): Promise<{ buffer: Buffer; orgName: string }> {
  requireCapability(actor, 'meetings.read');
  const org = await orgsRepo.getOrg(ctx.db, actor, orgId);
  const meetings = await figuresRepo.meetingsOfYear(ctx.db, org.id, year);
  const counts = await repo.countsOf(
    ctx.db,
    meetings.map((m) => m.id),
  );
  const wb = new ExcelJS.Workbook();
  const ws = addSheet(wb, `${year}年组织生活`, [
    ['日期', 'heldOn', 12],
    ['时间', 'time', 12],
    ['类型', 'kind', 14],
    ['主题', 'topic', 32],
    ['地点', 'place', 16],
    ['主持人', 'host', 10],
    ['记录人', 'recorder', 10],
    ['应到', 'expected', 6],
    ['实到', 'present', 6],
    ['请假', 'leave', 6],
    ['缺席', 'absent', 6],
    ['会议记录', 'minutes', 60],
    ['决定事项', 'decisions', 30],
    ['录入时间', 'entered', 20],
  ]);
  for (const m of meetings) {
    const c = counts.get(m.id)!;
    ws.addRow({
      heldOn: m.held_on,
      time: `${m.start_time}${m.end_time ? `–${m.end_time}` : ''}`,
      kind: label(MEETING_KIND_LABELS, m.kind),
      topic: m.topic,
      place: m.place,
      host: m.host_name,
      recorder: m.recorder_name,
      expected: c.expected,
      present: c.present,
      leave: c.leave,
      absent: isUpcoming(ctx, m) ? 0 : c.absent,
      minutes: m.minutes ?? '',
      decisions: m.decisions ?? '',
      entered: m.created_at.slice(0, 16).replace('T', ' '),
    });
  }
  const att = addSheet(wb, '出席情况', [
    ['日期', 'heldOn', 12],
    ['类型', 'kind', 14],
    ['主题', 'topic', 32],
    ['党员', 'name', 10],
    ['出席', 'status', 8],
    ['请假事由', 'reason', 24],
    ['签到时间', 'checked', 20],
  ]);
  if (meetings.length) {
    const rows = await figuresRepo.attendanceOf(
      ctx.db,
      meetings.map((m) => m.id),
    );
    const byId = new Map(meetings.map((m) => [m.id, m]));
    for (const r of rows) {
      const m = byId.get(r.meeting_id)!;
      att.addRow({
        heldOn: m.held_on,
        kind: label(MEETING_KIND_LABELS, m.kind),
        topic: m.topic,
        name: r.name,
        status: label(ATTENDANCE_STATUSES, shownStatus(isUpcoming(ctx, m), r.status)),
        reason: r.leave_reason ?? '',
        checked: r.checked_in_at ? chinaDateTime(r.checked_in_at) : '',
      });
    }
  }
  return { buffer: await xlsxBuffer(wb), orgName: org.name };
}

/** The compliance table as an Excel file (the same rows as the screen). */
export async function complianceXlsx(
  ctx: Ctx,
  actor: Actor,
  q: { org?: number; period: string; status?: ComplianceStatus },
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<Buffer> {
  requireCapability(actor, 'meetings.read');
  if (!parsePeriod(q.period)) throw new DomainError('meetings.bad_period');
  const root = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  const args = { root: orgRef(root), period: q.period, status: q.status, day: today(ctx) };
  return complianceFigure.xlsx(ctx, root.tenant_id, args, locale);
}

/**
 * 学时: a member's hours of a year counted from attendance only — class sessions attended (their hours) and the
 * organizational life the `training` rules count (hours per meeting kind, each meeting once per member) — against
 * the requirement (32, or 56 for a member whose cadre record holds a party post now). Set-based: one query per
 * source for the whole subtree, then joined in memory. Never from study time, views or clicks.
 */
import {
  MEETING_HOURS_RULE,
  type HoursOrgRowT,
  type MemberHoursT,
  type MyTrainingHoursT,
  type TrainingHoursListT,
  type TrainingHoursQueryT,
  type TrainingRules,
} from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { readVersions } from '../../../platform/data/dataVersions.js';
import { pagingOf } from '../../../platform/listing.js';
import { memo } from '../../../platform/memo.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as hoursRepo from './training.hours.repository.js';
import * as repo from './training.repository.js';
import { trainingRules } from './training.rules.js';
import { todayOf } from './training.service.js';

/** The meeting kinds the rules count, with the hours (tenths) of one meeting. */
export function countedKinds(rules: TrainingRules): Map<string, number> {
  const out = new Map<string, number>();
  for (const [kind, key] of Object.entries(MEETING_HOURS_RULE))
    if (key && rules[key] > 0) out.set(kind, Math.round(rules[key] * 10));
  return out;
}

/** The data the hours read: a write to any of them recomputes the hours of a subtree. */
const DEPENDS = ['training', 'meetings', 'roster', 'cadres', 'rules:training'] as const;

/**
 * Every member's hours of a subtree and year, in roster order; a whole subtree's answer is kept until a write to the
 * data it reads (paging and filtering the list do not recompute it).
 */
export async function hoursOfSubtree(
  ctx: Ctx,
  tenantId: number,
  path: string,
  year: number,
  memberId?: number,
): Promise<{ rows: Counted[]; rules: TrainingRules }> {
  if (memberId !== undefined) return computeHours(ctx, tenantId, path, year, memberId);
  const versions = await readVersions(ctx.db, tenantId, [...DEPENDS]);
  const key = `${tenantId}|training.hours|${versions.join('.')}|${path}|${year}`;
  return memo(ctx.db, key, () => computeHours(ctx, tenantId, path, year));
}

async function computeHours(
  ctx: Ctx,
  tenantId: number,
  path: string,
  year: number,
  memberId?: number,
): Promise<{ rows: Counted[]; rules: TrainingRules }> {
  const range = subtreeRange(path);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const rules = await trainingRules(ctx.db, tenantId, year);
  const kinds = countedKinds(rules);
  const [members, classes, meetings, committee, rotated] = await Promise.all([
    hoursRepo.membersOfSubtree(ctx.db, tenantId, range, memberId),
    hoursRepo.classHours(ctx.db, tenantId, range, from, to),
    hoursRepo.meetingsAttended(ctx.db, tenantId, range, from, to, [...kinds.keys()]),
    hoursRepo.committeeMembers(ctx.db, tenantId, range),
    hoursRepo.rotatedMembers(ctx.db, tenantId, range, from, to),
  ]);
  const meetingTenths = new Map<number, number>();
  for (const m of meetings)
    meetingTenths.set(m.memberId, (meetingTenths.get(m.memberId) ?? 0) + m.count * (kinds.get(m.kind) ?? 0));
  const rows = members.map((m): Counted => {
    const c = classes.get(m.id) ?? 0;
    const g = meetingTenths.get(m.id) ?? 0;
    const isCommittee = committee.has(m.id);
    const required = isCommittee ? rules.committeeHours : rules.memberHours;
    return {
      memberId: m.id,
      name: m.name,
      orgId: m.org_id,
      orgName: m.org_name,
      committee: isCommittee,
      classHours: c / 10,
      meetingHours: g / 10,
      hours: (c + g) / 10,
      required,
      short: c + g < Math.round(required * 10),
      rotated: rotated.has(m.id),
      path: m.org_path,
    };
  });
  return { rows, rules };
}

/** A member's hours with the path of its organization (to count per organization). */
export type Counted = MemberHoursT & { path: string };

/** The counts of some members' hours. */
export function countHours(rows: MemberHoursT[]): Omit<HoursOrgRowT, 'orgId' | 'orgName'> {
  const members = rows.length;
  const short = rows.filter((r) => r.short).length;
  const rotated = rows.filter((r) => r.rotated).length;
  return {
    members,
    reached: members - short,
    short,
    rotated,
    coverage: members ? Math.round((rotated / members) * 1000) / 1000 : 0,
  };
}

/** The year asked, or this year in China. */
export const yearOf = (ctx: Ctx, year?: number) => year ?? Number(todayOf(ctx).slice(0, 4));

/** The hours of the caller's subtree (or an organization in it): members paged, the counts, each child's counts. */
export async function hours(ctx: Ctx, actor: Actor, q: TrainingHoursQueryT): Promise<TrainingHoursListT> {
  requireCapability(actor, 'training.read');
  const root = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  const year = yearOf(ctx, q.year);
  const { rows, rules } = await hoursOfSubtree(ctx, actor.tenantId!, root.org_path, year);
  const children = await repo.childOrgs(ctx.db, actor.tenantId!, root.id);
  const text = q.q?.trim();
  const picked = rows.filter(
    (r) => (!q.short || r.short) && (!text || r.name.includes(text) || r.orgName.includes(text)),
  );
  const { page, pageSize } = pagingOf(q);
  const inside = (path: string) => {
    const [lo, hi] = subtreeRange(path);
    return (r: Counted) => r.path >= lo && r.path < hi;
  };
  return {
    items: picked.slice((page - 1) * pageSize, page * pageSize).map(({ path: _, ...r }) => r),
    total: picked.length,
    year,
    totals: { orgId: root.id, orgName: root.name, ...countHours(rows) },
    rows: children.map((o) => ({ orgId: o.id, orgName: o.name, ...countHours(rows.filter(inside(o.org_path))) })),
    rules: { memberHours: rules.memberHours, committeeHours: rules.committeeHours },
  };
}

/** The members short of their hours (the whole list, for the page and the export). */
export async function shortList(ctx: Ctx, actor: Actor, q: TrainingHoursQueryT): Promise<TrainingHoursListT> {
  return hours(ctx, actor, { ...q, short: true });
}

/** My hours this year by source against my requirement (the member's phone page). */
export async function mine(ctx: Ctx, actor: Actor, q: { year?: number }): Promise<MyTrainingHoursT> {
  requireCapability(actor, 'training.mine');
  if (!actor.memberId || !actor.orgPath) throw notFound();
  const year = yearOf(ctx, q.year);
  const { rows, rules } = await hoursOfSubtree(ctx, actor.tenantId!, actor.orgPath, year, actor.memberId);
  const me = rows[0];
  if (!me) throw notFound();
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const kinds = countedKinds(rules);
  const [classes, meetings] = await Promise.all([
    repo.myClasses(ctx.db, me.memberId, from, to),
    hoursRepo.meetingsAttended(ctx.db, actor.tenantId!, subtreeRange(actor.orgPath), from, to, [...kinds.keys()]),
  ]);
  return {
    year,
    name: me.name,
    committee: me.committee,
    classHours: me.classHours,
    meetingHours: me.meetingHours,
    hours: me.hours,
    required: me.required,
    short: me.short,
    classes,
    meetings: meetings
      .filter((m) => m.memberId === me.memberId)
      .map((m) => ({ kind: m.kind, count: m.count, hours: (m.count * (kinds.get(m.kind) ?? 0)) / 10 })),
  };
}

/**
 * The figures of the cadres module. `cadres.committees` is the election analytics (换届分析) of a subtree and term,
 * computed from the posts: one read of the posts of the term and the previous one for the whole subtree, then each
 * measure in one pass over those rows for the root and every child at once (never a query per village). A person
 * counts once however many posts it holds. `cadres.filings` counts the secretaries filed with the county in a year.
 */
import {
  CADRE_EDUCATIONS,
  CADRE_KINDS,
  CadreFilingsSummaryQuery,
  type CadreFilingsSummaryT,
  type CadreKind,
  ELECTIONS_RULE_LABELS,
  type ElectionAnalyticsT,
  type ElectionRowT,
  type ElectionsQueryT,
  type ElectionsRules,
  ElectionsQuery,
  HIGH_SCHOOL_UP,
  label,
} from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAuditAlone } from '../../../platform/data/audit.js';
import { notFound } from '../../../platform/errors.js';
import { defineFigure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as flowsRepo from './cadres.flows.repository.js';
import * as repo from './cadres.repository.js';
import { electionsRules } from './cadres.rules.js';
import { ageOn, jsonArray } from './cadres.service.js';

type PostRow = Awaited<ReturnType<typeof repo.termPosts>>[number];
type Measures = Omit<ElectionRowT, 'orgId' | 'orgName'>;

const share = (n: number, d: number) => (d ? Math.round((n / d) * 10_000) / 10_000 : null);
const round1 = (x: number) => Math.round(x * 10) / 10;
const HIGH = new Set<string>(HIGH_SCHOOL_UP);
const KIND_KEYS = Object.keys(CADRE_KINDS) as CadreKind[];

/** A person of a term: its first day in office in the term and what the analytics count. */
interface Person {
  start: string;
  birth: string;
  gender: string;
  education: string | null;
  kinds: CadreKind[];
  party: boolean;
  villagers: boolean;
}

/** The people of one term's rows (one entry per person, the earliest start of its posts in the term). */
function peopleOf(rows: PostRow[]): Map<number, Person> {
  const people = new Map<number, Person>();
  for (const r of rows) {
    let p = people.get(r.cadre_id);
    if (!p) {
      p = {
        start: r.started_on,
        birth: r.birth_date,
        gender: r.gender,
        education: r.education,
        kinds: jsonArray<CadreKind>(r.kinds),
        party: false,
        villagers: false,
      };
      people.set(r.cadre_id, p);
    }
    if (r.started_on < p.start) p.start = r.started_on;
    if (r.committee === 'party') p.party = true;
    else p.villagers = true;
  }
  return people;
}

const averageAge = (people: Map<number, Person>) => {
  if (!people.size) return null;
  let sum = 0;
  for (const p of people.values()) sum += ageOn(p.birth, p.start);
  return round1(sum / people.size);
};

/** Every measure of one subtree from the rows of its term and of the previous term. */
export function measure(rows: PostRow[], previous: PostRow[]): Measures {
  const people = peopleOf(rows);
  // 一肩挑: villages whose secretary (party) is also its director (villagers) — the same person in both posts.
  const secretaries = new Map<number, Set<number>>();
  const directors = new Map<number, Set<number>>();
  const villages = new Set<number>();
  for (const r of rows) {
    villages.add(r.org_id);
    const into =
      r.committee === 'party' && r.post === 'secretary'
        ? secretaries
        : r.committee === 'villagers' && r.post === 'director'
          ? directors
          : null;
    if (!into) continue;
    const s = into.get(r.org_id) ?? new Set<number>();
    s.add(r.cadre_id);
    into.set(r.org_id, s);
  }
  let oneShoulder = 0;
  for (const [org, secs] of secretaries) {
    const dirs = directors.get(org);
    if (dirs && [...secs].some((c) => dirs.has(c))) oneShoulder++;
  }
  let villagersPeople = 0;
  let cross = 0;
  let women = 0;
  let highSchoolUp = 0;
  let anyKind = 0;
  const byEducation = new Map<string | null, number>();
  const byKind = new Map<CadreKind, number>();
  for (const p of people.values()) {
    if (p.villagers) {
      villagersPeople++;
      if (p.party) cross++;
    }
    if (p.gender === 'female') women++;
    if (p.education && HIGH.has(p.education)) highSchoolUp++;
    byEducation.set(p.education, (byEducation.get(p.education) ?? 0) + 1);
    if (p.kinds.length) anyKind++;
    for (const k of new Set(p.kinds)) byKind.set(k, (byKind.get(k) ?? 0) + 1);
  }
  const before = peopleOf(previous);
  let newPeople = 0;
  for (const id of people.keys()) if (!before.has(id)) newPeople++;
  const avg = averageAge(people);
  const prevAvg = averageAge(before);
  const n = people.size;
  return {
    villages: villages.size,
    oneShoulder,
    oneShoulderShare: share(oneShoulder, villages.size),
    villagersPeople,
    cross,
    crossShare: share(cross, villagersPeople),
    people: n,
    posts: rows.length,
    averageAge: avg,
    previousAverageAge: prevAvg,
    ageChange: avg != null && prevAvg != null ? round1(avg - prevAvg) : null,
    education: [...(Object.keys(CADRE_EDUCATIONS) as string[]), null]
      .filter((e) => byEducation.has(e))
      .map((e) => ({ education: e as Measures['education'][number]['education'], count: byEducation.get(e)! })),
    highSchoolUp,
    highSchoolUpShare: share(highSchoolUp, n),
    women,
    womenShare: share(women, n),
    kinds: KIND_KEYS.map((kind) => ({ kind, count: byKind.get(kind) ?? 0, share: share(byKind.get(kind) ?? 0, n) })),
    anyKind,
    anyKindShare: share(anyKind, n),
    newPeople,
    turnoverShare: share(newPeople, n),
  };
}

/** The flags of the `elections` targets, in percent (the average age in years). */
function flagsOf(m: Measures, rules: ElectionsRules, locale: Locale = 'zh-CN'): ElectionAnalyticsT['flags'] {
  const pct = (s: number | null) => (s == null ? null : round1(s * 100));
  const at = (key: keyof ElectionsRules, value: number | null, atLeast = true) => ({
    key,
    label: label(ELECTIONS_RULE_LABELS, key, locale),
    value,
    target: rules[key],
    met: value == null ? null : atLeast ? value >= rules[key] : value <= rules[key],
  });
  return [
    at('oneShoulderTargetPct', pct(m.oneShoulderShare)),
    at('crossTargetPct', pct(m.crossShare)),
    at('fourKindsTargetPct', pct(m.anyKindShare)),
    at('womenTargetPct', pct(m.womenShare)),
    at('highSchoolTargetPct', pct(m.highSchoolUpShare)),
    at('averageAgeMax', m.averageAge, false),
  ];
}

const inside = (path: string, [lo, hi]: [string, string]) => path >= lo && path < hi;

/** The figure's arguments: the root organization and the term. */
export interface CommitteesArgs {
  orgId: number;
  term: number;
}

/** 村“两委”换届分析 of a subtree and term. */
export const committeesFigure = defineFigure({
  key: 'cadres.committees',
  name: {
    zh: '村“两委”换届分析（一肩挑、交叉任职、年龄、学历、女性、四类人员、新进）',
    en: 'Village committees by term: one shoulder, cross-membership, age, education, women, four kinds, turnover',
  },
  params: ElectionsQuery,
  route: 'GET /api/elections/analytics',
  depends: ['cadres', 'roster'],
  compute: async (ctx: Ctx, { orgId, term }: CommitteesArgs, tenantId: number): Promise<ElectionAnalyticsT> => {
    const root = await repo.orgOfTenant(ctx.db, tenantId, orgId);
    if (!root) throw notFound();
    const range = subtreeRange(root.org_path);
    const t = String(term);
    const [prev, children, rules] = await Promise.all([
      repo.previousTerm(ctx.db, tenantId, range, t),
      repo.childOrgs(ctx.db, tenantId, root.id),
      electionsRules(ctx.db, tenantId, term),
    ]);
    const rows = await repo.termPosts(ctx.db, tenantId, range, prev ? [t, prev] : [t]);
    const now = rows.filter((r) => r.term === t);
    const before = rows.filter((r) => r.term === prev);
    const total = measure(now, before);
    // Child rows: the rows split by child path once, then measured.
    const childRanges = children.map((c) => ({ c, range: subtreeRange(c.org_path) }));
    const split = (list: PostRow[]) => {
      const out = new Map<number, PostRow[]>();
      for (const r of list) {
        const hit = childRanges.find((x) => inside(r.org_path, x.range));
        if (!hit) continue;
        const list = out.get(hit.c.id);
        if (list) list.push(r);
        else out.set(hit.c.id, [r]);
      }
      return out;
    };
    const nowBy = split(now);
    const beforeBy = split(before);
    return {
      orgId: root.id,
      orgName: root.name,
      term,
      previousTerm: prev ? Number(prev) : null,
      ...total,
      flags: flagsOf(total, rules),
      rows: children
        .filter((c) => nowBy.has(c.id) || beforeBy.has(c.id))
        .map((c) => ({ orgId: c.id, orgName: c.name, ...measure(nowBy.get(c.id) ?? [], beforeBy.get(c.id) ?? []) })),
    };
  },
  excel: { route: 'GET /api/elections/analytics/export', fill: fillCommittees },
});

const pctText = (s: number | null) => (s == null ? '' : `${round1(s * 100)}%`);

function fillCommittees(wb: import('exceljs').Workbook, f: ElectionAnalyticsT, locale: Locale): void {
  const en = locale === 'en';
  const h = (zh: string, e: string) => (en ? e : zh);
  const ws = addSheet(wb, h('换届分析', 'Elections'), [
    [h('党组织', 'Organization'), 'orgName', 28],
    [h('村（社区）数', 'Villages'), 'villages', 10],
    [h('一肩挑', 'One shoulder'), 'oneShoulder', 10],
    [h('一肩挑比例', 'One shoulder %'), 'oneShoulderShare', 12],
    [h('交叉任职', 'Cross'), 'cross', 10],
    [h('交叉任职比例', 'Cross %'), 'crossShare', 12],
    [h('“两委”成员（人）', 'People'), 'people', 12],
    [h('平均年龄', 'Average age'), 'averageAge', 10],
    [h('较上届', 'Change'), 'ageChange', 10],
    [h('高中及以上', 'High school +'), 'highSchoolUp', 12],
    [h('女性', 'Women'), 'women', 8],
    [h('女性比例', 'Women %'), 'womenShare', 10],
    [h('“四类人员”', 'Four kinds'), 'anyKind', 12],
    [h('“四类人员”比例', 'Four kinds %'), 'anyKindShare', 14],
    [h('新进人员', 'New people'), 'newPeople', 10],
    [h('新进比例', 'Turnover %'), 'turnoverShare', 10],
  ]);
  const line = (orgName: string, m: Measures) =>
    ws.addRow({
      ...m,
      orgName,
      oneShoulderShare: pctText(m.oneShoulderShare),
      crossShare: pctText(m.crossShare),
      womenShare: pctText(m.womenShare),
      anyKindShare: pctText(m.anyKindShare),
      turnoverShare: pctText(m.turnoverShare),
      averageAge: m.averageAge ?? '',
      ageChange: m.ageChange ?? '',
    });
  for (const r of f.rows) line(r.orgName, r);
  line(`${f.orgName}（${h('合计', 'total')} ${f.term}）`, f);
  const ks = addSheet(wb, h('四类人员与学历', 'Kinds and education'), [
    [h('项目', 'Item'), 'item', 30],
    [h('人数', 'People'), 'count', 10],
  ]);
  for (const k of f.kinds) ks.addRow({ item: label(CADRE_KINDS, k.kind, locale), count: k.count });
  for (const e of f.education)
    ks.addRow({
      item: e.education ? label(CADRE_EDUCATIONS, e.education, locale) : h('未填', 'Not given'),
      count: e.count,
    });
  const fs = addSheet(wb, h('指标', 'Targets'), [
    [h('指标', 'Target'), 'label', 34],
    [h('实际', 'Value'), 'value', 10],
    [h('目标', 'Target'), 'target', 10],
    [h('是否达到', 'Met'), 'met', 10],
  ]);
  for (const x of f.flags)
    fs.addRow({ ...x, met: x.met == null ? '' : x.met ? h('达到', 'Yes') : h('未达到', 'No'), value: x.value ?? '' });
}

async function committeesArgs(ctx: Ctx, actor: Actor, q: ElectionsQueryT): Promise<CommitteesArgs> {
  requireCapability(actor, 'cadres.read');
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  return { orgId: o.id, term: q.term };
}

/** The analytics for a subtree of the caller's scope (its own organization by default). */
export async function analytics(ctx: Ctx, actor: Actor, q: ElectionsQueryT): Promise<ElectionAnalyticsT> {
  return committeesFigure.get(ctx, actor.tenantId!, await committeesArgs(ctx, actor, q));
}

/** The analytics as an Excel workbook. */
export async function analyticsXlsx(ctx: Ctx, actor: Actor, q: ElectionsQueryT, locale: Locale): Promise<Buffer> {
  const args = await committeesArgs(ctx, actor, q);
  const buffer = await committeesFigure.xlsx(ctx, actor.tenantId!, args, locale);
  await writeAuditAlone(ctx, actor, {
    action: 'cadres.elections_export',
    entityType: 'cadre',
    detail: `org ${args.orgId}, term ${args.term}`,
  });
  return buffer;
}

/** The terms with posts in the caller's scope, latest first. */
export async function terms(ctx: Ctx, actor: Actor): Promise<{ items: number[] }> {
  requireCapability(actor, 'cadres.read');
  return { items: (await repo.termsInScope(ctx.db, actor)).map(Number) };
}

/** The figure's arguments of the filings: the root and the year. */
export interface FilingsArgs {
  orgId: number;
  year: number;
}

/** 村党组织书记备案 of a subtree and year. */
export const filingsFigure = defineFigure({
  key: 'cadres.filings',
  name: { zh: '村党组织书记县级备案情况', en: 'Secretaries filed with the county: filed, acknowledged, returned' },
  params: CadreFilingsSummaryQuery,
  route: 'GET /api/stats/cadre-filings',
  depends: ['cadres'],
  compute: async (ctx: Ctx, { orgId, year }: FilingsArgs, tenantId: number): Promise<CadreFilingsSummaryT> => {
    const root = await repo.orgOfTenant(ctx.db, tenantId, orgId);
    if (!root) throw notFound();
    const rows = await flowsRepo.filingsIn(
      ctx.db,
      tenantId,
      subtreeRange(root.org_path),
      `${year}-01-01`,
      `${year}-12-31`,
    );
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    return {
      orgId: root.id,
      orgName: root.name,
      year,
      filed: rows.length,
      acknowledged: count('acknowledged'),
      returned: count('returned'),
      waiting: count('filed'),
    };
  },
  excel: { route: 'GET /api/stats/cadre-filings/export', fill: fillFilings },
});

function fillFilings(wb: import('exceljs').Workbook, f: CadreFilingsSummaryT, locale: Locale): void {
  const en = locale === 'en';
  const ws = addSheet(wb, en ? 'Filings' : '书记备案', [
    [en ? 'Organization' : '党组织', 'orgName', 28],
    [en ? 'Year' : '年度', 'year', 8],
    [en ? 'Filed' : '报备', 'filed', 8],
    [en ? 'Acknowledged' : '已备案', 'acknowledged', 10],
    [en ? 'Returned' : '退回', 'returned', 8],
    [en ? 'Waiting' : '待确认', 'waiting', 8],
  ]);
  ws.addRow(f);
}

async function filingsArgs(ctx: Ctx, actor: Actor, q: { org?: number; year: number }): Promise<FilingsArgs> {
  requireCapability(actor, 'cadres.read');
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  return { orgId: o.id, year: q.year };
}

/** The filings figure for a subtree of the caller's scope. */
export async function filingsSummary(ctx: Ctx, actor: Actor, q: { org?: number; year: number }) {
  return filingsFigure.get(ctx, actor.tenantId!, await filingsArgs(ctx, actor, q));
}

/** The filings figure as Excel. */
export async function filingsSummaryXlsx(ctx: Ctx, actor: Actor, q: { org?: number; year: number }, locale: Locale) {
  return filingsFigure.xlsx(ctx, actor.tenantId!, await filingsArgs(ctx, actor, q), locale);
}

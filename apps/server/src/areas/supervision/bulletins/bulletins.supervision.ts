/**
 * The sections read from the other supervision modules' figures (tasks, inspections, problems, weak
 * organizations, accountability), each `get(ctx, tenantId, { orgId, from, to })`. A figure that fails leaves its
 * section saying "no data" in words: a bulletin never fails for one section. Accountability is counted only: no
 * person's name in a bulletin meant for all branches.
 */
import {
  ACCOUNTABILITY_KINDS,
  type AccountabilityKind,
  type BulletinSectionKey,
  type BulletinSectionT,
  type BulletinTraceT,
} from '@dangjian/contracts';
import { accountabilityFigure } from '../accountability/accountability.figures.js';
import { inspectionsFigure } from '../inspections/inspections.figures.js';
import { problemsFigure } from '../problems/problems.figures.js';
import { tasksFigure } from '../tasks/tasks.figures.js';
import { weakOrgsFigure } from '../weakOrgs/weakOrgs.figures.js';
import {
  col,
  linkTo,
  noData,
  num,
  pct,
  section,
  table,
  traceOf,
  type FigureLike,
  type SectionInput,
} from './bulletins.model.js';
import { MAX_ROWS } from './bulletins.sections.js';

type Args = { orgId: number; from: string; to: string };
type Read<R> = { result: R; trace: BulletinTraceT } | { none: BulletinSectionT };

/** Reads a supervision figure for a section: its answer and trace, or the section's "no data". */
async function read<R>(
  i: SectionInput,
  key: BulletinSectionKey,
  fig: FigureLike & { get(ctx: SectionInput['ctx'], tenantId: number, args: Args): Promise<R> },
  link: string,
): Promise<Read<R>> {
  const args = { orgId: i.root.id, from: i.period.from, to: i.period.to };
  try {
    const result = await fig.get(i.ctx, i.root.tenant_id, args);
    return { result, trace: await traceOf(i.ctx, i.root.tenant_id, fig, args, link) };
  } catch (err) {
    if (i.ctx.config.logLevel === 'debug') console.error(`bulletin section ${key}`, err);
    return { none: noData(key, 'failed') };
  }
}

const range = (i: SectionInput) => ({ org: i.root.id, from: i.period.from, to: i.period.to });
/** The tasks figure gives its rates in percent: the bulletin keeps rates as 0–1. */
const fromPercent = (p: number) => Math.round(p * 10) / 1000;

/** 工作任务落实情况: tasks issued, targets, completed, overdue, the completion rate and who is behind. */
export async function tasksSection(i: SectionInput): Promise<BulletinSectionT> {
  const got = await read(i, 'tasks', tasksFigure, linkTo('/tasks', range(i)));
  if ('none' in got) return got.none;
  const { result: r, trace } = got;
  const ids = r.behind.map((b) => b.orgId);
  const overdueLink = linkTo('/tasks', { ...range(i), overdue: 'true' });
  const rate = fromPercent(r.rate);
  const text = {
    zh:
      `本期到期任务${r.issued}项，涉及承办党组织${r.targets}个次，已完成${r.completed}个，完成率${pct(rate)}，` +
      `逾期未完成${r.overdue}个` +
      (ids.length ? `；${ids.length}个党组织任务落实滞后。` : '。'),
    en: `Tasks ${r.issued}, targets ${r.targets}, completed ${r.completed} (${pct(rate)}), overdue ${r.overdue}.`,
  };
  return section(
    'tasks',
    text,
    [
      num(trace, 'issued', { zh: '到期任务', en: 'Tasks due' }, r.issued),
      num(trace, 'targets', { zh: '承办党组织次', en: 'Targets' }, r.targets),
      num(trace, 'completed', { zh: '已完成', en: 'Completed' }, r.completed),
      num(trace, 'rate', { zh: '完成率', en: 'Completion rate' }, rate, 'rate'),
      num(trace, 'overdue', { zh: '逾期未完成', en: 'Overdue' }, r.overdue, 'count', { link: overdueLink, ids }),
    ],
    [
      table(
        { ...trace, link: overdueLink, ids },
        'behind',
        { zh: '任务落实滞后的党组织', en: 'Organizations behind on tasks' },
        [col('org', '党组织', 'Organization'), col('overdue', '逾期任务', 'Overdue tasks')],
        r.behind.slice(0, MAX_ROWS).map((b) => ({
          cells: { org: b.orgName, overdue: b.overdue },
          link: linkTo('/tasks', { org: b.orgId, overdue: 'true' }),
          ids: [b.orgId],
        })),
      ),
    ],
  );
}

/** Per child organization, the task completion rate (0–1) of the tasks figure; null when it fails. */
export async function taskRatesByChild(i: SectionInput): Promise<Map<number, number | null> | null> {
  try {
    const r = await tasksFigure.get(i.ctx, i.root.tenant_id, {
      orgId: i.root.id,
      from: i.period.from,
      to: i.period.to,
    });
    return new Map(r.rows.map((o) => [o.orgId, o.targets ? fromPercent(o.rate) : null]));
  } catch {
    return null;
  }
}

/** 督查检查情况: inspections held, organizations visited, findings and the problems opened from them. */
export async function inspectionsSection(i: SectionInput): Promise<BulletinSectionT> {
  const got = await read(i, 'inspections', inspectionsFigure, linkTo('/inspections', range(i)));
  if ('none' in got) return got.none;
  const { result: r, trace } = got;
  const t = r.total;
  const text = {
    zh:
      `本期开展督查检查${t.inspections}次，检查党组织${t.orgsVisited}个（${t.visits}个次），发现问题${t.findings}个，` +
      `转入问题整改${t.problems}个，已整改销号${t.problemsClosed}个。`,
    en: `Inspections ${t.inspections}, organizations visited ${t.orgsVisited}, findings ${t.findings}.`,
  };
  return section(
    'inspections',
    text,
    [
      num(trace, 'inspections', { zh: '督查检查', en: 'Inspections' }, t.inspections),
      num(trace, 'visited', { zh: '检查党组织', en: 'Organizations visited' }, t.orgsVisited),
      num(trace, 'findings', { zh: '发现问题', en: 'Findings' }, t.findings),
      num(trace, 'problems', { zh: '转入整改', en: 'Problems opened' }, t.problems),
      num(trace, 'problemsClosed', { zh: '已整改销号', en: 'Closed' }, t.problemsClosed),
    ],
    [
      table(
        trace,
        'byOrg',
        { zh: '各党组织接受督查情况', en: 'By organization' },
        [
          col('org', '党组织', 'Organization'),
          col('visits', '检查次数', 'Visits'),
          col('findings', '发现问题', 'Findings'),
          col('problemsClosed', '已销号', 'Closed'),
        ],
        r.rows
          .filter((o) => o.visits > 0)
          .slice(0, MAX_ROWS)
          .map((o) => ({
            cells: { org: o.orgName, visits: o.visits, findings: o.findings, problemsClosed: o.problemsClosed },
            link: linkTo('/inspections', { org: o.orgId, from: i.period.from, to: i.period.to }),
            ids: [o.orgId],
          })),
      ),
    ],
  );
}

/** 问题整改情况: found, closed, overdue, reopened, days to close; the organizations with overdue problems. */
export async function problemsSection(i: SectionInput): Promise<BulletinSectionT> {
  const got = await read(i, 'problems', problemsFigure, linkTo('/problems', range(i)));
  if ('none' in got) return got.none;
  const { result: r, trace } = got;
  const overdueLink = linkTo('/problems', { org: i.root.id, overdue: 'true' });
  const owing = r.rows.filter((o) => o.overdue > 0).sort((a, b) => b.overdue - a.overdue);
  const ids = owing.map((o) => o.orgId);
  const text = {
    zh:
      `本期发现问题${r.found}个，整改销号${r.closed}个，逾期未整改${r.overdue}个，回头看重新整改${r.reopened}个` +
      (r.avgDaysToClose != null ? `，平均整改用时${r.avgDaysToClose}天` : '') +
      (owing.length ? `；${owing.length}个党组织存在逾期未整改问题。` : '。'),
    en: `Found ${r.found}, closed ${r.closed}, overdue ${r.overdue}, reopened ${r.reopened}.`,
  };
  return section(
    'problems',
    text,
    [
      num(trace, 'found', { zh: '发现问题', en: 'Found' }, r.found),
      num(trace, 'closed', { zh: '整改销号', en: 'Closed' }, r.closed, 'count', {
        link: linkTo('/problems', { ...range(i), status: 'closed' }),
      }),
      num(trace, 'overdue', { zh: '逾期未整改', en: 'Overdue' }, r.overdue, 'count', { link: overdueLink, ids }),
      num(trace, 'reopened', { zh: '回头看重新整改', en: 'Reopened' }, r.reopened),
      num(trace, 'avgDays', { zh: '平均整改用时', en: 'Average days to close' }, r.avgDaysToClose, 'days'),
    ],
    [
      table(
        trace,
        'byCategory',
        { zh: '按问题类别', en: 'By category' },
        [
          col('category', '问题类别', 'Category'),
          col('found', '发现', 'Found'),
          col('closed', '销号', 'Closed'),
          col('overdue', '逾期', 'Overdue'),
        ],
        r.byCategory.map((c) => ({
          cells: { category: c.name, found: c.found, closed: c.closed, overdue: c.overdue },
          link: linkTo('/problems', { ...range(i), category: c.category }),
        })),
      ),
      table(
        { ...trace, link: overdueLink, ids },
        'overdue',
        { zh: '存在逾期未整改问题的党组织', en: 'Organizations with overdue problems' },
        [col('org', '党组织', 'Organization'), col('found', '发现问题', 'Found'), col('overdue', '逾期', 'Overdue')],
        owing.slice(0, MAX_ROWS).map((o) => ({
          cells: { org: o.orgName, found: o.found, overdue: o.overdue },
          link: linkTo('/problems', { org: o.orgId, overdue: 'true' }),
          ids: [o.orgId],
        })),
      ),
    ],
  );
}

/** 软弱涣散党组织整顿情况: flagged, in rectification, released. */
export async function weakOrgsSection(i: SectionInput): Promise<BulletinSectionT> {
  const got = await read(i, 'weakOrgs', weakOrgsFigure, linkTo('/weak-orgs', { org: i.root.id }));
  if ('none' in got) return got.none;
  const { result: r, trace } = got;
  const text = {
    zh:
      `本期新确定软弱涣散党组织${r.flagged}个，期末正在整顿${r.inRectification}个，验收摘帽${r.released}个` +
      (r.failedAcceptances ? `，${r.failedAcceptances}次验收未通过。` : '。'),
    en: `Flagged ${r.flagged}, in rectification ${r.inRectification}, released ${r.released}.`,
  };
  return section(
    'weakOrgs',
    text,
    [
      num(trace, 'flagged', { zh: '新确定', en: 'Flagged' }, r.flagged),
      num(trace, 'rectifying', { zh: '正在整顿', en: 'In rectification' }, r.inRectification),
      num(trace, 'released', { zh: '验收摘帽', en: 'Released' }, r.released),
      num(trace, 'failed', { zh: '验收未通过', en: 'Failed acceptances' }, r.failedAcceptances),
    ],
    [
      table(
        trace,
        'byOrg',
        { zh: '各党组织整顿情况', en: 'By organization' },
        [
          col('org', '党组织', 'Organization'),
          col('flagged', '新确定', 'Flagged'),
          col('inRectification', '正在整顿', 'In rectification'),
          col('released', '摘帽', 'Released'),
        ],
        r.rows
          .filter((o) => o.flagged + o.inRectification + o.released > 0)
          .slice(0, MAX_ROWS)
          .map((o) => ({
            cells: { org: o.orgName, flagged: o.flagged, inRectification: o.inRectification, released: o.released },
            link: linkTo('/weak-orgs', { org: o.orgId }),
            ids: [o.orgId],
          })),
      ),
    ],
  );
}

/** 问责情况: counts by kind, units and persons — never a name. */
export async function accountabilitySection(i: SectionInput): Promise<BulletinSectionT> {
  const got = await read(i, 'accountability', accountabilityFigure, linkTo('/accountability', range(i)));
  if ('none' in got) return got.none;
  const { result: r, trace } = got;
  const of = (k: AccountabilityKind) => r.byKind.find((x) => x.kind === k);
  const punished = of('punishment')?.records ?? 0;
  const criticised = of('public_criticism');
  const text = {
    zh:
      `本期开展问责${r.total.records}次，涉及单位${r.total.units}个次、个人${r.total.persons}人次` +
      (criticised ? `；通报批评单位${criticised.units}个、个人${criticised.persons}人` : '') +
      `；给予处分${punished}人次。`,
    en: `Accountability ${r.total.records}: units ${r.total.units}, persons ${r.total.persons}.`,
  };
  return section(
    'accountability',
    text,
    [
      num(trace, 'total', { zh: '问责总数', en: 'Total' }, r.total.records),
      num(trace, 'units', { zh: '涉及单位', en: 'Units' }, r.total.units),
      num(trace, 'persons', { zh: '涉及个人', en: 'Persons' }, r.total.persons),
      num(trace, 'punished', { zh: '给予处分', en: 'Punished' }, punished),
    ],
    [
      table(
        trace,
        'byKind',
        { zh: '按问责方式', en: 'By kind' },
        [col('kind', '问责方式', 'Kind'), col('units', '单位', 'Units'), col('persons', '个人', 'Persons')],
        r.byKind.map((k) => ({
          cells: {
            kind: ACCOUNTABILITY_KINDS[k.kind as AccountabilityKind]?.zh ?? '',
            units: k.units,
            persons: k.persons,
          },
        })),
      ),
    ],
  );
}

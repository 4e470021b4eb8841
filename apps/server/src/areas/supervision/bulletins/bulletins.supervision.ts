/**
 * The sections read from the other supervision modules' figures (tasks, inspections, problems, weak
 * organizations, accountability), each `get(ctx, tenantId, { orgId, from, to })`. A module that is missing (its
 * figure not exported) or a figure that fails leaves its section saying "no data" in words: a bulletin never
 * fails for one section. Accountability is counted only: no person's name in a bulletin meant for all branches.
 */
import type { BulletinSectionKey, BulletinSectionT } from '@dangjian/contracts';
import type { Ctx } from '../../../platform/context.js';
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

/** A supervision figure: its declaration and its answer for a subtree and period. */
export interface SupervisionFigure extends FigureLike {
  get(ctx: Ctx, tenantId: number, args: { orgId: number; from: string; to: string }): Promise<unknown>;
}

/** Where each supervision figure is exported from, and its name there. */
const SOURCES: Record<string, { path: string; name: string }> = {
  tasks: { path: '../tasks/tasks.figures.js', name: 'tasksFigure' },
  inspections: { path: '../inspections/inspections.figures.js', name: 'inspectionsFigure' },
  problems: { path: '../problems/problems.figures.js', name: 'problemsFigure' },
  weakOrgs: { path: '../weakOrgs/weakOrgs.figures.js', name: 'weakOrgsFigure' },
  accountability: { path: '../accountability/accountability.figures.js', name: 'accountabilityFigure' },
};

/** The figure of a supervision module, or null while its module does not export it. */
export async function supervisionFigure(module: string): Promise<SupervisionFigure | null> {
  const src = SOURCES[module];
  if (!src) return null;
  try {
    const m = (await import(/* @vite-ignore */ src.path)) as Record<string, unknown>;
    const f = m[src.name] as SupervisionFigure | undefined;
    return f && typeof f.get === 'function' && f.def ? f : null;
  } catch {
    return null;
  }
}

type Any = Record<string, unknown>;

/** The first of several fields (dotted paths) that holds a number. */
function n(r: unknown, ...keys: string[]): number | null {
  for (const k of keys) {
    const v = k.split('.').reduce<unknown>((o, p) => (o && typeof o === 'object' ? (o as Any)[p] : undefined), r);
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return null;
}

/** The first of several fields that holds an array. */
function arr(r: unknown, ...keys: string[]): Any[] {
  for (const k of keys) {
    const v = r && typeof r === 'object' ? (r as Any)[k] : undefined;
    if (Array.isArray(v)) return v as Any[];
  }
  return [];
}

const str = (r: Any, ...keys: string[]) => {
  for (const k of keys) if (typeof r[k] === 'string') return r[k] as string;
  return '';
};

/** Reads a supervision figure for a section: its answer and trace, or the section's "no data". */
async function read(i: SectionInput, key: BulletinSectionKey, module: string, link: string) {
  const fig = await supervisionFigure(module);
  if (!fig) return { none: noData(key, 'missing') };
  const args = { orgId: i.root.id, from: i.period.from, to: i.period.to };
  try {
    const result = await fig.get(i.ctx, i.root.tenant_id, args);
    const trace = await traceOf(i.ctx, i.root.tenant_id, fig, args, link);
    return { result, trace };
  } catch {
    return { none: noData(key, 'failed') };
  }
}

const range = (i: SectionInput) => ({ org: i.root.id, from: i.period.from, to: i.period.to });

/** 工作任务落实情况: tasks issued, targets, completed, overdue, the completion rate and who is behind. */
export async function tasksSection(i: SectionInput): Promise<BulletinSectionT> {
  const got = await read(i, 'tasks', 'tasks', linkTo('/tasks', range(i)));
  if ('none' in got) return got.none!;
  const { result: r, trace } = got;
  const behind = arr(r, 'behind', 'behindOrgs', 'laggards');
  const ids = behind.map((b) => n(b, 'orgId', 'id')).filter((x): x is number => x != null);
  const overdueLink = linkTo('/tasks', { ...range(i), overdue: 'true' });
  const rate = n(r, 'completionRate', 'rate', 'totals.completionRate');
  const text = {
    zh:
      `本期下达任务${n(r, 'issued', 'tasks', 'totals.issued') ?? 0}项，涉及${n(r, 'targets', 'totals.targets') ?? 0}个党组织次，` +
      `完成${n(r, 'completed', 'totals.completed') ?? 0}个，完成率${pct(rate)}，逾期${n(r, 'overdue', 'totals.overdue') ?? 0}个。`,
    en: `Tasks ${n(r, 'issued', 'tasks') ?? 0}, completion ${pct(rate)}, overdue ${n(r, 'overdue') ?? 0}.`,
  };
  return section(
    'tasks',
    text,
    [
      num(trace, 'issued', { zh: '下达任务', en: 'Tasks issued' }, n(r, 'issued', 'tasks', 'totals.issued')),
      num(trace, 'targets', { zh: '承办党组织次', en: 'Targets' }, n(r, 'targets', 'totals.targets')),
      num(trace, 'completed', { zh: '已完成', en: 'Completed' }, n(r, 'completed', 'totals.completed')),
      num(trace, 'rate', { zh: '完成率', en: 'Completion rate' }, rate, 'rate'),
      num(trace, 'overdue', { zh: '逾期未完成', en: 'Overdue' }, n(r, 'overdue', 'totals.overdue'), 'count', {
        link: overdueLink,
        ids,
      }),
    ],
    [
      table(
        { ...trace, link: overdueLink, ids },
        'behind',
        { zh: '任务落实滞后的党组织', en: 'Organizations behind on tasks' },
        [col('org', '党组织', 'Organization'), col('overdue', '逾期任务', 'Overdue tasks')],
        behind.slice(0, MAX_ROWS).map((b) => {
          const id = n(b, 'orgId', 'id');
          return {
            cells: { org: str(b, 'orgName', 'name'), overdue: n(b, 'overdue', 'count') },
            link: id ? linkTo('/tasks', { org: id, overdue: 'true' }) : null,
            ...(id ? { ids: [id] } : {}),
          };
        }),
      ),
    ],
  );
}

/** 督查检查情况: inspections held, organizations visited, findings and the problems opened from them. */
export async function inspectionsSection(i: SectionInput): Promise<BulletinSectionT> {
  const got = await read(i, 'inspections', 'inspections', linkTo('/inspections', range(i)));
  if ('none' in got) return got.none!;
  const { result: r, trace } = got;
  const held = n(r, 'inspections', 'total', 'held', 'totals.inspections');
  const text = {
    zh:
      `本期开展督查检查${held ?? 0}次，检查党组织${n(r, 'orgsVisited', 'visited', 'visits') ?? 0}个次，` +
      `发现问题${n(r, 'findings') ?? 0}个，转入问题整改${n(r, 'problemsOpened', 'problems') ?? 0}个。`,
    en: `Inspections ${held ?? 0}, findings ${n(r, 'findings') ?? 0}.`,
  };
  return section('inspections', text, [
    num(trace, 'inspections', { zh: '督查检查', en: 'Inspections' }, held),
    num(trace, 'visited', { zh: '检查党组织', en: 'Organizations visited' }, n(r, 'orgsVisited', 'visited', 'visits')),
    num(trace, 'findings', { zh: '发现问题', en: 'Findings' }, n(r, 'findings')),
    num(trace, 'problems', { zh: '转入整改', en: 'Problems opened' }, n(r, 'problemsOpened', 'problems')),
  ]);
}

/** 问题整改情况: found, closed, overdue, reopened, days to close; the organizations with overdue problems. */
export async function problemsSection(i: SectionInput): Promise<BulletinSectionT> {
  const got = await read(i, 'problems', 'problems', linkTo('/problems', range(i)));
  if ('none' in got) return got.none!;
  const { result: r, trace } = got;
  const found = n(r, 'found', 'total', 'opened');
  const closed = n(r, 'closed');
  const overdue = n(r, 'overdue');
  const text = {
    zh:
      `本期发现问题${found ?? 0}个，已整改销号${closed ?? 0}个，逾期未整改${overdue ?? 0}个` +
      `${n(r, 'avgDaysToClose', 'avgCloseDays') != null ? `，平均整改用时${n(r, 'avgDaysToClose', 'avgCloseDays')}天` : ''}。`,
    en: `Found ${found ?? 0}, closed ${closed ?? 0}, overdue ${overdue ?? 0}.`,
  };
  const byOrg = arr(r, 'byOrg', 'perOrg', 'children').filter((o) => (n(o, 'overdue') ?? 0) > 0);
  return section(
    'problems',
    text,
    [
      num(trace, 'found', { zh: '发现问题', en: 'Found' }, found),
      num(trace, 'closed', { zh: '整改销号', en: 'Closed' }, closed, 'count', {
        link: linkTo('/problems', { ...range(i), status: 'closed' }),
      }),
      num(trace, 'overdue', { zh: '逾期未整改', en: 'Overdue' }, overdue, 'count', {
        link: linkTo('/problems', { ...range(i), status: 'overdue' }),
      }),
      num(trace, 'reopened', { zh: '回头看重新整改', en: 'Reopened' }, n(r, 'reopened')),
      num(
        trace,
        'avgDays',
        { zh: '平均整改用时', en: 'Average days to close' },
        n(r, 'avgDaysToClose', 'avgCloseDays'),
        'days',
      ),
    ],
    [
      table(
        { ...trace, link: linkTo('/problems', { ...range(i), status: 'overdue' }) },
        'overdue',
        { zh: '存在逾期未整改问题的党组织', en: 'Organizations with overdue problems' },
        [col('org', '党组织', 'Organization'), col('found', '发现问题', 'Found'), col('overdue', '逾期', 'Overdue')],
        byOrg.slice(0, MAX_ROWS).map((o) => {
          const id = n(o, 'orgId', 'id');
          return {
            cells: { org: str(o, 'orgName', 'name'), found: n(o, 'found', 'total'), overdue: n(o, 'overdue') },
            link: id ? linkTo('/problems', { org: id, status: 'overdue', from: i.period.from, to: i.period.to }) : null,
            ...(id ? { ids: [id] } : {}),
          };
        }),
      ),
    ],
  );
}

/** 软弱涣散党组织整顿情况: flagged, in rectification, released. */
export async function weakOrgsSection(i: SectionInput): Promise<BulletinSectionT> {
  const got = await read(i, 'weakOrgs', 'weakOrgs', linkTo('/weak-orgs', { org: i.root.id }));
  if ('none' in got) return got.none!;
  const { result: r, trace } = got;
  const text = {
    zh:
      `本期排查确定软弱涣散党组织${n(r, 'flagged') ?? 0}个，正在整顿${n(r, 'inRectification', 'rectifying', 'open') ?? 0}个，` +
      `验收摘帽${n(r, 'released') ?? 0}个。`,
    en: `Flagged ${n(r, 'flagged') ?? 0}, released ${n(r, 'released') ?? 0}.`,
  };
  return section('weakOrgs', text, [
    num(trace, 'flagged', { zh: '确定软弱涣散', en: 'Flagged' }, n(r, 'flagged')),
    num(trace, 'rectifying', { zh: '正在整顿', en: 'In rectification' }, n(r, 'inRectification', 'rectifying', 'open')),
    num(trace, 'released', { zh: '验收摘帽', en: 'Released' }, n(r, 'released')),
  ]);
}

/** 问责情况: counts by kind, units and persons — never a name. */
export async function accountabilitySection(i: SectionInput): Promise<BulletinSectionT> {
  const got = await read(i, 'accountability', 'accountability', linkTo('/accountability', range(i)));
  if ('none' in got) return got.none!;
  const { result: r, trace } = got;
  const text = {
    zh:
      `本期开展问责${n(r, 'total') ?? 0}次，涉及单位${n(r, 'units') ?? 0}个、个人${n(r, 'persons') ?? 0}人` +
      `${n(r, 'punished') != null ? `，其中给予处分${n(r, 'punished')}人` : ''}。`,
    en: `Accountability ${n(r, 'total') ?? 0}: units ${n(r, 'units') ?? 0}, persons ${n(r, 'persons') ?? 0}.`,
  };
  return section('accountability', text, [
    num(trace, 'total', { zh: '问责总数', en: 'Total' }, n(r, 'total')),
    num(trace, 'units', { zh: '涉及单位', en: 'Units' }, n(r, 'units')),
    num(trace, 'persons', { zh: '涉及个人', en: 'Persons' }, n(r, 'persons')),
    num(trace, 'punished', { zh: '给予处分', en: 'Punished' }, n(r, 'punished')),
  ]);
}

/** Per child organization, the task completion rate of the tasks figure (null while it is missing). */
export async function taskRatesByChild(i: SectionInput): Promise<Map<number, number | null> | null> {
  const fig = await supervisionFigure('tasks');
  if (!fig) return null;
  try {
    const r = await fig.get(i.ctx, i.root.tenant_id, { orgId: i.root.id, from: i.period.from, to: i.period.to });
    const rows = arr(r, 'byChild', 'byOrg', 'children');
    return new Map(rows.map((o) => [n(o, 'orgId', 'id') ?? 0, n(o, 'completionRate', 'rate')]));
  } catch {
    return null;
  }
}

/**
 * Computes a bulletin's content: every section from its figure, in the default order, and the ranking of the
 * organizations right below the root by meeting compliance and task completion. A section that throws says
 * "no data" in words; the bulletin still comes out.
 */
import {
  BULLETIN_SECTION_KEYS,
  chinaToday,
  type BulletinContentT,
  type BulletinSectionKey,
  type BulletinSectionT,
} from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import type { Ctx } from '../../../platform/context.js';
import { complianceFigure } from '../../life/meetings/meetings.figures.js';
import {
  col,
  linkTo,
  noData,
  num,
  section,
  table,
  traceOf,
  type OrgRef,
  type SectionInput,
} from './bulletins.model.js';
import type { BulletinPeriod } from './bulletins.period.js';
import * as repo from './bulletins.repository.js';
import {
  complianceArgs,
  developmentSection,
  duesSection,
  meetingsSection,
  residentsSection,
} from './bulletins.sections.js';
import {
  accountabilitySection,
  inspectionsSection,
  problemsSection,
  taskRatesByChild,
  tasksSection,
  weakOrgsSection,
} from './bulletins.supervision.js';

const BUILDERS: Record<BulletinSectionKey, (i: SectionInput) => Promise<BulletinSectionT>> = {
  meetings: meetingsSection,
  development: developmentSection,
  dues: duesSection,
  residents: residentsSection,
  tasks: tasksSection,
  inspections: inspectionsSection,
  problems: problemsSection,
  weakOrgs: weakOrgsSection,
  accountability: accountabilitySection,
  ranking: rankingSection,
};

/** Computes the whole content of a bulletin for a subtree and period. */
export async function computeContent(ctx: Ctx, root: OrgRef, period: BulletinPeriod): Promise<BulletinContentT> {
  const subtree = await repo.subtreeOrgs(ctx.db, root.tenant_id, subtreeRange(root.org_path));
  const input: SectionInput = {
    ctx,
    root: { id: root.id, tenant_id: root.tenant_id, org_path: root.org_path, name: root.name },
    period,
    today: chinaToday(ctx.clock()),
    children: subtree.filter((o) => o.parent_id === root.id),
    subtree,
  };
  const sections: BulletinSectionT[] = [];
  // One after another: the figures share the database and the machine; most are cached.
  for (const key of BULLETIN_SECTION_KEYS) {
    try {
      sections.push(await BUILDERS[key](input));
    } catch (err) {
      if (ctx.config.logLevel === 'debug') console.error(`bulletin section ${key}`, err);
      sections.push(noData(key, 'failed'));
    }
  }
  return {
    orgName: root.name,
    periodLabel: period.label,
    from: period.from,
    to: period.to,
    computedAt: ctx.clock().toISOString(),
    sections,
  };
}

/** 下级党组织排名: the organizations right below, best and worst by meeting compliance and task completion. */
async function rankingSection(i: SectionInput): Promise<BulletinSectionT> {
  if (!i.children.length) return noData('ranking', 'empty');
  const args = complianceArgs(i);
  const c = await complianceFigure.get(i.ctx, i.root.tenant_id, args);
  const link = linkTo('/compliance', { org: i.root.id, period: i.period.unit });
  const trace = await traceOf(i.ctx, i.root.tenant_id, complianceFigure, args, link);
  const childOf = new Map<number, number>();
  for (const o of i.subtree) {
    const child = i.children.find((ch) => o.org_path.startsWith(ch.org_path));
    if (child) childOf.set(o.id, child.id);
  }
  const sums = new Map<number, { held: number; required: number }>();
  for (const it of c.items) {
    const ch = childOf.get(it.orgId);
    if (ch == null) continue;
    const s = sums.get(ch) ?? { held: 0, required: 0 };
    s.held += Math.min(it.held, it.required);
    s.required += it.required;
    sums.set(ch, s);
  }
  const tasks = await taskRatesByChild(i);
  const rows = i.children
    .map((ch) => {
      const s = sums.get(ch.id);
      return {
        id: ch.id,
        name: ch.name,
        compliance: s && s.required ? Math.round((s.held / s.required) * 10_000) / 10_000 : null,
        tasks: tasks?.get(ch.id) ?? null,
      };
    })
    .sort((a, b) => (b.compliance ?? -1) - (a.compliance ?? -1) || (b.tasks ?? -1) - (a.tasks ?? -1));
  const ranked = rows.filter((r) => r.compliance != null);
  const best = ranked.slice(0, 3).map((r) => r.name);
  const worst =
    ranked.length > 3
      ? ranked
          .slice(-3)
          .reverse()
          .map((r) => r.name)
      : [];
  const text = {
    zh:
      (best.length ? `组织生活落实率较高的是：${best.join('、')}` : '下级党组织暂无组织生活要求') +
      (worst.length ? `；较低的是：${worst.join('、')}。` : '。') +
      (tasks ? '' : '任务完成率暂无数据。'),
    en: `Best: ${best.join(', ') || '—'}; worst: ${worst.join(', ') || '—'}.`,
  };
  return section(
    'ranking',
    text,
    [
      num(
        trace,
        'best',
        { zh: '排名第一的组织生活落实率', en: 'Best compliance rate' },
        ranked[0]?.compliance ?? null,
        'rate',
        {
          ids: ranked.slice(0, 1).map((r) => r.id),
        },
      ),
    ],
    [
      table(
        trace,
        'ranking',
        { zh: '下级党组织排名', en: 'Ranking' },
        [
          col('rank', '名次', 'Rank'),
          col('org', '党组织', 'Organization'),
          col('compliance', '组织生活落实率', 'Compliance', 'rate'),
          col('tasks', '任务完成率', 'Task completion', 'rate'),
        ],
        rows.map((r, k) => ({
          cells: { rank: r.compliance == null ? '—' : k + 1, org: r.name, compliance: r.compliance, tasks: r.tasks },
          link: linkTo('/compliance', { org: r.id, period: i.period.unit }),
          ids: [r.id],
        })),
      ),
    ],
  );
}

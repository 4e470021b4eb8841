/**
 * The sections read from the figures that were there before supervision: organizational life (meeting
 * compliance), member development against the plan, Party dues, service to residents, and the ranking of the
 * organizations right below. Each reads the catalogue's figure object, so a bulletin's number equals the figure's.
 */
import { MEETING_KIND_LABELS, type BulletinSectionT, type MeetingKindT } from '@dangjian/contracts';
import { complianceFigure } from '../../life/meetings/meetings.figures.js';
import { planFigure, quartersElapsed } from '../../people/development/plans.figures.js';
import { collectionFigure } from '../../people/dues/dues.figures.js';
import { residentsStatsFigure } from '../../residents/common/residents.figures.js';
import { col, linkTo, num, pct, section, table, traceOf, type OrgRef, type SectionInput } from './bulletins.model.js';

/** 三会一课: the meetings a bulletin names the organizations behind on. */
const CORE_KINDS: MeetingKindT[] = ['general_meeting', 'committee_meeting', 'group_meeting', 'party_lecture'];
/** At most this many rows of a "who is behind" table (the link lists them all). */
export const MAX_ROWS = 30;

const ref = (o: OrgRef): OrgRef => ({ id: o.id, tenant_id: o.tenant_id, org_path: o.org_path, name: o.name });

/** The compliance figure's arguments for a bulletin (its day: today, or the period's end when it is past). */
export function complianceArgs(i: SectionInput) {
  return { root: ref(i.root), period: i.period.unit, status: undefined, day: i.today };
}

/** 组织生活落实情况: the compliance rate, and who did not hold 三会一课. */
export async function meetingsSection(i: SectionInput): Promise<BulletinSectionT> {
  const args = complianceArgs(i);
  const c = await complianceFigure.get(i.ctx, i.root.tenant_id, args);
  const base = { org: i.root.id, period: i.period.unit };
  const trace = await traceOf(i.ctx, i.root.tenant_id, complianceFigure, args, linkTo('/compliance', base));
  const behind = new Map<number, { name: string; kinds: string[]; held: number; required: number }>();
  for (const it of c.items) {
    if (it.status !== 'behind' || !CORE_KINDS.includes(it.kind as MeetingKindT)) continue;
    const b = behind.get(it.orgId) ?? { name: it.orgName, kinds: [], held: 0, required: 0 };
    b.kinds.push(MEETING_KIND_LABELS[it.kind as MeetingKindT].zh);
    b.held += it.held;
    b.required += it.required;
    behind.set(it.orgId, b);
  }
  const behindLink = linkTo('/compliance', { ...base, status: 'behind' });
  const ids = [...behind.keys()];
  const rows = [...behind.entries()].slice(0, MAX_ROWS).map(([id, b]) => ({
    cells: { org: b.name, kinds: b.kinds.join('、'), held: b.held, required: b.required },
    link: linkTo('/compliance', { org: id, period: i.period.unit, status: 'behind' }),
    ids: [id],
  }));
  const widened = i.period.widened ? `（按${i.period.unit}统计）` : '';
  const text = {
    zh:
      `本期${widened}应开展组织生活${c.summary.required}次，已开展${c.summary.held}次，落实率${pct(c.summary.rate)}；` +
      (ids.length ? `${ids.length}个党组织未按要求开展“三会一课”。` : '各党组织均按要求开展“三会一课”。'),
    en:
      `Required ${c.summary.required}, held ${c.summary.held}, rate ${pct(c.summary.rate)}; ` +
      `${ids.length} organizations behind on the three meetings and one lecture.`,
  };
  return section(
    'meetings',
    text,
    [
      num(trace, 'rate', { zh: '组织生活落实率', en: 'Compliance rate' }, c.summary.rate, 'rate'),
      num(trace, 'required', { zh: '应开展次数', en: 'Required' }, c.summary.required),
      num(trace, 'held', { zh: '已开展次数', en: 'Held' }, c.summary.held),
      num(trace, 'behind', { zh: '未落实事项', en: 'Items behind' }, c.summary.behind, 'count', { link: behindLink }),
      num(trace, 'behindOrgs', { zh: '未落实“三会一课”的党组织', en: 'Organizations behind' }, ids.length, 'count', {
        link: behindLink,
        ids,
      }),
    ],
    [
      table(
        { ...trace, link: behindLink, ids },
        'behind',
        { zh: '未按要求开展“三会一课”的党组织', en: 'Organizations behind on 三会一课' },
        [
          col('org', '党组织', 'Organization'),
          col('kinds', '未落实', 'Not held'),
          col('held', '已开展', 'Held'),
          col('required', '应开展', 'Required'),
        ],
        rows,
      ),
    ],
  );
}

/** 发展党员计划执行情况: the year's quota, admitted, expected by now, outside the plan, who is behind. */
export async function developmentSection(i: SectionInput): Promise<BulletinSectionT> {
  const year = i.period.year;
  const upTo = i.period.to < i.today ? i.period.to : i.today;
  const args = { root: ref(i.root), year, quarter: quartersElapsed(year, upTo), upTo };
  const f = await planFigure.get(i.ctx, i.root.tenant_id, args);
  const trace = await traceOf(
    i.ctx,
    i.root.tenant_id,
    planFigure,
    args,
    linkTo('/development/plans', { org: i.root.id, year }),
  );
  const behind = f.byOrg.filter((r) => r.status === 'behind');
  const rows = behind.slice(0, MAX_ROWS).map((r) => ({
    cells: { org: r.orgName, quota: r.quota, expected: r.expected, admitted: r.admitted },
    link: linkTo('/development/plans', { org: r.orgId, year }),
    ids: [r.orgId],
  }));
  const t = f.total;
  const text = {
    zh:
      `${year}年下达发展计划${t.quota ?? 0}名，截至${upTo}已发展${t.admitted}名，按进度应发展${t.expected}名` +
      `${t.outsidePlan ? `，计划外发展${t.outsidePlan}名` : ''}；${behind.length}个党组织进度滞后。`,
    en: `Quota ${t.quota ?? 0}, admitted ${t.admitted}, expected by now ${t.expected}; ${behind.length} behind.`,
  };
  return section(
    'development',
    text,
    [
      num(trace, 'quota', { zh: '年度计划', en: 'Quota' }, t.quota ?? 0),
      num(trace, 'admitted', { zh: '已发展', en: 'Admitted' }, t.admitted),
      num(trace, 'expected', { zh: '按进度应发展', en: 'Expected by now' }, t.expected),
      num(trace, 'outsidePlan', { zh: '计划外发展', en: 'Outside the plan' }, t.outsidePlan),
      num(trace, 'behindOrgs', { zh: '进度滞后的党组织', en: 'Organizations behind' }, behind.length, 'count', {
        ids: behind.map((r) => r.orgId),
      }),
    ],
    [
      table(
        { ...trace, ids: behind.map((r) => r.orgId) },
        'behind',
        { zh: '发展党员进度滞后的党组织', en: 'Organizations behind the plan' },
        [
          col('org', '党组织', 'Organization'),
          col('quota', '年度计划', 'Quota'),
          col('expected', '应发展', 'Expected'),
          col('admitted', '已发展', 'Admitted'),
        ],
        rows,
      ),
    ],
  );
}

/** 党费收缴情况: due, paid, the rate and arrears; the organizations with arrears, most first. */
export async function duesSection(i: SectionInput): Promise<BulletinSectionT> {
  const args = { root: ref(i.root), period: i.period.unit };
  const f = await collectionFigure.get(i.ctx, i.root.tenant_id, args);
  const link = linkTo('/dues/figures', { org: i.root.id, period: i.period.unit });
  const trace = await traceOf(i.ctx, i.root.tenant_id, collectionFigure, args, link);
  const owing = f.byOrg.filter((r) => r.arrears > 0).sort((a, b) => b.arrears - a.arrears);
  const t = f.total;
  const text = {
    zh: `本期应缴党费${t.due.toFixed(2)}元，实缴${t.paid.toFixed(2)}元，收缴率${pct(t.rate)}，欠缴${t.arrears.toFixed(2)}元。`,
    en: `Due ${t.due.toFixed(2)}, paid ${t.paid.toFixed(2)}, rate ${pct(t.rate)}, arrears ${t.arrears.toFixed(2)}.`,
  };
  return section(
    'dues',
    text,
    [
      num(trace, 'rate', { zh: '收缴率', en: 'Collection rate' }, t.rate, 'rate'),
      num(trace, 'due', { zh: '应缴', en: 'Due' }, t.due, 'yuan'),
      num(trace, 'paid', { zh: '实缴', en: 'Paid' }, t.paid, 'yuan'),
      num(trace, 'arrears', { zh: '欠缴', en: 'Arrears' }, t.arrears, 'yuan'),
      num(trace, 'unpaidBills', { zh: '未缴笔数', en: 'Unpaid bills' }, t.unpaidBills),
    ],
    [
      table(
        trace,
        'arrears',
        { zh: '存在欠缴的党组织', en: 'Organizations with arrears' },
        [
          col('org', '党组织', 'Organization'),
          col('due', '应缴（元）', 'Due (yuan)'),
          col('paid', '实缴（元）', 'Paid (yuan)'),
          col('rate', '收缴率', 'Rate', 'rate'),
          col('arrears', '欠缴（元）', 'Arrears (yuan)'),
        ],
        owing.slice(0, MAX_ROWS).map((r) => ({
          cells: { org: r.orgName, due: r.due, paid: r.paid, rate: r.rate, arrears: r.arrears },
          link: linkTo('/dues/figures', { org: r.orgId, period: i.period.unit }),
          ids: [r.orgId],
        })),
      ),
    ],
  );
}

/** 为民服务情况: requests accepted, closed, overdue, satisfaction; wishes, errands, visits. */
export async function residentsSection(i: SectionInput): Promise<BulletinSectionT> {
  const args = { root: ref(i.root), period: { from: i.period.from, to: i.period.to }, hour: `${i.today}T00` };
  const s = await residentsStatsFigure.get(i.ctx, i.root.tenant_id, args);
  const link = linkTo('/service/stats', { org: i.root.id, from: i.period.from, to: i.period.to });
  const trace = await traceOf(i.ctx, i.root.tenant_id, residentsStatsFigure, args, link);
  const r = s.requests;
  const text = {
    zh:
      `本期受理群众诉求${r.accepted}件，办结${r.closed}件，逾期未办结${r.overdue}件，群众满意率${pct(r.satisfactionRate)}；` +
      `收集微心愿${s.wishes.collected}个，已实现${s.wishes.fulfilled}个；走访${s.visits.visits}户次。`,
    en: `Requests ${r.accepted}, closed ${r.closed}, overdue ${r.overdue}, satisfaction ${pct(r.satisfactionRate)}.`,
  };
  return section('residents', text, [
    num(trace, 'accepted', { zh: '受理诉求', en: 'Requests accepted' }, r.accepted),
    num(trace, 'closed', { zh: '办结诉求', en: 'Requests closed' }, r.closed),
    num(trace, 'overdue', { zh: '逾期未办结', en: 'Overdue' }, r.overdue, 'count', {
      link: linkTo('/requests', { org: i.root.id, overdue: 'true' }),
    }),
    num(trace, 'satisfaction', { zh: '群众满意率', en: 'Satisfaction' }, r.satisfactionRate, 'rate'),
    num(trace, 'wishes', { zh: '收集微心愿', en: 'Wishes collected' }, s.wishes.collected),
    num(trace, 'wishesFulfilled', { zh: '实现微心愿', en: 'Wishes fulfilled' }, s.wishes.fulfilled),
    num(trace, 'visits', { zh: '走访户次', en: 'Visits' }, s.visits.visits),
  ]);
}

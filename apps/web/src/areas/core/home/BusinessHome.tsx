/** The business home: the figures of the scope as numbers and ECharts charts, each clickable to its list. */
import { Suspense, lazy, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import {
  AGE_BANDS,
  EDUCATIONS,
  ELECTION_STATUSES,
  ETHNICITIES,
  GENDERS,
  MEMBER_CATEGORIES,
  MEMBER_STATUSES,
  ORG_FIELDS,
  ORG_TYPES,
  type Labelled,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { StatsOverview } from '../../../api/types';
import { useLabel, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';

// The charts' code (ECharts) loads beside the figures: numbers and links show first.
const Chart = lazy(() => import('../../../components/Chart').then((m) => ({ default: m.Chart })));
// Serving residents: its figures, loaded after the overview too.
const ResidentsStatsBlock = lazy(() => import('../../residents/common/ResidentsStatsBlock'));
import { LazyErrorResult as ErrorResult } from '../../../components/LazyStates';
import { hasCap, useMe } from '../../../app/session';
import { Stat } from '../../../components/Stat';
import { HomeTodo, useHome } from './HomeTodo';
import { HomeFigures } from './HomeFigures';
import { HomePeople } from './HomePeople';
import { HomeSupervision } from './HomeSupervision';
import { HomeAssessment } from './HomeAssessment';
import { HomeEconomy } from './HomeEconomy';

type KeyCount = StatsOverview['members']['byGender'];

interface Slice {
  key: string;
  name: string;
  value: number;
  href: string | null;
}

/** Chart slices in the label map's order; a key outside the map (not recorded) gets no link. */
export function slices(
  rows: KeyCount,
  map: Record<string, Labelled>,
  lbl: (m: Record<string, Labelled>, v: string) => string,
  param: string,
  base: string,
  notSet: string,
): Slice[] {
  const order = Object.keys(map);
  const rank = (k: string) => (order.indexOf(k) === -1 ? 99 : order.indexOf(k));
  return [...rows]
    .sort((a, b) => rank(a.key) - rank(b.key))
    .map((r) =>
      r.key in map
        ? { key: r.key, name: lbl(map, r.key), value: r.count, href: `${base}?${param}=${encodeURIComponent(r.key)}` }
        : { key: r.key, name: notSet, value: r.count, href: null },
    );
}

export function ChartCard({
  title,
  data,
  kind,
  testId,
  chipLimit,
}: {
  title: string;
  data: Slice[];
  kind: 'pie' | 'bar' | 'hbar';
  testId: string;
  chipLimit?: number;
}) {
  const navigate = useNavigate();
  const t = useT();
  const [allChips, setAllChips] = useState(false);
  const chips = chipLimit && !allChips && data.length > chipLimit ? data.slice(-chipLimit) : data;
  const option = useMemo(() => {
    if (kind === 'pie') {
      return {
        series: [
          {
            type: 'pie',
            radius: ['36%', '62%'],
            center: ['50%', '50%'],
            data: data.map((d) => ({ name: d.name, value: d.value })),
          },
        ],
      };
    }
    const horizontal = kind === 'hbar';
    const cat = { type: 'category', data: data.map((d) => d.name), axisLabel: { interval: 0, hideOverlap: true } };
    const val = { type: 'value', minInterval: 1 };
    return {
      xAxis: horizontal ? val : cat,
      yAxis: horizontal ? { ...cat, inverse: true } : val,
      series: [
        {
          type: 'bar',
          barMaxWidth: 28,
          data: data.map((d) => d.value),
          label: { show: data.length <= 12, position: horizontal ? 'right' : 'top' },
        },
      ],
    };
  }, [data, kind]);
  return (
    <section className="dj-card" data-testid={testId} aria-label={title}>
      <h2 className="dj-card-title">{title}</h2>
      {data.length === 0 ? (
        <p className="dj-empty">{t('暂无数据', 'No data')}</p>
      ) : (
        <>
          <Suspense fallback={<div className="dj-chart-placeholder" aria-hidden />}>
            <Chart
              label={`${title}: ${data.map((d) => `${d.name} ${d.value}`).join(', ')}`}
              option={option}
              onClick={(p) => data[p.dataIndex]?.href && navigate(data[p.dataIndex].href!)}
            />
          </Suspense>
          <nav className="dj-chip-row" aria-label={title}>
            {chips.length < data.length ? (
              <button type="button" className="dj-chip dj-chip-more" onClick={() => setAllChips(true)}>
                {t(`显示全部 ${data.length} 项`, `Show all ${data.length}`)}
              </button>
            ) : null}
            {chips.map((d) =>
              d.href ? (
                <Link key={d.key} to={d.href} className="dj-chip" data-key={d.key}>
                  {d.name} <b>{d.value}</b>
                </Link>
              ) : (
                <span key={d.key} className="dj-chip dj-chip-plain" data-key={d.key}>
                  {d.name} <b>{d.value}</b>
                </span>
              ),
            )}
          </nav>
        </>
      )}
    </section>
  );
}

export { Stat };

/** The overview's breakdown charts, in their order on the page: rows, label map and the list they link to. */
function breakdowns(s: StatsOverview, t: ReturnType<typeof useT>) {
  const row = (
    testId: string,
    kind: 'pie' | 'bar' | 'hbar',
    title: string,
    rows: KeyCount,
    map: Record<string, Labelled>,
    param: string,
    base = '/members',
  ) => ({ testId, kind, title, rows, map, param, base });
  const m = s.members;
  return [
    row('chart-org-type', 'pie', t('党组织类型', 'Organizations by type'), s.orgs.byType, ORG_TYPES, 'type', '/orgs'),
    row(
      'chart-org-field',
      'bar',
      t('党组织领域', 'Organizations by field'),
      s.orgs.byField,
      ORG_FIELDS,
      'field',
      '/orgs',
    ),
    row('chart-status', 'pie', t('党员状态', 'Members by status'), m.byStatus, MEMBER_STATUSES, 'status'),
    row('chart-gender', 'pie', t('性别', 'Members by sex'), m.byGender, GENDERS, 'gender'),
    row('chart-age', 'bar', t('年龄段', 'Members by age band'), m.byAgeBand, AGE_BANDS, 'ageBand'),
    row('chart-education', 'bar', t('学历', 'Members by education'), m.byEducation, EDUCATIONS, 'education'),
    row('chart-category', 'hbar', t('人员类别', 'Members by category'), m.byCategory, MEMBER_CATEGORIES, 'category'),
    row('chart-ethnicity', 'pie', t('民族', 'Members by ethnicity'), m.byEthnicity, ETHNICITIES, 'ethnicity'),
  ];
}

/** The query of the overview figures of a scope (shared with the prefetch in HomePage). */
export function statsQuery(orgId: number | undefined) {
  return {
    queryKey: ['stats', orgId ?? null] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<StatsOverview>('/api/stats/overview', { org: orgId }, signal),
  };
}

/** The home of the county, township and branch roles. */
export default function BusinessHome() {
  const t = useT();
  const lbl = useLabel();
  const { org } = useScope();
  const { data: me } = useMe();
  const q = useQuery(statsQuery(org?.id));
  const home = useHome(org?.id);
  const s = q.data;
  const title = org?.name ?? me?.orgName ?? '';
  const notSet = t('未填写', 'Not recorded');
  const [allElections, setAllElections] = useState(false);

  // A breakdown of one slice is a fact (a number card), not a chart; a scope of one organization (a branch) says
  // nothing by the organizations' type or field that the heading does not.
  const all = s
    ? breakdowns(s, t)
        .filter((b) => !(s.orgs.total <= 1 && b.base === '/orgs'))
        .map((b) => ({ ...b, data: slices(b.rows, b.map, lbl, b.param, b.base, notSet) }))
    : [];
  const charts = all.filter((b) => b.data.length >= 2);
  const facts = all.filter((b) => b.data.length < 2);
  if (q.error) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  return (
    <div>
      <h1 className="dj-h1">
        {title} · {t('党建概况', 'Overview')}
      </h1>
      <HomeTodo orgId={org?.id} />
      {!s ? (
        <div className="dj-spinner" role="status" aria-label={t('加载中', 'Loading')} />
      ) : (
        <>
          <div className="dj-grid-stats">
            <Stat testId="stat-orgs" title={t('党组织', 'Organizations')} value={s.orgs.total} href="/orgs?view=list" />
            <Stat testId="stat-members" title={t('党员总数', 'Members')} value={s.members.total} href="/members" />
            {(['full', 'probationary'] as const).map((k) => (
              <Stat
                key={k}
                testId={`stat-${k}`}
                title={lbl(MEMBER_STATUSES, k)}
                value={s.members.byStatus.find((r) => r.key === k)?.count ?? 0}
                href={`/members?status=${k}`}
              />
            ))}
            <Stat testId="stat-due" title={lbl(ELECTION_STATUSES, 'due')} value={s.elections.due} />
            <Stat testId="stat-overdue" title={lbl(ELECTION_STATUSES, 'overdue')} value={s.elections.overdue} />
            {facts.map((f) => (
              <Stat
                key={f.testId}
                testId={f.testId.replace('chart-', 'fact-')}
                title={f.title}
                value={f.data.length ? `${f.data[0].name} ${f.data[0].value.toLocaleString('en-US')}` : '—'}
                href={f.data[0]?.href ?? undefined}
              />
            ))}
          </div>
          <div className="dj-grid-charts">
            {charts.map((c) => (
              <ChartCard key={c.testId} testId={c.testId} kind={c.kind} title={c.title} data={c.data} />
            ))}
            <ChartCard
              testId="chart-join-year"
              chipLimit={10}
              kind="bar"
              title={t('历年入党人数', 'Members joined per year')}
              data={[...s.members.byJoinYear]
                .sort((a, b) => a.year - b.year)
                .map((r) => ({
                  key: String(r.year),
                  name: String(r.year),
                  value: r.count,
                  href: `/members?joinYear=${r.year}`,
                }))}
            />
            <section
              className="dj-card dj-span-all"
              data-testid="elections"
              aria-label={t('换届提醒', 'Elections due')}
            >
              <h2 className="dj-card-title">{t('换届提醒', 'Elections due')}</h2>
              {s.elections.items.length === 0 ? (
                <p className="dj-empty">{t('没有即将或逾期换届的组织', 'No organization is due for election')}</p>
              ) : (
                <ul className="dj-list">
                  {(allElections ? s.elections.items : s.elections.items.slice(0, 10)).map((e) => (
                    <li key={e.id}>
                      <Link to={`/orgs/${e.id}`}>{e.name}</Link>
                      <span className="dj-muted">
                        {t('届期结束', 'Term ends')} {e.termEnd} · {t('应换届', 'Election due')} {e.electionDueAt}
                      </span>

                      <span className={`dj-badge ${e.status === 'overdue' ? 'dj-badge-error' : 'dj-badge-warn'}`}>
                        {lbl(ELECTION_STATUSES, e.status)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              {!allElections && s.elections.items.length > 10 ? (
                <button
                  type="button"
                  className="dj-chip dj-chip-more"
                  style={{ marginTop: 8 }}
                  onClick={() => setAllElections(true)}
                >
                  {t(
                    `显示全部 ${s.elections.items.length} 个组织`,
                    `Show all ${s.elections.items.length} organizations`,
                  )}
                </button>
              ) : null}
            </section>
          </div>
          {home.data ? <HomeFigures home={home.data} /> : null}
          {home.data ? <HomePeople home={home.data} /> : null}
          {home.data ? <HomeSupervision home={home.data} /> : null}
          {home.data ? <HomeAssessment home={home.data} /> : null}
          {home.data ? <HomeEconomy home={home.data} /> : null}
          {hasCap(me, 'residents.read') ? (
            <Suspense fallback={null}>
              <ResidentsStatsBlock orgId={org?.id} />
            </Suspense>
          ) : null}
        </>
      )}
    </div>
  );
}

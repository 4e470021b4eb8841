/**
 * The service figures (`/service/stats?org=&from=&to=`): requests, wishes, errands, groups, pairing, visits; by child
 * organization with drill-down; monthly chart; Excel export.
 */
import { Suspense, lazy, useMemo } from 'react';
import { Button, Card, DatePicker, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { REQUEST_CHANNELS, REQUEST_LEVELS } from '@dangjian/contracts';
import { withQuery } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { FigureHeading, Loaded, useFigureQuery } from '../../../components/Figures';
import { chinaToday, pct, type ResidentsStats } from '../requests/requestModel';
import { useOrg } from '../../life/meetings/parts';
import '../requests/Request.css';

// The chart's colours (the first two of components/Chart's palette), without loading ECharts before the numbers.
const PALETTE = ['#b3141f', '#d4880f'];
const Chart = lazy(() => import('../../../components/Chart').then((m) => ({ default: m.Chart })));

type OrgRow = ResidentsStats['byOrg'][number];

function Figure({
  title,
  value,
  href,
  testId,
  bad,
}: {
  title: string;
  value: string | number;
  href?: string;
  testId?: string;
  bad?: boolean;
}) {
  const body = (
    <>
      <div className="dj-stat-title">{title}</div>
      <div className={`dj-stat-value${bad ? ' sv-bad' : ''}`}>
        {typeof value === 'number' ? value.toLocaleString('en-US') : value}
      </div>
    </>
  );
  return href ? (
    <Link to={href} className="dj-card" data-testid={testId}>
      {body}
    </Link>
  ) : (
    <div className="dj-card" data-testid={testId}>
      {body}
    </div>
  );
}

/** The service figures page. */
export default function ResidentsStatsPage() {
  const t = useT();
  const lbl = useLabel();
  const { org } = useScope();
  const [params, setParams] = useSearchParams();
  const year = chinaToday().slice(0, 4);
  const from = params.get('from') ?? `${year}-01-01`;
  const to = params.get('to') ?? chinaToday();
  const orgId = Number(params.get('org')) || org?.id;
  const query = { org: orgId, from, to };
  const q = useFigureQuery<ResidentsStats>('service-stats', '/api/stats/service', query);
  const here = useOrg(orgId ?? null);
  const s = q.data;
  const reqList = (extra: Record<string, string | number | undefined>) =>
    withQuery('/requests', { org: orgId, from, to, view: 'handling', ...extra });
  const set = (patch: Record<string, string | number | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v == null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next);
  };

  const option = useMemo(() => {
    const m = s?.monthly ?? [];
    return {
      xAxis: { type: 'category', data: m.map((r) => r.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: t('受理', 'Accepted'), barMaxWidth: 18, data: m.map((r) => r.accepted) },
        { type: 'bar', name: t('办结', 'Closed'), barMaxWidth: 18, data: m.map((r) => r.closed) },
      ],
    };
  }, [s, t]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <FigureHeading
          title={
            <>
              {t('为民服务统计', 'Serving residents: figures')}
              {(here.data?.name ?? s?.org?.name) ? (
                <span className="dj-muted" style={{ fontSize: 15, fontWeight: 400 }}>
                  {' '}
                  · {here.data?.name ?? s?.org?.name}
                </span>
              ) : null}
            </>
          }
          extra={
            params.get('org') ? (
              <Tag closable onClose={() => set({ org: null })}>
                {t('下钻：', 'Drilled into: ')}
                {here.data?.name ?? '…'}
              </Tag>
            ) : null
          }
          actions={
            <div style={{ marginLeft: 'auto' }}>
              <Space wrap>
                <DatePicker.RangePicker
                  aria-label={t('统计期间', 'Period')}
                  format="YYYY-MM-DD"
                  allowClear={false}
                  value={[dayjs(from), dayjs(to)]}
                  onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
                  data-testid="stats-range"
                />
                <Button
                  icon={<DownloadOutlined />}
                  href={withQuery('/api/stats/service/export', query)}
                  download
                  data-testid="stats-export"
                >
                  {t('导出 Excel', 'Export Excel')}
                </Button>
              </Space>
            </div>
          }
        />
        <Loaded q={q}>
          {(s) => (
            <>
              <h2 className="dj-card-title">{t('民情诉求', 'Requests')}</h2>
              <div className="sv-figures">
                {[
                  {
                    testId: 'sv-accepted',
                    title: t('受理', 'Accepted'),
                    value: s.requests.accepted,
                    href: withQuery('/requests', { org: orgId, from, to, view: 'accepted' }),
                  },
                  {
                    testId: 'sv-closed',
                    title: t('办结', 'Closed'),
                    value: s.requests.closed,
                    href: reqList({ status: 'closed' }),
                  },
                  {
                    testId: 'sv-open',
                    title: t('办理中', 'In progress'),
                    value: s.requests.open,
                    href: reqList({ status: 'open' }),
                  },
                  {
                    testId: 'sv-overdue',
                    title: t('逾期', 'Overdue'),
                    value: s.requests.overdue,
                    href: withQuery('/requests', { org: orgId, overdue: 'true' }),
                    bad: s.requests.overdue > 0,
                  },
                  {
                    testId: 'sv-avg',
                    title: t('平均办结天数', 'Average days to close'),
                    value: s.requests.avgCloseDays == null ? '—' : s.requests.avgCloseDays.toFixed(1),
                  },
                  {
                    testId: 'sv-ontime',
                    title: t('按时办结率', 'Closed on time'),
                    value: pct(s.requests.closedOnTimeRate),
                  },
                  {
                    testId: 'sv-satisfaction',
                    title: t('满意率', 'Satisfaction'),
                    value: pct(s.requests.satisfactionRate),
                    href: reqList({ rating: 'satisfied' }),
                  },
                ].map((f) => (
                  <Figure key={f.testId} {...f} />
                ))}
              </div>
              <Space wrap size={[16, 4]} style={{ marginBottom: 16 }}>
                {Object.keys(REQUEST_LEVELS).map((k) => (
                  <Link key={k} to={reqList({ level: k })}>
                    {lbl(REQUEST_LEVELS, k)} <b>{s.requests.byLevel[k] ?? 0}</b>
                  </Link>
                ))}
                <span className="dj-muted">|</span>
                {Object.keys(REQUEST_CHANNELS).map((k) => (
                  <Link key={k} to={reqList({ channel: k })}>
                    {lbl(REQUEST_CHANNELS, k)} <b>{s.requests.byChannel[k] ?? 0}</b>
                  </Link>
                ))}
              </Space>
              <h2 className="dj-card-title">{t('微心愿、代办、联户与帮扶', 'Wishes, errands, groups and pairing')}</h2>
              <div className="sv-figures">
                {[
                  {
                    testId: 'sv-wishes-collected',
                    title: t('收集心愿', 'Wishes collected'),
                    value: s.wishes.collected,
                    href: withQuery('/wishes', { org: orgId }),
                  },
                  {
                    testId: 'sv-wishes-claimed',
                    title: t('已认领', 'Claimed'),
                    value: s.wishes.claimed,
                    href: withQuery('/wishes', { org: orgId, status: 'claimed' }),
                  },
                  {
                    testId: 'sv-wishes-fulfilled',
                    title: t('已完成', 'Fulfilled'),
                    value: s.wishes.fulfilled,
                    href: withQuery('/wishes', { org: orgId, status: 'fulfilled' }),
                  },
                  {
                    testId: 'sv-wishes-confirmed',
                    title: t('群众确认', 'Confirmed'),
                    value: s.wishes.confirmed,
                    href: withQuery('/wishes', { org: orgId, status: 'confirmed' }),
                  },
                  {
                    testId: 'sv-errands',
                    title: t('代办 办结/承接', 'Errands done / taken'),
                    value: `${s.errands.done.toLocaleString('en-US')} / ${s.errands.taken.toLocaleString('en-US')}`,
                    href: withQuery('/errands', { org: orgId }),
                  },
                  {
                    testId: 'sv-groups',
                    title: t('联户组', 'Household groups'),
                    value: s.groups.groups,
                    href: withQuery('/household-groups', { org: orgId }),
                  },
                  {
                    testId: 'sv-group-coverage',
                    title: t('联户覆盖率', 'Households in groups'),
                    value: pct(s.groups.coverageRate),
                  },
                  { testId: 'sv-people', title: t('覆盖人口', 'People covered'), value: s.groups.people },
                  {
                    testId: 'sv-pairing',
                    title: t('结对覆盖率', 'Poor households paired'),
                    value: pct(s.pairing.coverageRate),
                    href: withQuery('/pairings', { org: orgId }),
                  },
                  {
                    testId: 'sv-visits',
                    title: t('走访户次', 'Visits'),
                    value: s.visits.visits,
                    href: withQuery('/visits', { org: orgId, from, to }),
                  },
                  {
                    testId: 'sv-villages',
                    title: t('走访村覆盖', 'Villages visited'),
                    value: `${s.visits.villagesVisited} / ${s.visits.villages}`,
                  },
                ].map((f) => (
                  <Figure key={f.testId} {...f} />
                ))}
              </div>
            </>
          )}
        </Loaded>
      </Card>
      {s ? (
        <>
          <Card title={t('按月受理与办结', 'Accepted and closed by month')} data-testid="sv-monthly">
            <Space size={16} style={{ marginBottom: 4 }} aria-hidden>
              <span>
                <span
                  style={{ display: 'inline-block', width: 12, height: 12, background: PALETTE[0], marginRight: 4 }}
                />
                {t('受理', 'Accepted')}
              </span>
              <span>
                <span
                  style={{ display: 'inline-block', width: 12, height: 12, background: PALETTE[1], marginRight: 4 }}
                />
                {t('办结', 'Closed')}
              </span>
            </Space>
            {s.monthly.length ? (
              <Suspense fallback={<div className="dj-chart-placeholder" aria-hidden />}>
                <Chart
                  height={260}
                  label={s.monthly
                    .map((m) =>
                      t(
                        `${m.month}：受理 ${m.accepted}，办结 ${m.closed}`,
                        `${m.month}: ${m.accepted} accepted, ${m.closed} closed`,
                      ),
                    )
                    .join('; ')}
                  option={option}
                />
              </Suspense>
            ) : (
              <p className="dj-empty">{t('暂无数据', 'No data')}</p>
            )}
          </Card>
          <Card title={t('下级组织', 'By organization below')} data-testid="sv-by-org">
            <Table<OrgRow>
              size="small"
              rowKey="orgId"
              dataSource={s.byOrg}
              pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
              scroll={{ x: 900 }}
              locale={{ emptyText: t('没有下级组织', 'No organization below') }}
              columns={[
                {
                  title: t('组织', 'Organization'),
                  dataIndex: 'orgName',
                  render: (v: string, r) => (
                    <a
                      href={`/service/stats?org=${r.orgId}`}
                      onClick={(e) => {
                        e.preventDefault();
                        set({ org: r.orgId });
                      }}
                      data-testid="sv-drill"
                    >
                      {v}
                    </a>
                  ),
                },
                {
                  title: t('受理', 'Accepted'),
                  dataIndex: 'accepted',
                  align: 'right',
                  width: 90,
                  sorter: (a, b) => a.accepted - b.accepted,
                },
                { title: t('办结', 'Closed'), dataIndex: 'closed', align: 'right', width: 90 },
                {
                  title: t('逾期', 'Overdue'),
                  dataIndex: 'overdue',
                  align: 'right',
                  width: 90,
                  sorter: (a, b) => a.overdue - b.overdue,
                  render: (v: number, r) =>
                    v ? (
                      <Link className="sv-bad" to={withQuery('/requests', { org: r.orgId, overdue: 'true' })}>
                        {v}
                      </Link>
                    ) : (
                      0
                    ),
                },
                {
                  title: t('满意率', 'Satisfaction'),
                  dataIndex: 'satisfactionRate',
                  align: 'right',
                  width: 100,
                  render: (v: number | null, r) => (r.accepted || r.closed ? pct(v) : '—'),
                },
                {
                  title: t('心愿 完成/收集', 'Wishes done / all'),
                  width: 130,
                  align: 'right',
                  render: (_, r) => `${r.wishesDone} / ${r.wishes}`,
                },
                { title: t('代办', 'Errands'), dataIndex: 'errands', align: 'right', width: 80 },
                {
                  title: t('联户覆盖率', 'Group coverage'),
                  dataIndex: 'coverageRate',
                  align: 'right',
                  width: 110,
                  render: (v: number | null, r: OrgRow) => (r.households ? pct(v) : '—'),
                },
              ]}
            />
          </Card>
        </>
      ) : null}
    </Space>
  );
}

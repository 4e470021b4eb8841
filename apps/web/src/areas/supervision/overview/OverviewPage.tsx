/**
 * 督查总览 (`/supervision/overview`): seed 000's list of a period's supervision work for the scope — problems collected
 * and rectified, notices, inspections, bulletins, units and persons criticised, persons punished, tasks, weak
 * organizations — as cards (each a link to its list, filtered), the breakdowns by category and kind, and a table per
 * organization right below (each row drills into it). The period is a range with the usual presets.
 */
import { Button, Card, DatePicker, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { chinaToday, type OverviewCountsT, type OverviewKeyCountT, type OverviewT } from '@dangjian/contracts';
import { withQuery } from '../../../api/client';
import { useLocale, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { FigureHeading, Loaded, StatGrid, useFigureQuery } from '../../../components/Figures';
import { useOrg } from '../../life/meetings/parts';
import { overviewLinks } from './links';

type Key = keyof OverviewCountsT;

/** The counts as the page shows them, in seed 000's order: zh, en, the key. */
const CARDS: readonly [string, string, Key][] = [
  ['收集问题', 'Problems collected', 'problems'],
  ['整改销号', 'Rectified and closed', 'rectified'],
  ['逾期未整改', 'Overdue now', 'overdueProblems'],
  ['下发交办单', 'Notices issued', 'notices'],
  ['督查检查', 'Inspections held', 'inspections'],
  ['通报简报', 'Bulletins issued', 'bulletins'],
  ['通报批评单位', 'Units criticised', 'unitsCriticised'],
  ['通报批评个人', 'Persons criticised', 'personsCriticised'],
  ['给予处分', 'Persons punished', 'punished'],
  ['下发任务', 'Tasks issued', 'tasksIssued'],
  ['任务完成（单位次）', 'Task targets done', 'tasksCompleted'],
  ['任务逾期（单位次）', 'Task targets overdue', 'tasksOverdue'],
  ['软弱涣散排查', 'Weak organizations flagged', 'weakFlagged'],
  ['软弱涣散销号', 'Weak organizations released', 'weakReleased'],
];
const ALERTS: readonly Key[] = ['overdueProblems', 'tasksOverdue'];

function Breakdown({ title, items, testId }: { title: string; items: OverviewKeyCountT[]; testId: string }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <section className="dj-card" data-testid={testId} aria-label={title}>
      <h2 className="dj-card-title">{title}</h2>
      {items.length ? (
        <Space size={[8, 8]} wrap>
          {items.map((k) => (
            <Tag key={k.key} data-key={k.key}>
              {locale === 'en' ? k.label.en : k.label.zh} <b>{k.count.toLocaleString('en-US')}</b>
            </Tag>
          ))}
        </Space>
      ) : (
        <p className="dj-empty">{t('本期没有记录', 'Nothing recorded in the period')}</p>
      )}
    </section>
  );
}

/** The overview page; `?org=` drills into an organization of the table, `?from=&to=` is the period. */
export default function OverviewPage() {
  const t = useT();
  const { org } = useScope();
  const [params, setParams] = useSearchParams();
  const today = chinaToday();
  const from = params.get('from') ?? `${today.slice(0, 4)}-01-01`;
  const to = params.get('to') ?? today;
  const orgId = params.get('org') ? Number(params.get('org')) : org?.id;
  const here = useOrg(params.get('org') ? orgId : null);
  const query = { org: orgId, from, to };
  const q = useFigureQuery<OverviewT>('supervision-overview', '/api/supervision/overview', query);
  const set = (patch: Record<string, string | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) v ? next.set(k, v) : next.delete(k);
    setParams(next, { replace: true });
  };
  const d = dayjs(today);
  const quarterStart = d.month(Math.floor(d.month() / 3) * 3).startOf('month');
  const presets = [
    { label: t('本年', 'This year'), value: [d.startOf('year'), d] as [dayjs.Dayjs, dayjs.Dayjs] },
    { label: t('本季度', 'This quarter'), value: [quarterStart, d] as [dayjs.Dayjs, dayjs.Dayjs] },
    {
      label: t('上季度', 'Last quarter'),
      value: [quarterStart.subtract(3, 'month'), quarterStart.subtract(1, 'day')] as [dayjs.Dayjs, dayjs.Dayjs],
    },
    {
      label: t('上一年', 'Last year'),
      value: [d.subtract(1, 'year').startOf('year'), d.subtract(1, 'year').endOf('year')] as [dayjs.Dayjs, dayjs.Dayjs],
    },
  ];
  return (
    <Card>
      <FigureHeading
        title={
          <>
            {t('督查总览', 'Supervision overview')}
            {q.data ? (
              <span className="dj-muted" style={{ fontSize: 15, fontWeight: 400 }}>
                {' '}
                · {q.data.orgName}
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
                presets={presets}
                value={[dayjs(from), dayjs(to)]}
                onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
                data-testid="overview-range"
              />
              <Button
                icon={<DownloadOutlined />}
                href={withQuery('/api/supervision/overview/export', query)}
                download
                data-testid="overview-export"
              >
                {t('导出 Excel', 'Export Excel')}
              </Button>
            </Space>
          </div>
        }
      />
      <Loaded q={q}>
        {(o) => {
          const links = overviewLinks({ org: params.get('org') ? orgId : undefined, from: o.from, to: o.to });
          return (
            <>
              <StatGrid
                testId="overview-cards"
                items={CARDS.map(([zh, en, key]) => ({
                  testId: `ov-${key}`,
                  title: t(zh, en),
                  value: o.total[key],
                  href: links[key],
                }))}
              />
              <div className="dj-grid-charts" style={{ marginTop: 16 }}>
                <Breakdown
                  title={t('问题按类别', 'Problems by category')}
                  items={o.problemsByCategory}
                  testId="ov-by-category"
                />
                <Breakdown
                  title={t('督查检查按方式', 'Inspections by kind')}
                  items={o.inspectionsByKind}
                  testId="ov-by-kind"
                />
                <Breakdown
                  title={t('问责按方式', 'Accountability by kind')}
                  items={o.accountabilityByKind}
                  testId="ov-accountability"
                />
              </div>
              <h2 className="dj-h1 dj-section-title">{t('下级组织', 'Organizations below')}</h2>
              <Table
                rowKey="orgId"
                size="middle"
                dataSource={o.rows}
                pagination={o.rows.length > 50 ? { pageSize: 50 } : false}
                data-testid="overview-by-org"
                scroll={{ x: 1400 }}
                locale={{ emptyText: t('没有下级组织', 'No organizations below') }}
                columns={[
                  {
                    title: t('组织', 'Organization'),
                    dataIndex: 'orgName',
                    fixed: 'left',
                    width: 200,
                    render: (v: string, r) => (
                      <Link to={withQuery('/supervision/overview', { org: r.orgId, from, to })}>{v}</Link>
                    ),
                  },
                  ...CARDS.filter(([, , k]) => k !== 'notices').map(([zh, en, key]) => ({
                    title: t(zh, en),
                    dataIndex: key,
                    align: 'right' as const,
                    width: 96,
                    sorter: (a: OverviewCountsT, b: OverviewCountsT) => a[key] - b[key],
                    render: (v: number) =>
                      ALERTS.includes(key) && v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v,
                  })),
                ]}
              />
            </>
          );
        }}
      </Loaded>
    </Card>
  );
}

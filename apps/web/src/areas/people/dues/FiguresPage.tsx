/**
 * Dues figures (`/dues/figures`): what was due, paid, the rate and the arrears of a year or a month for the chosen
 * subtree, by month (a chart) and by organization (a table), with the Excel export of the same.
 */
import { lazy, Suspense, useMemo } from 'react';
import { Button, Card, Select, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { chinaToday, type DuesCollectionRowT, type DuesCollectionT } from '@dangjian/contracts';
import { withQuery } from '../../../api/client';
import { useLocale, useT } from '../../../app/i18n';
import { useScopeOrgId } from '../../../app/scope';
import { FigureHeading, Loaded, StatGrid, useFigureQuery } from '../../../components/Figures';
import { monthText, yuan } from './money';
import { useMonthOptions } from './parts';

const Chart = lazy(() => import('../../../components/Chart').then((m) => ({ default: m.Chart })));
const rateText = (r: number | null) => (r == null ? '—' : `${(r * 100).toFixed(1)}%`);

/** The figures page. */
export default function FiguresPage() {
  const t = useT();
  const { locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const org = useScopeOrgId();
  const year = chinaToday().slice(0, 4);
  const period = params.get('period') ?? year;
  const months = useMonthOptions(24);
  const periods = [
    ...[0, 1, 2].map((i) => ({
      value: String(Number(year) - i),
      label: t(`${Number(year) - i}年全年`, `${Number(year) - i}`),
    })),
    ...months,
  ];
  const query = { org, period };
  const q = useFigureQuery<DuesCollectionT>('dues-figures', '/api/dues/figures', query);
  const s = q.data;
  const option = useMemo(() => {
    const m = s?.byMonth ?? [];
    return {
      legend: { top: 0 },
      xAxis: { type: 'category', data: m.map((r) => r.month ?? '') },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', name: t('应缴', 'Due'), barMaxWidth: 18, data: m.map((r) => r.due) },
        { type: 'bar', name: t('已缴', 'Paid'), barMaxWidth: 18, data: m.map((r) => r.paid) },
      ],
    };
  }, [s, t]);
  const money = (title: string, key: keyof DuesCollectionRowT) => ({
    title,
    dataIndex: key,
    align: 'right' as const,
    width: 110,
    render: (v: number) => yuan(v),
  });
  const columns = [
    money(t('应缴（元）', 'Due (元)'), 'due'),
    money(t('已缴（元）', 'Paid (元)'), 'paid'),
    {
      title: t('收缴率', 'Rate'),
      dataIndex: 'rate',
      align: 'right' as const,
      width: 90,
      render: (v: number | null) => rateText(v),
    },
    money(t('欠缴（元）', 'Arrears (元)'), 'arrears'),
    { title: t('未缴清账单', 'Bills not settled'), dataIndex: 'unpaidBills', align: 'right' as const, width: 110 },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <FigureHeading
          title={t('党费统计', 'Dues figures')}
          actions={
            <Space style={{ marginLeft: 'auto' }} wrap>
              <Select
                value={period}
                options={periods}
                style={{ width: 150 }}
                onChange={(v) => setParams({ period: v })}
                aria-label={t('统计期间', 'Period')}
                data-testid="dues-period"
              />
              <Button icon={<DownloadOutlined />} href={withQuery('/api/dues/figures/export', query)} download>
                {t('导出 Excel', 'Export to Excel')}
              </Button>
            </Space>
          }
        />
        <Loaded q={q}>
          {(d) => (
            <StatGrid
              testId="dues-stats"
              items={[
                { testId: 'stat-due', title: t('应缴（元）', 'Due (元)'), value: yuan(d.total.due) },
                { testId: 'stat-paid', title: t('已缴（元）', 'Paid (元)'), value: yuan(d.total.paid) },
                { testId: 'stat-rate', title: t('收缴率', 'Rate'), value: rateText(d.total.rate) },
                {
                  testId: 'stat-arrears',
                  title: t('欠缴（元）', 'Arrears (元)'),
                  value: yuan(d.total.arrears),
                  href: '/dues?unpaid=true',
                },
              ]}
            />
          )}
        </Loaded>
      </Card>
      {s ? (
        <>
          <Card title={t('按月', 'By month')}>
            {s.byMonth.length ? (
              <Suspense fallback={<div className="dj-chart-placeholder" aria-hidden />}>
                <Chart
                  height={260}
                  option={option}
                  label={s.byMonth.map((m) => `${m.month}: ${yuan(m.due)} / ${yuan(m.paid)}`).join('; ')}
                />
              </Suspense>
            ) : (
              <p className="dj-empty">{t('该期间没有党费账单', 'No bill in this period')}</p>
            )}
            <Table<DuesCollectionRowT>
              size="small"
              rowKey={(r) => r.month ?? 'all'}
              dataSource={s.byMonth}
              pagination={false}
              locale={{ emptyText: t('暂无数据', 'No data') }}
              columns={[
                {
                  title: t('月份', 'Month'),
                  dataIndex: 'month',
                  render: (v: string | null) => (v ? monthText(v, locale) : '—'),
                },
                ...columns,
              ]}
            />
          </Card>
          <Card title={t('按组织', 'By organization')}>
            <Table<DuesCollectionRowT>
              size="small"
              rowKey="orgId"
              dataSource={s.byOrg}
              data-testid="dues-by-org"
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              scroll={{ x: 800 }}
              locale={{ emptyText: t('没有下级组织', 'No organization below') }}
              columns={[{ title: t('党组织', 'Organization'), dataIndex: 'orgName' }, ...columns]}
            />
          </Card>
        </>
      ) : null}
    </Space>
  );
}

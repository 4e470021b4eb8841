/**
 * The figures of industry projects (`/economy/projects/figures`): for the chosen subtree and year, the projects,
 * cooperatives, funds given (by source) and leveraged, the leverage ratio, the households linked and their added
 * income; a chart of the funds by organization and the table of the organizations below, with the Excel export.
 */
import { lazy, Suspense, useMemo } from 'react';
import { Button, Card, Select, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { chinaToday, PROJECT_FUND_SOURCES, PROJECT_MODELS } from '@dangjian/contracts';
import { withQuery } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { useScopeOrgId } from '../../../app/scope';
import { FigureHeading, Loaded, StatGrid, useFigureQuery } from '../../../components/Figures';
import { type ProjectFigures, wan } from './projectsModel';

const Chart = lazy(() => import('../../../components/Chart').then((m) => ({ default: m.Chart })));
type Row = ProjectFigures['rows'][number];

/** The figures page. */
export default function ProjectFiguresPage() {
  const t = useT();
  const lbl = useLabel();
  const [params, setParams] = useSearchParams();
  const org = useScopeOrgId();
  const thisYear = Number(chinaToday().slice(0, 4));
  const year = params.get('year') ?? String(thisYear);
  const query = { org, year };
  const q = useFigureQuery<ProjectFigures>('project-figures', '/api/economy/projects/figures', query);
  const s = q.data;
  const option = useMemo(() => {
    const rows = (s?.rows ?? []).filter((r) => r.projects);
    return {
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.orgName.replace(/(党委|党总支|党支部)$/, '')) },
      yAxis: { type: 'value', name: t('万元', '万元') },
      series: [
        { type: 'bar', name: t('投入资金', 'Given'), barMaxWidth: 18, data: rows.map((r) => Number(wan(r.givenFen))) },
        {
          type: 'bar',
          name: t('撬动社会资金', 'Leveraged'),
          barMaxWidth: 18,
          data: rows.map((r) => Number(wan(r.leveragedFen))),
        },
      ],
    };
  }, [s, t]);
  const money = (title: string, key: keyof Row) => ({
    title,
    dataIndex: key,
    align: 'right' as const,
    width: 120,
    render: (v: number) => wan(v),
  });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <FigureHeading
          title={t('产业项目统计', 'Project figures')}
          actions={
            <Space style={{ marginLeft: 'auto' }} wrap>
              <Select
                value={year}
                options={[0, 1, 2, 3, 4].map((i) => ({
                  value: String(thisYear - i),
                  label: t(`${thisYear - i}年`, `${thisYear - i}`),
                }))}
                style={{ width: 120 }}
                onChange={(v) => setParams({ year: v })}
                aria-label={t('年度', 'Year')}
                data-testid="projects-year"
              />
              <Button
                icon={<DownloadOutlined />}
                href={withQuery('/api/economy/projects/figures/export', query)}
                download
              >
                {t('导出 Excel', 'Export to Excel')}
              </Button>
            </Space>
          }
        />
        <Loaded q={q}>
          {(d) => (
            <>
              <StatGrid
                testId="projects-stats"
                items={[
                  {
                    testId: 'stat-projects',
                    title: t('产业项目（个）', 'Projects'),
                    value: d.projects,
                    href: `/economy/projects?year=${d.year}`,
                  },
                  { testId: 'stat-coops', title: t('专业合作社（个）', 'Cooperatives'), value: d.cooperatives },
                  { testId: 'stat-given', title: t('投入资金（万元）', 'Funds given (万元)'), value: wan(d.givenFen) },
                  {
                    testId: 'stat-leveraged',
                    title: t('撬动社会资金（万元）', 'Leveraged (万元)'),
                    value: wan(d.leveragedFen),
                  },
                  {
                    testId: 'stat-ratio',
                    title: t('撬动比', 'Leverage ratio'),
                    value: d.leverageRatio == null ? '—' : `1 : ${d.leverageRatio}`,
                  },
                  { testId: 'stat-households', title: t('联结农户（户）', 'Households linked'), value: d.households },
                  {
                    testId: 'stat-income',
                    title: t('农户增收（万元）', 'Added income (万元)'),
                    value: wan(d.householdIncomeFen),
                  },
                  {
                    testId: 'stat-collective',
                    title: t('村集体收益（万元）', 'Collective income (万元)'),
                    value: wan(d.collectiveIncomeFen),
                  },
                ]}
              />
              <p className="dj-muted" style={{ marginTop: 12 }} data-testid="projects-notes">
                {t(
                  `其中脱贫户 ${d.householdsPoor} 户、监测户 ${d.householdsMonitored} 户；合作社社员 ${d.cooperativeMembers} 人。` +
                    `截至 ${d.year} 年累计投入 ${wan(d.cumulative.givenFen)} 万元（红色基金 ${wan(d.cumulative.redFundFen)} 万元），` +
                    `累计撬动社会资金 ${wan(d.cumulative.leveragedFen)} 万元。`,
                  `Of them ${d.householdsPoor} lifted out of poverty, ${d.householdsMonitored} monitored; ` +
                    `${d.cooperativeMembers} cooperative members. ` +
                    `Up to ${d.year}: given ${wan(d.cumulative.givenFen)} 万元 ` +
                    `(red fund ${wan(d.cumulative.redFundFen)}), leveraged ${wan(d.cumulative.leveragedFen)} 万元.`,
                )}
              </p>
            </>
          )}
        </Loaded>
      </Card>
      {s ? (
        <>
          <Card title={t('按组织', 'By organization')}>
            {s.rows.some((r) => r.projects) ? (
              <Suspense fallback={<div className="dj-chart-placeholder" aria-hidden />}>
                <Chart
                  height={280}
                  option={option}
                  label={s.rows.map((r) => `${r.orgName}: ${wan(r.givenFen)} / ${wan(r.leveragedFen)}`).join('; ')}
                />
              </Suspense>
            ) : null}
            <Table<Row>
              size="small"
              rowKey="orgId"
              dataSource={s.rows}
              data-testid="projects-by-org"
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              scroll={{ x: 820 }}
              locale={{ emptyText: t('没有下级组织', 'No organization below') }}
              columns={[
                { title: t('党组织', 'Organization'), dataIndex: 'orgName' },
                { title: t('项目', 'Projects'), dataIndex: 'projects', align: 'right', width: 70 },
                { title: t('合作社', 'Cooperatives'), dataIndex: 'cooperatives', align: 'right', width: 80 },
                money(t('投入（万元）', 'Given (万元)'), 'givenFen'),
                money(t('撬动（万元）', 'Leveraged (万元)'), 'leveragedFen'),
                { title: t('联结农户', 'Households'), dataIndex: 'households', align: 'right', width: 90 },
                money(t('农户增收（万元）', 'Income (万元)'), 'householdIncomeFen'),
              ]}
            />
          </Card>
          <Card title={t('资金来源与模式', 'Sources and models')}>
            <Space wrap size={32} align="start">
              <Table
                size="small"
                rowKey="source"
                pagination={false}
                dataSource={s.bySource}
                columns={[
                  {
                    title: t('资金来源', 'Source'),
                    dataIndex: 'source',
                    render: (v: keyof typeof PROJECT_FUND_SOURCES) => lbl(PROJECT_FUND_SOURCES, v),
                  },
                  {
                    title: t('金额（万元）', 'Amount (万元)'),
                    dataIndex: 'fen',
                    align: 'right',
                    render: (v: number) => wan(v),
                  },
                ]}
              />
              <Table
                size="small"
                rowKey="model"
                pagination={false}
                dataSource={s.byModel}
                columns={[
                  {
                    title: t('模式', 'Model'),
                    dataIndex: 'model',
                    render: (v: keyof typeof PROJECT_MODELS) => lbl(PROJECT_MODELS, v),
                  },
                  { title: t('项目（个）', 'Projects'), dataIndex: 'projects', align: 'right' },
                ]}
              />
            </Space>
          </Card>
        </>
      ) : null}
    </Space>
  );
}

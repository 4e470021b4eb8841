/**
 * 村集体经济分类 (`/economy/incomes/classes`): for the scope (or an organization drilled into) and a year, the
 * villages per class (振兴、富裕、小康、薄弱) by the rules, the total accepted income and its change from last year,
 * a row per organization right below, and every village with its class, last year's class and the change.
 */
import { Button, Card, Select, Space, Table, Tag } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DownloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { chinaToday, INCOME_CLASS_ORDER, INCOME_CLASSES, type IncomeRollupT } from '@dangjian/contracts';
import { withQuery } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { FigureHeading, Loaded, StatGrid, useFigureQuery } from '../../../components/Figures';
import { wan } from '../money';
import { CLASS_COLOR, type IncomeClasses } from './incomeModel';

const thisYear = Number(chinaToday().slice(0, 4));

/** The classes page; `?org=` drills into an organization, `?year=` is the year (last year by default). */
export default function IncomeClassesPage() {
  const t = useT();
  const lbl = useLabel();
  const { org } = useScope();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear - 1;
  const orgId = params.get('org') ? Number(params.get('org')) : org?.id;
  const query = { org: orgId, year };
  const q = useFigureQuery<IncomeClasses>('economy/incomes/classes', '/api/economy/incomes/classes', query);
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) v ? next.set(k, v) : next.delete(k);
    setParams(next, { replace: true });
  };
  const change = (fen: number) => (fen > 0 ? `+${wan(fen)}` : wan(fen));
  const counts = () =>
    INCOME_CLASS_ORDER.map((c) => ({
      title: lbl(INCOME_CLASSES, c),
      key: c,
      width: 90,
      align: 'right' as const,
      render: (_: unknown, row: { rollup: IncomeRollupT }) => row.rollup.counts[c],
    }));
  return (
    <Card>
      <FigureHeading
        title={
          <>
            {t('村集体经济分类', 'Income classes')}
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
              {t('下钻', 'Drilled into')}
            </Tag>
          ) : null
        }
        actions={
          <div style={{ marginLeft: 'auto' }}>
            <Space wrap>
              <Select
                aria-label={t('年度', 'Year')}
                value={year}
                style={{ width: 120 }}
                onChange={(v) => set({ year: String(v) })}
                options={Array.from({ length: 5 }, (_, i) => thisYear - i).map((y) => ({
                  value: y,
                  label: t(`${y} 年`, String(y)),
                }))}
                data-testid="income-classes-year"
              />
              <Button
                icon={<DownloadOutlined />}
                href={withQuery('/api/economy/incomes/classes/export', query)}
                download
                data-testid="income-classes-export"
              >
                {t('导出 Excel', 'Export Excel')}
              </Button>
            </Space>
          </div>
        }
      />
      <Loaded q={q}>
        {(o) => (
          <>
            <StatGrid
              testId="income-class-cards"
              items={[
                ...INCOME_CLASS_ORDER.map((c) => ({
                  testId: `class-${c}`,
                  title: lbl(INCOME_CLASSES, c),
                  value: o.total.counts[c],
                })),
                {
                  testId: 'income-total',
                  title: t('集体经济总收入（万元）', 'Total (10k yuan)'),
                  value: wan(o.total.totalFen),
                },
                {
                  testId: 'income-change',
                  title: t('比上年增减（万元）', 'Change from last year'),
                  value: change(o.total.changeFen),
                },
                { testId: 'income-up', title: t('升档村', 'Villages up a class'), value: o.total.up },
                { testId: 'income-down', title: t('降档村', 'Villages down a class'), value: o.total.down },
              ]}
            />
            <p className="dj-muted">
              {t('分类标准：', 'Classes: ')}
              {t(
                `振兴村 ≥ ${wan(o.thresholds.revitalizedFen)} 万元，`,
                `revitalized ≥ ${wan(o.thresholds.revitalizedFen)}, `,
              )}
              {t(
                `富裕村 ≥ ${wan(o.thresholds.prosperousFen)} 万元，`,
                `prosperous ≥ ${wan(o.thresholds.prosperousFen)}, `,
              )}
              {t(
                `小康村 ≥ ${wan(o.thresholds.comfortableFen)} 万元，`,
                `comfortable ≥ ${wan(o.thresholds.comfortableFen)} `,
              )}
              {t('以下为薄弱村；只计乡镇审核通过的收入。', '(10k yuan); accepted entries only.')}
            </p>
            {o.children.some((c) => c.rollup.villages) ? (
              <>
                <h2 className="dj-h1 dj-section-title">{t('下级组织', 'Organizations below')}</h2>
                <Table
                  rowKey="orgId"
                  size="middle"
                  dataSource={o.children.filter((c) => c.rollup.villages)}
                  pagination={false}
                  scroll={{ x: 800 }}
                  data-testid="income-by-org"
                  onRow={(r) => ({ onClick: () => set({ org: String(r.orgId) }), style: { cursor: 'pointer' } })}
                  columns={[
                    { title: t('组织', 'Organization'), dataIndex: 'orgName', width: 140 },
                    {
                      title: t('村数', 'Villages'),
                      key: 'villages',
                      width: 70,
                      align: 'right',
                      render: (_, r) => r.rollup.villages,
                    },
                    ...counts(),
                    {
                      title: t('总收入（万元）', 'Total'),
                      key: 'total',
                      width: 110,
                      align: 'right',
                      render: (_, r) => wan(r.rollup.totalFen),
                    },
                    {
                      title: t('增减（万元）', 'Change'),
                      key: 'change',
                      width: 110,
                      align: 'right',
                      render: (_, r) => change(r.rollup.changeFen),
                    },
                  ]}
                />
              </>
            ) : null}
            <h2 className="dj-h1 dj-section-title">{t('各村分类', 'Villages')}</h2>
            <Table
              rowKey="orgId"
              size="small"
              dataSource={o.villages}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 760 }}
              data-testid="income-villages"
              locale={{ emptyText: t('范围内没有村', 'No village in the scope') }}
              columns={[
                { title: t('村', 'Village'), dataIndex: 'orgName', width: 120 },
                { title: t('乡镇', 'Township'), dataIndex: 'townshipName', width: 110 },
                {
                  title: t('收入（万元）', 'Income'),
                  dataIndex: 'totalFen',
                  width: 100,
                  align: 'right',
                  sorter: (a, b) => a.totalFen - b.totalFen,
                  render: (v: number) => wan(v),
                },
                {
                  title: t('类别', 'Class'),
                  dataIndex: 'class',
                  width: 100,
                  filters: INCOME_CLASS_ORDER.map((c) => ({ text: lbl(INCOME_CLASSES, c), value: c })),
                  onFilter: (v, r) => r.class === v,
                  render: (v: string, r) => (
                    <Space size={4}>
                      <Tag color={CLASS_COLOR[v]} data-testid={`village-class-${r.orgId}`}>
                        {lbl(INCOME_CLASSES, v)}
                      </Tag>
                      {r.move > 0 ? (
                        <ArrowUpOutlined style={{ color: '#cf1322' }} aria-label={t('升档', 'Up')} />
                      ) : null}
                      {r.move < 0 ? (
                        <ArrowDownOutlined style={{ color: '#389e0d' }} aria-label={t('降档', 'Down')} />
                      ) : null}
                    </Space>
                  ),
                },
                {
                  title: t('上年类别', 'Last year'),
                  dataIndex: 'lastClass',
                  width: 100,
                  render: (v: string) => lbl(INCOME_CLASSES, v),
                },
                {
                  title: t('增减（万元）', 'Change'),
                  dataIndex: 'changeFen',
                  width: 100,
                  align: 'right',
                  render: (v: number) => change(v),
                },
              ]}
            />
          </>
        )}
      </Loaded>
    </Card>
  );
}

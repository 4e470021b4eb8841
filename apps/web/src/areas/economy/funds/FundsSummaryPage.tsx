/**
 * 经费保障情况 (`/economy/funds/summary`): for the scope and a year, the funds of its villages by kind, the
 * standards of the rules, how many villages are below each, and each village's totals (the ones below first).
 * A secretary's pay shows for township and county roles only (the server leaves it out for the others).
 */
import { Button, Card, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { chinaToday, FUND_KINDS, type FundKind } from '@dangjian/contracts';
import { withQuery } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { FigureHeading, Loaded, StatGrid, useFigureQuery } from '../../../components/Figures';
import { wan } from '../money';
import type { FundsSummary } from './fundModel';

const thisYear = Number(chinaToday().slice(0, 4));
const KINDS = Object.keys(FUND_KINDS) as FundKind[];

/** The standards page; `?year=` is the year (this year by default). */
export default function FundsSummaryPage() {
  const t = useT();
  const lbl = useLabel();
  const { org } = useScope();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear;
  const query = { org: org?.id, year };
  const q = useFigureQuery<FundsSummary>('economy/funds/summary', '/api/economy/funds/summary', query);
  return (
    <Card>
      <FigureHeading
        title={
          <>
            {t('经费保障情况', 'Funds against the standards')}
            {q.data ? (
              <span className="dj-muted" style={{ fontSize: 15, fontWeight: 400 }}>
                {' '}
                · {q.data.orgName}
              </span>
            ) : null}
          </>
        }
        actions={
          <div style={{ marginLeft: 'auto' }}>
            <Space wrap>
              <Select
                aria-label={t('年度', 'Year')}
                value={year}
                style={{ width: 120 }}
                onChange={(v) => setParams({ year: String(v) }, { replace: true })}
                options={Array.from({ length: 5 }, (_, i) => thisYear - i).map((y) => ({
                  value: y,
                  label: t(`${y} 年`, String(y)),
                }))}
              />
              <Button
                icon={<DownloadOutlined />}
                href={withQuery('/api/economy/funds/summary/export', query)}
                download
                data-testid="funds-export"
              >
                {t('导出 Excel', 'Export Excel')}
              </Button>
            </Space>
          </div>
        }
      />
      <Loaded q={q}>
        {(f) => {
          const kinds = KINDS.filter((k) => f.totals[k] != null);
          const rows = [...f.rows].sort((a, b) => b.below.length - a.below.length);
          return (
            <>
              <StatGrid
                testId="funds-cards"
                items={[
                  { testId: 'funds-villages', title: t('村数', 'Villages'), value: f.villages },
                  ...kinds.map((k) => ({
                    testId: `funds-${k}`,
                    title: t(`${lbl(FUND_KINDS, k)}（万元）`, `${lbl(FUND_KINDS, k)} (10k yuan)`),
                    value: wan(f.totals[k]),
                  })),
                  {
                    testId: 'funds-below-operating',
                    title: t('运转经费低于标准的村', 'Villages below the operating standard'),
                    value: f.below.operating,
                  },
                  {
                    testId: 'funds-below-service',
                    title: t('服务群众经费低于标准的村', 'Villages below the service standard'),
                    value: f.below.service,
                  },
                  ...(f.below.secretary_pay != null
                    ? [
                        {
                          testId: 'funds-below-pay',
                          title: t('书记报酬低于标准的村', 'Villages below the pay standard'),
                          value: f.below.secretary_pay,
                        },
                      ]
                    : []),
                ]}
              />
              <p className="dj-muted">
                {t('标准：', 'Standards: ')}
                {t(
                  `运转经费每村每年不低于 ${wan(f.floors.operating)} 万元，`,
                  `operating ≥ ${wan(f.floors.operating)}, `,
                )}
                {t(`服务群众专项经费不低于 ${wan(f.floors.service)} 万元`, `service ≥ ${wan(f.floors.service)}`)}
                {f.floors.secretary_pay != null
                  ? t(`，书记报酬不低于 ${wan(f.floors.secretary_pay)} 万元`, `, pay ≥ ${wan(f.floors.secretary_pay)}`)
                  : null}
                {t('（可在规则设置中调整）。', ' (10k yuan a village a year; set on the rules page).')}
              </p>
              <Table
                rowKey="orgId"
                size="small"
                dataSource={rows}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                scroll={{ x: 900 }}
                data-testid="funds-villages-table"
                locale={{ emptyText: t('范围内没有村', 'No village in the scope') }}
                columns={[
                  { title: t('村', 'Village'), dataIndex: 'orgName', width: 110 },
                  { title: t('乡镇', 'Township'), dataIndex: 'townshipName', width: 100 },
                  ...kinds.map((k) => ({
                    title: t(`${lbl(FUND_KINDS, k)}（万元）`, `${lbl(FUND_KINDS, k)}`),
                    key: k,
                    width: 120,
                    align: 'right' as const,
                    render: (_: unknown, r: FundsSummary['rows'][number]) => wan(r.totals[k]),
                  })),
                  {
                    title: t('低于标准', 'Below the standard'),
                    key: 'below',
                    width: 220,
                    render: (_: unknown, r: FundsSummary['rows'][number]) =>
                      r.below.length ? (
                        r.below.map((k) => (
                          <Tag key={k} color="red">
                            {lbl(FUND_KINDS, k)}
                          </Tag>
                        ))
                      ) : (
                        <Tag color="green">{t('达标', 'Met')}</Tag>
                      ),
                  },
                ]}
              />
            </>
          );
        }}
      </Loaded>
    </Card>
  );
}

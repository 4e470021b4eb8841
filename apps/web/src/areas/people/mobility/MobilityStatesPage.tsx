/** The figure mobility.states (`/mobility/states`): members away and out of contact by organization, with Excel. */
import { Button, Card, Col, Row, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { MobilityStatesT } from '@dangjian/contracts';
import { withQuery } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { useScopeOrgId } from '../../../app/scope';
import { FigureHeading, Loaded, ShortTable, StatGrid, useFigureQuery } from '../../../components/Figures';

type ByOrg = MobilityStatesT['byOrg'][number];
const pct = (n: number, of: number) => (of ? `${((n / of) * 100).toFixed(1)}%` : '—');

/** The figure page. */
export default function MobilityStatesPage() {
  const t = useT();
  const org = useScopeOrgId();
  const query = { org };
  const q = useFigureQuery<MobilityStatesT>('mobility-states', '/api/mobility/states', query);
  return (
    <>
      <FigureHeading
        title={t('流动党员和失联党员统计', 'Members away and out of contact')}
        actions={
          <Button
            icon={<DownloadOutlined />}
            href={withQuery('/api/mobility/states/export', query)}
            download
            style={{ marginLeft: 'auto' }}
            data-testid="states-export"
          >
            {t('导出 Excel', 'Export to Excel')}
          </Button>
        }
      />
      <Loaded q={q}>
        {(s) => (
          <>
            <StatGrid
              testId="mobility-stats"
              items={[
                { testId: 'stat-members', title: t(`${s.orgName} 党员`, `Members of ${s.orgName}`), value: s.members },
                {
                  testId: 'stat-flowing',
                  title: t('外出流动', 'Away'),
                  value: s.flowing,
                  href: '/mobility?status=flowing',
                },
                {
                  testId: 'stat-lost',
                  title: t('失联', 'Out of contact'),
                  value: s.outOfContact,
                  href: '/mobility?status=out_of_contact',
                },
                { testId: 'stat-share', title: t('流动占比', 'Share away'), value: pct(s.flowing, s.members) },
              ]}
            />
            <Row gutter={16} style={{ marginTop: 16 }}>
              <Col xs={24} xl={15}>
                <Card title={t('按组织', 'By organization')}>
                  <Table<ByOrg>
                    rowKey="orgId"
                    size="small"
                    dataSource={s.byOrg}
                    pagination={{ pageSize: 50, hideOnSinglePage: true }}
                    locale={{ emptyText: t('没有下级组织', 'No organization below') }}
                    data-testid="states-by-org"
                    columns={[
                      { title: t('党组织', 'Organization'), dataIndex: 'orgName' },
                      { title: t('党员', 'Members'), dataIndex: 'members', width: 90, align: 'right' },
                      { title: t('外出流动', 'Away'), dataIndex: 'flowing', width: 100, align: 'right' },
                      { title: t('失联', 'Out of contact'), dataIndex: 'outOfContact', width: 90, align: 'right' },
                      {
                        title: t('流动占比', 'Share away'),
                        key: 'share',
                        width: 100,
                        align: 'right',
                        render: (_, o) => pct(o.flowing, o.members),
                      },
                    ]}
                  />
                </Card>
              </Col>
              <Col xs={24} xl={9}>
                <Card title={t('主要流向地', 'Where they are')}>
                  <ShortTable
                    rowKey="destination"
                    rows={s.destinations}
                    size="small"
                    empty={t('暂无外出流动党员', 'Nobody away')}
                    columns={[
                      { title: t('外出地点', 'Where'), dataIndex: 'destination' },
                      { title: t('人数', 'Members'), dataIndex: 'flowing', width: 90, align: 'right' },
                    ]}
                  />
                </Card>
              </Col>
            </Row>
          </>
        )}
      </Loaded>
    </>
  );
}

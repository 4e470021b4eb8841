/**
 * 积分排行 (`/points/ranking`): the members of a branch (or of any subtree of the caller) by their counted points
 * of a year or a month (the caps of the rules applied), with the distribution of the year's totals.
 */
import { useState } from 'react';
import { Card, Col, Empty, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import {
  chinaToday,
  POINT_EVENTS,
  type PointEvent,
  type PointRankingRowT,
  type PointsSummaryT,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { useMe } from '../../../app/session';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { ErrorResult } from '../../../components/States';

/** The page. */
export default function RankingPage() {
  const t = useT();
  const lbl = useLabel();
  const { data: me } = useMe();
  const thisYear = Number(chinaToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [month, setMonth] = useState<string | null>(null);
  const [org, setOrg] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const rank = useQuery({
    queryKey: ['points-ranking', org, year, month, page],
    queryFn: ({ signal }) =>
      api.get<{ items: PointRankingRowT[]; total: number }>(
        '/api/points/ranking',
        { year, ...(month ? { month } : {}), ...(org ? { org } : {}), page, pageSize: 20 },
        signal,
      ),
  });
  const fig = useQuery({
    queryKey: ['points-summary', org, year],
    queryFn: ({ signal }) => api.get<PointsSummaryT>('/api/stats/points', { year, ...(org ? { org } : {}) }, signal),
  });
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  if (rank.error) return <ErrorResult error={rank.error} onRetry={() => rank.refetch()} />;
  const f = fig.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
        {t('积分排行', 'Points ranking')}
      </Typography.Title>
      <Card title={t('排名', 'Ranking')}>
        <Space wrap style={{ marginBottom: 16 }}>
          <OrgTreeSelect
            value={org}
            valueLabel={me?.orgName ?? undefined}
            onChange={(id) => {
              setOrg(id);
              setPage(1);
            }}
            placeholder={me?.orgName ?? t('党组织', 'Organization')}
            ariaLabel={t('党组织', 'Organization')}
            allowClear
            style={{ width: 240 }}
          />
          <Select
            value={year}
            onChange={(y) => {
              setYear(y);
              setMonth(null);
            }}
            aria-label={t('年度', 'Year')}
            options={[0, 1, 2].map((d) => ({ value: thisYear - d, label: t(`${thisYear - d}年`, `${thisYear - d}`) }))}
            style={{ width: 110 }}
          />
          <Select
            value={month}
            onChange={setMonth}
            allowClear
            placeholder={t('全年', 'Whole year')}
            aria-label={t('月份', 'Month')}
            options={months.map((m) => ({ value: m, label: m }))}
            style={{ width: 130 }}
            data-testid="ranking-month"
          />
        </Space>
        <Table<PointRankingRowT>
          rowKey="memberId"
          size="middle"
          loading={rank.isPending}
          dataSource={rank.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('暂无党员积分', 'No points yet')} /> }}
          pagination={{
            current: page,
            pageSize: 20,
            total: rank.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            { title: t('名次', 'Rank'), dataIndex: 'rank', width: 70 },
            { title: t('党员', 'Member'), dataIndex: 'name', width: 110 },
            { title: t('党组织', 'Organization'), dataIndex: 'orgName', width: 200 },
            {
              title: t('积分', 'Points'),
              dataIndex: 'points',
              width: 90,
              align: 'right',
              render: (v: number) => <b>{v}</b>,
            },
            { title: t('记录数', 'Entries'), dataIndex: 'entries', width: 90, align: 'right' },
          ]}
          scroll={{ x: 600 }}
          data-testid="points-ranking"
        />
        <p className="dj-muted">
          {t(
            '积分按规则中的每月、每年上限计算；只计参加组织生活、践诺、服务群众等实绩，不计登录、点击、浏览、学习时长。',
            'Counted within the monthly and yearly caps of the rules; ' +
              'only work done counts, never log-ins, clicks, views or study time.',
          )}
        </p>
      </Card>
      {f ? (
        <Card title={t(`${f.orgName} ${year}年积分情况`, `${f.orgName}: points of ${year}`)}>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Statistic title={t('党员人数', 'Members')} value={f.members} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('有积分党员', 'With points')} value={f.membersWithPoints} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('积分总数', 'Total')} value={f.total} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('人均积分', 'Average')} value={f.average} precision={1} />
            </Col>
          </Row>
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col xs={24} md={12}>
              <Table
                size="small"
                rowKey="from"
                pagination={false}
                dataSource={f.distribution}
                columns={[
                  {
                    title: t('积分段', 'Points'),
                    dataIndex: 'from',
                    render: (_: unknown, d) =>
                      d.to == null
                        ? t(`${d.from}分及以上`, `${d.from}+`)
                        : t(`${d.from}–${d.to - 1}分`, `${d.from}–${d.to - 1}`),
                  },
                  { title: t('人数', 'Members'), dataIndex: 'members', align: 'right' },
                ]}
              />
            </Col>
            <Col xs={24} md={12}>
              <Table
                size="small"
                rowKey="event"
                pagination={false}
                dataSource={f.byEvent}
                columns={[
                  { title: t('事项', 'Event'), dataIndex: 'event', render: (v: PointEvent) => lbl(POINT_EVENTS, v) },
                  { title: t('积分', 'Points'), dataIndex: 'points', align: 'right' },
                  { title: t('记录数', 'Entries'), dataIndex: 'entries', align: 'right' },
                ]}
              />
            </Col>
          </Row>
        </Card>
      ) : null}
    </Space>
  );
}

/** The business home: the figures of the scope as numbers and ECharts charts, each clickable to its list. */
import { useMemo } from 'react';
import { Card, Col, Empty, List, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { AGE_BANDS, EDUCATIONS, ELECTION_STATUSES, ETHNICITIES, GENDERS, MEMBER_CATEGORIES, MEMBER_STATUSES, ORG_FIELDS, ORG_TYPES, type Labelled } from '@dangjian/contracts';
import { api } from '../../api/client';
import type { StatsOverview } from '../../api/types';
import { useLabel, useT } from '../../app/i18n';
import { useScope } from '../../app/scope';
import { Chart } from '../../components/Chart';
import { ErrorResult } from '../../components/States';
import { useMe } from '../../app/session';

type KeyCount = { key: string; count: number }[];

interface Slice {
  key: string;
  name: string;
  value: number;
  href: string;
}

function slices(rows: KeyCount, map: Record<string, Labelled>, lbl: (m: Record<string, Labelled>, v: string) => string, param: string, base: string): Slice[] {
  const order = Object.keys(map);
  return [...rows]
    .sort((a, b) => (order.indexOf(a.key) === -1 ? 99 : order.indexOf(a.key)) - (order.indexOf(b.key) === -1 ? 99 : order.indexOf(b.key)))
    .map((r) => ({ key: r.key, name: lbl(map, r.key), value: r.count, href: `${base}?${param}=${encodeURIComponent(r.key)}` }));
}

function ChartCard({ title, data, kind, testId }: { title: string; data: Slice[]; kind: 'pie' | 'bar' | 'hbar' | 'line'; testId: string }) {
  const navigate = useNavigate();
  const t = useT();
  const option = useMemo(() => {
    const tooltip = { trigger: kind === 'pie' ? 'item' : 'axis', confine: true };
    if (kind === 'pie') {
      return {
        tooltip,
        legend: { bottom: 0, type: 'scroll' },
        series: [{ type: 'pie', radius: ['38%', '66%'], center: ['50%', '44%'], label: { formatter: '{b}\n{c}' }, data: data.map((d) => ({ name: d.name, value: d.value })) }],
      };
    }
    const horizontal = kind === 'hbar';
    const cat = { type: 'category', data: data.map((d) => d.name), axisLabel: { interval: 0, hideOverlap: true } };
    const val = { type: 'value', minInterval: 1 };
    return {
      tooltip,
      grid: { left: horizontal ? 8 : 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: horizontal ? val : cat,
      yAxis: horizontal ? { ...cat, inverse: true } : val,
      series: [{ type: kind === 'line' ? 'line' : 'bar', smooth: true, barMaxWidth: 28, data: data.map((d) => d.value), label: { show: kind !== 'line', position: horizontal ? 'right' : 'top' } }],
    };
  }, [data, kind]);
  return (
    <Card title={title} size="small" data-testid={testId}>
      {data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无数据', 'No data')} />
      ) : (
        <>
          <Chart label={`${title}: ${data.map((d) => `${d.name} ${d.value}`).join(', ')}`} option={option} onClick={(p) => data[p.dataIndex] && navigate(data[p.dataIndex].href)} />
          <nav className="dj-chip-row" aria-label={title}>
            {data.map((d) => (
              <Link key={d.key} to={d.href} className="dj-chip" data-key={d.key}>
                {d.name} <b>{d.value}</b>
              </Link>
            ))}
          </nav>
        </>
      )}
    </Card>
  );
}

function Stat({ title, value, href, testId }: { title: string; value: number; href?: string; testId: string }) {
  const body = <Statistic title={title} value={value} groupSeparator="," />;
  return (
    <Card size="small" hoverable={!!href} data-testid={testId}>
      {href ? (
        <Link to={href} style={{ color: 'inherit', display: 'block' }}>
          {body}
        </Link>
      ) : (
        body
      )}
    </Card>
  );
}

/** The home of the county, township and branch roles. */
export default function BusinessHome() {
  const t = useT();
  const lbl = useLabel();
  const { org } = useScope();
  const { data: me } = useMe();
  const q = useQuery({
    queryKey: ['stats', org?.id ?? null],
    queryFn: ({ signal }) => api.get<StatsOverview>('/api/stats/overview', { org: org?.id }, signal),
  });
  const s = q.data;
  const title = org?.name ?? me?.orgName ?? '';

  if (q.error) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {title} · {t('党建概况', 'Overview')}
      </Typography.Title>
      {!s ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={8} xl={4}>
              <Stat testId="stat-orgs" title={t('党组织', 'Organizations')} value={s.orgs.total} href="/orgs?view=list" />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Stat testId="stat-members" title={t('党员总数', 'Members')} value={s.members.total} href="/members" />
            </Col>
            {(['full', 'probationary'] as const).map((k) => (
              <Col xs={12} md={8} xl={4} key={k}>
                <Stat testId={`stat-${k}`} title={lbl(MEMBER_STATUSES, k)} value={s.members.byStatus.find((r) => r.key === k)?.count ?? 0} href={`/members?status=${k}`} />
              </Col>
            ))}
            <Col xs={12} md={8} xl={4}>
              <Stat testId="stat-due" title={lbl(ELECTION_STATUSES, 'due')} value={s.elections.due} />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Stat testId="stat-overdue" title={lbl(ELECTION_STATUSES, 'overdue')} value={s.elections.overdue} />
            </Col>
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} lg={12} xxl={8}>
              <ChartCard testId="chart-org-type" kind="pie" title={t('党组织类型', 'Organizations by type')} data={slices(s.orgs.byType, ORG_TYPES, lbl, 'type', '/orgs')} />
            </Col>
            <Col xs={24} lg={12} xxl={8}>
              <ChartCard testId="chart-org-field" kind="bar" title={t('党组织领域', 'Organizations by field')} data={slices(s.orgs.byField, ORG_FIELDS, lbl, 'field', '/orgs')} />
            </Col>
            <Col xs={24} lg={12} xxl={8}>
              <ChartCard testId="chart-status" kind="pie" title={t('党员状态', 'Members by status')} data={slices(s.members.byStatus, MEMBER_STATUSES, lbl, 'status', '/members')} />
            </Col>
            <Col xs={24} lg={12} xxl={8}>
              <ChartCard testId="chart-gender" kind="pie" title={t('性别', 'Members by sex')} data={slices(s.members.byGender, GENDERS, lbl, 'gender', '/members')} />
            </Col>
            <Col xs={24} lg={12} xxl={8}>
              <ChartCard testId="chart-age" kind="bar" title={t('年龄段', 'Members by age band')} data={slices(s.members.byAgeBand, AGE_BANDS, lbl, 'ageBand', '/members')} />
            </Col>
            <Col xs={24} lg={12} xxl={8}>
              <ChartCard testId="chart-education" kind="bar" title={t('学历', 'Members by education')} data={slices(s.members.byEducation, EDUCATIONS, lbl, 'education', '/members')} />
            </Col>
            <Col xs={24} lg={12} xxl={8}>
              <ChartCard testId="chart-category" kind="hbar" title={t('人员类别', 'Members by category')} data={slices(s.members.byCategory, MEMBER_CATEGORIES, lbl, 'category', '/members')} />
            </Col>
            <Col xs={24} lg={12} xxl={8}>
              <ChartCard testId="chart-ethnicity" kind="pie" title={t('民族', 'Members by ethnicity')} data={slices(s.members.byEthnicity, ETHNICITIES, lbl, 'ethnicity', '/members')} />
            </Col>
            <Col xs={24} lg={12} xxl={8}>
              <ChartCard
                testId="chart-join-year"
                kind="line"
                title={t('历年入党人数', 'Members joined per year')}
                data={[...s.members.byJoinYear].sort((a, b) => a.year - b.year).map((r) => ({ key: String(r.year), name: String(r.year), value: r.count, href: `/members?joinYear=${r.year}` }))}
              />
            </Col>
            <Col xs={24}>
              <Card size="small" title={t('换届提醒', 'Elections due')} data-testid="elections">
                {s.elections.items.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('没有即将或逾期换届的组织', 'No organization is due for election')} />
                ) : (
                  <List
                    size="small"
                    dataSource={s.elections.items}
                    renderItem={(e) => (
                      <List.Item extra={<Tag color={e.status === 'overdue' ? 'error' : 'warning'}>{lbl(ELECTION_STATUSES, e.status)}</Tag>}>
                        <List.Item.Meta
                          title={<Link to={`/orgs/${e.id}`}>{e.name}</Link>}
                          description={`${t('届期结束', 'Term ends')} ${e.termEnd} · ${t('应换届', 'Election due')} ${e.electionDueAt}`}
                        />
                      </List.Item>
                    )}
                  />
                )}
              </Card>
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}

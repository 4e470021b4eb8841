/**
 * 党员学时 (`/training/hours`): for a subtree and a year, every member's hours by source (class sessions attended,
 * counted organizational life) against the requirement (32, or 56 for secretaries and committee members), whether
 * short; each organization below with its members, reached, short and the rotation's coverage; the short list as
 * Excel. Hours come from attendance records only.
 */
import { useState } from 'react';
import { Button, Card, Col, Row, Select, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { chinaToday } from '@dangjian/contracts';
import { api, withQuery } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { useMe } from '../../../app/session';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { ErrorResult } from '../../../components/States';
import { type HoursOrgRow, type MemberHours, pct, type TrainingHoursList } from './trainingModel';

/** The page. */
export default function TrainingHoursPage() {
  const t = useT();
  const { data: me } = useMe();
  const thisYear = Number(chinaToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [org, setOrg] = useState<number | null>(null);
  const [short, setShort] = useState(false);
  const [page, setPage] = useState(1);
  const query = { year, ...(org ? { org } : {}) };
  const q = useQuery({
    queryKey: ['training-hours', org, year, short, page],
    queryFn: ({ signal }) =>
      api.get<TrainingHoursList>(
        '/api/training/hours',
        { ...query, ...(short ? { short } : {}), page, pageSize: 20 },
        signal,
      ),
  });
  if (q.error) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const d = q.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
        {t('党员学时', 'Training hours')}
      </Typography.Title>
      <Card>
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
              setPage(1);
            }}
            aria-label={t('年度', 'Year')}
            options={[0, 1, 2].map((x) => ({ value: thisYear - x, label: t(`${thisYear - x}年`, `${thisYear - x}`) }))}
            style={{ width: 110 }}
          />
          <Button icon={<DownloadOutlined />} href={withQuery('/api/training/hours/short/export', query)} download>
            {t('导出学时不足名单', 'Export the short list')}
          </Button>
        </Space>
        <p className="dj-muted">
          {d
            ? t(
                '学时只按出勤记录计算：培训班出勤课时，加上制度规定计入的组织生活（每次会议只计一次）。' +
                  `党员每年应修 ${d.rules.memberHours} 学时，书记和支部委员 ${d.rules.committeeHours} 学时。`,
                'Hours come from attendance only: class sessions attended plus counted meetings (each once). ' +
                  `Members need ${d.rules.memberHours} h a year, secretaries and committee members ` +
                  `${d.rules.committeeHours} h.`,
              )
            : null}
        </p>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Statistic title={t('党员', 'Members')} value={d?.totals.members ?? '—'} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('学时达标', 'Reached')} value={d?.totals.reached ?? '—'} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('学时不足', 'Short')} value={d?.totals.short ?? '—'} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('年度轮训覆盖率', 'Rotation coverage')} value={d ? pct(d.totals.coverage) : '—'} />
          </Col>
        </Row>
      </Card>
      {d?.rows.length ? (
        <Card title={t('按组织统计', 'By organization')}>
          <Table<HoursOrgRow>
            size="small"
            rowKey="orgId"
            pagination={false}
            dataSource={d.rows}
            data-testid="hours-orgs"
            scroll={{ x: 700 }}
            columns={[
              { title: t('党组织', 'Organization'), dataIndex: 'orgName' },
              { title: t('党员', 'Members'), dataIndex: 'members', width: 80 },
              { title: t('达标', 'Reached'), dataIndex: 'reached', width: 80 },
              { title: t('不足', 'Short'), dataIndex: 'short', width: 80 },
              { title: t('参加轮训', 'Rotated'), dataIndex: 'rotated', width: 90 },
              { title: t('轮训覆盖率', 'Coverage'), dataIndex: 'coverage', width: 100, render: (v: number) => pct(v) },
            ]}
          />
        </Card>
      ) : null}
      <Card
        title={t('党员学时', 'Members’ hours')}
        extra={
          <Space>
            <span>{t('只看学时不足', 'Short only')}</span>
            <Switch
              checked={short}
              onChange={(v) => {
                setShort(v);
                setPage(1);
              }}
              aria-label={t('只看学时不足', 'Short only')}
              data-testid="hours-short-only"
            />
          </Space>
        }
      >
        <Table<MemberHours>
          size="small"
          rowKey="memberId"
          loading={q.isPending}
          dataSource={d?.items ?? []}
          data-testid="hours-members"
          scroll={{ x: 800 }}
          locale={{ emptyText: t('没有符合条件的党员', 'No member matches') }}
          pagination={{ current: page, pageSize: 20, total: d?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('姓名', 'Name'), dataIndex: 'name', width: 100 },
            { title: t('党组织', 'Organization'), dataIndex: 'orgName' },
            { title: t('培训班学时', 'Classes'), dataIndex: 'classHours', width: 100 },
            { title: t('组织生活学时', 'Meetings'), dataIndex: 'meetingHours', width: 110 },
            { title: t('合计', 'Total'), dataIndex: 'hours', width: 70 },
            {
              title: t('应修', 'Required'),
              dataIndex: 'required',
              width: 110,
              render: (v: number, m) => (m.committee ? t(`${v}（书记、委员）`, `${v} (committee)`) : v),
            },
            {
              title: t('是否达标', 'Reached'),
              dataIndex: 'short',
              width: 90,
              render: (v: boolean) =>
                v ? <Tag color="red">{t('不足', 'Short')}</Tag> : <Tag color="green">{t('达标', 'Reached')}</Tag>,
            },
          ]}
        />
      </Card>
    </Space>
  );
}

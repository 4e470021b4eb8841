/**
 * Figures of organizational life as tables (`/meetings/stats`): meetings by kind, attendance, lectures, and the lowest
 * attendance by org and member.
 */
import { Card, Col, Row, Space, Table, type TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { MEETING_KIND_LABELS } from '@dangjian/contracts';
import { withQuery } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { FigureHeading, Loaded, useFigureQuery } from '../../../components/Figures';
import { linkColumn } from '../../../components/list/listParts';
import { percent, periodUnit, thisYear, type MeetingStatsAnswer } from './model';
import { PeriodPicker } from './parts';
import './meetings.css';

type OrgRow = MeetingStatsAnswer['orgs'][number];
type MemberRow = MeetingStatsAnswer['members'][number];

/** A period's first and last day, for links to the meeting list. */
function spanOf(period: string): { from: string; to: string } {
  const y = period.slice(0, 4);
  const unit = periodUnit(period);
  if (unit === 'month') {
    const m = Number(period.slice(5, 7));
    const last = new Date(Date.UTC(Number(y), m, 0)).getUTCDate();
    return { from: `${period}-01`, to: `${period}-${String(last).padStart(2, '0')}` };
  }
  if (unit === 'quarter') {
    const q = Number(period.slice(6));
    const m1 = (q - 1) * 3 + 1;
    const last = new Date(Date.UTC(Number(y), m1 + 2, 0)).getUTCDate();
    return { from: `${y}-${String(m1).padStart(2, '0')}-01`, to: `${y}-${String(m1 + 2).padStart(2, '0')}-${last}` };
  }
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

const rateCell = (v: number) => (
  <span className="mt-rate">
    <span className="mt-rate-bar" aria-hidden>
      <span style={{ width: `${Math.round(v * 100)}%` }} className={v < 0.8 ? 'low' : undefined} />
    </span>
    <span className={v < 0.8 ? 'mt-rate-bad' : undefined}>{percent(v)}</span>
  </span>
);

/** How the two tables of lowest attendance page and scroll. */
const LOWEST_TABLE = {
  pagination: { pageSize: 20, showSizeChanger: false, hideOnSinglePage: true },
  scroll: { x: 560 },
} as const;

/** The present/expected and rate columns of the lowest-attendance tables. */
function attendanceColumns(present: string, rate: string) {
  return [
    {
      title: present,
      width: 110,
      align: 'right' as const,
      render: (_: unknown, r: { present: number; expected: number }) => `${r.present}/${r.expected}`,
    },
    { title: rate, dataIndex: 'rate', width: 150, render: rateCell },
  ];
}

/** One of the two lowest-attendance tables, in half a row. */
function LowestCard<T extends object>(props: {
  title: string;
  testId: string;
  rowKey: keyof T & string;
  rows: T[];
  columns: TableColumnsType<T>;
}) {
  return (
    <Col xs={24} xl={12}>
      <Card title={props.title} data-testid={props.testId}>
        <Table<T>
          size="small"
          rowKey={props.rowKey}
          dataSource={props.rows}
          {...LOWEST_TABLE}
          columns={props.columns}
        />
      </Card>
    </Col>
  );
}

/** The statistics page. */
export default function StatsPage() {
  const t = useT();
  const lbl = useLabel();
  const { org } = useScope();
  const [params, setParams] = useSearchParams();
  const raw = params.get('period') ?? '';
  const period = periodUnit(raw) ? raw : String(thisYear());
  const orgId = Number(params.get('org')) || org?.id;
  const query = { org: orgId, period };
  const q = useFigureQuery<MeetingStatsAnswer>('meeting-stats', '/api/stats/meetings', query);
  const s = q.data;
  const span = spanOf(period);
  const list = (extra: Record<string, string | number | undefined>) =>
    withQuery('/meetings', { org: orgId, from: span.from, to: span.to, ...extra });

  const figure = (title: string, value: string | number, href?: string, testId?: string) => (
    <div className="dj-card" data-testid={testId}>
      <div className="dj-stat-title">{title}</div>
      <div className="dj-stat-value">{href ? <Link to={href}>{value}</Link> : value}</div>
    </div>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <FigureHeading
          title={t('组织生活统计', 'Organizational life: figures')}
          actions={
            <div style={{ marginLeft: 'auto' }}>
              <PeriodPicker value={period} onChange={(p) => setParams({ period: p }, { replace: true })} />
            </div>
          }
        />
        <Loaded q={q}>
          {(s) => (
            <>
              <div className="mt-summary">
                {figure(t('会议次数', 'Meetings'), s.meetings, list({}), 'stats-meetings')}
                {figure(t('出席率', 'Attendance'), percent(s.attendance.rate), undefined, 'stats-attendance')}
                {figure(
                  t('出席人次 / 应到人次', 'Present / expected'),
                  `${s.attendance.present.toLocaleString('en-US')} / ${s.attendance.expected.toLocaleString('en-US')}`,
                )}
                {figure(t('请假人次', 'On leave'), s.attendance.leave.toLocaleString('en-US'))}
                {figure(
                  t('书记讲党课 / 党课', 'Lectures by secretaries / all'),
                  `${s.lectures.bySecretaries} / ${s.lectures.total}`,
                  list({ kind: 'party_lecture' }),
                  'stats-lectures',
                )}
                {figure(
                  t('纪实不完整', 'Incomplete records'),
                  s.incomplete,
                  list({ incomplete: 'true' }),
                  'stats-incomplete',
                )}
              </div>
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={s.byKind}
                locale={{ emptyText: t('本期没有会议记录', 'No meetings in this period') }}
                columns={[
                  {
                    title: t('会议类型', 'Kind'),
                    dataIndex: 'key',
                    render: (v: string) => <Link to={list({ kind: v })}>{lbl(MEETING_KIND_LABELS, v)}</Link>,
                  },
                  { title: t('次数', 'Meetings'), dataIndex: 'count', align: 'right', width: 120 },
                ]}
              />
            </>
          )}
        </Loaded>
      </Card>
      {s ? (
        <Row gutter={[16, 16]}>
          <LowestCard<OrgRow>
            title={t('出席率最低的组织', 'Organizations with the lowest attendance')}
            testId="stats-orgs"
            rowKey="orgId"
            rows={s.orgs}
            columns={[
              linkColumn(t('党组织', 'Organization'), 'orgName', (r) => list({ org: r.orgId })),
              { title: t('会议', 'Meetings'), dataIndex: 'meetings', align: 'right', width: 70 },
              ...attendanceColumns(t('实到/应到', 'Present'), t('出席率', 'Rate')),
            ]}
          />
          <LowestCard<MemberRow>
            title={t('出席率最低的党员', 'Members with the lowest attendance')}
            testId="stats-members"
            rowKey="memberId"
            rows={s.members}
            columns={[
              linkColumn(t('姓名', 'Name'), 'name', (r) => `/members/${r.memberId}`),
              { title: t('所在组织', 'Organization'), dataIndex: 'orgName', ellipsis: true },
              ...attendanceColumns(t('出席/应参加', 'Present'), t('出席率', 'Rate')),
            ]}
          />
        </Row>
      ) : null}
    </Space>
  );
}

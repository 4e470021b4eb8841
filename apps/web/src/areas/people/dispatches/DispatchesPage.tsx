/**
 * Dispatched cadres (`/dispatches`, 派驻干部) on ListPage: first secretaries, work teams, instructors and science
 * envoys of the caller's subtree by kind, status and unit level; the figure of the year by kind on top; the Excel
 * export and the recycle bin. The county and townships record; a village reads those sent to it.
 */
import { Card, Col, Row, Statistic, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import {
  chinaToday,
  DISPATCH_KINDS,
  DISPATCH_STATUSES,
  DISPATCH_UNIT_LEVELS,
  type DispatchItemT,
  type DispatchSummaryT,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { hasCap, useMe } from '../../../app/session';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { NewButton, recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';

const STATUS_COLORS: Record<string, string> = {
  on_duty: 'green',
  rotated: 'blue',
  expired: 'default',
  recalled: 'red',
};

/**
 * The year's figure by kind: people, teams, villages covered, average days present — of the organization the list
 * is narrowed to (`?org=` or the header's switcher), as the list below.
 */
function SummaryCards() {
  const t = useT();
  const lbl = useLabel();
  const year = Number(chinaToday().slice(0, 4));
  const [params] = useSearchParams();
  const { org: scoped } = useScope();
  const org = Number(params.get('org')) || scoped?.id || undefined;
  const q = useQuery({
    queryKey: ['dispatches', 'summary', year, org ?? null],
    queryFn: ({ signal }) => api.get<DispatchSummaryT>('/api/dispatches/summary', { year, org }, signal),
  });
  if (!q.data) return null;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="dispatch-summary">
      {q.data.byKind.map((k) => (
        <Col key={k.kind} xs={12} md={6}>
          <Card size="small" data-testid={`dispatch-summary-${k.kind}`}>
            <Statistic
              title={`${lbl(DISPATCH_KINDS, k.kind)}（${year}）`}
              value={k.kind === 'work_team' ? k.teams : k.people}
              suffix={k.kind === 'work_team' ? t(`支 · 队员 ${k.people - k.teams} 人`, `teams`) : t('人', '')}
            />
            <div className="dj-muted" style={{ fontSize: 12 }}>
              {t(
                `覆盖 ${k.villages} 个村（社区） · 月均在村 ${k.avgDays} 天`,
                `${k.villages} places · ${k.avgDays} days a month`,
              )}
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** The dispatches page. */
export default function DispatchesPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const filters: ListFilter[] = [
    searchFilter(t('搜索', 'Search'), t('姓名或派出单位', 'Name or unit'), {
      maxLength: 40,
      testId: 'dispatch-search',
    }),
    selectFilter('kind', t('派驻类型', 'Kind'), opts(DISPATCH_KINDS), 130, 'dispatch-kind-filter'),
    selectFilter('status', t('状态', 'Status'), opts(DISPATCH_STATUSES), 110),
    selectFilter('unitLevel', t('派出单位层级', 'Unit level'), opts(DISPATCH_UNIT_LEVELS), 120),
  ];
  return (
    <ListPage<DispatchItemT>
      title={t('派驻干部', 'Dispatched cadres')}
      endpoint="/api/dispatches"
      orgScoped
      disabled={!hasCap(me, 'dispatches.read')}
      before={<SummaryCards />}
      filters={filters}
      columns={[
        {
          title: t('派驻类型', 'Kind'),
          dataIndex: 'kind',
          width: 150,
          render: (_: unknown, r) => (
            <>
              {lbl(DISPATCH_KINDS, r.kind)}
              {r.teamRole === 'leader' ? t('（队长）', ' (leader)') : r.teamRole === 'member' ? t('（队员）', '') : ''}
            </>
          ),
        },
        { title: t('姓名', 'Name'), dataIndex: 'personName', width: 100 },
        {
          title: t('派出单位', 'Sending unit'),
          key: 'unit',
          width: 200,
          render: (_: unknown, r) => (
            <>
              {r.sendingUnit}
              <span className="dj-muted"> · {lbl(DISPATCH_UNIT_LEVELS, r.unitLevel)}</span>
            </>
          ),
        },
        {
          title: t('派驻村（社区）', 'Sent to'),
          key: 'orgs',
          render: (_: unknown, r) => r.orgs.map((o) => o.name).join('、'),
        },
        { title: t('乡镇（街道）', 'Township'), dataIndex: 'townshipName', width: 130 },
        { title: t('派驻日期', 'Started on'), dataIndex: 'startedOn', width: 110 },
        { title: t('今年在村天数', 'Days this year'), dataIndex: 'daysThisYear', width: 110 },
        {
          title: t('状态', 'Status'),
          dataIndex: 'status',
          width: 90,
          render: (_: unknown, r) => <Tag color={STATUS_COLORS[r.status]}>{lbl(DISPATCH_STATUSES, r.status)}</Tag>,
        },
      ]}
      scrollX={1200}
      onRowClick={(r) => navigate(`/dispatches/${r.id}`)}
      recycle={recycleBin('dispatches.write', (r: DispatchItemT) => t(`${r.personName}的派驻记录`, `${r.personName}`))}
      exportPath="/api/dispatches/export"
      actions={
        <NewButton
          show={hasCap(me, 'dispatches.write')}
          onClick={() => navigate('/dispatches/new')}
          testId="new-dispatch"
        >
          {t('登记派驻', 'Record a dispatch')}
        </NewButton>
      }
      total={{ testId: 'dispatches-total', text: (n) => t(`共 ${n} 条派驻记录`, `${n} dispatches`) }}
      emptyText={t('没有符合条件的派驻干部', 'No dispatch matches')}
    />
  );
}

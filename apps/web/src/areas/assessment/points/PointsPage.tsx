/** The points ledger (`/points`) on ListPage: filters by member, month, event and state, export, publication. */
import { Space, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { chinaToday, POINT_EVENTS, POINT_STATUSES } from '@dangjian/contracts';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { NewButton, recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';
import { PublishButton } from './PublishButton';
import { type PointItem, recentMonths, STATUS_COLOR, signed, whatOf } from './pointModel';

/** The ledger. */
export default function PointsPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const months = recentMonths(chinaToday(), 24).map((m) => ({ value: m, label: m }));
  const filters: ListFilter[] = [
    searchFilter(t('搜索', 'Search'), t('党员姓名或事由', 'Member or note'), { maxLength: 40 }),
    selectFilter('month', t('月份', 'Month'), months, 120, 'points-month-filter'),
    selectFilter('event', t('事项', 'Event'), opts(POINT_EVENTS), 170),
    selectFilter('status', t('状态', 'Status'), opts(POINT_STATUSES), 130, 'points-status-filter'),
  ];
  return (
    <ListPage<PointItem>
      title={t('积分台账', 'Points ledger')}
      endpoint="/api/points"
      orgScoped
      filters={filters}
      columns={[
        { title: t('党员', 'Member'), dataIndex: 'memberName', width: 100 },
        { title: t('党组织', 'Organization'), dataIndex: 'orgName', width: 170 },
        { title: t('日期', 'Date'), dataIndex: 'occurredOn', width: 110 },
        { title: t('事项', 'Event'), dataIndex: 'event', width: 170, render: (_: unknown, r) => whatOf(r, lbl) },
        {
          title: t('分值', 'Points'),
          dataIndex: 'points',
          width: 80,
          align: 'right',
          render: (v: number) => <b style={{ color: v < 0 ? '#a8071a' : undefined }}>{signed(v)}</b>,
        },
        {
          title: t('状态', 'Status'),
          dataIndex: 'status',
          width: 190,
          render: (_: unknown, r) => (
            <Space size={4} wrap>
              <Tag color={STATUS_COLOR[r.status]}>{lbl(POINT_STATUSES, r.status)}</Tag>
              {r.published ? <Tag color="blue">{t('已公示', 'Published')}</Tag> : null}
              {r.dispute?.status === 'open' ? <Tag color="red">{t('有异议', 'Disputed')}</Tag> : null}
              {r.reversesId ? <Tag>{t('冲正', 'Reversal')}</Tag> : null}
            </Space>
          ),
        },
        { title: t('事由', 'Note'), dataIndex: 'note', width: 260, ellipsis: true, render: (v) => v ?? '—' },
      ]}
      scrollX={1100}
      onRowClick={(r) => navigate(`/points/${r.id}`)}
      recycle={recycleBin('points.write', (r: PointItem) => t(`${r.memberName}的加减分`, `entry of ${r.memberName}`))}
      exportPath="/api/points/export"
      actions={
        <Space>
          <PublishButton />
          <NewButton show={hasCap(me, 'points.write')} onClick={() => navigate('/points/new')} testId="new-point">
            {t('录入加减分', 'Record a manual entry')}
          </NewButton>
        </Space>
      }
      total={{ testId: 'points-total', text: (n) => t(`共 ${n} 条积分记录`, `${n} entries`) }}
      emptyText={t('没有符合条件的积分记录', 'No entry matches')}
    />
  );
}

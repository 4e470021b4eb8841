/** Members away (流动党员) and out of contact (失联), `/mobility`, on ListPage: filters, export, recycle bin. */
import { Button } from 'antd';
import { Link, useNavigate } from 'react-router';
import { BarChartOutlined } from '@ant-design/icons';
import { MOBILITY_STATUSES } from '@dangjian/contracts';
import { useEnumOptions, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListColumn, ListPage } from '../../../components/list/ListPage';
import { NewButton, recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';
import { type MobilityItem, MobilityTag, whereOf } from './parts';

/** The list of records. */
export default function MobilityPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const columns: ListColumn<MobilityItem>[] = [
    {
      title: t('党员', 'Member'),
      dataIndex: 'memberName',
      width: 110,
      render: (v: string, r) => (
        <Link to={`/mobility/members/${r.memberId}`} onClick={(e) => e.stopPropagation()} data-testid="member-link">
          {v}
        </Link>
      ),
    },
    { title: t('所在党组织', 'Organization'), dataIndex: 'orgName', width: 180 },
    { title: t('状态', 'State'), dataIndex: 'status', width: 100, render: (v: string) => <MobilityTag status={v} /> },
    { title: t('外出（失联）日期', 'Since'), dataIndex: 'since', width: 130 },
    { title: t('外出地点 · 单位 · 流入地党组织', 'Where'), key: 'where', render: (_, r) => whereOf(r) },
    { title: t('联系人', 'Contact'), key: 'contact', width: 90, render: (_, r) => r.contact?.name ?? '—' },
    {
      title: t('预计返回 / 返回', 'Expected / back'),
      key: 'back',
      width: 130,
      render: (_, r) => r.returnedOn ?? r.expectedReturn ?? '—',
    },
  ];
  return (
    <ListPage<MobilityItem>
      title={t('流动党员和失联党员', 'Members away and out of contact')}
      endpoint="/api/mobility"
      orgScoped
      filters={[
        searchFilter(t('搜索', 'Search'), t('姓名、外出地点或单位', 'Name, place or workplace'), {
          maxLength: 40,
          testId: 'mobility-search',
        }),
        selectFilter('status', t('状态', 'State'), opts(MOBILITY_STATUSES), 130, 'mobility-status-filter'),
        { kind: 'check', key: 'open', label: t('仅未返回', 'Still away') },
      ]}
      columns={columns}
      scrollX={1000}
      onRowClick={(r) => navigate(`/mobility/${r.id}`)}
      recycle={recycleBin('mobility.write', (r) => `${r.memberName} ${r.since}`, {
        title: t('流动登记回收站', 'Mobility recycle bin'),
      })}
      exportPath="/api/mobility/export"
      exportCapability="mobility.read"
      actions={
        <>
          <Button icon={<BarChartOutlined />} onClick={() => navigate('/mobility/states')}>
            {t('统计', 'Figures')}
          </Button>
          <NewButton
            show={hasCap(me, 'mobility.write')}
            onClick={() => navigate('/mobility/new')}
            testId="new-mobility"
          >
            {t('登记外出或失联', 'Record leaving or lost')}
          </NewButton>
        </>
      }
      total={{ testId: 'mobility-total', text: (n) => t(`共 ${n} 条`, `${n} records`) }}
      emptyText={t('没有符合条件的流动或失联登记', 'No record matches')}
    />
  );
}

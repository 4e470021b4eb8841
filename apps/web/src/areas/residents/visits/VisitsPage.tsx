/** 走访 (`/visits`): visits with date range and visitor filters on ListPage. */
import { Button, Space, Tag, Tooltip } from 'antd';
import { BarChartOutlined, CameraOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListColumn, type ListContext, ListPage } from '../../../components/list/ListPage';
import { linkColumn, NewButton, searchFilter } from '../../../components/list/listParts';
import { residentsBin } from '../common/listParts';
import { MemberFilter } from '../common/ResidentsParts';
import type { Visit } from '../common/model';

/** The visits page. */
export default function VisitsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const name = (v: Visit) =>
    t(
      `${v.visitedOn} ${v.visitorName} 走访 ${v.householdHead}户`,
      `${v.visitorName} at ${v.householdHead}'s, ${v.visitedOn}`,
    );
  const tip = (v: string | null) => (v ? <Tooltip title={v}>{v}</Tooltip> : '—');

  const columns = ({ url }: ListContext<Visit>): ListColumn<Visit>[] => [
    { title: t('日期', 'Date'), dataIndex: 'visitedOn', width: 110 },
    {
      title: t('走访人', 'Visitor'),
      dataIndex: 'visitorName',
      width: 100,
      render: (v: string, r) => <a onClick={() => url.setFilters({ visitor: r.visitorMemberId })}>{v}</a>,
    },
    linkColumn<Visit>(t('户主', 'Household'), 'householdHead', (r) => `/households/${r.householdId}`, 100),
    { title: t('住址', 'Address'), dataIndex: 'householdAddress', width: 180, ellipsis: true },
    { title: t('村（社区）', 'Village'), dataIndex: 'orgName', width: 150, ellipsis: true },
    { title: t('了解情况', 'Found'), dataIndex: 'found', ellipsis: { showTitle: false }, render: tip },
    { title: t('承诺事项', 'Promised'), dataIndex: 'promised', ellipsis: { showTitle: false }, render: tip },
    {
      title: '',
      key: 'links',
      width: 120,
      render: (_, r) => (
        <Space size={4}>
          {r.requestId ? (
            <Link to={`/requests/${r.requestId}`}>
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                {t('诉求', 'Request')}
              </Tag>
            </Link>
          ) : null}
          {r.photos ? (
            <Tag icon={<CameraOutlined />} style={{ marginInlineEnd: 0 }}>
              {r.photos}
            </Tag>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <ListPage<Visit>
      title={t('走访记录', 'Visits')}
      endpoint="/api/visits"
      orgScoped
      filters={[
        searchFilter(
          t('搜索户主、地址或内容', 'Search head, address or notes'),
          t('户主 / 地址 / 内容', 'Head / address / notes'),
        ),
        { kind: 'dateRange', key: 'from', keyTo: 'to', label: t('走访日期', 'Visit dates') },
        {
          kind: 'custom',
          key: 'visitor',
          label: t('走访人', 'Visitor'),
          render: (v, set) => <MemberFilter value={v} onChange={set} label={t('走访人', 'Visitor')} />,
        },
      ]}
      columns={columns}
      scrollX={1100}
      recycle={residentsBin(name, t('走访回收站', 'Visits: recycle bin'), t('返回走访记录', 'Back to the visits'), [
        'visit-quotas',
        'household',
        'service-stats',
      ])}
      actions={
        <>
          <NewButton show={hasCap(me, 'residents.write')} onClick={() => navigate('/visits/new')} testId="new-visit">
            {t('登记走访', 'Record a visit')}
          </NewButton>
          <Button icon={<BarChartOutlined />} onClick={() => navigate('/visits/quotas')}>
            {t('走访要求落实', 'Quotas')}
          </Button>
        </>
      }
      total={{ testId: 'visit-total', text: (n) => t(`共 ${n} 次`, `${n} visits`) }}
      emptyText={t('没有符合条件的走访记录', 'No visit matches')}
    />
  );
}

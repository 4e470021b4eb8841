/**
 * Inspections (`/inspections`, 督查检查) on ListPage: the quarterly and half-year inspections, the unannounced
 * visits, the on-site observations and the special inspections of the caller's subtree (a visited branch sees the
 * completed ones that visited it), with their dates, organizations visited, findings and problems opened.
 */
import { Space, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { INSPECTION_KINDS, INSPECTION_STATUSES } from '@dangjian/contracts';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { NewButton, recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';
import { INSPECTION_STATUS_COLORS, type InspectionItem } from './inspectionModel';

/** The inspections page. */
export default function InspectionsPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const filters: ListFilter[] = [
    searchFilter(t('搜索', 'Search'), t('督查名称', 'Inspection title'), { maxLength: 40 }),
    selectFilter('kind', t('督查类型', 'Kind'), opts(INSPECTION_KINDS), 140, 'kind-filter'),
    selectFilter('status', t('状态', 'Status'), opts(INSPECTION_STATUSES), 120),
    { kind: 'dateRange', key: 'from', keyTo: 'to', label: t('督查日期', 'Dates') },
  ];
  const count = (n: number) => (n ? n : <span className="dj-muted">0</span>);
  return (
    <ListPage<InspectionItem>
      title={t('督查检查', 'Inspections')}
      endpoint="/api/inspections"
      orgScoped
      filters={filters}
      columns={[
        { title: t('督查名称', 'Title'), dataIndex: 'title', width: 240 },
        {
          title: t('督查类型', 'Kind'),
          dataIndex: 'kind',
          width: 150,
          render: (_: unknown, r) => (
            <Space size={4}>
              <span>{lbl(INSPECTION_KINDS, r.kind)}</span>
              {r.unannounced && r.kind !== 'unannounced' ? <Tag>{t('暗访', 'Unannounced')}</Tag> : null}
            </Space>
          ),
        },
        { title: t('组织单位', 'Issued by'), dataIndex: 'orgName', width: 170 },
        {
          title: t('督查日期', 'Dates'),
          dataIndex: 'startsOn',
          width: 200,
          render: (_: unknown, r) => (r.startsOn === r.endsOn ? r.startsOn : `${r.startsOn} 至 ${r.endsOn}`),
        },
        { title: t('检查单位', 'Visited'), dataIndex: 'visits', width: 90, render: count },
        { title: t('发现问题', 'Findings'), dataIndex: 'findings', width: 90, render: count },
        { title: t('转整改', 'Problems'), dataIndex: 'problems', width: 80, render: count },
        {
          title: t('状态', 'Status'),
          dataIndex: 'status',
          width: 100,
          render: (_: unknown, r) => (
            <Tag color={INSPECTION_STATUS_COLORS[r.status]}>{lbl(INSPECTION_STATUSES, r.status)}</Tag>
          ),
        },
      ]}
      scrollX={1200}
      onRowClick={(r) => navigate(`/inspections/${r.id}`)}
      recycle={recycleBin('inspections.write', (r: InspectionItem) => t(`督查「${r.title}」`, `"${r.title}"`))}
      exportPath="/api/inspections/export"
      actions={
        <NewButton
          show={hasCap(me, 'inspections.write')}
          onClick={() => navigate('/inspections/new')}
          testId="new-inspection"
        >
          {t('制定督查计划', 'Plan an inspection')}
        </NewButton>
      }
      total={{ testId: 'inspection-total', text: (n) => t(`共 ${n} 次督查`, `${n} inspections`) }}
      emptyText={t('没有符合条件的督查检查', 'No inspection matches')}
    />
  );
}
